/**
 * Issue 15 §4, "a merger leaves nobody stranded" (decision 055): after a merger closes a unit,
 * the accounts homed on it are listed for the administrator with a proposed new home (the
 * successor of a whole merger) or a choice (a split, an abolished district), moving them is
 * audited, the stranded user is told why their lists are empty, and the open petitions of a
 * closed unit go to its one successor in the merger's own transaction or await placing when
 * it was split. A district, or a unit under one, is not created from the reform on.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { recordMerger } from "@/lib/units/merger/record";
import { closeUnits } from "@/lib/units/merger/steps";
import { petitionsAwaitingPlacement, placePetition } from "@/lib/units/merger/petitions";
import { homeClosure, rehomeUser, strandedAccounts } from "@/lib/users/stranded";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createPetition, createUser, uid, type Tree } from "../support/factories";

const JULY = new Date("2026-07-01T00:00:00Z");
const JUNE_30 = new Date("2026-06-30T00:00:00Z");

let tree: Tree;
let admin: Actor;
let outsider: Actor;
let fieldId: number;
let codeSeq = 61000;
const nextCode = () => String(codeSeq++);

async function commune(parentId: number) {
  const c = await insertUnit(db, { parentId, level: "COMMUNE", typeLabel: "Xã", name: `Cũ ${uid()}`, code: nextCode() });
  await insertUnit(db, { parentId: c.id, level: "VILLAGE", typeLabel: "Thôn", name: `Thôn ${uid()}` });
  return c;
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

/** The rows of the admin's list for these users, as the page shows them. */
async function rowsFor(actor: Actor, userIds: number[]) {
  const all: Awaited<ReturnType<typeof strandedAccounts>>["rows"] = [];
  for (let page = 1; ; page++) {
    const list = await strandedAccounts(actor, { page, sort: "user" });
    all.push(...list.rows);
    if (page * list.pageSize >= list.total) break;
  }
  return userIds.map((id) => all.find((r) => r.id === id));
}

let whole: { x: Awaited<ReturnType<typeof commune>>; s: number };
let split: { z: Awaited<ReturnType<typeof commune>>; s: number; t: number };
let abolished: { communeSuccessor: number };
const users: Record<string, number> = {};
const petitions: Record<string, number> = {};

