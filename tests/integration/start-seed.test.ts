/**
 * What `npm start` does to the database before serving (prisma/seed/run.ts `migrateAndSeed`):
 * the demo only into a database with nothing in it, never with the switch off, and the demo
 * accounts announced only when they really exist with the demo password.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { openAdapter } from "@/lib/db/adapter";
import { closeDb, installDb } from "@/lib/db/client";
import { databaseConfig } from "@/lib/db/config";
import { insertUnit } from "@/lib/units/tree";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { migrateAndSeed } from "@/prisma/seed/run";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/test-db";
import { PRESETS } from "@/lib/auth/roles";

let workDir: string;
let database: TestDatabase | undefined;
let url: string;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-start-seed-"));
  if (testBackend() === "postgres") {
    database = await createTestDatabase({ migrate: false });
    await database.handle.close();
    url = database.url!;
  } else {
    url = `pglite:${path.join(workDir, "db")}`;
  }
  process.env.DATABASE_URL = url; // migrateAndSeed opens DATABASE_URL's database, as npm start does
});

afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await database?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Runs `fn` on the database between two starts (PGlite allows one handle at a time). */
async function between<T>(fn: (db: ReturnType<typeof installDb>) => Promise<T>): Promise<T> {
  const db = installDb(openAdapter(databaseConfig(url)));
  try {
    return await fn(db);
  } finally {
    await closeDb();
  }
}

describe("migrateAndSeed, as npm start calls it", () => {
  it("with DEMO_DATA=off, migrates a new database and leaves it empty", { timeout: 300_000 }, async () => {
    const lines: string[] = [];
    expect(await migrateAndSeed({ demo: "off", log: (l) => lines.push(l) })).toEqual({ seeded: false, demoAccounts: [] });
    expect(lines.join("\n")).toContain("DEMO_DATA=off");
    expect(await between(async (db) => [await db.unit.count(), await db.user.count()])).toEqual([0, 0]);
  });

  it("never seeds a database that holds an account, and announces no demo account that is not really one", { timeout: 300_000 }, async () => {
    // A real administrator who happens to be called "admin", with a password of their own.
    await between(async (db) => {
      const root = await insertUnit(db, { parentId: null, level: "NATION", typeLabel: "Cả nước", name: "Việt Nam" });
      await db.user.create({ data: { username: "admin", displayName: "Quản trị", duties: [...PRESETS.ADMIN], unitId: root.id, passwordHash: await hashPassword("mat-khau-rieng-2026") } });
    });
    const lines: string[] = [];
    expect(await migrateAndSeed({ demo: "on", log: (l) => lines.push(l) })).toEqual({ seeded: false, demoAccounts: [] });
    expect(lines.join("\n")).toContain("data exists, not seeding");
    expect(await between((db) => db.unit.count())).toBe(1);
  });

  it("announces a demo account only while it still opens with the demo password", { timeout: 300_000 }, async () => {
    await between(async (db) => db.user.update({ where: { username: "admin" }, data: { passwordHash: await hashPassword(DEMO_PASSWORD) } }));
    const { seeded, demoAccounts } = await migrateAndSeed({ demo: "on", log: () => {} });
    expect(seeded).toBe(false);
    expect(demoAccounts.map((a) => a.username)).toEqual(["admin"]);
  });
});
