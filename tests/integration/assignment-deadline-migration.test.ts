/**
 * The migration that gives unassigned petitions their deadline to assign (decision 051), on a database made
 * before it: each petition no agency holds is due so many working days (the field's, 5 by default) after its
 * receipt or its last reopening, by the holiday calendar; assigned petitions keep theirs; and the open ones
 * are counted in RollupOpenDue, as a rebuild would count them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsAround, rawDatabase, type RawDatabase } from "../support/raw-database";

const MIGRATION = "20261207022944";

let raw: RawDatabase;

beforeAll(async () => {
  raw = await rawDatabase();
  const migrations = migrationsAround(MIGRATION);
  for (const sql of migrations.before) await raw.exec(sql);
  await raw.exec(`
    INSERT INTO "Unit" (id, level, "typeLabel", name, "searchName", "ancestorIds", depth, code, "updatedAt") VALUES
      (1, 'NATION', 'Cả nước', 'Việt Nam', 'viet nam', '{1}', 0, NULL, now()),
      (2, 'PROVINCE', 'Tỉnh', 'Vĩnh Phúc', 'tinh vinh phuc', '{1,2}', 1, '26', now()),
      (3, 'DISTRICT', 'Huyện', 'Lập Thạch', 'huyen lap thach', '{1,2,3}', 2, '246', now()),
      (4, 'COMMUNE', 'Xã', 'Quang Sơn', 'xa quang son', '{1,2,3,4}', 3, '08764', now());
    DO $$ BEGIN
      -- Whichever shape the accounts have before this migration (a role, or duties).
      IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'role') THEN
        EXECUTE 'INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "updatedAt") VALUES (1, ''u'', ''U'', ''x'', ''ADMIN'', 1, now())';
      ELSE
        EXECUTE 'INSERT INTO "User" (id, username, "displayName", "passwordHash", "unitId", "updatedAt") VALUES (1, ''u'', ''U'', ''x'', 1, now())';
      END IF;
    END $$;
    INSERT INTO "CalendarDay" (date, kind, name, source, "updatedAt") VALUES
      ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'OFFICIAL', now()), ('2026-05-01', 'HOLIDAY', 'Quốc tế Lao động', 'OFFICIAL', now());
    INSERT INTO "PetitionField" (id, code, name) VALUES (1, 'f', 'F');
    INSERT INTO "Agency" (id, "unitId", name) VALUES (1, 3, 'Phòng Tài nguyên và Môi trường');
    INSERT INTO "Petition" (id, code, "unitId", "receivedOn", channel, "petitionerKind", "fieldId", content, "searchText", "createdById", "updatedAt", status, "agencyId", "dueOn", "reopenCount") VALUES
      (1, '246-2026-00001', 4, '2026-04-28', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now(), 'RECEIVED', NULL, NULL, 0),
      (2, '246-2026-00002', 4, '2026-04-28', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now(), 'ASSIGNED', 1, '2026-05-20', 0),
      (3, '246-2026-00003', 4, '2026-03-02', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now(), 'RECEIVED', NULL, NULL, 1),
      (4, '246-2026-00004', 4, '2026-03-02', 'RECEPTION', 'ANONYMOUS', 1, 'x', 'x', 1, now(), 'REJECTED', NULL, NULL, 0);
    INSERT INTO "PetitionEvent" ("petitionId", kind, "toStatus", "actorId", at) VALUES
      (3, 'REOPENED', 'RECEIVED', 1, '2026-03-10 02:00'), (3, 'REOPENED', 'RECEIVED', 1, '2026-03-23 18:00');
  `);
  await raw.exec(migrations.it);
});

afterAll(async () => {
  await raw?.close();
});

describe("the deadline-to-assign migration", () => {
  it("gives every petition no agency holds its deadline to assign, and leaves assigned ones as they were", async () => {
    const rows = await raw.rows<{ id: number; due: string | null }>(`SELECT id, to_char("dueOn", 'YYYY-MM-DD') AS due FROM "Petition" ORDER BY id`);
    expect(rows).toEqual([
      // 28/04 + 5 working days, over 30/04 and 01/05: 29/04, 04/05, 05/05, 06/05, 07/05.
      { id: 1, due: "2026-05-07" },
      { id: 2, due: "2026-05-20" },
      // Reopened last at 01:00 on 24/03 in Vietnam: 25, 26, 27, 30, 31/03.
      { id: 3, due: "2026-03-31" },
      // Closed without ever being assigned: its deadline to assign, which counts nowhere now.
      { id: 4, due: "2026-03-09" },
    ]);
    const [{ days }] = await raw.rows<{ days: number }>(`SELECT "assignmentDeadlineDays" AS days FROM "PetitionField" WHERE id = 1`);
    expect(days).toBe(5);
  });

  it("counts the open ones by their deadline on every unit of their path, as a rebuild would", async () => {
    const rows = await raw.rows<{ unitId: number; due: string; open: number }>(
      `SELECT "unitId", to_char("dueOn", 'YYYY-MM-DD') AS due, sum(open)::int AS open FROM "RollupOpenDue" GROUP BY 1, 2 HAVING sum(open) <> 0 ORDER BY 1, 2`,
    );
    const expected = [1, 2, 3, 4].flatMap((unitId) => [
      { unitId, due: "2026-03-31", open: 1 },
      { unitId, due: "2026-05-07", open: 1 },
      { unitId, due: "2026-05-20", open: 1 },
    ]);
    expect(rows).toEqual(expected);
    const rebuilt = await raw.rows<{ unitId: number; due: string; open: number }>(
      `SELECT a.uid AS "unitId", to_char(p."dueOn", 'YYYY-MM-DD') AS due, count(*)::int AS open
       FROM "Petition" p CROSS JOIN LATERAL unnest(rollup_path(p."unitId", NULL)) AS a(uid)
       WHERE p."isOpen" AND p."dueOn" IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows).toEqual(rebuilt);
  });
});
