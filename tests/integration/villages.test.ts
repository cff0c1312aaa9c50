import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { closeVillage, createVillage, moveVillage, renameVillage } from "@/lib/units/villages";
import { createVillageSchema } from "@/lib/units/schemas";
import { searchUnits } from "@/lib/units/search";
import { moveTargetsFor } from "@/lib/units/queries";
import { insertUnit } from "@/lib/units/tree";
import { addDaysUtc, isoDay, todayInVietnam } from "@/lib/time";
import { actorAt, buildTree, createField, createPetition, createUser, uid, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

let tree: Tree;
let staffA: Actor;

beforeAll(async () => {
  tree = await buildTree();
  const user = await createUser(tree.districtA);
  staffA = actorAt(tree.districtA, "DISTRICT_STAFF", user.id);
});

async function expectCode(promise: Promise<unknown>, code: ActionError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
}

describe("createVillage", () => {
  it("adds a village under the commune with its path, its team and an audit row", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "  Thử   Nghiệm  ".normalize("NFD"), withTeam: true });
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect(village.name).toBe("Thử Nghiệm".normalize("NFC"));
    expect(village.name.length).toBe(10);
    expect(village.level).toBe("VILLAGE");
    expect(village.searchName).toBe("thon thu nghiem");
    expect(village.ancestorIds).toEqual([...tree.communeA.ancestorIds, village.id]);
    expect(village.depth).toBe(4);
    const team = await db.organisation.findFirstOrThrow({ where: { unitId: village.id, kind: "TEAM" } });
    expect(team.name).toBe("Tổ dân vận Thôn Thử Nghiệm");
    expect(created.teamId).toBe(team.id);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "unit.village.create", entityId: String(village.id) } });
    expect(log.actorId).toBe(staffA.userId);
    expect(log.unitId).toBe(village.id);
  });

  it("takes the village types of the ethnic areas, and finds each by its type and name (issue 15)", async () => {
    for (const typeLabel of ["Buôn", "Plei", "Bon", "Sóc", "Phum", "Khóm", "Ấp"]) {
      const input = createVillageSchema.parse({ communeId: String(tree.communeA.id), typeLabel, name: `Dân tộc ${typeLabel} ${uid()}`, withTeam: "on" });
      const created = await createVillage(staffA, input);
      const [first] = await searchUnits(staffA, `${typeLabel} ${input.name}`.normalize("NFD").replace(/\p{M}/gu, ""), { level: "VILLAGE" });
      expect(first, typeLabel).toMatchObject({ id: created.id, typeLabel });
    }
    expect(createVillageSchema.safeParse({ communeId: String(tree.communeA.id), typeLabel: "Làng bản", name: "Lạ", withTeam: "on" }).success).toBe(false);
  });

  it("makes no team when asked not to", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Tổ dân phố", name: "Số 7", withTeam: false });
    expect(created.teamId).toBeNull();
    expect(await db.organisation.count({ where: { unitId: created.id } })).toBe(0);
  });

  it("refuses a name already used by a current sibling, accents and case aside", async () => {
    const existing = tree.villageA1.name; // "Đình <suffix>"
    const sameWithoutAccents = existing.replace("Đình", "dinh");
    const before = await db.unit.count({ where: { parentId: tree.communeA.id } });
    await expectCode(createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Xóm", name: sameWithoutAccents, withTeam: true }), "DUPLICATE");
    expect(await db.unit.count({ where: { parentId: tree.communeA.id } })).toBe(before);
  });

  it("answers not found for a commune outside the actor's district, and for a missing one", async () => {
    await expectCode(createVillage(staffA, { communeId: tree.communeB.id, typeLabel: "Thôn", name: "Lạ", withTeam: true }), "NOT_FOUND");
    await expectCode(createVillage(staffA, { communeId: 987654321, typeLabel: "Thôn", name: "Lạ", withTeam: true }), "NOT_FOUND");
    expect(await db.unit.count({ where: { parentId: tree.communeB.id, name: "Lạ" } })).toBe(0);
  });

  it("answers not found to a role without village:manage:subtree, even inside its scope", async () => {
    const secretary = actorAt(tree.communeA, "COMMUNE_SECRETARY");
    await expectCode(createVillage(secretary, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Bí Thư", withTeam: true }), "NOT_FOUND");
    await expectCode(renameVillage(secretary, { villageId: tree.villageA2.id, version: 0, typeLabel: "Thôn", name: "Bí Thư" }), "NOT_FOUND");
    await expectCode(closeVillage(secretary, { villageId: tree.villageA2.id, version: 0, closedOn: new Date("2026-06-30") }), "NOT_FOUND");
  });

  it("refuses a parent that is not a current commune", async () => {
    await expectCode(createVillage(staffA, { communeId: tree.villageA2.id, typeLabel: "Thôn", name: "Con", withTeam: false }), "INVALID_STATE");
  });
});

describe("renameVillage", () => {
  it("renames with the current version, keeps searchName and the team's name in step", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Cũ", withTeam: true });
    const result = await renameVillage(staffA, { villageId: created.id, version: 0, typeLabel: "Xóm", name: "Mới Đây" });
    expect(result.version).toBe(1);
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect([village.typeLabel, village.name, village.searchName, village.version]).toEqual(["Xóm", "Mới Đây", "xom moi day", 1]);
    const team = await db.organisation.findFirstOrThrow({ where: { unitId: created.id } });
    expect(team.name).toBe("Tổ dân vận Xóm Mới Đây");
    expect(await db.auditLog.count({ where: { action: "unit.village.rename", entityId: String(created.id) } })).toBe(1);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Bền Vững", withTeam: false });
    await renameVillage(staffA, { villageId: created.id, version: 0, typeLabel: "Thôn", name: "Bền Vững Một" });
    const before = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    await expectCode(renameVillage(staffA, { villageId: created.id, version: 0, typeLabel: "Thôn", name: "Bền Vững Hai" }), "CONFLICT");
    const after = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect(after).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "unit.village.rename", entityId: String(created.id) } })).toBe(1);
  });

  it("refuses a sibling's name and a village outside scope", async () => {
    await expectCode(renameVillage(staffA, { villageId: tree.villageA2.id, version: 0, typeLabel: "Thôn", name: tree.villageA1.name }), "DUPLICATE");
    await expectCode(renameVillage(staffA, { villageId: tree.villageB1.id, version: 0, typeLabel: "Thôn", name: "Khác" }), "NOT_FOUND");
    const b1 = await db.unit.findUniqueOrThrow({ where: { id: tree.villageB1.id } });
    expect(b1.name).toBe(tree.villageB1.name);
  });
});

