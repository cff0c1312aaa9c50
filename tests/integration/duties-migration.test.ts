/**
 * The migration that makes roles the work users do (decision 049), on a database made before it:
 * each user's old role becomes the duties that grant exactly its permissions (lib/auth/roles.test.ts
 * holds each combination to the old grants), and the second-factor rule moves from a role to the
 * duty that marks it, so the default rule still reaches administrators and province leaders only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/auth/roles";
import { migrationsAround, rawDatabase, type RawDatabase } from "../support/raw-database";

const MIGRATION = "20261207022642";

let raw: RawDatabase;

beforeAll(async () => {
  raw = await rawDatabase();
  const migrations = migrationsAround(MIGRATION);
  for (const sql of migrations.before) await raw.exec(sql);
  await raw.exec(`
    INSERT INTO "Unit" (id, level, "typeLabel", name, "searchName", "ancestorIds", depth, code, "updatedAt") VALUES
      (1, 'NATION', 'Cả nước', 'Việt Nam', 'viet nam', '{1}', 0, NULL, now());
    INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "updatedAt") VALUES
      (1, 'a', 'A', 'x', 'ADMIN', 1, now()),
      (2, 'p', 'P', 'x', 'PROVINCE_LEADER', 1, now()),
      (3, 'd', 'D', 'x', 'DISTRICT_STAFF', 1, now()),
      (4, 'c', 'C', 'x', 'COMMUNE_SECRETARY', 1, now()),
      (5, 'v', 'V', 'x', 'VIEWER', 1, now());
    DELETE FROM "TwoFactorPolicy";
    INSERT INTO "TwoFactorPolicy" (role, required, "updatedAt") VALUES
      ('ADMIN', true, now()), ('PROVINCE_LEADER', true, now()), ('DISTRICT_STAFF', false, now()),
      ('COMMUNE_SECRETARY', true, now()), ('VIEWER', false, now());
  `);
  await raw.exec(migrations.it);
});

afterAll(async () => {
  await raw?.close();
});

describe("the duties migration", () => {
  it("gives each user the duties of their old role, in the one order", async () => {
    const rows = await raw.rows<{ username: string; duties: string }>(`SELECT username, duties::text AS duties FROM "User" ORDER BY id`);
    const list = (d: readonly string[]) => `{${d.join(",")}}`;
    expect(rows).toEqual([
      { username: "a", duties: list(PRESETS.ADMIN) },
      { username: "p", duties: list(PRESETS.PROVINCE_LEADER) },
      { username: "d", duties: list(PRESETS.DISTRICT_STAFF) },
      { username: "c", duties: list(PRESETS.COMMUNE_SECRETARY) },
      { username: "v", duties: list(PRESETS.VIEWER) },
    ]);
  });

  it("moves the second-factor rule to the duty that marks each role", async () => {
    const rows = await raw.rows<{ duty: string; required: boolean }>(`SELECT duty::text AS duty, required FROM "TwoFactorPolicy" ORDER BY duty::text COLLATE "C"`);
    expect(rows).toEqual([
      { duty: "ACCOUNTS", required: true },
      { duty: "DIRECTING", required: true },
      { duty: "PETITIONS", required: false },
      { duty: "PETITION_INTAKE", required: true },
      { duty: "READING", required: false },
    ]);
  });

  it("leaves no role behind", async () => {
    expect(await raw.rows(`SELECT 1 FROM pg_type WHERE typname = 'Role'`)).toEqual([]);
    expect(await raw.rows(`SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'role'`)).toEqual([]);
  });
});
