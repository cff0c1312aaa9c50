import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { PRESETS } from "@/lib/auth/roles";
import { insertUnit } from "@/lib/units/tree";
import { DEFAULT_LIST_PARAMS } from "@/lib/users/list-params";
import { changeOwnPassword, createUser, resetPassword, setUserActive, updateUser } from "@/lib/users/mutations";
import { getOwnProfile, getUserForAdmin, listUsers } from "@/lib/users/queries";
import { TEMPORARY_PASSWORD_PATTERN } from "@/lib/users/temporary-password";
import { actorAt, buildTree, createUser as createUserRow, TEST_PASSWORD, uid, type Tree } from "../support/factories";

let tree: Tree;
let otherProvince: Tree["province"];
let provinceAdmin: Actor;
let districtAdmin: Actor;

async function expectCode(promise: Promise<unknown>, code: ActionError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
}

const newName = () => `nguoi.dung.${uid()}`;

async function adminAt(unit: Tree["province"]): Promise<Actor> {
  const row = await createUserRow(unit, "ADMIN");
  return { ...actorAt(unit, "ADMIN", row.id), username: row.username };
}

beforeAll(async () => {
  tree = await buildTree();
  otherProvince = await insertUnit(db, { parentId: tree.nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Lai Châu ${uid()}`, code: "12" });
  provinceAdmin = await adminAt(tree.province);
  districtAdmin = await adminAt(tree.districtA);
});

describe("createUser", () => {
  it("creates an account inside the subtree with a one-time password that must be changed, audited without it", async () => {
    const username = newName();
    const created = await createUser(provinceAdmin, { username, displayName: "Nguyễn Văn An", duties: [...PRESETS.DISTRICT_STAFF], unitId: tree.districtA.id });
    expect(created.temporaryPassword).toMatch(TEMPORARY_PASSWORD_PATTERN);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({ username, displayName: "Nguyễn Văn An", duties: [...PRESETS.DISTRICT_STAFF], unitId: tree.districtA.id, active: true, mustChangePassword: true });
    expect(user.passwordHash).not.toContain(created.temporaryPassword);
    expect(await authenticate(username, created.temporaryPassword)).toMatchObject({ ok: true, userId: user.id });
    expect((await loadActor(user.id))?.mustChangePassword).toBe(true);

    const log = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: String(user.id) } });
    expect(log).toMatchObject({ actorId: provinceAdmin.userId, entity: "User", unitId: tree.districtA.id });
    expect(JSON.stringify(log.data)).not.toContain(created.temporaryPassword);
  });

  it("answers DUPLICATE for a username already taken, and creates nothing more", async () => {
    const username = newName();
    await createUser(provinceAdmin, { username, displayName: "Trần Thị Bình", duties: [...PRESETS.VIEWER], unitId: tree.province.id });
    await expectCode(createUser(provinceAdmin, { username, displayName: "Trần Thị Bình", duties: [...PRESETS.VIEWER], unitId: tree.province.id }), "DUPLICATE");
    expect(await db.user.count({ where: { username } })).toBe(1);
  });

  it("two submissions at once make one account", async () => {
    const username = newName();
    const input = { username, displayName: "Lê Văn Cường", duties: [...PRESETS.VIEWER], unitId: tree.province.id };
    const results = await Promise.allSettled([createUser(provinceAdmin, input), createUser(provinceAdmin, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ActionError).code).toBe("DUPLICATE");
    expect(await db.user.count({ where: { username } })).toBe(1);
  });

  it("refuses a home unit outside the admin's subtree as not found", async () => {
    const username = newName();
    await expectCode(createUser(districtAdmin, { username, displayName: "Phạm Văn Dũng", duties: [...PRESETS.VIEWER], unitId: tree.districtB.id }), "NOT_FOUND");
    await expectCode(createUser(provinceAdmin, { username, displayName: "Phạm Văn Dũng", duties: [...PRESETS.VIEWER], unitId: otherProvince.id }), "NOT_FOUND");
    expect(await db.user.count({ where: { username } })).toBe(0);
  });

  it("refuses a closed unit, and a role without the permission", async () => {
    const closed = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Cũ ${uid()}` });
    await db.unit.update({ where: { id: closed.id }, data: { validTo: new Date("2020-01-01") } });
    await expectCode(createUser(provinceAdmin, { username: newName(), displayName: "Hoàng Văn Em", duties: [...PRESETS.VIEWER], unitId: closed.id }), "NOT_FOUND");
    const leader = actorAt(tree.province, "PROVINCE_LEADER", provinceAdmin.userId);
    await expectCode(createUser(leader, { username: newName(), displayName: "Hoàng Văn Em", duties: [...PRESETS.VIEWER], unitId: tree.province.id }), "NOT_FOUND");
  });
});

