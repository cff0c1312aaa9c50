import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { insertUnit } from "@/lib/units/tree";
import { FIXTURE_JSON, fixtureBytes } from "@/lib/units/catalogue/fixtures";
import { parseCatalogue } from "@/lib/units/catalogue/parse";
import { importCatalogue } from "@/lib/units/catalogue/import";
import { parseMerger, type ParsedMerger } from "@/lib/units/merger/parse";
import { importMerger, unitsValidOn } from "@/lib/units/merger/import";
import { readSharedFile, sharedData } from "../support/shared-data";
import { createField, createOrganisation, createPetition, createUser } from "../support/factories";

const REAL = sharedData(["gso-admin-units-2025-03.json", "admin-units-2025-07-merges.json"], import.meta.filename);
const [REAL_CATALOGUE, REAL_MERGER] = REAL.files;
const MARCH = new Date("2025-03-01T00:00:00Z");
const REFORM = new Date("2025-07-01T00:00:00Z");
const JUNE_30 = new Date("2025-06-30T00:00:00Z");
const JULY_2 = new Date("2025-07-02T00:00:00Z");
const TODAY = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

/**
 * The reform of the catalogue fixture: 97 and 98 each become a new province of the same
 * code; 97101 + 97102 merge whole into a new 97101; 97202 is split between the new 97201
 * and 97203; 98201 continues as a "Đặc khu" of the same code; 98101 is not mentioned.
 */
const MERGER_JSON = {
  data: [
    {
      level1_id: "97",
      name: "Thành phố Thử Nghiệm",
      merges: [{ old_id: "97", name: "Thành phố Thử Nghiệm", type: "full" }],
      level2s: [
        {
          level2_id: "97101",
          name: "Phường Ba Đình",
          merges: [
            { old_id: "97101", name: "Phường Phúc Xá", type: "full" },
            { old_id: "97102", name: "Phường 5", type: "full" },
          ],
        },
        {
          level2_id: "97201",
          name: "Xã Đông Anh",
          merges: [
            { old_id: "97201", name: "Thị trấn Đông Anh", type: "full" },
            { old_id: "97202", name: "Xã Đồng Ích", type: "partial" },
          ],
        },
        { level2_id: "97203", name: "Xã Đồng Ích", merges: [{ old_id: "97202", name: "Xã Đồng Ích", type: "partial" }] },
      ],
    },
    {
      level1_id: "98",
      name: "Tỉnh Vĩnh Thử",
      merges: [{ old_id: "98", name: "Tỉnh Vĩnh Thử", type: "full" }],
      level2s: [{ level2_id: "98201", name: "Đặc khu Tân Lập", merges: [{ old_id: "98201", name: "Xã Tân Lập", type: "full" }] }],
    },
  ],
};

function merger(doc: unknown): ParsedMerger {
  const result = parseMerger(fixtureBytes(doc));
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.merger;
}

