/**
 * The migration that keys code counters by the area's code (decision 027), on a database
 * made before it: counters of units sharing a code merge into the highest, and codes that no
 * counter accounts for still raise the counter, so no code is ever given twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsAround, rawDatabase, type RawDatabase } from "../support/raw-database";

const MIGRATION = "20261206070000";

let raw: RawDatabase;

beforeAll(async () => {
  raw = await rawDatabase();
  const migrations = migrationsAround(MIGRATION);
  for (const sql of migrations.before) await raw.exec(sql);
  // Before: counters per unit. Two districts share code 246 (the old one closed by the reform),
  // district 252 has a counter behind its codes (a code changed by hand), 999 has codes and no counter.
  await raw.exec(`
    INSERT INTO "Unit" (id, level, "typeLabel", name, "searchName", "ancestorIds", depth, code, "updatedAt") VALUES
      (1, 'NATION', 'Cả nước', 'Việt Nam', 'viet nam', '{1}', 0, NULL, now()),
      (2, 'DISTRICT', 'Huyện', 'Cũ', 'cu', '{1,2}', 1, '246', now()),
      (3, 'DISTRICT', 'Huyện', 'Mới', 'moi', '{1,3}', 1, '246', now()),
      (4, 'DISTRICT', 'Huyện', 'Khác', 'khac', '{1,4}', 1, '252', now()),
      (5, 'DISTRICT', 'Huyện', 'Lạ', 'la', '{1,5}', 1, '999', now());
    INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "updatedAt") VALUES (1, 'u', 'U', 'x', 'ADMIN', 1, now());
    INSERT INTO "PetitionField" (id, code, name) VALUES (1, 'f', 'F');
    INSERT INTO "PetitionCodeCounter" ("unitId", year, last) VALUES (2, 2026, 40), (3, 2026, 7), (2, 2025, 12), (4, 2026, 3);
    INSERT INTO "Petition" (code, "unitId", "receivedOn", channel, "petitionerKind", "fieldId", content, "searchText", "createdById", "updatedAt") VALUES
      ('246-2026-00040', 2, '2026-03-02', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now()),
      ('252-2026-00009', 4, '2026-03-02', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now()),
      ('999-2026-100002', 5, '2026-03-02', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now()),
      ('T-made-by-a-test', 5, '2026-03-02', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now());
  `);
  await raw.exec(migrations.it);
});

afterAll(async () => {
  await raw?.close();
});

describe("the code counter migration", () => {
  it("keys counters by code and year, at the highest number any unit or code gave out", async () => {
    const rows = await raw.rows<{ areaCode: string; year: number; last: number }>(`SELECT "areaCode", year, last FROM "PetitionCodeCounter" ORDER BY 1, 2`);
    expect(rows).toEqual([
      { areaCode: "246", year: 2025, last: 12 },
      { areaCode: "246", year: 2026, last: 40 },
      { areaCode: "252", year: 2026, last: 9 },
      { areaCode: "999", year: 2026, last: 100002 },
    ]);
  });
});