describe("scope", () => {
  it("a province admin neither sees nor changes an account of another province", async () => {
    const outsider = await createUserRow(otherProvince, "PROVINCE_LEADER");
    expect(await getUserForAdmin(provinceAdmin, outsider.id)).toBeNull();
    const list = await listUsers(provinceAdmin, { ...DEFAULT_LIST_PARAMS, q: outsider.username });
    expect(list.total).toBe(0);
    await expectCode(updateUser(provinceAdmin, { userId: outsider.id, displayName: "X", duties: [...PRESETS.VIEWER], unitId: tree.province.id, updatedAt: outsider.updatedAt }), "NOT_FOUND");
    await expectCode(resetPassword(provinceAdmin, { userId: outsider.id }), "NOT_FOUND");
    await expectCode(setUserActive(provinceAdmin, { userId: outsider.id, active: false }), "NOT_FOUND");
    const after = await db.user.findUniqueOrThrow({ where: { id: outsider.id } });
    expect(after).toMatchObject({ duties: [...PRESETS.PROVINCE_LEADER], active: true, sessionVersion: 0, mustChangePassword: false });
  });

  it("a district admin does not see accounts of the province above nor of the other district", async () => {
    const inB = await createUserRow(tree.districtB);
    expect(await getUserForAdmin(districtAdmin, inB.id)).toBeNull();
    expect(await getUserForAdmin(districtAdmin, provinceAdmin.userId)).toBeNull();
    const inA = await createUserRow(tree.communeA);
    expect((await getUserForAdmin(districtAdmin, inA.id))?.username).toBe(inA.username);
  });
});