async function snapshot() {
  const units = await db.unit.findMany({
    orderBy: { id: "asc" },
    select: { id: true, code: true, typeLabel: true, name: true, parentId: true, ancestorIds: true, depth: true, validFrom: true, validTo: true, version: true },
  });
  return { units, links: await db.unitSuccession.count(), audits: await db.auditLog.count(), teams: await db.organisation.findMany({ orderBy: { id: "asc" } }) };
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

/**
 * Every petition's province, district and commune (kept by PostgreSQL's triggers, decision 039)
 * are the units of those levels on its unit's path as it is now.
 */
async function expectPetitionPlaces() {
  const units = new Map((await db.unit.findMany({ select: { id: true, level: true, ancestorIds: true } })).map((u) => [u.id, u]));
  const petitions = await db.petition.findMany({ select: { id: true, unitId: true, provinceId: true, districtId: true, communeId: true } });
  expect(petitions.length).toBeGreaterThan(0);
  for (const p of petitions) {
    const path = units.get(p.unitId)!.ancestorIds.map((id) => units.get(id)!);
    const at = (level: string) => path.find((u) => u.level === level)?.id ?? null;
    expect({ provinceId: p.provinceId, districtId: p.districtId, communeId: p.communeId }, `petition ${p.id}`).toEqual({
      provinceId: at("PROVINCE"),
      districtId: at("DISTRICT"),
      communeId: at("COMMUNE"),
    });
  }
}

const oldUnit = (level: "PROVINCE" | "DISTRICT" | "COMMUNE", code: string) => db.unit.findFirstOrThrow({ where: { level, code, validFrom: null } });
const newUnit = (level: "PROVINCE" | "COMMUNE", code: string) => db.unit.findFirstOrThrow({ where: { level, code, validFrom: REFORM } });
const unit = (id: number) => db.unit.findUniqueOrThrow({ where: { id } });

let villages: Record<"v1" | "v1sub" | "v2" | "v3" | "v4" | "v5", { id: number }>;
let teamId: number;
let blocs: Record<"b97101" | "b97102" | "b97202", Awaited<ReturnType<typeof createOrganisation>>>;

beforeAll(async () => {
  const parsed = parseCatalogue(fixtureBytes(FIXTURE_JSON));
  if (!parsed.ok) throw new Error("fixture catalogue");
  await importCatalogue(db, parsed.units, { actorId: null, asOf: MARCH });
  const village = async (code: string, name: string) =>
    insertUnit(db, { parentId: (await oldUnit("COMMUNE", code)).id, level: "VILLAGE", typeLabel: "Thôn", name });
  const v1 = await village("97101", "Đình");
  villages = {
    v1,
    v1sub: await insertUnit(db, { parentId: v1.id, level: "VILLAGE", typeLabel: "Xóm", name: "Trong" }),
    v2: await village("97102", "Chợ"),
    v3: await village("97202", "Đông"),
    v4: await village("98101", "Liên"),
    v5: await village("98201", "Tân"),
  };
  teamId = (await db.organisation.create({ data: { kind: "TEAM", unitId: v1.id, name: "Tổ dân vận thôn Đình" } })).id;
  // blocs of two communes that go whole into the new 97101, and of the split 97202 (decision 050)
  blocs = {
    b97101: await createOrganisation(await oldUnit("COMMUNE", "97101"), "BLOC", ["Trưởng Ba Đình", "Hội viên Ba Đình"], { establishedOn: MARCH }),
    b97102: await createOrganisation(await oldUnit("COMMUNE", "97102"), "BLOC", ["Trưởng Trúc Bạch"], { establishedOn: MARCH }),
    b97202: await createOrganisation(await oldUnit("COMMUNE", "97202"), "BLOC", ["Trưởng Đồng Ích"], { establishedOn: MARCH }),
  };
  const staff = await createUser(await oldUnit("DISTRICT", "971"));
  const field = await createField();
  for (const v of Object.values(villages)) petitionOf[v.id] = (await createPetition(v, staff.id, field.id)).id;
});

/** A petition in each village, by village id. */
const petitionOf: Record<number, number> = {};

describe("merger file parsing", () => {
  it("normalises names and types", () => {
    const m = merger(MERGER_JSON);
    expect(m.provinces.map((p) => [p.code, p.typeLabel, p.name])).toEqual([
      ["97", "Thành phố Trung ương", "Thử Nghiệm"],
      ["98", "Tỉnh", "Vĩnh Thử"],
    ]);
    expect(m.communes.map((c) => [c.code, c.provinceCode, c.typeLabel, c.name])).toEqual([
      ["97101", "97", "Phường", "Ba Đình"],
      ["97201", "97", "Xã", "Đông Anh"],
      ["97203", "97", "Xã", "Đồng Ích"],
      ["98201", "98", "Đặc khu", "Tân Lập"],
    ]);
    expect(m.communes[1].merges).toEqual([
      { level: "COMMUNE", code: "97201", name: "Thị trấn Đông Anh", kind: "FULL" },
      { level: "COMMUNE", code: "97202", name: "Xã Đồng Ích", kind: "PARTIAL" },
    ]);
  });

  it("reports errors with their JSON path, in Vietnamese", () => {
    const doc = structuredClone(MERGER_JSON) as { data: { level1_id: string; level2s: { level2_id: string; name: string; merges: { old_id: string; type: string }[] }[] }[] };
    doc.data[0].level1_id = "997";
    doc.data[0].level2s[1].merges[1].type = "half";
    doc.data[1].level2s[0].merges[0].old_id = "98a01";
    doc.data[1].level2s[0].name = "Khu Tân Lập";
    const result = parseMerger(fixtureBytes(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.at)).toEqual(["data[0]", "data[0].level2s[1].merges[1]", "data[1].level2s[0]", "data[1].level2s[0].merges[0]"]);
    expect(result.errors[0].message).toMatch(/mã tỉnh "997" không hợp lệ/);
    expect(result.errors[1].message).toMatch(/loại sáp nhập "half"/);
    expect(parseMerger(fixtureBytes("{"))).toMatchObject({ ok: false, errors: [{ at: "tệp" }] });
  });
});

describe("merger import (fixture)", () => {
  it("refuses a file naming an old unit that does not exist, saving nothing", async () => {
    const doc = structuredClone(MERGER_JSON);
    doc.data[1].level2s[0].merges.push({ old_id: "98999", name: "Xã Không Có", type: "full" });
    doc.data[0].merges.push({ old_id: "96", name: "Tỉnh Không Có", type: "full" });
    const before = await snapshot();
    await expect(importMerger(db, merger(doc), { actorId: null })).rejects.toThrow(/Không tìm thấy 2 đơn vị cũ.*tỉnh 96, xã 98999/);
    expect(await snapshot()).toEqual(before);
  });

  it("creates the new units, links, closes the old ones and moves the villages of whole mergers", async () => {
    const before = await snapshot();
    const result = await importMerger(db, merger(MERGER_JSON), { actorId: null });
    expect(result.counts).toEqual({
      provincesCreated: 2,
      communesCreated: 4,
      successionsFull: 6,
      successionsPartial: 2,
      provincesClosed: 2,
      districtsClosed: 4,
      communesClosed: 5,
      villagesMoved: 3,
      villagesToPlace: 1,
      unmentionedOpen: 1,
      blocsFounded: 4,
      blocsDissolved: 3,
      blocMembersCarried: 3,
      // the fixture's petitions are all in villages, which move themselves (decision 055)
      petitionsCarried: 0,
    });

    const root = await db.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const p97 = await newUnit("PROVINCE", "97");
    expect(p97).toMatchObject({ typeLabel: "Thành phố Trung ương", name: "Thử Nghiệm", parentId: root.id, ancestorIds: [root.id, p97.id], depth: 1, validTo: null });
    const c97101 = await newUnit("COMMUNE", "97101");
    expect(c97101).toMatchObject({ typeLabel: "Phường", name: "Ba Đình", searchName: "phuong ba dinh", parentId: p97.id, ancestorIds: [root.id, p97.id, c97101.id], depth: 2 });
    const c97201 = await newUnit("COMMUNE", "97201");
    const c97203 = await newUnit("COMMUNE", "97203");
    const c98201 = await newUnit("COMMUNE", "98201");
    expect(c98201).toMatchObject({ typeLabel: "Đặc khu", name: "Tân Lập" });

    // successor links and their kinds
    const links = await db.unitSuccession.findMany({ include: { predecessor: true, successor: true }, orderBy: { id: "asc" } });
    const described = links.map((l) => `${l.predecessor.level} ${l.predecessor.code} → ${l.successor.code} ${l.kind}`).sort();
    expect(described).toEqual(
      [
        "PROVINCE 97 → 97 FULL",
        "PROVINCE 98 → 98 FULL",
        "COMMUNE 97101 → 97101 FULL",
        "COMMUNE 97102 → 97101 FULL",
        "COMMUNE 97201 → 97201 FULL",
        "COMMUNE 97202 → 97201 PARTIAL",
        "COMMUNE 97202 → 97203 PARTIAL",
        "COMMUNE 98201 → 98201 FULL",
      ].sort(),
    );
    expect(links.every((l) => l.effectiveOn.getTime() === REFORM.getTime())).toBe(true);

    // closed the day before; the unmentioned commune stays open
    for (const [level, code] of [
      ["PROVINCE", "97"],
      ["PROVINCE", "98"],
      ["DISTRICT", "971"],
      ["DISTRICT", "982"],
      ["COMMUNE", "97101"],
      ["COMMUNE", "97202"],
      ["COMMUNE", "98201"],
    ] as const) {
      expect((await oldUnit(level, code)).validTo, `${level} ${code}`).toEqual(JUNE_30);
    }
    expect((await oldUnit("COMMUNE", "98101")).validTo).toBeNull();

    // villages of whole mergers move, with their subtree and their team
    expect(await unit(villages.v1.id)).toMatchObject({ parentId: c97101.id, ancestorIds: [root.id, p97.id, c97101.id, villages.v1.id], depth: 3 });
    expect(await unit(villages.v1sub.id)).toMatchObject({ parentId: villages.v1.id, ancestorIds: [root.id, p97.id, c97101.id, villages.v1.id, villages.v1sub.id], depth: 4 });
    expect((await unit(villages.v2.id)).parentId).toBe(c97101.id);
    expect((await unit(villages.v5.id)).ancestorIds).toEqual([...c98201.ancestorIds, villages.v5.id]);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: teamId } })).toMatchObject({ unitId: villages.v1.id, kind: "TEAM" });
    // villages of split communes and of unmentioned ones stay
    const old97202 = await oldUnit("COMMUNE", "97202");
    expect((await unit(villages.v3.id)).parentId).toBe(old97202.id);
    expect((await unit(villages.v4.id)).parentId).toBe((await oldUnit("COMMUNE", "98101")).id);
    expect(result.villagesToPlace).toEqual([{ villageId: villages.v3.id, oldCommuneId: old97202.id, candidateSuccessorIds: [c97201.id, c97203.id].sort((a, b) => a - b) }]);
    await expectConsistentPaths();

    // their petitions' places follow them (decision 039); an app's write of a place is overridden
    await expectPetitionPlaces();
    const moved = await db.petition.findUniqueOrThrow({ where: { id: petitionOf[villages.v1sub.id] } });
    expect(moved).toMatchObject({ provinceId: p97.id, districtId: null, communeId: c97101.id });
    await db.petition.update({ where: { id: moved.id }, data: { provinceId: (await newUnit("PROVINCE", "98")).id, communeId: null } });
    expect(await db.petition.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ provinceId: p97.id, districtId: null, communeId: c97101.id });

    // only the expected units changed: the closed ones and the moved villages
    const after = await snapshot();
    const beforeById = new Map(before.units.map((u) => [u.id, u]));
    const changed = after.units.filter((u) => beforeById.has(u.id) && JSON.stringify(u) !== JSON.stringify(beforeById.get(u.id))).length;
    expect(changed).toBe(2 + 4 + 5 + 3 + 1); // closed units, moved villages, the sub-village's path

    // each new commune has its bloc from the reform; the old blocs end with their communes, the members
    // of those that went whole carried over (two heads at once: both deputies), the split one's not
    const newBlocs = await db.organisation.findMany({ where: { kind: "BLOC", unitId: { in: [c97101.id, c97201.id, c97203.id, c98201.id] } }, include: { memberships: true } });
    expect(newBlocs.map((b) => [b.name, b.establishedOn, b.dissolvedOn]).sort()).toEqual(
      [
        ["Khối dân vận Phường Ba Đình", REFORM, null],
        ["Khối dân vận Xã Đông Anh", REFORM, null],
        ["Khối dân vận Xã Đồng Ích", REFORM, null],
        ["Khối dân vận Đặc khu Tân Lập", REFORM, null],
      ].sort(),
    );
    const baDinh = newBlocs.find((b) => b.unitId === c97101.id)!;
    expect(baDinh.memberships.map((m) => [m.cadreId, m.role, m.termStart]).sort()).toEqual(
      [
        [blocs.b97101.members[0].id, "DEPUTY", REFORM],
        [blocs.b97101.members[1].id, "MEMBER", REFORM],
        [blocs.b97102.members[0].id, "DEPUTY", REFORM],
      ].sort(),
    );
    for (const [old, into] of [
      [blocs.b97101, baDinh.id],
      [blocs.b97102, baDinh.id],
      [blocs.b97202, null],
    ] as const) {
      expect(await db.organisation.findUniqueOrThrow({ where: { id: old.org.id } })).toMatchObject({ dissolvedOn: REFORM, mergedIntoId: into });
      expect((await db.membership.findMany({ where: { organisationId: old.org.id } })).map((m) => m.termEnd)).toEqual(old.members.map(() => JUNE_30));
    }

    const log = await db.auditLog.findFirstOrThrow({ where: { action: "units.merger-import" } });
    expect(log.data).toMatchObject({ effectiveOn: "2025-07-01", counts: result.counts, villagesToPlace: result.villagesToPlace });
  });

  it("counts the units valid on a day", async () => {
    expect((await unitsValidOn(db, JUNE_30, "PROVINCE")).map((u) => u.code)).toEqual(["97", "98"]);
    expect((await unitsValidOn(db, JUNE_30, "COMMUNE")).map((u) => u.code)).toEqual(["97101", "97102", "97201", "97202", "98101", "98201"]);
    expect(await unitsValidOn(db, JUNE_30, "DISTRICT")).toHaveLength(4);
    expect((await unitsValidOn(db, TODAY, "PROVINCE")).map((u) => u.code)).toEqual(["97", "98"]);
    expect((await unitsValidOn(db, TODAY, "COMMUNE")).map((u) => u.code)).toEqual(["97101", "97201", "97203", "98101", "98201"]);
    expect(await unitsValidOn(db, TODAY, "DISTRICT")).toHaveLength(0);
  });

  it("refuses a second run and changes nothing", async () => {
    const before = await snapshot();
    await expect(importMerger(db, merger(MERGER_JSON), { actorId: null })).rejects.toThrow(/Đã nhập sắp xếp đơn vị hành chính ngày 2025-07-01/);
    expect(await snapshot()).toEqual(before);
  });
});

