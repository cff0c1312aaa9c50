import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openAdapter, openPglite, pgliteHandle, type AdapterHandle } from "@/lib/db/adapter";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";

export type Backend = "pglite" | "postgres";

/** Which database integration tests run on: TEST_BACKEND, set by scripts/test.ts. */
export function testBackend(): Backend {
  return process.env.TEST_BACKEND === "postgres" ? "postgres" : "pglite";
}

/** The server to make throwaway databases on. */
export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("TEST_BACKEND=postgres needs TEST_DATABASE_URL or DATABASE_URL to point at a PostgreSQL server");
  }
  return url;
}

export function databaseUrl(server: string, name: string): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

export function migrationSql(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

export interface TestDatabase {
  backend: Backend;
  handle: AdapterHandle;
  /** PostgreSQL only: the database's URL. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: an in-memory PGlite, or a new database on
 * the PostgreSQL server. `migrate` runs the project's migration files on it.
 */
export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  if (testBackend() === "pglite") {
    const pglite = openPglite(null);
    if (migrate) for (const sql of migrationSql()) await pglite.exec(sql);
    const handle = pgliteHandle(pglite);
    return { backend: "pglite", handle, drop: async () => {} };
  }
  const server = serverUrl();
  const name = `dvtest_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(server, name);
  if (migrate) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const sql of migrationSql()) await client.query(sql);
    await client.end();
  }
  const handle = openAdapter({ kind: "postgres", url });
  return {
    backend: "postgres",
    handle,
    url,
    drop: async () => {
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
