import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { openPglite } from "@/lib/db/adapter";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { databaseUrl, migrationSql, serverUrl, testBackend } from "./test-db";

/** A database driven by plain SQL, for tests of a migration on a database made before it. */
export interface RawDatabase {
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database of the test backend's kind, with no migration applied. */
export async function rawDatabase(): Promise<RawDatabase> {
  if (testBackend() === "pglite") {
    const pglite = openPglite(null);
    return { exec: async (sql) => void (await pglite.exec(sql)), rows: async (sql) => (await pglite.query(sql)).rows as never, close: () => pglite.close() };
  }
  const name = `dvtest_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl(), name) });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query(sql)).rows,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The migration files in order, split at the one whose name starts with `stamp`: those before it, and it. */
export function migrationsAround(stamp: string): { before: string[]; it: string; after: string[] } {
  const names = fs.readdirSync(MIGRATIONS_DIR).filter((n) => /^\d{14}_/.test(n)).sort();
  const index = names.findIndex((n) => n.startsWith(stamp));
  if (index <= 0) throw new Error(`no migration ${stamp} after the first`);
  const all = migrationSql();
  return { before: all.slice(0, index), it: all[index], after: all.slice(index + 1) };
}
