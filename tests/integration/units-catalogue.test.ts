import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { insertUnit, unitSearchName } from "@/lib/units/tree";
import { FIXTURE_CSV, FIXTURE_JSON, fixtureBytes } from "@/lib/units/catalogue/fixtures";
import { parseCatalogue, type CatalogueUnit } from "@/lib/units/catalogue/parse";
import { importCatalogue, previewCatalogue, type CatalogueSummary } from "@/lib/units/catalogue/import";
import { readSharedFile, sharedData } from "../support/shared-data";

const REAL = sharedData(["gso-admin-units-2025-03.json"], import.meta.filename);
const [REAL_FILE] = REAL.files;
const AS_OF = new Date("2025-03-01T00:00:00Z");

function parsed(bytes: Uint8Array): CatalogueUnit[] {
  const result = parseCatalogue(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.units;
}

const counts = (p: [number, number, number], d: [number, number, number], c: [number, number, number]): CatalogueSummary => ({
  PROVINCE: { new: p[0], changed: p[1], unchanged: p[2] },
  DISTRICT: { new: d[0], changed: d[1], unchanged: d[2] },
  COMMUNE: { new: c[0], changed: c[1], unchanged: c[2] },
});

/** Everything about the units that an import could touch. */
async function snapshot() {
  return db.unit.findMany({
    orderBy: { id: "asc" },
    select: { id: true, code: true, typeLabel: true, name: true, searchName: true, parentId: true, ancestorIds: true, depth: true, updatedAt: true, version: true },
  });
}

async function byCode(level: "PROVINCE" | "DISTRICT" | "COMMUNE", code: string) {
  return db.unit.findFirstOrThrow({ where: { level, code } });
}

/** Every unit's path is its parent's path plus itself. */
async function expectConsistentPaths() {
  const units = await db.unit.findMany({ select: { id: true, parentId: true, ancestorIds: true, depth: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    const parentPath = u.parentId === null ? [] : byId.get(u.parentId)!.ancestorIds;
    expect(u.ancestorIds, `unit ${u.id}`).toEqual([...parentPath, u.id]);
    expect(u.depth).toBe(parentPath.length);
  }
}

const fixtureUnits = parsed(fixtureBytes(FIXTURE_JSON));

describe("GSO catalogue import (fixture)", () => {
  it("creates the tree under a new root, with paths, search names and an audit row", async () => {
    expect(await previewCatalogue(db, fixtureUnits, AS_OF)).toEqual(counts([2, 0, 0], [4, 0, 0], [6, 0, 0]));
    const result = await importCatalogue(db, fixtureUnits, { actorId: null, asOf: AS_OF });
    expect(result.counts).toEqual(counts([2, 0, 0], [4, 0, 0], [6, 0, 0]));

    const root = await db.unit.findUniqueOrThrow({ where: { id: result.rootId! } });
    expect(root).toMatchObject({ level: "NATION", name: "Việt Nam", typeLabel: "Cả nước", parentId: null, ancestorIds: [root.id], depth: 0 });
    const province = await byCode("PROVINCE", "97");
    expect(province).toMatchObject({ typeLabel: "Thành phố Trung ương", name: "Thử Nghiệm", parentId: root.id, ancestorIds: [root.id, province.id], depth: 1 });
    const district = await byCode("DISTRICT", "972");
    const commune = await byCode("COMMUNE", "97202");
    expect(commune).toMatchObject({
      typeLabel: "Xã",
      name: "Đồng Ích",
      searchName: unitSearchName({ typeLabel: "Xã", name: "Đồng Ích" }),
      parentId: district.id,
      ancestorIds: [root.id, province.id, district.id, commune.id],
      depth: 3,
      validFrom: null,
      validTo: null,
    });
    expect(await db.unit.count({ where: { level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] } } })).toBe(12);
    await expectConsistentPaths();

    const log = await db.auditLog.findFirstOrThrow({ where: { action: "units.catalogue-import" }, orderBy: { id: "desc" } });
    expect(log.data).toMatchObject({ asOf: "2025-03-01", total: 12, counts: { COMMUNE: { new: 6, changed: 0, unchanged: 0 } } });
  });

  it("changes nothing on a second run", async () => {
    const before = await snapshot();
    expect(await previewCatalogue(db, fixtureUnits, AS_OF)).toEqual(counts([0, 0, 2], [0, 0, 4], [0, 0, 6]));
    const result = await importCatalogue(db, fixtureUnits, { actorId: null, asOf: AS_OF });
    expect(result.counts).toEqual(counts([0, 0, 2], [0, 0, 4], [0, 0, 6]));
    expect(await snapshot()).toEqual(before);
  });

  it("parses the CSV export to the same units, and importing it changes nothing", async () => {
    const fromCsv = parsed(fixtureBytes(FIXTURE_CSV));
    expect(fromCsv).toEqual(fixtureUnits);
    const before = await snapshot();
    expect((await importCatalogue(db, fromCsv, { actorId: null, asOf: AS_OF })).counts).toEqual(counts([0, 0, 2], [0, 0, 4], [0, 0, 6]));
    expect(await snapshot()).toEqual(before);
  });

  it("updates a renamed commune and only it", async () => {
    const doc = structuredClone(FIXTURE_JSON);
    doc.data[0].level2s[1].level3s[1].name = "Xã Đồng Ích Mới";
    const units = parsed(fixtureBytes(doc));
    const before = await snapshot();
    expect(await previewCatalogue(db, units, AS_OF)).toEqual(counts([0, 0, 2], [0, 0, 4], [0, 1, 5]));
    expect((await importCatalogue(db, units, { actorId: null, asOf: AS_OF })).counts).toEqual(counts([0, 0, 2], [0, 0, 4], [0, 1, 5]));
    const commune = await byCode("COMMUNE", "97202");
    expect(commune).toMatchObject({ name: "Đồng Ích Mới", searchName: "xa dong ich moi", version: 1 });
    const after = await snapshot();
    const changedIds = after.filter((u, i) => JSON.stringify(u) !== JSON.stringify(before[i])).map((u) => u.id);
    expect(changedIds).toEqual([commune.id]);
  });

  it("moves a district to another province with its whole subtree, villages included", async () => {
    const district = await byCode("DISTRICT", "972");
    const commune = await byCode("COMMUNE", "97201");
    const village = await insertUnit(db, { parentId: commune.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đình" });
    const doc = structuredClone(FIXTURE_JSON);
    doc.data[0].level2s[1].level3s[1].name = "Xã Đồng Ích Mới";
    doc.data[1].level2s.push(doc.data[0].level2s.pop()!); // 972 now under 98
    // and a new commune under the moved district, and one moved between districts
    doc.data[1].level2s[2].level3s.push({ level3_id: "97203", name: "Xã Mới Lập", type: "Xã" });
    doc.data[1].level2s[1].level3s.push(doc.data[1].level2s[0].level3s.pop()!); // 98101 → 982
    const units = parsed(fixtureBytes(doc));
    expect(await previewCatalogue(db, units, AS_OF)).toEqual(counts([0, 0, 2], [0, 1, 3], [1, 1, 5]));
    await importCatalogue(db, units, { actorId: null, asOf: AS_OF });

    const province = await byCode("PROVINCE", "98");
    const moved = await byCode("DISTRICT", "972");
    expect(moved.id).toBe(district.id);
    expect(moved).toMatchObject({ parentId: province.id, ancestorIds: [...province.ancestorIds, district.id], depth: 2 });
    expect((await db.unit.findUniqueOrThrow({ where: { id: village.id } })).ancestorIds).toEqual([...province.ancestorIds, district.id, commune.id, village.id]);
    expect((await byCode("COMMUNE", "97203")).ancestorIds).toEqual([...province.ancestorIds, district.id, expect.any(Number)]);
    expect((await byCode("COMMUNE", "98101")).parentId).toBe((await byCode("DISTRICT", "982")).id);
    await expectConsistentPaths();

    // and back again
    await importCatalogue(db, fixtureUnits, { actorId: null, asOf: AS_OF });
    expect((await db.unit.findUniqueOrThrow({ where: { id: village.id } })).ancestorIds).toEqual([
      ...(await byCode("PROVINCE", "97")).ancestorIds,
      district.id,
      commune.id,
      village.id,
    ]);
    await expectConsistentPaths();
  });

  it("matches codes only among the units valid on the day", async () => {
    // A closed province with a code the fixture does not use: a catalogue reusing it makes a new unit.
    const root = (await byCode("PROVINCE", "97")).parentId!;
    await insertUnit(db, { parentId: root, level: "PROVINCE", typeLabel: "Tỉnh", name: "Cũ", code: "96", validTo: new Date("2020-12-31T00:00:00Z") });
    const units: CatalogueUnit[] = [{ level: "PROVINCE", code: "96", typeLabel: "Tỉnh", name: "Cũ", parentCode: null }];
    expect((await previewCatalogue(db, units, AS_OF)).PROVINCE).toEqual({ new: 1, changed: 0, unchanged: 0 });
    expect((await previewCatalogue(db, units, new Date("2020-06-01T00:00:00Z"))).PROVINCE).toEqual({ new: 0, changed: 0, unchanged: 1 });

    // Imported on the reform's day, the new unit starts then.
    const reform = new Date("2025-07-01T00:00:00Z");
    await importCatalogue(db, units, { actorId: null, asOf: reform, validFrom: reform });
    const reused = await db.unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "96", validTo: null } });
    expect(reused.validFrom).toEqual(reform);
    expect(await db.unit.count({ where: { level: "PROVINCE", code: "96" } })).toBe(2);
    expect((await previewCatalogue(db, units, AS_OF)).PROVINCE).toEqual({ new: 1, changed: 0, unchanged: 0 });
  });

  it("rejects malformed files with errors naming the row, saving nothing", async () => {
    const before = await db.unit.count();
    const doc = structuredClone(FIXTURE_JSON) as { data: { level1_id?: string; name?: string; level2s: { level2_id: string; level3s: { level3_id: string; name?: string }[] }[] }[] };
    doc.data[0].level2s[0].level2_id = "97";
    doc.data[0].level2s[1].level3s[0].name = undefined;
    doc.data[1].level2s[0].level3s[0].level3_id = "97101";
    const json = parseCatalogue(fixtureBytes(doc));
    expect(json.ok).toBe(false);
    if (!json.ok) {
      expect(json.errors.map((e) => e.at)).toEqual(["data[0].level2s[0]", "data[0].level2s[1].level3s[0]", "data[1].level2s[0].level3s[0]"]);
    }

    const lines = FIXTURE_CSV.split("\r\n");
    lines[4] = "Thành phố Thử Nghiệm;97;Huyện Đông Anh";
    const csvBytes = fixtureBytes(lines.join("\r\n"));
    const broken = new Uint8Array(csvBytes.length + 2);
    const cut = csvBytes.indexOf(0x0a, csvBytes.indexOf(0x0a) + 1) + 5; // inside line 3
    broken.set(csvBytes.subarray(0, cut));
    broken.set([0xe1, 0x41], cut);
    broken.set(csvBytes.subarray(cut), cut + 2);
    const invalid = parseCatalogue(broken);
    expect(invalid).toMatchObject({ ok: false, errors: [{ at: "dòng 3", message: expect.stringMatching(/UTF-8/) }] });
    const csv = parseCatalogue(csvBytes);
    expect(csv).toMatchObject({ ok: false, errors: [{ at: "dòng 5", message: expect.stringMatching(/thiếu cột/) }] });
    expect(await db.unit.count()).toBe(before);
  });

  it("leaves nothing behind when the transaction fails part-way", async () => {
    const fresh: CatalogueUnit[] = [
      { level: "PROVINCE", code: "95", typeLabel: "Tỉnh", name: "Hỏng", parentCode: null },
      { level: "DISTRICT", code: "951", typeLabel: "Huyện", name: "Hỏng", parentCode: "95" },
      { level: "COMMUNE", code: "95101", typeLabel: "Xã", name: "Hỏng", parentCode: "951" },
    ];
    const before = await snapshot();
    const audits = await db.auditLog.count();
    let provincesSeen = 0;
    await expect(
      importCatalogue(db, fresh, {
        actorId: null,
        asOf: AS_OF,
        afterLevel: async (level, tx) => {
          if (level !== "PROVINCE") return;
          provincesSeen = await tx.unit.count({ where: { level: "PROVINCE", code: "95" } });
          throw new Error("hỏng giữa chừng");
        },
      }),
    ).rejects.toThrow("hỏng giữa chừng");
    expect(provincesSeen).toBe(1);
    expect(await snapshot()).toEqual(before);

    // A commune whose district is nowhere: fails after provinces and districts are written.
    await expect(importCatalogue(db, [...fresh.slice(0, 2), { ...fresh[2], parentCode: "959" }], { actorId: null, asOf: AS_OF })).rejects.toThrow(
      /Không tìm thấy đơn vị cấp trên mã 959/,
    );
    expect(await snapshot()).toEqual(before);
    expect(await db.auditLog.count()).toBe(audits);
  });
});

