/**
 * The coverage figures provincial reports quote (target 100%): villages with a team,
 * team heads who are party cell secretaries, blocs headed by the standing deputy
 * secretary, and the number of bloc and team members.
 *
 * The caller is responsible for scope: call `coverageFor` only for a unit already
 * returned by a scoped query (`getUnitInScope(actor, id)`).
 */
import { isoDay } from "../time";
import { db } from "../db/client";
import { percent } from "../percent";

export interface Coverage {
  /** Current villages (VILLAGE units) in the subtree. */
  villages: number;
  /** Current villages with a current mobilisation team. */
  villagesWithTeam: number;
  /** Current teams with a current HEAD membership. */
  teamHeads: number;
  /** …of which the head represents the party cell (bí thư chi bộ). */
  teamHeadsPartyCellSecretary: number;
  /** Current blocs in the subtree. */
  blocs: number;
  /** Current blocs whose current head is the standing deputy party secretary. */
  blocsHeadedByStandingDeputy: number;
  /** Distinct cadres with a current membership in a current bloc or team of the subtree. */
  members: number;
}

export interface CoverageShares {
  /** villagesWithTeam / villages, in percent. */
  villagesWithTeam: number | null;
  /** teamHeadsPartyCellSecretary / teamHeads, in percent. */
  teamHeadsPartyCellSecretary: number | null;
  /** blocsHeadedByStandingDeputy / blocs, in percent. */
  blocsHeadedByStandingDeputy: number | null;
}

/**
 * Coverage of the subtree of `unitId` (the unit included) on `asOf`, in one query.
 * Counts only units current on that day (validFrom ≤ asOf ≤ validTo), organisations
 * current on it (established on or before, dissolved after), and memberships whose term
 * covers it (termStart ≤ asOf ≤ termEnd, an open end counting as current).
 */
export async function coverageFor(unitId: number, asOf: Date): Promise<Coverage> {
  const day = isoDay(asOf);
  const rows = await db.$queryRaw<Coverage[]>`
    WITH units AS (
      SELECT u."id", u."level"
      FROM "Unit" u
      WHERE u."ancestorIds" @> ARRAY[${unitId}::int]
        AND (u."validFrom" IS NULL OR u."validFrom" <= ${day}::date)
        AND (u."validTo" IS NULL OR u."validTo" >= ${day}::date)
    ),
    orgs AS (
      SELECT o."id", o."kind", o."unitId"
      FROM "Organisation" o
      JOIN units u ON u."id" = o."unitId"
      WHERE (o."establishedOn" IS NULL OR o."establishedOn" <= ${day}::date)
        AND (o."dissolvedOn" IS NULL OR o."dissolvedOn" > ${day}::date)
    ),
    members AS (
      SELECT m."organisationId", m."cadreId", m."role", m."representing"
      FROM "Membership" m
      JOIN orgs o ON o."id" = m."organisationId"
      WHERE m."termStart" <= ${day}::date
        AND (m."termEnd" IS NULL OR m."termEnd" >= ${day}::date)
    ),
    heads AS (
      SELECT h."organisationId",
        bool_or(h."representing" = 'PARTY_CELL_SECRETARY') AS "cellSecretary",
        bool_or(h."representing" = 'PARTY_STANDING_DEPUTY') AS "standingDeputy"
      FROM members h
      WHERE h."role" = 'HEAD'
      GROUP BY h."organisationId"
    )
    SELECT
      (SELECT count(*) FROM units WHERE "level" = 'VILLAGE')::int AS "villages",
      (SELECT count(DISTINCT u."id") FROM units u JOIN orgs o ON o."unitId" = u."id"
        WHERE u."level" = 'VILLAGE' AND o."kind" = 'TEAM')::int AS "villagesWithTeam",
      (SELECT count(*) FROM orgs o JOIN heads h ON h."organisationId" = o."id" WHERE o."kind" = 'TEAM')::int AS "teamHeads",
      (SELECT count(*) FROM orgs o JOIN heads h ON h."organisationId" = o."id" WHERE o."kind" = 'TEAM' AND h."cellSecretary")::int
        AS "teamHeadsPartyCellSecretary",
      (SELECT count(*) FROM orgs WHERE "kind" = 'BLOC')::int AS "blocs",
      (SELECT count(*) FROM orgs o JOIN heads h ON h."organisationId" = o."id" WHERE o."kind" = 'BLOC' AND h."standingDeputy")::int
        AS "blocsHeadedByStandingDeputy",
      (SELECT count(DISTINCT "cadreId") FROM members)::int AS "members"
  `;
  const row = rows[0];
  return {
    villages: Number(row.villages),
    villagesWithTeam: Number(row.villagesWithTeam),
    teamHeads: Number(row.teamHeads),
    teamHeadsPartyCellSecretary: Number(row.teamHeadsPartyCellSecretary),
    blocs: Number(row.blocs),
    blocsHeadedByStandingDeputy: Number(row.blocsHeadedByStandingDeputy),
    members: Number(row.members),
  };
}

/** The three coverage percentages reports quote; null when there is nothing to count. */
export function shares(c: Coverage): CoverageShares {
  return {
    villagesWithTeam: percent(c.villagesWithTeam, c.villages),
    teamHeadsPartyCellSecretary: percent(c.teamHeadsPartyCellSecretary, c.teamHeads),
    blocsHeadedByStandingDeputy: percent(c.blocsHeadedByStandingDeputy, c.blocs),
  };
}
