import { describe, expect, it } from "vitest";
import { MAX_BOUNDARY_BYTES, parseBoundaries, type BoundaryParseResult } from "./parse";
import { readSharedFile, sharedData } from "@/tests/support/shared-data";

const REAL = sharedData(["gis-districts-26-vinh-phuc.json"], import.meta.filename);
const [REAL_FILE] = REAL.files;

const square = (lng: number, lat: number, size = 0.05) => [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]];

const file = (districts: unknown[], province: Record<string, unknown> = {}) =>
  JSON.stringify({ level1_id: "26", name: "Tỉnh Vĩnh Phúc", type: "MultiPolygon", ...province, level2s: districts });

const district = (code: string, name: string, coordinates: unknown = [square(105.5, 21.3)]) => ({ level2_id: code, name, type: "MultiPolygon", coordinates });

function errors(result: BoundaryParseResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseBoundaries", () => {
  it("reads a province, its districts and their communes with their levels and codes", () => {
    const result = parseBoundaries(
      file([{ ...district("246", "Huyện Lập Thạch"), level3s: [{ level3_id: "08839", name: "Xã Đồng Ích", coordinates: square(105.5, 21.3, 0.01) }] }], {
        coordinates: [square(105.3, 21.1, 0.4)],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.boundaries.map((b) => [b.level, b.code, b.name])).toEqual([
      ["PROVINCE", "26", "Tỉnh Vĩnh Phúc"],
      ["DISTRICT", "246", "Huyện Lập Thạch"],
      ["COMMUNE", "08839", "Xã Đồng Ích"],
    ]);
    // A Polygon (one level shallower) is read as a MultiPolygon of one.
    expect(result.boundaries[2].coordinates).toEqual([[[[105.5, 21.3], [105.51, 21.3], [105.51, 21.31], [105.5, 21.31], [105.5, 21.3]]]]);
  });

  it("reads communes straight under the province (files drawn after the 2025 reform)", () => {
    const result = parseBoundaries(file([{ level2_id: "08839", name: "Xã Đồng Ích", coordinates: [square(105.5, 21.3)] }]));
    expect(result.ok && result.boundaries.map((b) => b.level)).toEqual(["COMMUNE"]);
  });

  it("reads several provinces under \"data\", naming each by its place", () => {
    const doc = { data: [JSON.parse(file([district("246", "Huyện Lập Thạch")])), { level1_id: "25", name: "Tỉnh Phú Thọ", level2s: [district("227", "Huyện Lâm Thao", [[[[105.3, 21.3]]]])] }] };
    expect(errors(parseBoundaries(JSON.stringify(doc)))).toEqual([{ at: "data[1].level2s[0] (Huyện Lâm Thao).coordinates[0][0]", message: expect.stringContaining("vòng chỉ có 1 điểm") }]);
  });

  it("refuses what is not JSON, or not this shape", () => {
    expect(errors(parseBoundaries("{ not json"))[0]).toMatchObject({ at: "tệp", message: expect.stringContaining("không đọc được JSON") });
    expect(errors(parseBoundaries(JSON.stringify([1, 2])))[0].message).toContain('{"level1_id"');
  });

  it("names the unit and the position of a ring that is not closed, not numbers or outside Vietnam", () => {
    const open = [[[[105.5, 21.3], [105.6, 21.3], [105.6, 21.4], [105.5, 21.4]]]];
    const text = [[[[105.5, 21.3], ["105.6", 21.3], [105.6, 21.4], [105.5, 21.3]]]];
    const swapped = [[[[21.3, 105.5], [21.3, 105.6], [21.4, 105.6], [21.3, 105.5]]]];
    const list = errors(parseBoundaries(file([district("246", "Huyện Lập Thạch", open), district("247", "Huyện Tam Dương", text), district("248", "Huyện Tam Đảo", swapped)])));
    expect(list).toEqual([
      { at: "tỉnh.level2s[0] (Huyện Lập Thạch).coordinates[0][0]", message: expect.stringContaining("không khép kín") },
      { at: "tỉnh.level2s[1] (Huyện Tam Dương).coordinates[0][0][1]", message: expect.stringContaining("phải là hai số") },
      { at: "tỉnh.level2s[2] (Huyện Tam Đảo).coordinates[0][0][0]", message: expect.stringContaining("kinh độ và vĩ độ bị đảo chỗ") },
    ]);
  });

  it("refuses too few points, a missing shape, bad or repeated codes and a missing name", () => {
    const list = errors(
      parseBoundaries(
        file([
          district("246", "Huyện Lập Thạch", [[[[105.5, 21.3], [105.6, 21.3], [105.5, 21.3]]]]),
          { level2_id: "247", name: "Huyện Tam Dương" },
          district("24", "Huyện Tam Đảo"),
          district("249", ""),
          district("252", "Huyện Vĩnh Tường"),
          district("252", "Huyện Vĩnh Tường"),
        ]),
      ),
    );
    expect(list.map((e) => [e.at, e.message.split(":")[0]])).toEqual([
      ["tỉnh.level2s[0] (Huyện Lập Thạch).coordinates[0][0]", "vòng chỉ có 3 điểm, cần ít nhất 4 (điểm cuối trùng điểm đầu)"],
      ["tỉnh.level2s[1] (Huyện Tam Dương)", "thiếu tọa độ ranh giới (coordinates)"],
      ["tỉnh.level2s[2] (Huyện Tam Đảo)", 'mã "24" không hợp lệ'],
      ["tỉnh.level2s[3]", "thiếu tên đơn vị"],
      ["tỉnh.level2s[5] (Huyện Vĩnh Tường)", "trùng mã 252 (đã có ở tỉnh.level2s[4] (Huyện Vĩnh Tường))"],
    ]);
  });

  it("refuses a file over the size limit before reading it", () => {
    const big = new Uint8Array(MAX_BOUNDARY_BYTES + 1);
    expect(errors(parseBoundaries(big))[0].message).toContain("tệp quá lớn");
  });

  it.skipIf(REAL.skip)("reads the real Vĩnh Phúc file: the province and its 9 districts, simplified, all inside the province's box", () => {
    const result = parseBoundaries(readSharedFile(REAL_FILE));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.boundaries.map((b) => b.code)).toEqual(["26", "243", "244", "246", "247", "248", "249", "251", "252", "253"]);
    expect(result.positions.kept).toBeLessThan(result.positions.read);
    const stored = JSON.stringify(result.boundaries.map((b) => b.coordinates)).length;
    expect(stored).toBeLessThan(readSharedFile(REAL_FILE).length / 5);
    for (const b of result.boundaries) {
      for (const [lng, lat] of b.coordinates.flat(2)) {
        expect(lng).toBeGreaterThan(105.3);
        expect(lat).toBeLessThan(21.6);
        expect(String(lng).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(5);
      }
    }
  });
});
