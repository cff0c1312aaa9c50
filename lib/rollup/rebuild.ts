/**
 * Recomputes every rollup table from the base tables (`npm run rollup:rebuild`; the bench
 * generator after its COPY). What each petition counts for is the triggers' definition
 * (`petition_facts`, one SQL function), summed here level by level; the training table is
 * aggregated in set-based SQL of its own; meetings and coverage go through the triggers' functions,
 * which take a whole table at once (coverage is tested against lib/organisations/coverage.ts). The
 * rollup tests hold the result against the triggers' and against a row-by-row count in JavaScript
 * (tests/support/dashboard-oracle.ts).
 *
 * One transaction: writers to the base tables wait (SHARE locks) and readers see the old
 * rollups until the new ones commit.
 */
import type { Tx } from "../db/client";
import { PETITION_MEASURES } from "../dashboards/kpis";

export const ROLLUP_TABLES = [
  "RollupPetition",
  "RollupPetitionStatus",
  "RollupOpenDue",
  "RollupTeamMonth",
  "RollupCommuneQuarter",
  "RollupMeeting",
  "RollupExpected",
  "RollupCoverage",
  "RollupCoverageOrg",
  "RollupCoverageCadre",
  "RollupTraining",
] as const;

/**
 * Inserts `target` level by level, deepest units first: a unit's rows are its own atoms
 * plus its children's rows, so each row is summed once per level instead of once per
 * ancestor (5 M petitions make ~3 M village rows; unnesting every path would make 15 M).
 */
function levelByLevel(target: string, atoms: string, keys: readonly string[], measures: readonly string[]): string {
  const cols = [...keys, ...measures].map((c) => `"${c}"`);
  const keyList = keys.map((k) => `x."${k}"`).join(", ");
  const sums = measures.map((m) => `sum(x."${m}")`).join(", ");
  const rest = [...keys.slice(1), ...measures].map((c) => `"${c}"`);
  return `
DO $$
DECLARE l int;
BEGIN
  FOR l IN REVERSE coalesce((SELECT max(cardinality("ancestorIds")) FROM "Unit"), 0)..1 LOOP
    INSERT INTO "${target}" (${cols.join(", ")})
    SELECT ${keyList}, ${sums} FROM (
      SELECT a."unitId", ${rest.map((c) => `a.${c}`).join(", ")} FROM ${atoms} a JOIN "Unit" u ON u.id = a."unitId"
      WHERE cardinality(u."ancestorIds") = l
      UNION ALL
      SELECT u."ancestorIds"[l], ${rest.map((c) => `r.${c}`).join(", ")} FROM "${target}" r JOIN "Unit" u ON u.id = r."unitId"
      WHERE cardinality(u."ancestorIds") = l + 1
    ) x GROUP BY ${keyList};
  END LOOP;
END $$`;
}


