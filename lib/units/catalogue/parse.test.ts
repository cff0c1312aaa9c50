import { describe, expect, it } from "vitest";
import { FIXTURE_CSV, FIXTURE_JSON, fixtureBytes } from "./fixtures";
import { MAX_CATALOGUE_BYTES, MAX_CATALOGUE_ERRORS, parseCatalogue, splitCsv, splitName, type CatalogueParseResult } from "./parse";

const clone = () => structuredClone(FIXTURE_JSON) as { data: Record<string, unknown>[] } & typeof FIXTURE_JSON;

function errorsOf(result: CatalogueParseResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseCatalogue, JSON", () => {
  it("flattens the tree into bare names and type labels, provinces first", () => {
    const result = parseCatalogue(fixtureBytes(FIXTURE_JSON));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.units.map((u) => u.level)).toEqual(["PROVINCE", "PROVINCE", "DISTRICT", "DISTRICT", "DISTRICT", "DISTRICT", "COMMUNE", "COMMUNE", "COMMUNE", "COMMUNE", "COMMUNE", "COMMUNE"]);
    expect(result.units[0]).toEqual({ level: "PROVINCE", code: "97", typeLabel: "Thành phố Trung ương", name: "Thử Nghiệm", parentCode: null });
    expect(result.units).toContainEqual({ level: "DISTRICT", code: "982", typeLabel: "Huyện", name: "Lập Thạch", parentCode: "98" });
    // case differences in the prefix
    expect(result.units).toContainEqual({ level: "DISTRICT", code: "981", typeLabel: "Thành phố", name: "Vĩnh Yên", parentCode: "98" });
    expect(result.units).toContainEqual({ level: "COMMUNE", code: "97201", typeLabel: "Thị trấn", name: "Đông Anh", parentCode: "972" });
    // "Phường 5" typed "Xã" keeps the type its name says
    expect(result.units).toContainEqual({ level: "COMMUNE", code: "97102", typeLabel: "Phường", name: "5", parentCode: "971" });
  });

  it("names the path and the problem: code length, missing name, duplicate, unknown type", () => {
    const doc = clone();
    const p0 = doc.data[0] as (typeof FIXTURE_JSON.data)[0];
    (p0.level2s[1] as { level2_id: string }).level2_id = "97";
    (p0.level2s[0].level3s[0] as { name?: string }).name = undefined;
    p0.level2s[0].level3s[1].level3_id = "97201";
    (doc.data[1] as { type: string }).type = "Bang";
    const errors = errorsOf(parseCatalogue(fixtureBytes(doc)));
    expect(errors).toContainEqual({ at: "data[0].level2s[1]", message: expect.stringMatching(/mã huyện "97".*3 chữ số/) });
    expect(errors).toContainEqual({ at: "data[0].level2s[0].level3s[0]", message: "thiếu tên xã" });
    expect(errors).toContainEqual({ at: "data[0].level2s[1].level3s[0]", message: expect.stringMatching(/trùng mã xã 97201.*data\[0\]\.level2s\[0\]\.level3s\[1\]/) });
    expect(errors).toContainEqual({ at: "data[1]", message: expect.stringContaining('loại đơn vị "Bang" không hợp lệ') });
  });

  it("rejects a missing code, a file that is not JSON, and a wrong shape", () => {
    const doc = clone();
    (doc.data[1] as { level1_id?: string }).level1_id = undefined;
    expect(errorsOf(parseCatalogue(fixtureBytes(doc)))).toContainEqual({ at: "data[1]", message: "thiếu mã tỉnh" });
    expect(errorsOf(parseCatalogue(fixtureBytes("{ not json"), { format: "json" }))[0].message).toMatch(/không đọc được JSON/);
    expect(errorsOf(parseCatalogue(fixtureBytes({ items: [] })))[0].message).toMatch(/"data"/);
  });

  it("caps the errors at 50", () => {
    const doc = { data: Array.from({ length: 80 }, (_, i) => ({ level1_id: `x${i}`, name: "Tỉnh X", type: "Tỉnh" })) };
    const result = parseCatalogue(fixtureBytes(doc));
    expect(errorsOf(result)).toHaveLength(MAX_CATALOGUE_ERRORS);
    expect(!result.ok && result.truncated).toBe(true);
  });

  it("refuses files over 20 MB", () => {
    const errors = errorsOf(parseCatalogue(new Uint8Array(MAX_CATALOGUE_BYTES + 1)));
    expect(errors[0].message).toMatch(/quá lớn/);
  });
});