describe("closeVillage", () => {
  it("sets validTo, dissolves the team and writes an audit row", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Sắp Đóng", withTeam: true });
    const closedOn = new Date("2026-06-30T00:00:00Z");
    const cadre = await db.cadre.create({ data: { fullName: "Tổ Trưởng Cũ", searchName: "to truong cu", unitId: created.id } });
    const member = await db.membership.create({ data: { organisationId: created.teamId!, cadreId: cadre.id, role: "HEAD", representing: "PARTY_CELL_SECRETARY", termStart: new Date("2020-01-01T00:00:00Z") } });
    await closeVillage(staffA, { villageId: created.id, version: 0, closedOn });
    expect((await db.membership.findUniqueOrThrow({ where: { id: member.id } })).termEnd).toEqual(closedOn);
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect(village.validTo).toEqual(closedOn);
    expect(village.version).toBe(1);
    // the team stands through the village's last day (dissolvedOn is its first day gone), its members' terms end that day
    const team = await db.organisation.findFirstOrThrow({ where: { unitId: created.id } });
    expect(team.dissolvedOn).toEqual(new Date("2026-07-01T00:00:00Z"));
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "unit.village.close", entityId: String(created.id) } });
    expect(log.data).toMatchObject({ closedOn: "2026-06-30", teamsDissolved: 1 });
    // closed: a new village may take its name, and it cannot be closed or renamed again
    await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Sắp Đóng", withTeam: false });
    await expectCode(closeVillage(staffA, { villageId: created.id, version: 1, closedOn }), "INVALID_STATE");
    await expectCode(renameVillage(staffA, { villageId: created.id, version: 1, typeLabel: "Thôn", name: "Khác" }), "INVALID_STATE");
  });

  it("refuses a stale version and a village outside scope", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Cạnh Tranh", withTeam: true });
    await renameVillage(staffA, { villageId: created.id, version: 0, typeLabel: "Thôn", name: "Cạnh Tranh Mới" });
    await expectCode(closeVillage(staffA, { villageId: created.id, version: 0, closedOn: new Date("2026-06-30") }), "CONFLICT");
    expect((await db.unit.findUniqueOrThrow({ where: { id: created.id } })).validTo).toBeNull();
    expect((await db.organisation.findFirstOrThrow({ where: { unitId: created.id } })).dissolvedOn).toBeNull();
    await expectCode(closeVillage(staffA, { villageId: tree.villageB1.id, version: 0, closedOn: new Date("2026-06-30") }), "NOT_FOUND");
  });
});