/** The statements of a rebuild, in order, to run inside one transaction. */
export function rebuildStatements(): string[] {
  return [
    `LOCK TABLE "Petition", "Meeting", "Organisation", "Membership", "Unit", "CalendarDay", "Cadre", "TrainingRecord" IN SHARE MODE`,
    `TRUNCATE ${ROLLUP_TABLES.map((t) => `"${t}"`).join(", ")}`,
    // Each petition's facts, by the one definition the triggers use (petition_facts, migration petition_turning_points).
    `CREATE TEMP TABLE rollup_atoms ON COMMIT DROP AS
     SELECT f."unitId", f.month, f."fieldId", ${PETITION_MEASURES.map((m) => `sum(f."${m}")::int AS "${m}"`).join(", ")}
     FROM "Petition" p CROSS JOIN LATERAL petition_facts(p) f GROUP BY 1, 2, 3`,
    levelByLevel("RollupPetition", "rollup_atoms", ["unitId", "month", "fieldId"], PETITION_MEASURES),
    // The all-fields rows (fieldId 0), which the child tables read.
    `INSERT INTO "RollupPetition" ("unitId", month, "fieldId", ${PETITION_MEASURES.map((m) => `"${m}"`).join(", ")})
     SELECT "unitId", month, 0, ${PETITION_MEASURES.map((m) => `sum("${m}")`).join(", ")} FROM "RollupPetition" GROUP BY "unitId", month`,
    `CREATE TEMP TABLE rollup_status_atoms ON COMMIT DROP AS
     SELECT "unitId", dv_month("receivedOn") AS month, status, count(*)::int AS received FROM "Petition" GROUP BY 1, 2, 3`,
    levelByLevel("RollupPetitionStatus", "rollup_status_atoms", ["unitId", "month", "status"], ["received"]),
    `CREATE TEMP TABLE rollup_open_atoms ON COMMIT DROP AS
     SELECT "unitId", "dueOn", count(*)::int AS open FROM "Petition"
     WHERE "isOpen" AND "dueOn" IS NOT NULL GROUP BY 1, 2`,
    levelByLevel("RollupOpenDue", "rollup_open_atoms", ["unitId", "dueOn"], ["open"]),
    `INSERT INTO "RollupTeamMonth" ("organisationId", month, meetings)
     SELECT "organisationId", dv_month("heldOn"), count(*) FROM "Meeting" WHERE kind = 'TEAM_MONTHLY' AND "organisationId" IS NOT NULL GROUP BY 1, 2`,
    `INSERT INTO "RollupCommuneQuarter" ("unitId", quarter, briefings)
     SELECT "unitId", dv_quarter("heldOn"), count(*) FROM "Meeting" WHERE kind = 'QUARTERLY_BRIEFING' GROUP BY 1, 2`,
    `SELECT rollup_teams_apply(1, ARRAY(
       SELECT (o.id, o.kind::text, o."establishedOn", o."dissolvedOn", u."validFrom", u."validTo", u."ancestorIds")::rollup_team
       FROM "Organisation" o JOIN "Unit" u ON u.id = o."unitId" WHERE o.kind = 'TEAM'))`,
    `SELECT rollup_communes_apply(1, ARRAY(
       SELECT (u.id, u.level::text, u."validFrom", u."validTo", u."ancestorIds")::rollup_commune FROM "Unit" u WHERE u.level = 'COMMUNE'))`,
    `SELECT rollup_villages_apply(1, ARRAY(
       SELECT (u.id, u.level::text, u."validFrom", u."validTo", u."ancestorIds")::rollup_commune FROM "Unit" u WHERE u.level = 'VILLAGE'))`,
    `SELECT rollup_coverage_orgs(ARRAY(SELECT id FROM "Organisation" ORDER BY id))`,
    // Cadres trained (decision 031): each cadre's distinct training months, each with the one before it
    // (0001-01-01 before the first), counted at the cadre's unit, then summed up the tree.
    `CREATE TEMP TABLE rollup_training_atoms ON COMMIT DROP AS
     SELECT c."unitId", x.month, x.since, count(*)::int AS cadres
     FROM (
       SELECT m."cadreId", m.month, coalesce(lag(m.month) OVER (PARTITION BY m."cadreId" ORDER BY m.month), DATE '0001-01-01') AS since
       FROM (SELECT DISTINCT "cadreId", date_trunc('month', "startOn")::date AS month FROM "TrainingRecord") m
     ) x JOIN "Cadre" c ON c.id = x."cadreId"
     GROUP BY 1, 2, 3`,
    levelByLevel("RollupTraining", "rollup_training_atoms", ["unitId", "month", "since"], ["cadres"]),
  ];
}

type Db = Pick<Tx, "$executeRawUnsafe">;

/** Runs the rebuild inside the caller's transaction. */
export async function rebuildRollupsIn(tx: Db): Promise<void> {
  for (const sql of rebuildStatements()) await tx.$executeRawUnsafe(sql);
}
