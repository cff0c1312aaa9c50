/**
 * npm run db:backup / db:restore on the test backend (the embedded database, or a PostgreSQL
 * server): a seeded database is backed up and restored into a fresh one, and every table holds
 * the same number of rows. The commands run as child processes, as an operator runs them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableRowCounts } from "@/lib/db/backup";
import { databaseConfig } from "@/lib/db/config";
import { PROJECT_DIR, runScript } from "../support/commands";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/test-db";

let workDir: string;
const dropped: TestDatabase[] = [];
let sourceUrl: string;
let targetUrl: string;

async function freshDatabaseUrl(name: string): Promise<string> {
  if (testBackend() === "pglite") return `pglite:${path.join(workDir, name)}`;
  const database = await createTestDatabase({ migrate: false });
  await database.handle.close();
  dropped.push(database);
  return database.url!;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-backup-"));
  sourceUrl = await freshDatabaseUrl("source");
  targetUrl = await freshDatabaseUrl("target");
});

afterAll(async () => {
  for (const d of dropped) await d.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const run = (script: string, args: string[], url: string) => runScript(script, args, { cwd: PROJECT_DIR, env: { DATABASE_URL: url } });

describe(`db:backup and db:restore (${testBackend()})`, () => {
  it("restores a seeded database into a fresh one with every table's row count intact", { timeout: 900_000 }, async () => {
    const seeded = await run("prisma/seed/run.ts", [], sourceUrl);
    expect(seeded.code).toBe(0);
    const before = await tableRowCounts(databaseConfig(sourceUrl));
    expect(before.Petition).toBeGreaterThan(1000);
    expect(before._prisma_migrations).toBeGreaterThan(0);

    const file = path.join(workDir, "backup.dump");
    const backup = await run("scripts/db-backup.ts", ["--", file], sourceUrl);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Xong \/ done: [\d.]+ MB/);

    const overwrite = await run("scripts/db-backup.ts", [file], sourceUrl);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain("exists; add --force to overwrite it");

    const restore = await run("scripts/db-restore.ts", ["--", file], targetUrl);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("Khôi phục / restoring");
    const after = await tableRowCounts(databaseConfig(targetUrl));
    expect(after).toEqual(before);

    // The target now holds a database: replaced only when asked.
    const refused = await run("scripts/db-restore.ts", [file], targetUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("add --force to replace it");
    const forced = await run("scripts/db-restore.ts", [file, "--force"], targetUrl);
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(await tableRowCounts(databaseConfig(targetUrl))).toEqual(before);
  });

  it("checks the file before touching the database: not a back-up, damaged, or of the other kind", { timeout: 300_000 }, async () => {
    const target = await freshDatabaseUrl("untouched");
    const garbage = path.join(workDir, "notes.txt");
    fs.writeFileSync(garbage, "biên bản họp, không phải bản sao lưu");
    const notBackup = await run("scripts/db-restore.ts", [garbage], target);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toContain("not a back-up made by npm run db:backup");

    // A back-up cut short, as by a full disk: the right first bytes, then nothing.
    const real = fs.readFileSync(path.join(workDir, "backup.dump"));
    const damaged = path.join(workDir, "damaged.dump");
    fs.writeFileSync(damaged, real.subarray(0, Math.floor(real.length / 3)));
    const cut = await run("scripts/db-restore.ts", [damaged], target);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/tệp hỏng|damaged/);

    const other = path.join(workDir, "other-kind.dump");
    fs.writeFileSync(other, testBackend() === "pglite" ? "PGDMP\u0001\u000e" : Buffer.from([0x1f, 0x8b, 8, 0, 0]));
    const wrongKind = await run("scripts/db-restore.ts", [other], target);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toMatch(/cannot be restored into/);

    // Nothing was written.
    if (testBackend() === "postgres") expect(await tableRowCounts(databaseConfig(target))).toEqual({});
    else expect(fs.readdirSync(workDir).filter((f) => f.startsWith("untouched") && fs.readdirSync(path.join(workDir, f)).length > 0)).toEqual([]);
  });
});
