/**
 * Cadres trained as a rollup (decision 031), on a database made before its migration: the
 * migration counts the trainings already recorded, then its triggers follow trainings added in
 * one statement over several cadres, a cadre deleted with its trainings, a cadre moved, and a
 * commune moved to another province; at each step the figures are those a person would count,
 * and at the end the table equals a rebuild. (tests/integration/rollup-random.test.ts does the
 * same over randomised data, through the app's write paths.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildStatements } from "@/lib/rollup/rebuild";
import { migrationsAround, rawDatabase, type RawDatabase } from "../support/raw-database";

const MIGRATION = "20261206090000";

let raw: RawDatabase;

/** The figure the reports read (lib/dashboards/read.ts): cadres of the unit's subtree with a training in from..to. */
async function trained(unitId: number, from: string, to: string): Promise<number> {
  const [row] = await raw.rows<{ n: number }>(
    `SELECT coalesce(sum(cadres), 0)::int AS n FROM "RollupTraining" WHERE "unitId" = ${unitId} AND month >= '${from}' AND month <= '${to}' AND since < '${from}'`,
  );
  return row.n;
}

/** The figures of units 1…5 for the first quarter of 2026, its months, and February–March. */
async function figures() {
  const out: Record<number, number[]> = {};
  for (const unit of [1, 2, 3, 4, 5]) {
    out[unit] = await Promise.all([
      trained(unit, "2026-01-01", "2026-03-31"),
      trained(unit, "2026-01-01", "2026-01-31"),
      trained(unit, "2026-02-01", "2026-02-28"),
      trained(unit, "2026-03-01", "2026-03-31"),
      trained(unit, "2026-02-01", "2026-03-31"),
    ]);
  }
  return out;
}

const table = () =>
  raw.rows<{ row: string }>(`SELECT concat_ws(' ', "unitId", to_char(month, 'YYYY-MM'), to_char(since, 'YYYY-MM'), cadres) AS row FROM "RollupTraining" WHERE cadres <> 0 ORDER BY 1`);

beforeAll(async () => {
  raw = await rawDatabase();
  const migrations = migrationsAround(MIGRATION);
  for (const sql of migrations.before) await raw.exec(sql);
  // The nation (1), two provinces (2, 5), two communes of province 2 (3, 4). Cadre 10 at commune 3
  // was trained twice in January and once in March; cadre 11 at commune 4 in February; 12 never.
  await raw.exec(`
    INSERT INTO "Unit" (id, level, "typeLabel", name, "searchName", "ancestorIds", depth, "parentId", "updatedAt") VALUES
      (1, 'NATION', 'Cả nước', 'Việt Nam', 'viet nam', '{1}', 0, NULL, now()),
      (2, 'PROVINCE', 'Tỉnh', 'Vĩnh Phúc', 'tinh vinh phuc', '{1,2}', 1, 1, now()),
      (5, 'PROVINCE', 'Tỉnh', 'Phú Thọ', 'tinh phu tho', '{1,5}', 1, 1, now()),
      (3, 'COMMUNE', 'Xã', 'Đình Chu', 'xa dinh chu', '{1,2,3}', 2, 2, now()),
      (4, 'COMMUNE', 'Xã', 'Tử Du', 'xa tu du', '{1,2,4}', 2, 2, now());
    INSERT INTO "Cadre" (id, "fullName", "searchName", "unitId", "updatedAt") VALUES
      (10, 'Nguyễn Văn An', 'nguyen van an', 3, now()), (11, 'Trần Thị Bích', 'tran thi bich', 4, now()), (12, 'Lê Văn Cường', 'le van cuong', 3, now());
    INSERT INTO "TrainingRecord" ("cadreId", course, organiser, "startOn") VALUES
      (10, 'Nghiệp vụ dân vận', 'Huyện ủy', '2026-01-05'), (10, 'Dân vận khéo', 'Huyện ủy', '2026-01-20'),
      (10, 'Kỹ năng tiếp dân', 'Tỉnh ủy', '2026-03-02'), (11, 'Nghiệp vụ dân vận', 'Huyện ủy', '2026-02-10');
  `);
  await raw.exec(migrations.it);
});

afterAll(async () => {
  await raw?.close();
});

