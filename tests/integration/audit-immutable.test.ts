/**
 * Issue 12: the app's database role cannot change or remove audit rows (migration
 * …_audit_log_immutable, decision 020). Runs on PGlite and on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { buildTree, createUser, type Tree } from "../support/factories";

let tree: Tree;

beforeAll(async () => {
  tree = await buildTree();
});

describe("the audit log is append-only", () => {
  it("allows TRUNCATE only while the table is empty (a failed first seed empties every table)", async () => {
    expect(await db.auditLog.count()).toBe(0);
    await db.$executeRawUnsafe(`TRUNCATE "AuditLog"`);
    await audit(db, { actorId: null, action: "test.first" });
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "User" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count()).toBe(1);
  });

  it("refuses UPDATE and DELETE, through Prisma and in SQL, and keeps the row as written", async () => {
    const user = await createUser(tree.districtA);
    await audit(db, { actorId: user.id, action: "petition.personal-data.read", entity: "Petition", entityId: 7, unitId: tree.districtA.id });
    const row = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "nothing.happened" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.updateMany({ where: { actorId: user.id }, data: { actorId: null } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "AuditLog" SET "at" = now() - interval '1 year' WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    // Inside a transaction too: the whole transaction fails.
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, { actorId: user.id, action: "test.in-transaction" });
        await tx.auditLog.deleteMany({ where: { id: row.id } });
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    expect(await db.auditLog.count({ where: { action: "test.in-transaction" } })).toBe(0);
  });

  it("a user who has audit rows cannot be deleted (their rows would lose their author); one without can", async () => {
    const withRows = await createUser(tree.districtA);
    await audit(db, { actorId: withRows.id, action: "auth.login", entity: "User", entityId: withRows.id });
    await expect(db.user.delete({ where: { id: withRows.id } })).rejects.toThrow(/append-only/);
    const without = await createUser(tree.districtA);
    await db.user.delete({ where: { id: without.id } });
    expect(await db.user.findUnique({ where: { id: without.id } })).toBeNull();
  });

  it("still takes new rows", async () => {
    const before = await db.auditLog.count();
    await audit(db, { actorId: null, action: "test.append" });
    expect(await db.auditLog.count()).toBe(before + 1);
  });
});
