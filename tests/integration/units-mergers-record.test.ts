import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { countAwaitingPlacement, placeVillage, villagesAwaitingPlacement } from "@/lib/units/merger/placement";
import { previewMerger, recordMerger } from "@/lib/units/merger/record";
import type { MergerInput } from "@/lib/units/merger/schemas";
import { coverageFor } from "@/lib/organisations/coverage";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createOrganisation, createUser, uid, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

const JULY = new Date("2026-07-01T00:00:00Z");
const JUNE_30 = new Date("2026-06-30T00:00:00Z");

let tree: Tree;
let admin: Actor;
let districtAdmin: Actor;
let staff: Actor;
let codeSeq = 50000;
const nextCode = () => String(codeSeq++);

beforeAll(async () => {
  tree = await buildTree();
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  districtAdmin = actorAt(tree.districtA, "ADMIN", (await createUser(tree.districtA, "ADMIN")).id);
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
});

/** A current commune under district A with `villages` villages (the second has a hamlet below it). */
async function commune(villages = 2, parentId = tree.districtA.id, validFrom: Date | null = null) {
  const c = await insertUnit(db, { parentId, level: "COMMUNE", typeLabel: "Xã", name: `Thử ${uid()}`, code: nextCode(), validFrom });
  const vs = [];
  for (let i = 0; i < villages; i++) vs.push(await insertUnit(db, { parentId: c.id, level: "VILLAGE", typeLabel: "Thôn", name: `Thôn ${i} ${uid()}` }));
  if (vs[1]) await insertUnit(db, { parentId: vs[1].id, level: "VILLAGE", typeLabel: "Xóm", name: `Xóm ${uid()}` });
  return { commune: c, villages: vs };
}

async function expectCode(promise: Promise<unknown>, code: ActionError["code"], reason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
  if (reason) expect((error as ActionError).message).toBe(reason);
}

const writes = async () => ({
  units: await db.unit.findMany({ select: { id: true, parentId: true, validTo: true, version: true, ancestorIds: true }, orderBy: { id: "asc" } }),
  links: await db.unitSuccession.count(),
  audits: await db.auditLog.count(),
});

