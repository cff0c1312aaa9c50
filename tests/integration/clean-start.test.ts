/**
 * The operator's first day (issue 12, "Done when"): on a fresh database, import the unit
 * catalogue, create the first administrator with ADMIN_PASSWORD, start in production; the
 * administrator signs in and no demo account exists. Every step is the real command, run as
 * a child process, on a throwaway database of the test backend (PostgreSQL, or an embedded
 * folder). `npm start` builds the app first when there is no current build.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/adapter";
import { signIn } from "@/lib/bench/http-session";
import { FIXTURE_JSON } from "@/lib/units/catalogue/fixtures";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { freePort, PROJECT_DIR, runScript, startApp } from "../support/commands";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const ADMIN_PASSWORD = "mat-khau-quan-tri-2026";

let workDir: string;
let database: TestDatabase | undefined;
let databaseUrl: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-clean-start-"));
  if (process.env.TEST_BACKEND === "postgres") {
    database = await createTestDatabase({ migrate: false });
    await database.handle.close(); // the commands open their own connections
    databaseUrl = database.url!;
  } else {
    databaseUrl = `pglite:${path.join(workDir, "pglite")}`;
  }
});

afterAll(async () => {
  await database?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function usernames(): Promise<string[]> {
  const sql = `SELECT username FROM "User" ORDER BY username`;
  if (databaseUrl.startsWith("pglite:")) {
    const pglite = openPglite(databaseUrl.slice("pglite:".length));
    try {
      return (await pglite.query<{ username: string }>(sql)).rows.map((r) => r.username);
    } finally {
      await pglite.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ username: string }>(sql)).rows.map((r) => r.username);
  } finally {
    await client.end();
  }
}

describe("a clean start: units:import, admin:create, npm start", () => {
  it("the administrator signs in, no demo account exists and none is announced", { timeout: 900_000 }, async () => {
    const env = { DATABASE_URL: databaseUrl };
    const catalogue = path.join(workDir, "catalogue.json");
    fs.writeFileSync(catalogue, JSON.stringify(FIXTURE_JSON));

    const imported = await runScript("scripts/units-import.ts", [catalogue], { cwd: PROJECT_DIR, env });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Đã nhập \/ imported .*: 12 mới \/ new/);

    const created = await runScript("scripts/admin-create.ts", ["--", "--username", "root"], { cwd: PROJECT_DIR, env: { ...env, ADMIN_PASSWORD } });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created the national administrator "root"');
    expect(created.stdout).not.toContain(ADMIN_PASSWORD);

    const again = await runScript("scripts/admin-create.ts", ["--username=root"], { cwd: PROJECT_DIR, env: { ...env, ADMIN_PASSWORD } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the username "root" exists; add --reset');

    const port = await freePort();
    const url = `http://localhost:${port}`;
    const app = await startApp({
      cwd: PROJECT_DIR,
      env: { ...env, PORT: String(port), NODE_ENV: "production", NEXTAUTH_SECRET: "a".repeat(24) + "-clean-start-secret", NEXTAUTH_URL: url },
    });
    try {
      expect(await signIn(url, "root", ADMIN_PASSWORD)).toMatch(/next-auth\.session-token/);
      await expect(signIn(url, "admin", DEMO_PASSWORD)).rejects.toThrow(/sign-in failed/);
    } finally {
      await app.stop();
    }
    expect(app.output()).toContain("data exists, not seeding");
    expect(app.output()).not.toContain("demo accounts");
    expect(app.output()).not.toContain(DEMO_PASSWORD);
    expect(await usernames()).toEqual(["root"]);
    expect(DEMO_ACCOUNTS.some((a) => a.username === "root")).toBe(false);
  });
});
