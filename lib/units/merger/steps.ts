/**
 * The steps a merger is made of, shared by the reform import (`./import.ts`, thousands of
 * units at once) and a merger recorded by hand (`./record.ts`, a few units): link old units
 * to their successors, close the old units the day before, move the children of units that
 * went whole into one successor, and list the villages of split communes for placing
 * (decision 005). Each step is one set-based statement inside the caller's transaction.
 */
import type { UnitLevel } from "../../generated/prisma/enums";
import type { Tx } from "../../db/client";
import { pathsChangeAfter } from "../../rollup/path-history";
import type { MergeKind } from "./parse";

export type { MergeKind };

export interface SuccessionLink {
  predecessorId: number;
  successorId: number;
  kind: MergeKind;
}

/** A village left under a split commune, for an admin to place. */
export interface VillageToPlace {
  villageId: number;
  oldCommuneId: number;
  candidateSuccessorIds: number[];
}

type Db = Pick<Tx, "$queryRaw" | "$executeRaw">;

/** One link per (old unit, new unit); PARTIAL wins over FULL when a pair is named twice. */
export function uniqueLinks(links: SuccessionLink[]): SuccessionLink[] {
  const byPair = new Map<string, SuccessionLink>();
  for (const link of links) {
    const key = `${link.predecessorId}:${link.successorId}`;
    const seen = byPair.get(key);
    if (!seen || link.kind === "PARTIAL") byPair.set(key, link);
  }
  return [...byPair.values()];
}

/**
 * Who goes where: an old unit whose only successor link is FULL goes whole (its children
 * move); any other (a PARTIAL link, or several successors) is split, its children to place.
 */
export function planMoves(links: SuccessionLink[]): { whole: { old: number; successor: number }[]; splits: { old: number; candidates: number[] }[] } {
  const successorsOf = new Map<number, { ids: Set<number>; partial: boolean }>();
  for (const l of links) {
    const s = successorsOf.get(l.predecessorId) ?? { ids: new Set<number>(), partial: false };
    s.ids.add(l.successorId);
    if (l.kind === "PARTIAL") s.partial = true;
    successorsOf.set(l.predecessorId, s);
  }
  const whole: { old: number; successor: number }[] = [];
  const splits: { old: number; candidates: number[] }[] = [];
  for (const [old, s] of successorsOf) {
    if (!s.partial && s.ids.size === 1) whole.push({ old, successor: [...s.ids][0] });
    else splits.push({ old, candidates: [...s.ids].sort((a, b) => a - b) });
  }
  return { whole, splits };
}

/** Writes the succession links, all effective on one day. */
export async function insertLinks(tx: Db, links: SuccessionLink[], effectiveOn: Date): Promise<void> {
  if (!links.length) return;
  await tx.$executeRaw`
    INSERT INTO "UnitSuccession" ("predecessorId", "successorId", kind, "effectiveOn")
    SELECT r."predecessorId", r."successorId", r.kind::"SuccessionKind", ${effectiveOn}::date
    FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS r("predecessorId" int, "successorId" int, kind text)`;
}

/**
 * Closes the units on `lastDay` (their validTo), each with its version bumped, and the
 * districts of the given provinces still valid that day. Returns how many closed, by level.
 */
export async function closeUnits(tx: Db, ids: number[], lastDay: Date, options: { withDistrictsOf?: number[] } = {}): Promise<Map<UnitLevel, number>> {
  const provinces = options.withDistrictsOf ?? [];
  // Joins on unnest(), not `= ANY(array)` tests, so that thousands of ids stay cheap.
  const closed = await tx.$queryRaw<{ level: UnitLevel; n: number }[]>`
    WITH t AS (
      SELECT x.id FROM unnest(${ids}::int[]) AS x(id)
      UNION
      SELECT d.id FROM unnest(${provinces}::int[]) AS p(id) JOIN "Unit" d ON d."parentId" = p.id
      WHERE d.level = 'DISTRICT'
        AND (d."validFrom" IS NULL OR d."validFrom" <= ${lastDay}::date)
        AND (d."validTo" IS NULL OR d."validTo" >= ${lastDay}::date)
    ), c AS (
      UPDATE "Unit" u SET "validTo" = ${lastDay}::date, "updatedAt" = now(), version = u.version + 1
      FROM t WHERE u.id = t.id
      RETURNING u.level
    )
    SELECT level::text AS level, count(*)::int AS n FROM c GROUP BY level`;
  return new Map(closed.map((c) => [c.level, c.n]));
}

