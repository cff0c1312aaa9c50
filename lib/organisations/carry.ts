/**
 * The set-based steps a bloc's or team's life is made of, inside the caller's transaction: found
 * organisations where none stands, and close organisations (dissolve, or merge into another, whose
 * members then carry over). Shared by the screens (./lifecycle.ts: one organisation at a time) and by
 * mergers of units (lib/units/merger: thousands of communes at once in the 2025 reform), so a merger
 * treats a commune's bloc exactly as an administrator would by hand (decision 050).
 *
 * Dates: `dissolvedOn` is the first day an organisation no longer stands (coverage, the rollups and the
 * unit page all read it so); its members' terms end on the day before, its last day. A member carried
 * over starts in the other organisation on the day the first one stops.
 */
import type { Tx } from "../db/client";
import type { OrganisationKind } from "../generated/prisma/enums";
import { addDaysUtc } from "../time";

type Db = Pick<Tx, "$queryRaw" | "$executeRaw">;

/** A closing organisation and where its current members go (null: nowhere, their terms just end). */
export interface Closing {
  from: number;
  to: number | null;
}

export interface CloseResult {
  dissolved: number;
  membershipsEnded: number;
  membershipsCarried: number;
}

/**
 * Founds one organisation of `kind` on each unit that has no standing one of that kind, on
 * `establishedOn`; the unique index of standing organisations makes a concurrent one lose quietly.
 * Returns the new organisations, by unit.
 */
export async function foundOrganisations(tx: Db, kind: OrganisationKind, rows: { unitId: number; name: string }[], establishedOn: Date): Promise<Map<number, number>> {
  if (!rows.length) return new Map();
  const created = await tx.$queryRaw<{ id: number; unitId: number }[]>`
    INSERT INTO "Organisation" (kind, "unitId", name, "establishedOn", "updatedAt")
    SELECT ${kind}::"OrganisationKind", r."unitId", r.name, ${establishedOn}::date, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("unitId" int, name text)
    WHERE NOT EXISTS (
      SELECT 1 FROM "Organisation" o WHERE o."unitId" = r."unitId" AND o.kind = ${kind}::"OrganisationKind" AND o."dissolvedOn" IS NULL
    )
    ORDER BY r."unitId"
    ON CONFLICT ("unitId", kind) WHERE "dissolvedOn" IS NULL DO NOTHING
    RETURNING id, "unitId"`;
  return new Map(created.map((c) => [c.unitId, c.id]));
}

/**
 * Closes standing organisations as of `effectiveOn` (their first day gone), in one statement:
 * the members current then end their terms on the day before (a term that only begins later ends
 * the day it begins); where `to` is given, each of them who is not a member of it already joins it
 * on `effectiveOn` in the same role and representing the same body, except that a head becomes a
 * deputy when `to` has a head then or several heads arrive at once (one head at a time; the
 * administrator chooses). The closed organisation keeps its meetings and its past members.
 */