describe("moveVillage", () => {
  async function newCommune(name: string) {
    return insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `${name} ${uid()}` });
  }

  it("moves the village under the target and rewrites the path of the village and what lies below", async () => {
    const target = await newCommune("Đích");
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Di Chuyển", withTeam: true });
    const child = await insertUnit(db, { parentId: created.id, level: "VILLAGE", typeLabel: "Xóm", name: "Con" });
    const result = await moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: target.id });
    expect(result).toMatchObject({ id: created.id, fromId: tree.communeA.id, parentId: target.id, version: 1 });
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect(village.parentId).toBe(target.id);
    expect(village.ancestorIds).toEqual([...target.ancestorIds, village.id]);
    expect(village.depth).toBe(target.depth + 1);
    expect(village.version).toBe(1);
    const below = await db.unit.findUniqueOrThrow({ where: { id: child.id } });
    expect(below.parentId).toBe(created.id);
    expect(below.ancestorIds).toEqual([...target.ancestorIds, village.id, child.id]);
    expect(below.depth).toBe(target.depth + 2);
    // untouched: a sibling left behind
    const a1 = await db.unit.findUniqueOrThrow({ where: { id: tree.villageA1.id } });
    expect(a1.ancestorIds).toEqual(tree.villageA1.ancestorIds);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "unit.village.move", entityId: String(created.id) } });
    expect(log.data).toMatchObject({ from: tree.communeA.id, to: target.id });
  });

  it("answers not found for a target outside the actor's scope, and changes nothing", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Ở Lại", withTeam: false });
    await expectCode(moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: tree.communeB.id }), "NOT_FOUND");
    await expectCode(moveVillage(staffA, { villageId: tree.villageB1.id, version: 0, targetCommuneId: tree.communeA.id }), "NOT_FOUND");
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect(village.parentId).toBe(tree.communeA.id);
  });

  it("refuses the current commune and a non-commune target", async () => {
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Tại Chỗ", withTeam: false });
    await expectCode(moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: tree.communeA.id }), "INVALID_STATE");
    await expectCode(moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: tree.villageA1.id }), "INVALID_STATE");
  });

  it("refuses a stale version with CONFLICT", async () => {
    const target = await newCommune("Cũ Mới");
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: "Cũ Kỹ", withTeam: false });
    await renameVillage(staffA, { villageId: created.id, version: 0, typeLabel: "Thôn", name: "Cũ Kỹ Hơn" });
    await expectCode(moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: target.id }), "CONFLICT");
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    expect(village.parentId).toBe(tree.communeA.id);
    expect(village.ancestorIds).toEqual([...tree.communeA.ancestorIds, village.id]);
  });

  it("refuses a target that already has a current village of that name, accents aside", async () => {
    const target = await newCommune("Trùng");
    await createVillage(staffA, { communeId: target.id, typeLabel: "Thôn", name: "Trung Hoa", withTeam: false });
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Xóm", name: "Trùng Hòa", withTeam: false });
    await expectCode(moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: target.id }), "DUPLICATE");
    expect((await db.unit.findUniqueOrThrow({ where: { id: created.id } })).parentId).toBe(tree.communeA.id);
  });
});

