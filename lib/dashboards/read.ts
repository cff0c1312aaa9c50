/**
 * Reads of the rollup tables (lib/rollup), as cells per unit for lib/dashboards/restate.ts.
 * Each read is one indexed lookup by unitId (every table's key starts with it) over the
 * months asked for; nothing here joins the unit tree or the base tables.
 *
 * Cell keys: "YYYY-MM-01" (a month: petition measures, teams held and expected),
 * "YYYY-MM-01|q" (a quarter by its first month: briefings held and expected),
 * "YYYY-MM-01|f<fieldId>" (a month of one field), "YYYY-MM-01|<status>" (received by status now),
 * "overdue" (open petitions past their deadline today), "period" (a whole period, `PERIOD_CELL`).
 * Cadres trained, a distinct count, is
 * read per period instead (`readCadresTrained`).
 */
import { db } from "../db/client";
import { shares, type Coverage } from "../organisations/coverage";
import type { PetitionStatus } from "../generated/prisma/enums";
import { MEASURES, PETITION_MEASURES, type Measure } from "./kpis";
import type { Cells } from "./restate";
import type { CoverageKpis } from "./types";

const INDEX = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>;

function put(out: Map<number, Cells>, unitId: number, key: string, index: number, value: number) {
  let cells = out.get(unitId);
  if (!cells) out.set(unitId, (cells = new Map()));
  let values = cells.get(key);
  if (!values) cells.set(key, (values = MEASURES.map(() => 0)));
  values[index] += value;
}

type PetitionRow = Record<Measure, number> & { unitId: number; month: string; fieldId?: number };

const sums = PETITION_MEASURES.map((m) => `sum("${m}")::int AS "${m}"`).join(", ");

/**
 * The cell of a whole period: a unit's figures summed over the period's months and quarters by
 * the database, for a unit shown only by its totals (a row of a dashboard's table). The nation's
 * 63 provinces over a year are 63 rows a read this way, not 756 (one a month) to sum here.
 */
export const PERIOD_CELL = "period";

/**
 * Petition measures per unit and month, months `from`..`to` ("YYYY-MM-01"): the all-fields
 * rows (fieldId 0), or with `byField` each field's; with `whole`, summed into `PERIOD_CELL`.
 */
export async function readPetitionCells(out: Map<number, Cells>, unitIds: number[], from: string, to: string, options: { byField?: boolean; whole?: boolean } = {}) {
  if (!unitIds.length) return;
  const byField = options.byField ?? false;
  const whole = (options.whole ?? false) && !byField;
  // Column lists are this module's constants; the values travel as parameters.
  const rows = await db.$queryRawUnsafe<PetitionRow[]>(
    `SELECT "unitId"${whole ? "" : `, to_char(month, 'YYYY-MM-DD') AS month`}${byField ? `, "fieldId"` : ""}, ${sums}
     FROM "RollupPetition" WHERE "unitId" = ANY($1::int[]) AND month >= $2::date AND month <= $3::date AND "fieldId" ${byField ? "<> 0" : "= 0"}
     GROUP BY "unitId"${whole ? "" : ", month"}${byField ? `, "fieldId"` : ""}`,
    unitIds,
    from,
    to,
  );
  for (const r of rows) {
    const key = whole ? PERIOD_CELL : byField ? `${r.month}|f${r.fieldId}` : r.month;
    for (const m of PETITION_MEASURES) if (r[m]) put(out, r.unitId, key, INDEX[m], r[m]);
  }
}

/**
 * Team meetings held and expected per unit and month; briefings held and expected per quarter.
 * With `whole`, all of them summed into `PERIOD_CELL`.
 */