/** The levels below a unit of `level`: the ones whose paths change when it moves. */
const LEVELS_BELOW: Record<UnitLevel, UnitLevel[]> = {
  NATION: ["PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"],
  PROVINCE: ["DISTRICT", "COMMUNE", "VILLAGE"],
  DISTRICT: ["COMMUNE", "VILLAGE"],
  COMMUNE: ["VILLAGE"],
  VILLAGE: ["VILLAGE"],
};

/**
 * Moves the children of `childLevel` still valid on `lastDay` from each old unit to its
 * successor, and rewrites the paths of their subtrees, in one statement: each unit below
 * (or being) a moved child gets the successor's path in front of the part of its path that
 * starts at the child. The child is found in the path by a hash join on the path's elements,
 * not by one containment test per pair. Returns the ids of the moved children.
 */
export async function moveChildren(tx: Db, moves: { old: number; successor: number }[], lastDay: Date, childLevel: UnitLevel = "VILLAGE"): Promise<number[]> {
  if (!moves.length) return [];
  // The old paths were held until the old units closed (the dashboards' "as the units were").
  await pathsChangeAfter(tx, lastDay);
  const levels = [childLevel, ...LEVELS_BELOW[childLevel].filter((l) => l !== childLevel)];
  const rows = await tx.$queryRaw<{ id: number; moved: boolean }[]>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) AS x(old int, successor int)
    ), mv AS (
      SELECT v.id, r.successor, s."ancestorIds" AS pa
      FROM r JOIN "Unit" v ON v."parentId" = r.old JOIN "Unit" s ON s.id = r.successor
      WHERE v.level = ${childLevel}::"UnitLevel" AND (v."validTo" IS NULL OR v."validTo" >= ${lastDay}::date)
    ), hit AS (
      SELECT d.id AS did, mv.id AS vid, mv.successor, mv.pa, a.ord::int AS ord
      FROM "Unit" d CROSS JOIN LATERAL unnest(d."ancestorIds") WITH ORDINALITY AS a(uid, ord)
      JOIN mv ON mv.id = a.uid
      WHERE d.level::text = ANY(${levels}::text[])
    )
    UPDATE "Unit" d
    SET "ancestorIds" = hit.pa || d."ancestorIds"[hit.ord:],
        depth = cardinality(hit.pa) + cardinality(d."ancestorIds") - hit.ord,
        "parentId" = CASE WHEN d.id = hit.vid THEN hit.successor ELSE d."parentId" END,
        version = CASE WHEN d.id = hit.vid THEN d.version + 1 ELSE d.version END,
        "updatedAt" = now()
    FROM hit WHERE d.id = hit.did
    RETURNING d.id, (d.id = hit.vid) AS moved`;
  return rows.filter((r) => r.moved).map((r) => r.id);
}

/** The villages still valid on `lastDay` under each split commune, with the successors they may go to. */
export async function villagesOfSplits(tx: Db, splits: { old: number; candidates: number[] }[], lastDay: Date): Promise<VillageToPlace[]> {
  if (!splits.length) return [];
  return tx.$queryRaw<VillageToPlace[]>`
    SELECT v.id AS "villageId", r.old AS "oldCommuneId", r.candidates AS "candidateSuccessorIds"
    FROM jsonb_to_recordset(${JSON.stringify(splits)}::jsonb) AS r(old int, candidates int[])
    JOIN "Unit" v ON v."parentId" = r.old AND v.level = 'VILLAGE'
    WHERE v."validTo" IS NULL OR v."validTo" >= ${lastDay}::date
    ORDER BY v.id`;
}