describe("parseCatalogue, CSV", () => {
  it("reads the GSO export (BOM, semicolons, quotes, Vietnamese headers) into the same units as the JSON", () => {
    const fromCsv = parseCatalogue(fixtureBytes(FIXTURE_CSV));
    const fromJson = parseCatalogue(fixtureBytes(FIXTURE_JSON));
    expect(fromCsv).toEqual(fromJson);
  });

  it("accepts English headers and commas", () => {
    const csv = [
      "Province,Province Code,District,District Code,Ward,Ward Code,Level",
      'Tỉnh Vĩnh Thử,98,Huyện Lập Thạch,982,"Xã Tân Lập",98201,Xã',
    ].join("\n");
    const result = parseCatalogue(fixtureBytes(csv));
    expect(result.ok && result.units).toEqual([
      { level: "PROVINCE", code: "98", typeLabel: "Tỉnh", name: "Vĩnh Thử", parentCode: null },
      { level: "DISTRICT", code: "982", typeLabel: "Huyện", name: "Lập Thạch", parentCode: "98" },
      { level: "COMMUNE", code: "98201", typeLabel: "Xã", name: "Tân Lập", parentCode: "982" },
    ]);
  });

  it("names the line: too few columns, bad code, duplicate, conflicting province, missing header", () => {
    const lines = FIXTURE_CSV.split("\r\n");
    lines[2] = "Thành phố Thử Nghiệm;97;Quận Một";
    lines[3] = lines[3].replace('"97201"', '"9720"');
    lines[5] = lines[5].replace("98101", "97202");
    lines[6] = lines[6].replace("Tỉnh Vĩnh Thử", "Tỉnh Khác");
    const errors = errorsOf(parseCatalogue(fixtureBytes(lines.join("\r\n"))));
    expect(errors).toContainEqual({ at: "dòng 3", message: expect.stringMatching(/thiếu cột/) });
    expect(errors).toContainEqual({ at: "dòng 4", message: expect.stringMatching(/mã xã "9720".*5 chữ số/) });
    expect(errors).toContainEqual({ at: "dòng 6", message: expect.stringMatching(/trùng mã xã 97202 \(đã có ở dòng 5\)/) });
    expect(errors).toContainEqual({ at: "dòng 7", message: expect.stringMatching(/mã tỉnh 98 đã dùng/) });
    expect(errorsOf(parseCatalogue(fixtureBytes("Tỉnh;Mã TP\nTỉnh A;01\n")))[0]).toMatchObject({ at: "dòng 1", message: expect.stringMatching(/thiếu cột "Quận Huyện"/) });
  });

  it("refuses invalid UTF-8 and names the line", () => {
    const good = fixtureBytes(FIXTURE_CSV);
    const lineStarts = [0];
    good.forEach((b, i) => b === 0x0a && lineStarts.push(i + 1));
    const bad = new Uint8Array(good);
    bad[lineStarts[3] + 2] = 0xc3; // line 4
    bad[lineStarts[3] + 3] = 0x28;
    const errors = errorsOf(parseCatalogue(bad));
    expect(errors).toEqual([{ at: "dòng 4", message: expect.stringMatching(/không phải UTF-8/) }]);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    expect(errorsOf(parseCatalogue(utf16))[0].message).toMatch(/UTF-16/);
  });

  it("splits quoted fields with separators, doubled quotes and newlines", () => {
    expect(splitCsv('a;"b;c";"d ""e"""\n"f\ng";h\n', ";")).toEqual([
      { line: 1, fields: ["a", "b;c", 'd "e"'] },
      { line: 2, fields: ["f\ng", "h"] },
    ]);
  });
});

describe("splitName", () => {
  it("strips the type prefix", () => {
    expect(splitName("PROVINCE", "Thành phố Hà Nội", "Thành phố Trung ương")).toEqual({ typeLabel: "Thành phố Trung ương", name: "Hà Nội" });
    expect(splitName("PROVINCE", "Thành phố Hà Nội", null)).toEqual({ typeLabel: "Thành phố Trung ương", name: "Hà Nội" });
    expect(splitName("DISTRICT", "Thị Xã  Mường Lay", "Thị xã")).toEqual({ typeLabel: "Thị xã", name: "Mường Lay" });
    expect(splitName("COMMUNE", "Khu X", "Xã")).toEqual({ typeLabel: "Xã", name: "Khu X" });
    expect(splitName("COMMUNE", "Khu X", null)).toHaveProperty("error");
  });
});