export async function readMeetingCells(out: Map<number, Cells>, unitIds: number[], months: string[], quarters: string[], options: { whole?: boolean } = {}) {
  // No month: nothing due (a quarter is due only once its last month is).
  if (!unitIds.length || !months.length) return;
  if (options.whole) return readWholeMeetingCells(out, unitIds, months, quarters);
  const [held, expected] = await Promise.all([
    db.$queryRaw<{ unitId: number; month: string; teamsHeld: number; briefingsHeld: number }[]>`
      SELECT "unitId", to_char(month, 'YYYY-MM-DD') AS month, "teamsHeld", "briefingsHeld" FROM "RollupMeeting"
      WHERE "unitId" = ANY(${unitIds}::int[]) AND month >= ${quarters[0] ?? months[0]}::date AND month <= ${months[months.length - 1]}::date`,
    // The number active in a month is the sum of the changes up to it.
    db.$queryRaw<{ unitId: number; month: string; teams: number; communes: number }[]>`
      SELECT e."unitId", to_char(m.month, 'YYYY-MM-DD') AS month, sum(e.teams)::int AS teams, sum(e.communes)::int AS communes
      FROM unnest(${[...new Set([...months, ...quarters])]}::date[]) AS m(month)
      JOIN "RollupExpected" e ON e."unitId" = ANY(${unitIds}::int[]) AND e.month <= m.month
      GROUP BY e."unitId", m.month`,
  ]);
  const isMonth = new Set(months);
  const isQuarter = new Set(quarters);
  for (const r of held) {
    if (isMonth.has(r.month) && r.teamsHeld) put(out, r.unitId, r.month, INDEX.teamsHeld, r.teamsHeld);
    if (isQuarter.has(r.month) && r.briefingsHeld) put(out, r.unitId, `${r.month}|q`, INDEX.briefingsHeld, r.briefingsHeld);
  }
  for (const r of expected) {
    if (isMonth.has(r.month) && r.teams) put(out, r.unitId, r.month, INDEX.teamsExpected, r.teams);
    if (isQuarter.has(r.month) && r.communes) put(out, r.unitId, `${r.month}|q`, INDEX.briefingsExpected, r.communes);
  }
}

/** `readMeetingCells` summed over the period by the database: one row a unit. */
async function readWholeMeetingCells(out: Map<number, Cells>, unitIds: number[], months: string[], quarters: string[]) {
  const [held, expected] = await Promise.all([
    db.$queryRaw<{ unitId: number; teamsHeld: number; briefingsHeld: number }[]>`
      SELECT "unitId", sum(CASE WHEN month = ANY(${months}::date[]) THEN "teamsHeld" ELSE 0 END)::int AS "teamsHeld",
             sum(CASE WHEN month = ANY(${quarters}::date[]) THEN "briefingsHeld" ELSE 0 END)::int AS "briefingsHeld"
      FROM "RollupMeeting"
      WHERE "unitId" = ANY(${unitIds}::int[]) AND month >= ${quarters[0] ?? months[0]}::date AND month <= ${months[months.length - 1]}::date
      GROUP BY "unitId"`,
    db.$queryRaw<{ unitId: number; teams: number; communes: number }[]>`
      SELECT e."unitId", sum(CASE WHEN m.month = ANY(${months}::date[]) THEN e.teams ELSE 0 END)::int AS teams,
             sum(CASE WHEN m.month = ANY(${quarters}::date[]) THEN e.communes ELSE 0 END)::int AS communes
      FROM unnest(${[...new Set([...months, ...quarters])]}::date[]) AS m(month)
      JOIN "RollupExpected" e ON e."unitId" = ANY(${unitIds}::int[]) AND e.month <= m.month
      GROUP BY e."unitId"`,
  ]);
  for (const r of held) {
    if (r.teamsHeld) put(out, r.unitId, PERIOD_CELL, INDEX.teamsHeld, r.teamsHeld);
    if (r.briefingsHeld) put(out, r.unitId, PERIOD_CELL, INDEX.briefingsHeld, r.briefingsHeld);
  }
  for (const r of expected) {
    if (r.teams) put(out, r.unitId, PERIOD_CELL, INDEX.teamsExpected, r.teams);
    if (r.communes) put(out, r.unitId, PERIOD_CELL, INDEX.briefingsExpected, r.communes);
  }
}