describe.skipIf(REAL.skip)("merger import (the real files)", () => {
  it("imports the March 2025 catalogue then the reform: 63 provinces before, 34 provinces and 3,321 communes after", { timeout: 300_000 }, async () => {
    // Put the fixture's units out of the way: only the real ones should be valid on the days counted.
    await db.unit.updateMany({
      where: { level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] } },
      data: { validFrom: new Date("2001-01-01T00:00:00Z"), validTo: new Date("2001-12-31T00:00:00Z") },
    });
    const catalogue = parseCatalogue(readSharedFile(REAL_CATALOGUE));
    if (!catalogue.ok) throw new Error(JSON.stringify(catalogue.errors.slice(0, 5)));
    await importCatalogue(db, catalogue.units, { actorId: null, asOf: MARCH });
    // A village of Phường Trúc Bạch (merged whole into the new Phường Ba Đình, 00004) and one of
    // Phường Ngọc Hà (00016, split).
    const trucBach = await db.unit.findFirstOrThrow({ where: { level: "COMMUNE", code: "00004", validTo: null } });
    const ngocHa = await db.unit.findFirstOrThrow({ where: { level: "COMMUNE", code: "00016", validTo: null } });
    const whole = await insertUnit(db, { parentId: trucBach.id, level: "VILLAGE", typeLabel: "Tổ dân phố", name: "Số 1" });
    const split = await insertUnit(db, { parentId: ngocHa.id, level: "VILLAGE", typeLabel: "Tổ dân phố", name: "Số 2" });

    const parsed = parseMerger(readSharedFile(REAL_MERGER));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 5)));
    expect(parsed.merger.provinces).toHaveLength(34);
    expect(parsed.merger.communes).toHaveLength(3321);
    expect(parsed.merger.provinces[0]).toMatchObject({ code: "01", typeLabel: "Thành phố Trung ương", name: "Hà Nội" });

    const started = performance.now();
    const result = await importMerger(db, parsed.merger, { actorId: null });
    console.log(`real merger import: ${((performance.now() - started) / 1000).toFixed(1)} s`, result.counts);
    expect(result.counts).toMatchObject({ provincesCreated: 34, communesCreated: 3321, provincesClosed: 63, districtsClosed: 696, communesClosed: 10_047, unmentionedOpen: 0 });
    expect(result.counts.villagesMoved).toBe(1);
    const baDinh = await db.unit.findFirstOrThrow({ where: { level: "COMMUNE", code: "00004", validFrom: REFORM } });
    expect(baDinh).toMatchObject({ typeLabel: "Phường", name: "Ba Đình" });
    expect(await unit(whole.id)).toMatchObject({ parentId: baDinh.id, ancestorIds: [...baDinh.ancestorIds, whole.id], depth: 3 });
    expect(result.villagesToPlace).toEqual([{ villageId: split.id, oldCommuneId: ngocHa.id, candidateSuccessorIds: expect.arrayContaining([baDinh.id]) }]);
    expect(result.villagesToPlace[0].candidateSuccessorIds.length).toBeGreaterThan(1);

    expect(await unitsValidOn(db, JULY_2, "PROVINCE")).toHaveLength(34);
    expect(await unitsValidOn(db, JULY_2, "COMMUNE")).toHaveLength(3321);
    expect(await unitsValidOn(db, JULY_2, "DISTRICT")).toHaveLength(0);
    expect(await unitsValidOn(db, JUNE_30, "PROVINCE")).toHaveLength(63);
    expect(await unitsValidOn(db, JUNE_30, "COMMUNE")).toHaveLength(10_047);

    // Cao Bằng continues alone under the same code: the old unit closes, a new one opens.
    const caoBang = await db.unit.findMany({ where: { level: "PROVINCE", code: "04", OR: [{ validFrom: null }, { validFrom: REFORM }] }, orderBy: { id: "asc" } });
    expect(caoBang.map((u) => [u.name, u.validFrom, u.validTo])).toEqual([
      ["Cao Bằng", null, JUNE_30],
      ["Cao Bằng", REFORM, null],
    ]);
    const link = await db.unitSuccession.findUniqueOrThrow({ where: { predecessorId_successorId: { predecessorId: caoBang[0].id, successorId: caoBang[1].id } } });
    expect(link.kind).toBe("FULL");

    await expect(importMerger(db, parsed.merger, { actorId: null })).rejects.toThrow(/Đã nhập/);
  });
});