describe("recordMerger", () => {
  it("previews without writing, then merges two communes whole into a new one: closes, links, moves villages", async () => {
    const a = await commune(2);
    const b = await commune(1);
    const input: MergerInput = {
      predecessors: [
        { id: a.commune.id, kind: "FULL" },
        { id: b.commune.id, kind: "FULL" },
      ],
      // Since the reform a new commune hangs under its province (no unit is made under a district, decision 055).
      successor: { typeLabel: "Xã", name: "Hợp Nhất", code: nextCode(), parentId: tree.province.id },
      effectiveOn: JULY,
    };
    const before = await writes();
    const preview = await previewMerger(admin, input);
    expect(preview).toMatchObject({
      level: "COMMUNE",
      effectiveOn: "2026-07-01",
      lastDay: "2026-06-30",
      successor: { id: null, fullName: "Xã Hợp Nhất", created: true, parentName: `Tỉnh ${tree.province.name}` },
      villagesMoving: 4, // 3 villages and the hamlet below one of them
      villagesToPlace: 0,
    });
    expect(preview.predecessors.map((p) => [p.kind, p.closes, p.childrenMoving])).toEqual([
      ["FULL", true, 2],
      ["FULL", true, 1],
    ]);
    expect(await writes()).toEqual(before);

    const result = await recordMerger(admin, input);
    const successor = await db.unit.findUniqueOrThrow({ where: { id: result.successorId } });
    expect(successor).toMatchObject({ level: "COMMUNE", name: "Hợp Nhất", parentId: tree.province.id, validFrom: JULY, validTo: null });
    for (const old of [a.commune, b.commune]) expect((await db.unit.findUniqueOrThrow({ where: { id: old.id } })).validTo).toEqual(JUNE_30);
    expect(await db.unitSuccession.findMany({ where: { successorId: successor.id }, select: { predecessorId: true, kind: true, effectiveOn: true }, orderBy: { predecessorId: "asc" } })).toEqual([
      { predecessorId: a.commune.id, kind: "FULL", effectiveOn: JULY },
      { predecessorId: b.commune.id, kind: "FULL", effectiveOn: JULY },
    ]);
    const moved = await db.unit.findUniqueOrThrow({ where: { id: a.villages[1].id } });
    expect(moved).toMatchObject({ parentId: successor.id, ancestorIds: [...successor.ancestorIds, moved.id], depth: successor.ancestorIds.length });
    const hamlet = await db.unit.findFirstOrThrow({ where: { parentId: moved.id } });
    expect(hamlet.ancestorIds).toEqual([...successor.ancestorIds, moved.id, hamlet.id]);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "unit.merger.record" }, orderBy: { id: "desc" } });
    expect(log).toMatchObject({ actorId: admin.userId, entityId: String(successor.id), data: expect.objectContaining({ successorCreated: true, childrenMoved: 3 }) });
    // the unit page's links read the same rows
    expect(await countAwaitingPlacement(admin, a.commune.id)).toBe(0);
  });

  it("merges into an existing commune; a PARTIAL predecessor closes and its villages await placement", async () => {
    const target = await commune(1);
    const whole = await commune(1);
    const split = await commune(2);
    const other = await commune(0);
    const result = await recordMerger(admin, {
      predecessors: [
        { id: whole.commune.id, kind: "FULL" },
        { id: split.commune.id, kind: "PARTIAL" },
      ],
      successor: { id: target.commune.id },
      effectiveOn: JULY,
    });
    expect(result).toMatchObject({ villagesMoving: 1, villagesToPlace: 3, successor: { created: false, id: target.commune.id } });
    expect((await db.unit.findUniqueOrThrow({ where: { id: whole.villages[0].id } })).parentId).toBe(target.commune.id);
    expect((await db.unit.findUniqueOrThrow({ where: { id: split.commune.id } })).validTo).toEqual(JUNE_30);
    // the split commune's villages stay under it, on the placement list
    expect((await db.unit.findUniqueOrThrow({ where: { id: split.villages[0].id } })).parentId).toBe(split.commune.id);
    expect(await countAwaitingPlacement(admin, split.commune.id)).toBe(2);
    expect(await countAwaitingPlacement(staff, split.commune.id)).toBe(2);

    // the rest of the split, recorded as a second PARTIAL part on the same day, is accepted
    await recordMerger(admin, { predecessors: [{ id: split.commune.id, kind: "PARTIAL" }], successor: { id: other.commune.id }, effectiveOn: JULY });
    const list = await villagesAwaitingPlacement(admin);
    const group = list.communes.find((c) => c.id === split.commune.id)!;
    expect(group.children.map((v) => v.id).sort()).toEqual(split.villages.map((v) => v.id).sort());
    expect(group.successorLinks.map((l) => l.successor.id).sort()).toEqual([target.commune.id, other.commune.id].sort());

    // placing: only under one of the successors, then off the list, with an audit row
    const village = split.villages[1];
    await expectCode(placeVillage(admin, { villageId: village.id, version: village.version, targetCommuneId: tree.communeA.id }), "INVALID_STATE");
    await expectCode(placeVillage(staff, { villageId: village.id, version: village.version, targetCommuneId: other.commune.id }), "NOT_FOUND");
    await placeVillage(admin, { villageId: village.id, version: village.version, targetCommuneId: other.commune.id });
    const placed = await db.unit.findUniqueOrThrow({ where: { id: village.id } });
    expect(placed).toMatchObject({ parentId: other.commune.id, ancestorIds: [...other.commune.ancestorIds, village.id] });
    const hamlet = await db.unit.findFirstOrThrow({ where: { parentId: village.id } });
    expect(hamlet.ancestorIds).toEqual([...other.commune.ancestorIds, village.id, hamlet.id]);
    expect(await countAwaitingPlacement(admin, split.commune.id)).toBe(1);
    expect(await db.auditLog.findFirst({ where: { action: "unit.village.place", entityId: String(village.id) } })).not.toBeNull();
    // a stale version is a conflict; a village no longer awaiting is refused
    await expectCode(placeVillage(admin, { villageId: split.villages[0].id, version: 99, targetCommuneId: target.commune.id }), "CONFLICT");
    await expectCode(placeVillage(admin, { villageId: village.id, version: placed.version, targetCommuneId: target.commune.id }), "INVALID_STATE");
  });

  it("merges districts: their communes move with their villages", async () => {
    const d1 = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Một ${uid()}`, code: String(codeSeq++).slice(-3) });
    const d2 = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Hai ${uid()}`, code: String(codeSeq++).slice(-3) });
    const c = await commune(1, d1.id);
    const result = await recordMerger(admin, { predecessors: [{ id: d1.id, kind: "FULL" }], successor: { id: d2.id }, effectiveOn: JULY });
    expect(result.predecessors[0]).toMatchObject({ childrenMoving: 1, villages: 1 });
    const movedCommune = await db.unit.findUniqueOrThrow({ where: { id: c.commune.id } });
    expect(movedCommune).toMatchObject({ parentId: d2.id, ancestorIds: [...d2.ancestorIds, c.commune.id] });
    expect((await db.unit.findUniqueOrThrow({ where: { id: c.villages[0].id } })).ancestorIds).toEqual([...d2.ancestorIds, c.commune.id, c.villages[0].id]);
  });

  it("refuses what breaks a rule, and changes nothing", async () => {
    const a = await commune(1);
    const b = await commune(1);
    const young = await commune(1, tree.districtA.id, new Date("2026-07-01T00:00:00Z"));
    const closed = await commune(0);
    await db.unit.update({ where: { id: closed.commune.id }, data: { validTo: new Date("2025-12-31T00:00:00Z") } });
    const before = await writes();
    const into = (successor: MergerInput["successor"], ...predecessors: MergerInput["predecessors"]): MergerInput => ({ predecessors, successor, effectiveOn: JULY });

    // effective date on or before a predecessor's first day
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: young.commune.id, kind: "FULL" })), "INVALID_STATE", "beforeValidFrom");
    // a predecessor already closed
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: closed.commune.id, kind: "FULL" })), "INVALID_STATE", "alreadyClosed");
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: closed.commune.id, kind: "PARTIAL" })), "INVALID_STATE", "alreadyClosed");
    // the successor is one of the predecessors
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: a.commune.id, kind: "FULL" }, { id: b.commune.id, kind: "FULL" })), "INVALID_STATE", "sameUnit");
    // levels mixed, among predecessors or with the successor
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: b.commune.id, kind: "FULL" }, { id: tree.districtB.id, kind: "FULL" })), "INVALID_STATE", "mixedLevels");
    await expectCode(recordMerger(admin, into({ id: tree.districtA.id }, { id: b.commune.id, kind: "FULL" })), "INVALID_STATE", "successorLevel");
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: a.villages[0].id, kind: "FULL" })), "INVALID_STATE", "notMergeable");
    // a new successor: wrong parent level, wrong code, a code in use
    await expectCode(recordMerger(admin, into({ typeLabel: "Xã", name: "Mới", code: nextCode(), parentId: a.commune.id }, { id: b.commune.id, kind: "FULL" })), "INVALID_STATE", "badParent");
    await expectCode(recordMerger(admin, into({ typeLabel: "Xã", name: "Mới", code: "123", parentId: tree.province.id }, { id: b.commune.id, kind: "FULL" })), "INVALID_STATE", "badCode");
    await expectCode(recordMerger(admin, into({ typeLabel: "Xã", name: "Mới", code: a.commune.code!, parentId: tree.province.id }, { id: b.commune.id, kind: "FULL" })), "DUPLICATE");
    // a town (thị trấn) made after the reform of 1 July 2025, which ended them (issue 15); before it, one may be made
    await expectCode(recordMerger(admin, into({ typeLabel: "Thị trấn", name: "Mới", code: nextCode(), parentId: tree.province.id }, { id: b.commune.id, kind: "FULL" })), "INVALID_STATE", "typeEnded");
    const town = { typeLabel: "Thị trấn", name: "Mới", code: nextCode(), parentId: tree.districtA.id };
    // nor a unit under a district from the reform on (decision 055)
    await expectCode(recordMerger(admin, into({ typeLabel: "Xã", name: "Mới", code: nextCode(), parentId: tree.districtA.id }, { id: b.commune.id, kind: "FULL" })), "INVALID_STATE", "districtAfterReform");
    const beforeReform = await previewMerger(admin, { predecessors: [{ id: b.commune.id, kind: "FULL" }], successor: town, effectiveOn: new Date("2025-06-30T00:00:00Z") });
    expect(beforeReform.successor.fullName).toBe("Thị trấn Mới");
    // out of scope: a district admin merging a commune of another district, or into one; a role without the permission
    await expectCode(recordMerger(districtAdmin, into({ id: a.commune.id }, { id: tree.communeB.id, kind: "FULL" })), "NOT_FOUND");
    await expectCode(recordMerger(districtAdmin, into({ id: tree.communeB.id }, { id: a.commune.id, kind: "FULL" })), "NOT_FOUND");
    await expectCode(previewMerger(districtAdmin, into({ id: tree.communeB.id }, { id: a.commune.id, kind: "FULL" })), "NOT_FOUND");
    await expectCode(recordMerger(staff, into({ id: a.commune.id }, { id: b.commune.id, kind: "FULL" })), "NOT_FOUND");
    await expectCode(recordMerger(admin, into({ id: a.commune.id }, { id: 2_000_000_000, kind: "FULL" })), "NOT_FOUND");
    expect(await writes()).toEqual(before);

    // …and not even inside its own district: mergers are national reference data (decision 020)
    await expectCode(recordMerger(districtAdmin, into({ id: a.commune.id }, { id: b.commune.id, kind: "FULL" })), "NOT_FOUND");
    expect(await writes()).toEqual(before);
  });
});