export async function closeOrganisations(tx: Db, closings: Closing[], effectiveOn: Date): Promise<CloseResult> {
  if (!closings.length) return { dissolved: 0, membershipsEnded: 0, membershipsCarried: 0 };
  const lastDay = addDaysUtc(effectiveOn, -1);
  const [row] = await tx.$queryRaw<CloseResult[]>`
    WITH p AS (
      SELECT DISTINCT ON (x."from") x."from", x."to" FROM jsonb_to_recordset(${JSON.stringify(closings)}::jsonb) AS x("from" int, "to" int)
      JOIN "Organisation" o ON o.id = x."from" AND o."dissolvedOn" IS NULL
      ORDER BY x."from"
    ), src AS (
      SELECT m.id, m."cadreId", m.role, m.representing, m."termStart", p."to"
      FROM p JOIN "Membership" m ON m."organisationId" = p."from"
      WHERE m."termEnd" IS NULL OR m."termEnd" >= ${effectiveOn}::date
    ), pick AS (
      SELECT DISTINCT ON (s."to", s."cadreId") s."to", s."cadreId", s.role, s.representing
      FROM src s
      WHERE s."to" IS NOT NULL AND s."termStart" <= ${lastDay}::date
        AND NOT EXISTS (
          SELECT 1 FROM "Membership" t WHERE t."organisationId" = s."to" AND t."cadreId" = s."cadreId"
            AND (t."termEnd" IS NULL OR t."termEnd" >= ${effectiveOn}::date)
        )
      ORDER BY s."to", s."cadreId", CASE s.role WHEN 'HEAD' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END
    ), heads AS (
      SELECT pick."to", count(*) FILTER (WHERE pick.role = 'HEAD') AS arriving,
             EXISTS (
               SELECT 1 FROM "Membership" t WHERE t."organisationId" = pick."to" AND t.role = 'HEAD'
                 AND t."termStart" <= ${effectiveOn}::date AND (t."termEnd" IS NULL OR t."termEnd" >= ${effectiveOn}::date)
             ) AS has_head
      FROM pick GROUP BY pick."to"
    ), ended AS (
      UPDATE "Membership" m SET "termEnd" = greatest(m."termStart", ${lastDay}::date)
      FROM src WHERE m.id = src.id
      RETURNING m.id
    ), added AS (
      INSERT INTO "Membership" ("organisationId", "cadreId", role, representing, "termStart")
      SELECT pick."to", pick."cadreId",
             CASE WHEN pick.role = 'HEAD' AND (h.has_head OR h.arriving > 1) THEN 'DEPUTY'::"MembershipRole" ELSE pick.role END,
             pick.representing, ${effectiveOn}::date
      FROM pick JOIN heads h ON h."to" = pick."to"
      ORDER BY 1, 2
      RETURNING id
    ), closed AS (
      UPDATE "Organisation" o SET "dissolvedOn" = ${effectiveOn}::date, "mergedIntoId" = p."to", version = o.version + 1, "updatedAt" = now()
      FROM p WHERE o.id = p."from"
      RETURNING o.id
    )
    SELECT (SELECT count(*) FROM closed)::int AS dissolved, (SELECT count(*) FROM ended)::int AS "membershipsEnded",
           (SELECT count(*) FROM added)::int AS "membershipsCarried"`;
  return { dissolved: Number(row.dissolved), membershipsEnded: Number(row.membershipsEnded), membershipsCarried: Number(row.membershipsCarried) };
}

export interface MergerBlocs {
  /** The successor communes, each with the name its bloc takes when it has none standing. */
  successors: { unitId: number; name: string }[];
  /** The communes that close, and the one successor each went whole into (null: split, or none). */
  closed: { unitId: number; successorUnitId: number | null }[];
}

export type MergerBlocCounts = { blocsFounded: number; blocsDissolved: number; blocMembersCarried: number };

/**
 * What a merger of communes does to their blocs (decision 050): a successor with no standing bloc
 * gets one, established on the effective date; the standing bloc of each closing commune is
 * dissolved as of that date (its last day is the commune's), and, when the commune went whole into
 * one successor, its current members join that successor's bloc. A split commune's members are not
 * carried: nothing says which of the successors each of them now serves, so the administrator adds
 * them where they belong.
 */
export async function blocsAfterMerger(tx: Db, input: MergerBlocs, effectiveOn: Date): Promise<MergerBlocCounts> {
  const founded = await foundOrganisations(tx, "BLOC", input.successors, effectiveOn);
  const successorIds = [...new Set(input.closed.map((c) => c.successorUnitId).filter((id): id is number => id !== null))];
  const closedIds = input.closed.map((c) => c.unitId);
  const standing = await tx.$queryRaw<{ id: number; unitId: number }[]>`
    SELECT o.id, o."unitId" FROM "Organisation" o
    WHERE o.kind = 'BLOC' AND o."dissolvedOn" IS NULL AND o."unitId" = ANY(${[...successorIds, ...closedIds]}::int[])
    ORDER BY o.id`;
  const blocOf = new Map(standing.map((o) => [o.unitId, o.id]));
  const closings: Closing[] = [];
  for (const c of input.closed) {
    const from = blocOf.get(c.unitId);
    if (from === undefined) continue;
    closings.push({ from, to: c.successorUnitId === null ? null : (blocOf.get(c.successorUnitId) ?? null) });
  }
  const closed = await closeOrganisations(tx, closings, effectiveOn);
  return { blocsFounded: founded.size, blocsDissolved: closed.dissolved, blocMembersCarried: closed.membershipsCarried };
}
