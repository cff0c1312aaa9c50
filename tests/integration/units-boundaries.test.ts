import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { insertUnit } from "@/lib/units/tree";
import { parseBoundaries, type FileBoundary } from "@/lib/units/boundaries/parse";
import { importBoundaries, previewBoundaries } from "@/lib/units/boundaries/import";
import { boundariesOf } from "@/lib/units/boundaries/queries";
import { readSharedFile, sharedData } from "../support/shared-data";

const REAL = sharedData(["gis-districts-26-vinh-phuc.json"], import.meta.filename);
const [REAL_FILE] = REAL.files;
const MARCH = new Date("2025-03-01T00:00:00Z");

const square = (lng: number, lat: number, size = 0.05) => [[[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]]];

function parsed(doc: unknown): FileBoundary[] {
  const result = parseBoundaries(JSON.stringify(doc));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.boundaries;
}

/** Vĩnh Phúc with two of its districts as of March 2025, and a district of the same code as one of them, closed long ago. */
let tree: { province: { id: number }; lapThach: { id: number }; vinhTuong: { id: number }; oldLapThach: { id: number } };

beforeAll(async () => {
  const nation = await insertUnit(db, { parentId: null, level: "NATION", typeLabel: "Cả nước", name: "Việt Nam" });
  const province = await insertUnit(db, { parentId: nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: "Vĩnh Phúc", code: "26" });
  const oldLapThach = await insertUnit(db, {
    parentId: province.id,
    level: "DISTRICT",
    typeLabel: "Huyện",
    name: "Lập Thạch cũ",
    code: "246",
    validTo: new Date("2008-12-31T00:00:00Z"),
  });
  const lapThach = await insertUnit(db, { parentId: province.id, level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch", code: "246", validFrom: new Date("2009-01-01T00:00:00Z") });
  const vinhTuong = await insertUnit(db, { parentId: province.id, level: "DISTRICT", typeLabel: "Huyện", name: "Vĩnh Tường", code: "252" });
  tree = { province, lapThach, vinhTuong, oldLapThach };
});

const SYNTHETIC = {
  level1_id: "26",
  name: "Tỉnh Vĩnh Phúc",
  coordinates: square(105.3, 21.1, 0.4),
  level2s: [
    { level2_id: "246", name: "Huyện Lập Thạch", coordinates: square(105.4, 21.4) },
    { level2_id: "252", name: "Huyện Vĩnh Tường Mới", coordinates: square(105.5, 21.2) },
    { level2_id: "250", name: "Huyện Mê Linh", coordinates: square(105.7, 21.2) },
  ],
};

describe("importBoundaries", () => {
  it("previews without writing: matched by code among the units valid that day, unmatched by code and name", async () => {
    const plan = await previewBoundaries(db, parsed(SYNTHETIC), MARCH);
    expect(plan.matched.map((m) => [m.unitId, m.unitName, m.change, m.fileName])).toEqual([
      [tree.province.id, "Tỉnh Vĩnh Phúc", "new", undefined],
      [tree.lapThach.id, "Huyện Lập Thạch", "new", undefined],
      // The code matched but the file names it otherwise: shown for a look.
      [tree.vinhTuong.id, "Huyện Vĩnh Tường", "new", "Huyện Vĩnh Tường Mới"],
    ]);
    expect(plan.unmatched).toEqual([{ level: "DISTRICT", code: "250", name: "Huyện Mê Linh", at: "tỉnh.level2s[2] (Huyện Mê Linh)" }]);
    expect(await db.unitBoundary.count()).toBe(0);
  });

  it("matches the unit valid on the as-of day, not a closed one of the same code", async () => {
    const plan = await previewBoundaries(db, parsed(SYNTHETIC), new Date("2005-06-01T00:00:00Z"));
    expect(plan.matched.find((m) => m.code === "246")?.unitId).toBe(tree.oldLapThach.id);
  });

  it("writes the matched boundaries; a second run with the same file changes nothing; a changed shape is replaced", async () => {
    const first = await importBoundaries(db, parsed(SYNTHETIC), { actorId: null, asOf: MARCH });
    expect(first.counts).toEqual({ new: 3, changed: 0, unchanged: 0, unmatched: 1 });
    const shapes = await boundariesOf(db, [tree.province.id, tree.lapThach.id, tree.vinhTuong.id, tree.oldLapThach.id]);
    expect([...shapes.keys()].sort()).toEqual([tree.province.id, tree.lapThach.id, tree.vinhTuong.id].sort());
    expect(shapes.get(tree.lapThach.id)).toEqual(square(105.4, 21.4));
    const before = await db.unitBoundary.findMany({ orderBy: { unitId: "asc" } });
    const audits = await db.auditLog.count({ where: { action: "units.boundaries-import" } });
    expect(audits).toBe(1);

    const second = await importBoundaries(db, parsed(SYNTHETIC), { actorId: null, asOf: MARCH });
    expect(second.counts).toEqual({ new: 0, changed: 0, unchanged: 3, unmatched: 1 });
    expect(await db.unitBoundary.findMany({ orderBy: { unitId: "asc" } })).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "units.boundaries-import" } })).toBe(audits);

    const moved = { ...SYNTHETIC, level2s: [{ ...SYNTHETIC.level2s[0], coordinates: square(105.41, 21.4) }] };
    const third = await importBoundaries(db, parsed(moved), { actorId: null, asOf: MARCH });
    expect(third.matched.map((m) => [m.code, m.change])).toEqual([["26", "unchanged"], ["246", "changed"]]);
    expect((await boundariesOf(db, [tree.lapThach.id])).get(tree.lapThach.id)).toEqual(square(105.41, 21.4));
    // The shape of Vĩnh Tường, absent from this file, stays.
    expect((await boundariesOf(db, [tree.vinhTuong.id])).get(tree.vinhTuong.id)).toEqual(square(105.5, 21.2));
  });

  it("writes nothing when a code matches two units valid on the day", async () => {
    const count = await db.unitBoundary.count();
    const rows = await db.unitBoundary.findMany({ orderBy: { unitId: "asc" } });
    // Two open units coded 246 on a day when both exist.
    const twin = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch trùng", code: "246", validFrom: new Date("2024-01-01T00:00:00Z"), validTo: new Date("2024-12-31T00:00:00Z") });
    const changed = { ...SYNTHETIC, coordinates: square(105.31, 21.1, 0.4) };
    await expect(importBoundaries(db, parsed(changed), { actorId: null, asOf: new Date("2024-06-01T00:00:00Z") })).rejects.toThrow(/nhiều đơn vị cùng mã.*246/);
    expect(await db.unitBoundary.count()).toBe(count);
    expect(await db.unitBoundary.findMany({ orderBy: { unitId: "asc" } })).toEqual(rows);
    await db.unit.delete({ where: { id: twin.id } });
  });

  it.skipIf(REAL.skip)("imports the real Vĩnh Phúc file: the province and the districts the tree has get their shapes, the others are reported", async () => {
    await db.unitBoundary.deleteMany();
    const result = parseBoundaries(readSharedFile(REAL_FILE));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const plan = await importBoundaries(db, result.boundaries, { actorId: null, asOf: MARCH });
    expect(plan.matched.map((m) => [m.code, m.unitName])).toEqual([
      ["26", "Tỉnh Vĩnh Phúc"],
      ["246", "Huyện Lập Thạch"],
      ["252", "Huyện Vĩnh Tường"],
    ]);
    expect(plan.matched.every((m) => m.change === "new" && !m.fileName)).toBe(true);
    expect(plan.unmatched.map((u) => `${u.code} ${u.name}`)).toEqual([
      "243 Thành phố Vĩnh Yên",
      "244 Thành phố Phúc Yên",
      "247 Huyện Tam Dương",
      "248 Huyện Tam Đảo",
      "249 Huyện Bình Xuyên",
      "251 Huyện Yên Lạc",
      "253 Huyện Sông Lô",
    ]);
    const shape = (await boundariesOf(db, [tree.lapThach.id])).get(tree.lapThach.id)!;
    expect(shape).toEqual(result.boundaries.find((b) => b.code === "246")!.coordinates);
    expect(shape[0][0].length).toBeGreaterThan(100);
  });
});