describe("the cadres trained rollup", () => {
  it("counts the trainings recorded before its migration, each cadre once in a run of months", async () => {
    expect((await table()).map((r) => r.row)).toEqual([
      "1 2026-01 0001-01 1", "1 2026-02 0001-01 1", "1 2026-03 2026-01 1",
      "2 2026-01 0001-01 1", "2 2026-02 0001-01 1", "2 2026-03 2026-01 1",
      "3 2026-01 0001-01 1", "3 2026-03 2026-01 1",
      "4 2026-02 0001-01 1",
    ]);
    //        quarter, Jan, Feb, Mar, Feb–Mar
    expect(await figures()).toEqual({ 1: [2, 1, 1, 1, 2], 2: [2, 1, 1, 1, 2], 3: [1, 1, 0, 1, 1], 4: [1, 0, 1, 0, 1], 5: [0, 0, 0, 0, 0] });
  });

  it("follows trainings added over several cadres in one statement, and changed", async () => {
    await raw.exec(`INSERT INTO "TrainingRecord" ("cadreId", course, organiser, "startOn") VALUES (10, 'Bồi dưỡng', 'Tỉnh ủy', '2026-02-14'), (11, 'Bồi dưỡng', 'Tỉnh ủy', '2026-03-09'), (12, 'Bồi dưỡng', 'Tỉnh ủy', '2026-03-30')`);
    expect(await figures()).toEqual({ 1: [3, 1, 2, 3, 3], 2: [3, 1, 2, 3, 3], 3: [2, 1, 1, 2, 2], 4: [1, 0, 1, 1, 1], 5: [0, 0, 0, 0, 0] });
    // Cadre 12's training moves to April, a second one of cadre 10 to another day of January: nothing else changes.
    await raw.exec(`UPDATE "TrainingRecord" SET "startOn" = CASE WHEN "cadreId" = 12 THEN DATE '2026-04-02' ELSE DATE '2026-01-28' END WHERE ("cadreId" = 12) OR ("cadreId" = 10 AND "startOn" = '2026-01-20')`);
    expect(await figures()).toEqual({ 1: [2, 1, 2, 2, 2], 2: [2, 1, 2, 2, 2], 3: [1, 1, 1, 1, 1], 4: [1, 0, 1, 1, 1], 5: [0, 0, 0, 0, 0] });
    expect(await trained(3, "2026-04-01", "2026-04-30")).toBe(1);
  });

  it("takes a deleted cadre out with its trainings", async () => {
    await raw.exec(`DELETE FROM "Cadre" WHERE id = 10`);
    expect(await raw.rows(`SELECT id FROM "TrainingRecord" WHERE "cadreId" = 10`)).toEqual([]);
    expect(await figures()).toEqual({ 1: [1, 0, 1, 1, 1], 2: [1, 0, 1, 1, 1], 3: [0, 0, 0, 0, 0], 4: [1, 0, 1, 1, 1], 5: [0, 0, 0, 0, 0] });
  });

  it("moves a cadre's trainings with the cadre, and a commune's cadres with the commune", async () => {
    await raw.exec(`UPDATE "Cadre" SET "unitId" = 3 WHERE id = 11`);
    expect(await figures()).toEqual({ 1: [1, 0, 1, 1, 1], 2: [1, 0, 1, 1, 1], 3: [1, 0, 1, 1, 1], 4: [0, 0, 0, 0, 0], 5: [0, 0, 0, 0, 0] });
    await raw.exec(`UPDATE "Unit" SET "parentId" = 5, "ancestorIds" = '{1,5,3}' WHERE id = 3`);
    expect(await figures()).toEqual({ 1: [1, 0, 1, 1, 1], 2: [0, 0, 0, 0, 0], 3: [1, 0, 1, 1, 1], 4: [0, 0, 0, 0, 0], 5: [1, 0, 1, 1, 1] });
    expect(await trained(5, "2026-04-01", "2026-04-30")).toBe(1);
  });

  it("equals a rebuild from the base tables", async () => {
    // The rebuild is today's: the schema of the migrations since, first.
    for (const sql of migrationsAround(MIGRATION).after) await raw.exec(sql);
    const kept = (await table()).map((r) => r.row);
    await raw.exec("BEGIN");
    for (const sql of rebuildStatements()) await raw.exec(sql);
    await raw.exec("COMMIT");
    expect((await table()).map((r) => r.row)).toEqual(kept);
    expect(kept.length).toBeGreaterThan(0);
  });
});