/** Open petitions with a deadline before `today` ("YYYY-MM-DD"), per unit, in the cell "overdue" (first value). */
export async function readOverdueCells(out: Map<number, Cells>, unitIds: number[], today: string) {
  if (!unitIds.length) return;
  const rows = await db.$queryRaw<{ unitId: number; open: number }[]>`
    SELECT "unitId", sum(open)::int AS open FROM "RollupOpenDue"
    WHERE "unitId" = ANY(${unitIds}::int[]) AND "dueOn" < ${today}::date GROUP BY "unitId"`;
  for (const r of rows) if (r.open) put(out, r.unitId, "overdue", 0, r.open);
}

/** Petitions received per month by their status now, in cells "YYYY-MM-01|<status>" (first value). */
export async function readStatusCells(out: Map<number, Cells>, unitIds: number[], from: string, to: string) {
  if (!unitIds.length) return;
  const rows = await db.$queryRaw<{ unitId: number; month: string; status: PetitionStatus; received: number }[]>`
    SELECT "unitId", to_char(month, 'YYYY-MM-DD') AS month, status::text AS status, received FROM "RollupPetitionStatus"
    WHERE "unitId" = ANY(${unitIds}::int[]) AND month >= ${from}::date AND month <= ${to}::date AND received <> 0`;
  for (const r of rows) put(out, r.unitId, `${r.month}|${r.status}`, 0, r.received);
}

/**
 * Distinct cadres of each unit's subtree with a training that starts in `from`..`to` (whole
 * months: `from` the first day of one). From RollupTraining (decision 031): a cadre counts at
 * its first training month of the run, the one month of it whose previous training month
 * (`since`) lies before the run.
 */
export async function readCadresTrained(unitIds: number[], from: string, to: string): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db.$queryRaw<{ unitId: number; n: number }[]>`
    SELECT "unitId", sum(cadres)::int AS n FROM "RollupTraining"
    WHERE "unitId" = ANY(${unitIds}::int[]) AND month >= ${from}::date AND month <= ${to}::date AND since < ${from}::date
    GROUP BY "unitId"`;
  return new Map(rows.filter((r) => r.n).map((r) => [r.unitId, r.n]));
}

/**
 * Coverage of `unitId`'s subtree on `day` ("YYYY-MM-DD"), from RollupCoverage: the figures of
 * `coverageFor` (lib/organisations/coverage.ts), as sums of dated changes (one indexed range of
 * the unit's rows, however large the subtree). The dashboards and the unit page read it here.
 * The caller is responsible for scope, as with `coverageFor`.
 */
export async function readCoverage(unitId: number, day: string): Promise<Coverage> {
  const [c] = await db.$queryRaw<Coverage[]>`
    SELECT coalesce(sum(villages), 0)::int AS villages, coalesce(sum("villagesWithTeam"), 0)::int AS "villagesWithTeam",
           coalesce(sum("teamHeads"), 0)::int AS "teamHeads", coalesce(sum("teamHeadsCell"), 0)::int AS "teamHeadsPartyCellSecretary",
           coalesce(sum(blocs), 0)::int AS blocs, coalesce(sum("blocsDeputy"), 0)::int AS "blocsHeadedByStandingDeputy",
           coalesce(sum(members), 0)::int AS members
    FROM "RollupCoverage" WHERE "unitId" = ${unitId} AND day <= ${day}::date`;
  return c;
}

/** The dashboard's coverage: the counts with the three shares reports quote. */
export function coverageKpis(c: Coverage): CoverageKpis {
  const share = shares(c);
  return {
    villages: c.villages,
    villagesWithTeam: c.villagesWithTeam,
    teamCoverage: share.villagesWithTeam,
    teamHeads: c.teamHeads,
    teamHeadsPartyCellSecretary: c.teamHeadsPartyCellSecretary,
    teamHeadCoverage: share.teamHeadsPartyCellSecretary,
    blocs: c.blocs,
    blocsHeadedByStandingDeputy: c.blocsHeadedByStandingDeputy,
    blocHeadCoverage: share.blocsHeadedByStandingDeputy,
  };
}