describe("listUsers", () => {
  it("searches username and display name without accents, filters by role and state, and pages", async () => {
    const commune = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Tìm ${uid()}` });
    const admin = await adminAt(commune);
    const tag = uid();
    const a = await createUser(admin, { username: `duc.${tag}`, displayName: `Nguyễn Văn Đức ${tag}`, duties: [...PRESETS.COMMUNE_SECRETARY], unitId: commune.id });
    const b = await createUser(admin, { username: `hoa.${tag}`, displayName: "Trần Thị Hoa", duties: [...PRESETS.VIEWER], unitId: commune.id });
    await setUserActive(admin, { userId: b.id, active: false });

    const find = (q: string, extra = {}) => listUsers(admin, { ...DEFAULT_LIST_PARAMS, q, ...extra }).then((r) => r.users.map((u) => u.id));
    expect(await find(`NGUYEN VAN DUC ${tag}`)).toEqual([a.id]);
    expect(await find(`đức`)).toEqual([a.id]);
    expect(await find(`hoa.${tag}`)).toEqual([b.id]);
    expect(await find("thi hoa")).toEqual([b.id]);
    expect(await find("100%")).toEqual([]);
    expect(await find("", { active: false })).toEqual([b.id]);
    expect(await find("", { duty: "PETITION_INTAKE" })).toEqual([a.id]);
    const all = await listUsers(admin, { ...DEFAULT_LIST_PARAMS, sort: "username", dir: "desc" });
    expect(all.total).toBe(3);
    expect(all.users.map((u) => u.username)).toEqual([...all.users.map((u) => u.username)].sort().reverse());
    // a page past the end shows the last one
    expect((await listUsers(admin, { ...DEFAULT_LIST_PARAMS, page: 99 })).page).toBe(1);
  });
});

describe("updateUser", () => {
  it("changes the name without ending sessions; a new role ends them", async () => {
    const user = await createUserRow(tree.communeA, "COMMUNE_SECRETARY");
    const renamed = await updateUser(provinceAdmin, { userId: user.id, displayName: "Vũ Văn Giang", duties: [...PRESETS.COMMUNE_SECRETARY], unitId: tree.communeA.id, updatedAt: user.updatedAt });
    expect(renamed.sessionsEnded).toBe(false);
    let row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ displayName: "Vũ Văn Giang", sessionVersion: 0 });

    await updateUser(provinceAdmin, { userId: user.id, displayName: "Vũ Văn Giang", duties: [...PRESETS.VIEWER], unitId: tree.districtA.id, updatedAt: row.updatedAt });
    row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ duties: [...PRESETS.VIEWER], unitId: tree.districtA.id, sessionVersion: 1 });
    expect(await loadActor(user.id, 0)).toBeNull();
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: String(user.id) }, orderBy: { id: "desc" } });
    expect(log.data).toMatchObject({ changes: { duties: { from: [...PRESETS.COMMUNE_SECRETARY], to: [...PRESETS.VIEWER] } }, sessionsEnded: true });
  });

  it("refuses a stale form, a unit out of scope, and an admin demoting themselves", async () => {
    const user = await createUserRow(tree.communeA);
    const drawn = user.updatedAt;
    await updateUser(provinceAdmin, { userId: user.id, displayName: "Người thứ nhất", duties: user.duties, unitId: user.unitId, updatedAt: drawn });
    await expectCode(updateUser(provinceAdmin, { userId: user.id, displayName: "Người thứ hai", duties: user.duties, unitId: user.unitId, updatedAt: drawn }), "CONFLICT");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe("Người thứ nhất");

    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expectCode(updateUser(districtAdmin, { userId: user.id, displayName: "X", duties: user.duties, unitId: tree.districtB.id, updatedAt: fresh.updatedAt }), "NOT_FOUND");

    const me = await db.user.findUniqueOrThrow({ where: { id: provinceAdmin.userId } });
    await expectCode(updateUser(provinceAdmin, { userId: me.id, displayName: me.displayName, duties: [...PRESETS.VIEWER], unitId: me.unitId, updatedAt: me.updatedAt }), "INVALID_STATE");
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).duties).toEqual([...PRESETS.ADMIN]);
  });
});

describe("resetPassword", () => {
  it("sets a new temporary password, obliges a change and ends the user's sessions", async () => {
    const user = await createUserRow(tree.villageA1, "VIEWER");
    expect(await loadActor(user.id, 0)).not.toBeNull();
    const reset = await resetPassword(provinceAdmin, { userId: user.id });
    expect(reset.temporaryPassword).toMatch(TEMPORARY_PASSWORD_PATTERN);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ mustChangePassword: true, sessionVersion: 1 });
    expect(await loadActor(user.id, 0)).toBeNull();
    expect((await loadActor(user.id, 1))?.mustChangePassword).toBe(true);
    expect(await authenticate(user.username, TEST_PASSWORD)).toEqual({ ok: false, error: "INVALID" });
    expect(await authenticate(user.username, reset.temporaryPassword)).toMatchObject({ ok: true, sessionVersion: 1 });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "user.password.reset", entityId: String(user.id) } });
    expect(log.actorId).toBe(provinceAdmin.userId);
    expect(JSON.stringify(log.data)).not.toContain(reset.temporaryPassword);
  });

  it("an admin cannot reset their own password here", async () => {
    await expectCode(resetPassword(provinceAdmin, { userId: provinceAdmin.userId }), "INVALID_STATE");
  });
});

describe("setUserActive", () => {
  it("disabling ends the user's sessions at once; enabling lets them sign in again", async () => {
    const user = await createUserRow(tree.communeA, "COMMUNE_SECRETARY");
    await setUserActive(provinceAdmin, { userId: user.id, active: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ active: false, sessionVersion: 1 });
    expect(await loadActor(user.id, 0)).toBeNull();
    expect(await loadActor(user.id, 1)).toBeNull();
    expect(await authenticate(user.username, TEST_PASSWORD)).toEqual({ ok: false, error: "DISABLED" });
    await expectCode(setUserActive(provinceAdmin, { userId: user.id, active: false }), "INVALID_STATE");

    await setUserActive(provinceAdmin, { userId: user.id, active: true });
    expect(await authenticate(user.username, TEST_PASSWORD)).toMatchObject({ ok: true, sessionVersion: 2 });
    const actions = await db.auditLog.findMany({ where: { entityId: String(user.id), action: { in: ["user.disable", "user.enable"] } }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("an admin cannot disable themselves", async () => {
    await expectCode(setUserActive(provinceAdmin, { userId: provinceAdmin.userId, active: false }), "INVALID_STATE");
    expect((await db.user.findUniqueOrThrow({ where: { id: provinceAdmin.userId } })).active).toBe(true);
  });
});

describe("changeOwnPassword", () => {
  it("refuses a wrong current password, the username, and the same password, changing nothing", async () => {
    const row = await createUserRow(tree.districtA);
    const me = { ...actorAt(tree.districtA, "DISTRICT_STAFF", row.id), username: row.username };
    expect(await changeOwnPassword(me, { currentPassword: "khong-dung-dau", newPassword: "mat-khau-moi-2026", confirmPassword: "mat-khau-moi-2026" })).toEqual({
      changed: false,
      reason: "WRONG_CURRENT",
    });
    expect(await changeOwnPassword(me, { currentPassword: TEST_PASSWORD, newPassword: row.username.toUpperCase(), confirmPassword: row.username.toUpperCase() })).toEqual({
      changed: false,
      reason: "SAME_AS_USERNAME",
    });
    expect(await changeOwnPassword(me, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD })).toEqual({
      changed: false,
      reason: "SAME_AS_CURRENT",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.passwordHash).toBe(row.passwordHash);
    expect(after.sessionVersion).toBe(0);
    expect(await db.auditLog.count({ where: { action: "user.password.change-refused", actorId: row.id } })).toBe(3);
  });

  it("after a reset: the new password clears the obligation and ends other sessions", async () => {
    const row = await createUserRow(tree.districtA);
    const { temporaryPassword } = await resetPassword(provinceAdmin, { userId: row.id });
    const me = (await loadActor(row.id, 1))!;
    expect(me.mustChangePassword).toBe(true);
    const result = await changeOwnPassword(me, { currentPassword: temporaryPassword, newPassword: "mat-khau-rieng-2026", confirmPassword: "mat-khau-rieng-2026" });
    expect(result).toEqual({ changed: true, sessionVersion: 2 });
    expect(await loadActor(row.id, 1)).toBeNull();
    expect((await loadActor(row.id, 2))?.mustChangePassword).toBe(false);
    expect(await authenticate(row.username, temporaryPassword)).toEqual({ ok: false, error: "INVALID" });
    expect(await authenticate(row.username, "mat-khau-rieng-2026")).toMatchObject({ ok: true });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "user.password.change", actorId: row.id } });
    expect(JSON.stringify(log.data)).not.toContain("mat-khau-rieng-2026");
    const profile = await getOwnProfile(me);
    expect(profile?.unit.path.map((u) => u.id)).toEqual([tree.nation.id, tree.province.id]);
  });
});
