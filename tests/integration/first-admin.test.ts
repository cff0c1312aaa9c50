import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { TEMPORARY_PASSWORD_PATTERN } from "@/lib/users/temporary-password";
import { createNationalAdmin, FirstAdminError } from "@/lib/users/first-admin";
import { ROOT_NAME } from "@/lib/units/catalogue/import";
import { insertUnit } from "@/lib/units/tree";
import { PRESETS } from "@/lib/auth/roles";

async function refusal(p: Promise<unknown>): Promise<FirstAdminError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FirstAdminError);
  return error as FirstAdminError;
}

describe("createNationalAdmin (npm run admin:create)", () => {
  it("on a database with nothing imported, creates the nation root and an administrator there who must change the generated password", async () => {
    expect(await db.unit.count()).toBe(0);
    const result = await createNationalAdmin(db, { username: "Root" });
    expect(result).toMatchObject({ username: "root", created: true, rootCreated: true });
    expect(result.generatedPassword).toMatch(TEMPORARY_PASSWORD_PATTERN);

    const root = await db.unit.findUniqueOrThrow({ where: { id: result.rootUnitId } });
    expect(root).toMatchObject({ level: "NATION", parentId: null, name: ROOT_NAME });
    const user = await db.user.findUniqueOrThrow({ where: { username: "root" } });
    expect(user).toMatchObject({ duties: [...PRESETS.ADMIN], unitId: root.id, mustChangePassword: true, active: true });
    expect(await verifyPassword(user.passwordHash, result.generatedPassword!)).toBe(true);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "User", entityId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: null, action: "user.create", unitId: root.id });
    expect(JSON.stringify(audit.data)).not.toContain(result.generatedPassword!);
  });

  it("with ADMIN_PASSWORD, keeps that password without a forced change, under the existing root", async () => {
    const rootsBefore = await db.unit.count({ where: { level: "NATION" } });
    const result = await createNationalAdmin(db, { username: "quantri", displayName: "  Nguyễn   Văn An ", password: "mot-mat-khau-dai-2026" });
    expect(result).toMatchObject({ created: true, rootCreated: false, generatedPassword: null });
    expect(await db.unit.count({ where: { level: "NATION" } })).toBe(rootsBefore);
    const user = await db.user.findUniqueOrThrow({ where: { username: "quantri" } });
    expect(user).toMatchObject({ displayName: "Nguyễn Văn An", mustChangePassword: false, unitId: result.rootUnitId });
    expect(await verifyPassword(user.passwordHash, "mot-mat-khau-dai-2026")).toBe(true);
  });

  it("refuses an ADMIN_PASSWORD the app's password policy refuses, and writes nothing", async () => {
    const users = await db.user.count();
    expect((await refusal(createNationalAdmin(db, { username: "ngan", password: "short" }))).message).toMatch(/ít nhất 10 ký tự.*at least 10 characters/);
    expect((await refusal(createNationalAdmin(db, { username: "trungten1", password: "TrungTen1 " }))).message).toMatch(/trùng tên đăng nhập/);
    expect((await refusal(createNationalAdmin(db, { username: "dai", password: "x".repeat(201) }))).code).toBe("WEAK_PASSWORD");
    expect((await refusal(createNationalAdmin(db, { username: "x y", password: "mot-mat-khau-dai-2026" }))).code).toBe("INVALID_USERNAME");
    expect(await db.user.count()).toBe(users);
  });

  it("refuses an existing username without --reset and leaves it as it was", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { username: "quantri" } });
    const error = await refusal(createNationalAdmin(db, { username: "quantri", password: "mat-khau-khac-2026" }));
    expect(error.code).toBe("EXISTS");
    expect(error.message).toMatch(/đã có; thêm --reset.*add --reset/);
    expect(await db.user.findUniqueOrThrow({ where: { username: "quantri" } })).toEqual(before);
  });

  it("with --reset, makes an existing account a national administrator again with a new password, ending its sessions", async () => {
    const root = await db.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const province = await insertUnit(db, { parentId: root.id, level: "PROVINCE", typeLabel: "Tỉnh", name: "Tỉnh Thử", code: "99" });
    const user = await db.user.create({
      data: { username: "cu.quantri", displayName: "Cũ", passwordHash: "x", duties: [...PRESETS.VIEWER], unitId: province.id, active: false },
    });
    const result = await createNationalAdmin(db, { username: "cu.quantri", reset: true });
    expect(result).toMatchObject({ userId: user.id, created: false });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ duties: [...PRESETS.ADMIN], unitId: result.rootUnitId, active: true, mustChangePassword: true, sessionVersion: user.sessionVersion + 1 });
    expect(await verifyPassword(after.passwordHash, result.generatedPassword!)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "User", entityId: String(user.id), action: "user.admin-reset" } });
    expect(audit.data).toMatchObject({ source: "admin:create", from: { duties: [...PRESETS.VIEWER], unitId: province.id, active: false } });
  });
});