describe.skipIf(REAL.skip)("GSO catalogue import (the March 2025 national file)", () => {
  it("imports 63 provinces, 696 districts and 10,047 communes, then changes nothing on a second run", async () => {
    const units = parsed(readSharedFile(REAL_FILE));
    // Close the fixture's units (their codes are real ones too): a catalogue matches only units valid on its day.
    await db.unit.updateMany({ where: { level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] } }, data: { validTo: new Date("2001-12-31T00:00:00Z") } });
    const first = await importCatalogue(db, units, { actorId: null, asOf: AS_OF });
    expect(first.counts).toEqual(counts([63, 0, 0], [696, 0, 0], [10_047, 0, 0]));
    const real = await db.unit.findMany({ where: { level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] }, validTo: null }, select: { level: true } });
    expect(real.filter((u) => u.level === "PROVINCE")).toHaveLength(63);
    expect(real.filter((u) => u.level === "DISTRICT")).toHaveLength(696);
    expect(real.filter((u) => u.level === "COMMUNE")).toHaveLength(10_047);
    expect(await db.unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: null } })).toMatchObject({ typeLabel: "Thành phố Trung ương", name: "Hà Nội", searchName: "thanh pho trung uong ha noi" });
    await expectConsistentPaths();

    const before = await snapshot();
    expect(await previewCatalogue(db, units, AS_OF)).toEqual(counts([0, 0, 63], [0, 0, 696], [0, 0, 10_047]));
    expect((await importCatalogue(db, units, { actorId: null, asOf: AS_OF })).counts).toEqual(counts([0, 0, 63], [0, 0, 696], [0, 0, 10_047]));
    expect(await snapshot()).toEqual(before);
  });
});