beforeAll(async () => {
  tree = await buildTree();
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  const otherProvince = await insertUnit(db, { parentId: tree.nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Khác ${uid()}`, code: nextCode().slice(0, 2) });
  outsider = actorAt(otherProvince, "ADMIN", (await createUser(otherProvince, "ADMIN")).id);
  fieldId = (await createField()).id;

  // A whole merger: X goes whole into a new commune S under the province.
  const x = await commune(tree.districtA.id);
  users.onX = (await createUser(x, "COMMUNE_COMMITTEE")).id;
  petitions.openOnX = (await createPetition(x, admin.userId, fieldId)).id;
  const settled = await createPetition(x, admin.userId, fieldId);
  await db.petition.update({ where: { id: settled.id }, data: { status: "RESOLVED", resolvedAt: new Date("2026-04-01T03:00:00Z"), resolution: "SETTLED" } });
  petitions.resolvedOnX = settled.id;
  const first = await recordMerger(admin, {
    predecessors: [{ id: x.id, kind: "FULL" }],
    successor: { typeLabel: "Xã", name: `Mới ${uid()}`, code: nextCode(), parentId: tree.province.id },
    effectiveOn: JULY,
  });
  whole = { x, s: first.successorId };

  // A split: Z goes partly into S and partly into a new commune T.
  const z = await commune(tree.districtA.id);
  users.onZ = (await createUser(z, "COMMUNE_COMMITTEE")).id;
  petitions.openOnZ = (await createPetition(z, admin.userId, fieldId)).id;
  await recordMerger(admin, { predecessors: [{ id: z.id, kind: "PARTIAL" }], successor: { id: whole.s }, effectiveOn: JULY });
  const second = await recordMerger(admin, {
    predecessors: [{ id: z.id, kind: "PARTIAL" }],
    successor: { typeLabel: "Phường", name: `Mới ${uid()}`, code: nextCode(), parentId: tree.province.id },
    effectiveOn: JULY,
  });
  split = { z, s: whole.s, t: second.successorId };

  // An abolished district: its commune went whole into a new commune, and the district closed
  // with no successor of its own (as the 2025 reform closed every district).
  users.onDistrictB = (await createUser(tree.districtB, "DISTRICT_STAFF")).id;
  const third = await recordMerger(admin, {
    predecessors: [{ id: tree.communeB.id, kind: "FULL" }],
    successor: { typeLabel: "Xã", name: `Mới ${uid()}`, code: nextCode(), parentId: tree.province.id },
    effectiveOn: JULY,
  });
  await closeUnits(db, [tree.districtB.id], JUNE_30);
  abolished = { communeSuccessor: third.successorId };

  users.current = (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id;
});

describe("accounts homed on a closed unit", () => {
  it("are listed with the successor proposed after a whole merger, and a choice after a split or an abolished district", async () => {
    const [onX, onZ, onDistrict, current] = await rowsFor(admin, [users.onX, users.onZ, users.onDistrictB, users.current]);
    expect(current).toBeUndefined();
    expect(onX).toMatchObject({ home: { id: whole.x.id, validTo: JUNE_30 }, proposed: { id: whole.s } });
    expect(onX!.choices.map((c) => c.id)).toEqual([whole.s]);
    expect(onZ).toMatchObject({ home: { id: split.z.id }, proposed: null });
    expect(onZ!.choices.map((c) => c.id).sort((a, b) => a - b)).toEqual([split.s, split.t].sort((a, b) => a - b));
    expect(onDistrict).toMatchObject({ home: { id: tree.districtB.id }, proposed: null });
    expect(onDistrict!.choices.map((c) => c.id).sort((a, b) => a - b)).toEqual([tree.province.id, abolished.communeSuccessor].sort((a, b) => a - b));
    // Out of reach: another province's administrator sees none of them.
    expect((await rowsFor(outsider, [users.onX])).filter(Boolean)).toEqual([]);
  });

  it("are moved by the administrator to a home offered, audited; a stale or unoffered choice is refused", async () => {
    await expectCode(rehomeUser(admin, { userId: users.onZ, fromUnitId: split.z.id, unitId: tree.communeA.id }), "INVALID_STATE");
    await expectCode(rehomeUser(admin, { userId: users.onZ, fromUnitId: tree.districtA.id, unitId: split.t }), "CONFLICT");
    await expectCode(rehomeUser(outsider, { userId: users.onZ, fromUnitId: split.z.id, unitId: split.t }), "NOT_FOUND");
    await expectCode(rehomeUser(admin, { userId: users.current, fromUnitId: tree.communeA.id, unitId: whole.s }), "INVALID_STATE");

    const moved = await rehomeUser(admin, { userId: users.onZ, fromUnitId: split.z.id, unitId: split.t });
    expect(moved).toMatchObject({ id: users.onZ, unitId: split.t });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.onZ } })).unitId).toBe(split.t);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "user.home.move", entityId: String(users.onZ) } });
    expect(log).toMatchObject({ actorId: admin.userId, unitId: split.t, data: { from: split.z.id, to: split.t } });
    expect(await rowsFor(admin, [users.onZ])).toEqual([undefined]);
  });

  it("tell the stranded user why their lists are empty, and whom to ask", async () => {
    const stranded = await db.user.findUniqueOrThrow({ where: { id: users.onX }, include: { unit: true } });
    const actor = actorAt(stranded.unit, "COMMUNE_COMMITTEE", stranded.id);
    const closure = await homeClosure(actor);
    expect(closure).toMatchObject({ unit: { id: whole.x.id }, lastDay: "2026-06-30" });
    expect(closure!.successors.map((s) => s.id)).toEqual([whole.s]);
    const fine = await db.user.findUniqueOrThrow({ where: { id: users.current }, include: { unit: true } });
    expect(await homeClosure(actorAt(fine.unit, "COMMUNE_COMMITTEE", fine.id))).toBeNull();
  });
});

describe("open petitions of a closed unit", () => {
  it("go to the one successor of a whole merger with the merger itself, with a timeline and audit row; closed ones stay", async () => {
    const open = await db.petition.findUniqueOrThrow({ where: { id: petitions.openOnX }, include: { events: true } });
    expect(open.unitId).toBe(whole.s);
    expect(open.events).toContainEqual(expect.objectContaining({ kind: "EDITED", actorId: admin.userId, data: expect.objectContaining({ unit: { from: whole.x.id, to: whole.s } }) }));
    expect(await db.auditLog.count({ where: { action: "petition.unit.carry", entityId: String(open.id), data: { path: ["to"], equals: whole.s } } })).toBe(1);
    const merger = await db.auditLog.findFirstOrThrow({ where: { action: "unit.merger.record", entityId: String(whole.s) }, orderBy: { id: "asc" } });
    expect(merger.data).toMatchObject({ petitionsCarried: 1 });
    expect((await db.petition.findUniqueOrThrow({ where: { id: petitions.resolvedOnX } })).unitId).toBe(whole.x.id);
  });

  it("of a split unit are listed for placing among its successors, and placed, audited", async () => {
    expect((await db.petition.findUniqueOrThrow({ where: { id: petitions.openOnZ } })).unitId).toBe(split.z.id);
    const list = await petitionsAwaitingPlacement(admin, 1);
    const entry = list.rows.find((r) => r.id === petitions.openOnZ);
    expect(entry).toMatchObject({ unit: { id: split.z.id } });
    expect(entry!.candidates.map((c) => c.id).sort((a, b) => a - b)).toEqual([split.s, split.t].sort((a, b) => a - b));
    expect((await petitionsAwaitingPlacement(outsider, 1)).rows.find((r) => r.id === petitions.openOnZ)).toBeUndefined();

    const petition = await db.petition.findUniqueOrThrow({ where: { id: petitions.openOnZ } });
    await expectCode(placePetition(admin, { petitionId: petition.id, version: petition.version, targetUnitId: tree.communeA.id }), "INVALID_STATE");
    await expectCode(placePetition(outsider, { petitionId: petition.id, version: petition.version, targetUnitId: split.t }), "NOT_FOUND");
    await expectCode(placePetition(admin, { petitionId: petition.id, version: petition.version + 1, targetUnitId: split.t }), "CONFLICT");
    const placed = await placePetition(admin, { petitionId: petition.id, version: petition.version, targetUnitId: split.t });
    expect(placed).toMatchObject({ id: petition.id, unitId: split.t });
    const after = await db.petition.findUniqueOrThrow({ where: { id: petition.id }, include: { events: true } });
    expect(after.unitId).toBe(split.t);
    expect(after.events).toContainEqual(expect.objectContaining({ kind: "EDITED", data: expect.objectContaining({ unit: { from: split.z.id, to: split.t } }) }));
    expect(await db.auditLog.count({ where: { action: "petition.unit.place", entityId: String(petition.id) } })).toBe(1);
    expect((await petitionsAwaitingPlacement(admin, 1)).rows.find((r) => r.id === petition.id)).toBeUndefined();
  });
});

describe("no district from the reform on", () => {
  it("refuses a new district, or a new unit under a district, effective from 1/7/2025; allows them before", async () => {
    const a = await commune(tree.districtA.id);
    await expectCode(
      recordMerger(admin, { predecessors: [{ id: a.id, kind: "FULL" }], successor: { typeLabel: "Xã", name: `Mới ${uid()}`, code: nextCode(), parentId: tree.districtA.id }, effectiveOn: new Date("2025-07-01T00:00:00Z") }),
      "INVALID_STATE",
      "districtAfterReform",
    );
    const d = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Huyện ${uid()}`, code: nextCode().slice(0, 3) });
    await expectCode(
      recordMerger(admin, { predecessors: [{ id: d.id, kind: "FULL" }], successor: { typeLabel: "Huyện", name: `Mới ${uid()}`, code: "999", parentId: tree.province.id }, effectiveOn: JULY }),
      "INVALID_STATE",
      "districtAfterReform",
    );
    const before = await recordMerger(admin, {
      predecessors: [{ id: a.id, kind: "FULL" }],
      successor: { typeLabel: "Xã", name: `Mới ${uid()}`, code: nextCode(), parentId: tree.districtA.id },
      effectiveOn: new Date("2025-06-30T00:00:00Z"),
    });
    expect((await db.unit.findUniqueOrThrow({ where: { id: before.successorId } })).parentId).toBe(tree.districtA.id);
  });
});