describe("the blocs of a merger of communes (issue 15 §4, decision 050)", () => {
  const blocOf = (unitId: number) => db.organisation.findMany({ where: { unitId, kind: "BLOC" }, include: { memberships: { orderBy: { id: "asc" } } }, orderBy: { id: "asc" } });

  it("the new commune gets its bloc on the effective date; the old blocs end with their communes and their members carry over", async () => {
    const a = await commune(1);
    const b = await commune(1);
    const blocA = await createOrganisation(a.commune, "BLOC", ["Trưởng Khối A", "Hội viên A"], { establishedOn: new Date("2020-01-01T00:00:00Z") });
    const blocB = await createOrganisation(b.commune, "BLOC", ["Trưởng Khối B"], { establishedOn: new Date("2020-01-01T00:00:00Z") });
    // a member whose term ended before the merger stays ended as it was
    const gone = await db.membership.create({ data: { organisationId: blocA.org.id, cadreId: blocA.members[1].id, role: "MEMBER", representing: "OTHER", termStart: new Date("2019-01-01T00:00:00Z"), termEnd: new Date("2019-12-31T00:00:00Z") } });
    const result = await recordMerger(admin, {
      predecessors: [
        { id: a.commune.id, kind: "FULL" },
        { id: b.commune.id, kind: "FULL" },
      ],
      successor: { typeLabel: "Xã", name: "Khối Mới", code: nextCode(), parentId: tree.province.id },
      effectiveOn: JULY,
    });
    const [bloc] = await blocOf(result.successorId);
    expect(bloc).toMatchObject({ name: "Khối dân vận Xã Khối Mới", establishedOn: JULY, dissolvedOn: null });
    // two heads arrive at once: both deputies until the administrator names the head
    expect(bloc.memberships.map((m) => [m.cadreId, m.role, m.termStart, m.termEnd]).sort((x, y) => (x[0] as number) - (y[0] as number))).toEqual(
      [
        [blocA.members[0].id, "DEPUTY", JULY, null],
        [blocA.members[1].id, "MEMBER", JULY, null],
        [blocB.members[0].id, "DEPUTY", JULY, null],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    for (const old of [blocA, blocB]) {
      const [after] = await blocOf(old.org.unitId);
      expect(after).toMatchObject({ dissolvedOn: JULY, mergedIntoId: bloc.id });
      expect(after.memberships.filter((m) => m.id !== gone.id).map((m) => m.termEnd)).toEqual(after.memberships.filter((m) => m.id !== gone.id).map(() => JUNE_30));
    }
    expect((await db.membership.findUniqueOrThrow({ where: { id: gone.id } })).termEnd).toEqual(new Date("2019-12-31T00:00:00Z"));
    // coverage: the old communes keep their blocs on their last day, the new one has its bloc from the first
    expect((await coverageFor(a.commune.id, JUNE_30)).blocs).toBe(1);
    expect((await coverageFor(result.successorId, JULY)).blocs).toBe(1);
    expect((await coverageFor(result.successorId, JULY)).members).toBe(3);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "unit.merger.record" }, orderBy: { id: "desc" } });
    expect(log.data).toMatchObject({ blocsFounded: 1, blocsDissolved: 2, blocMembersCarried: 3 });
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("into a commune that has a bloc: its head stays head; a split commune's bloc is dissolved and its members not carried", async () => {
    const target = await commune(0);
    const whole = await commune(0);
    const split = await commune(1);
    const kept = await createOrganisation(target.commune, "BLOC", ["Trưởng Ở Lại"], { establishedOn: new Date("2020-01-01T00:00:00Z") });
    const incoming = await createOrganisation(whole.commune, "BLOC", ["Trưởng Đến"], { establishedOn: new Date("2020-01-01T00:00:00Z") });
    const parted = await createOrganisation(split.commune, "BLOC", ["Trưởng Tách"], { establishedOn: new Date("2020-01-01T00:00:00Z") });
    await recordMerger(admin, {
      predecessors: [
        { id: whole.commune.id, kind: "FULL" },
        { id: split.commune.id, kind: "PARTIAL" },
      ],
      successor: { id: target.commune.id },
      effectiveOn: JULY,
    });
    const blocs = await blocOf(target.commune.id);
    expect(blocs).toHaveLength(1);
    expect(blocs[0].memberships.map((m) => [m.cadreId, m.role])).toEqual([
      [kept.members[0].id, "HEAD"],
      [incoming.members[0].id, "DEPUTY"],
    ]);
    const [splitBloc] = await blocOf(split.commune.id);
    expect(splitBloc).toMatchObject({ dissolvedOn: JULY, mergedIntoId: null });
    expect(splitBloc.memberships.map((m) => m.termEnd)).toEqual([JUNE_30]);
    expect(await db.membership.count({ where: { cadreId: parted.members[0].id, termEnd: null } })).toBe(0);
  });

  it("a merger of districts leaves the blocs alone", async () => {
    const d1 = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Ba ${uid()}`, code: String(codeSeq++).slice(-3) });
    const d2 = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Bốn ${uid()}`, code: String(codeSeq++).slice(-3) });
    const c = await commune(0, d1.id);
    const bloc = await createOrganisation(c.commune, "BLOC", ["Không Đổi"]);
    await recordMerger(admin, { predecessors: [{ id: d1.id, kind: "FULL" }], successor: { id: d2.id }, effectiveOn: JULY });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: bloc.org.id } })).toMatchObject({ dissolvedOn: null, unitId: c.commune.id });
    expect(await db.organisation.count({ where: { unitId: d2.id } })).toBe(0);
  });
});