describe("moving a village after a merger (issue 15 §4)", () => {
  it("moves a village to a commune of the new shape in the same province, keeping its old path as history and the rollups right", async () => {
    const admin = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
    // the new shape beside the old: a commune made by a merger directly under the province (decision 009)
    const newCommune = await insertUnit(db, { parentId: tree.province.id, level: "COMMUNE", typeLabel: "Xã", name: `Hợp Nhất ${uid()}`, code: "70101", validFrom: new Date("2025-07-01") });
    const created = await createVillage(admin, { communeId: tree.communeA.id, typeLabel: "Thôn", name: `Sang Xã Mới ${uid()}`, withTeam: true });
    const village = await db.unit.findUniqueOrThrow({ where: { id: created.id } });
    const field = await createField();
    const petition = await createPetition(village, admin.userId, field.id);
    const team = await db.organisation.findFirstOrThrow({ where: { unitId: village.id } });
    await db.meeting.create({ data: { kind: "TEAM_MONTHLY", organisationId: team.id, unitId: village.id, heldOn: new Date("2026-03-05"), place: "Nhà văn hoá", chair: "Lê Văn An", createdById: admin.userId } });

    // offered on the village's page: a commune that is not a sibling of its own, and never its own or a closed one
    const closed = await insertUnit(db, { parentId: tree.province.id, level: "COMMUNE", typeLabel: "Xã", name: `Đã Đóng ${uid()}`, code: "70102", validTo: new Date("2025-06-30") });
    const targets = (await moveTargetsFor(admin, village.id)).map((t) => t.id);
    expect(targets).toContain(newCommune.id);
    expect(targets).not.toContain(tree.communeA.id);
    expect(targets).not.toContain(closed.id);

    const before = village.ancestorIds;
    await moveVillage(admin, { villageId: village.id, version: village.version, targetCommuneId: newCommune.id });
    const moved = await db.unit.findUniqueOrThrow({ where: { id: village.id } });
    expect(moved).toMatchObject({ parentId: newCommune.id, ancestorIds: [...newCommune.ancestorIds, village.id], depth: newCommune.ancestorIds.length });
    // history: the old path, held until yesterday ("as the units were" counts the earlier months on it)
    const history = await db.unitPathHistory.findMany({ where: { unitId: village.id } });
    expect(history.map((h) => [h.ancestorIds, isoDay(h.endedOn)])).toEqual([[before, isoDay(addDaysUtc(todayInVietnam(), -1))]]);
    // its records follow it; the rollups are what a rebuild makes
    expect(await db.petition.findUniqueOrThrow({ where: { id: petition.id } })).toMatchObject({ communeId: newCommune.id, districtId: null });
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
    // and it may move back
    await moveVillage(admin, { villageId: village.id, version: moved.version, targetCommuneId: tree.communeA.id });
    expect((await db.unit.findUniqueOrThrow({ where: { id: village.id } })).ancestorIds).toEqual(before);
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("refuses a commune that is closed or not yet begun, and one out of reach", async () => {
    const admin = actorAt(tree.province, "ADMIN");
    const created = await createVillage(staffA, { communeId: tree.communeA.id, typeLabel: "Thôn", name: `Chưa Đi ${uid()}`, withTeam: false });
    const future = await insertUnit(db, { parentId: tree.province.id, level: "COMMUNE", typeLabel: "Xã", name: `Tương Lai ${uid()}`, code: "70103", validFrom: addDaysUtc(todayInVietnam(), 30) });
    const closed = await insertUnit(db, { parentId: tree.province.id, level: "COMMUNE", typeLabel: "Xã", name: `Đóng Rồi ${uid()}`, code: "70104", validTo: new Date("2025-06-30") });
    expect((await moveTargetsFor(admin, created.id)).map((t) => t.id)).not.toContain(future.id);
    await expectCode(moveVillage(admin, { villageId: created.id, version: 0, targetCommuneId: future.id }), "INVALID_STATE");
    await expectCode(moveVillage(admin, { villageId: created.id, version: 0, targetCommuneId: closed.id }), "INVALID_STATE");
    // district A's staff do not reach a commune directly under the province
    await expectCode(moveVillage(staffA, { villageId: created.id, version: 0, targetCommuneId: future.id }), "NOT_FOUND");
    expect((await db.unit.findUniqueOrThrow({ where: { id: created.id } })).parentId).toBe(tree.communeA.id);
  });
});
