import type { ScopedActor } from "../auth/scope";
import { reachStart, unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { UnitLevel } from "../generated/prisma/enums";
import { likeLiteral, toSearchText } from "../text/search";
import { VILLAGE_TYPE_LABELS } from "./schemas";
import { todayInVietnam } from "../time";

/** Longest query looked at, in characters of search text; the rest is dropped. */
export const MAX_QUERY_LENGTH = 100;
/** Shortest query searched: one letter would match most of the tree. */
export const MIN_QUERY_LENGTH = 2;
/** The API's largest page (200) plus the one row that tells whether a next page exists. */
const MAX_LIMIT = 201;

/**
 * The type labels a unit's `searchName` can start with, accent-free. "Names starting with the
 * query" means the bare name ("lap thach…"), so a query also counts as a prefix when it follows
 * one of these: "huyen lap thach" and "thi tran lap thach" both start their name with "lap thach".
 */
const TYPE_LABELS = [
  "Cả nước",
  "Tỉnh",
  "Thành phố Trung ương",
  "Thành phố",
  "Huyện",
  "Quận",
  "Thị xã",
  "Đặc khu",
  "Xã",
  "Phường",
  "Thị trấn",
  ...VILLAGE_TYPE_LABELS,
].map(toSearchText);

export interface UnitSearchOptions {
  limit?: number;
  level?: UnitLevel;
  /** Only units of these levels (a choice box that takes communes and villages only). */
  levels?: readonly UnitLevel[];
  /** Only units directly under one of these (villages of the communes a name matched). */
  parentIds?: readonly number[];
  includeClosed?: boolean;
  /**
   * "Today" for the validity check and the paths: the units valid on that day, each on the path it had then
   * (`pathsOn`); the current day in Vietnam unless given.
   */
  today?: Date;
  /** Keyset pagination: only hits after this one, in the search's order (see lib/api/units.ts). */
  after?: UnitSearchKey;
}

/** A hit's place in the search's order: tier (0: name starts with the query, 1: the rest), depth, name, id. */
export interface UnitSearchKey {
  tier: 0 | 1;
  depth: number;
  name: string;
  id: number;
}

export interface UnitSearchHit {
  id: number;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  code: string | null;
  depth: number;
  validTo: Date | null;
  /** 0 when the name starts with the query, 1 otherwise: the first key of the search's order. */
  tier: 0 | 1;
  /** The ancestors from the actor's home unit down to the parent (empty for the home unit itself), on the search's day. */
  path: { id: number; typeLabel: string; name: string }[];
}

/** Units valid on `day`: begun by then (or undated) and not ended before it. */
export function validOn(day: Date): Prisma.UnitWhereInput {
  return { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }] };
}

/**
 * The path (`ancestorIds`) each of `unitIds` had on `day`, for those that have moved since: a move keeps the
 * path it left in `UnitPathHistory` until the day before it took effect (decision 014), so the path on a day is
 * the first one kept that lasted until that day or later. Units absent from the map are on their path of today.
 */
export async function pathsOn(unitIds: readonly number[], day: Date): Promise<Map<number, number[]>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.unitPathHistory.findMany({
    where: { unitId: { in: [...unitIds] }, endedOn: { gte: day } },
    orderBy: [{ unitId: "asc" }, { endedOn: "asc" }, { id: "asc" }],
    select: { unitId: true, ancestorIds: true },
  });
  const out = new Map<number, number[]>();
  for (const r of rows) if (!out.has(r.unitId)) out.set(r.unitId, r.ancestorIds);
  return out;
}

/** The query as searched: accent-free, lower-case, single-spaced, at most 100 characters; "" when too short. */
export function normaliseUnitQuery(query: string): string {
  const text = toSearchText(query).slice(0, MAX_QUERY_LENGTH).trim();
  return text.length < MIN_QUERY_LENGTH ? "" : text;
}


const SELECT = {
  id: true,
  level: true,
  typeLabel: true,
  name: true,
  code: true,
  depth: true,
  validTo: true,
  ancestorIds: true,
} satisfies Prisma.UnitSelect;

/**
 * Accent-insensitive search of units inside the actor's subtree: every word of the query must
 * appear in the unit's "type name" ("lap thach" finds "Huyện Lập Thạch" and "Thị trấn Lập Thạch").
 * Names starting with the query come first, then shallower units, then by name. Current units
 * only unless `includeClosed`.
 */
export async function searchUnits(actor: ScopedActor, query: string, options: UnitSearchOptions = {}): Promise<UnitSearchHit[]> {
  const text = normaliseUnitQuery(query);
  if (!text) return [];
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 30), 1), MAX_LIMIT);
  const words = [...new Set(text.split(" "))];

  const filters: Prisma.UnitWhereInput[] = [unitWhereFor(actor), ...words.map((word) => ({ searchName: { contains: likeLiteral(word) } }))];
  if (options.level) filters.push({ level: options.level });
  if (options.levels) filters.push({ level: { in: [...options.levels] } });
  if (options.parentIds) filters.push({ parentId: { in: [...options.parentIds] } });
  const day = options.today ?? todayInVietnam();
  if (!options.includeClosed) filters.push(validOn(day));

  const startsWithQuery: Prisma.UnitWhereInput = {
    OR: [text, ...TYPE_LABELS.map((label) => `${label} ${text}`)].map((prefix) => ({ searchName: { startsWith: likeLiteral(prefix) } })),
  };
  const orderBy: Prisma.UnitOrderByWithRelationInput[] = [{ depth: "asc" }, { name: "asc" }, { id: "asc" }];
  const { after } = options;
  // (depth, name, id) after the key, in the same order and collation as orderBy.
  const afterKey = (key: UnitSearchKey): Prisma.UnitWhereInput => ({
    OR: [
      { depth: { gt: key.depth } },
      { depth: key.depth, name: { gt: key.name } },
      { depth: key.depth, name: key.name, id: { gt: key.id } },
    ],
  });

  // Two tiers, each in the database's order, so the limit never drops a better match.
  const first =
    after?.tier === 1
      ? []
      : await db.unit.findMany({
          where: { AND: [...filters, startsWithQuery, ...(after ? [afterKey(after)] : [])] },
          orderBy,
          take: limit,
          select: SELECT,
        });
  const rest =
    first.length < limit
      ? await db.unit.findMany({
          where: { AND: [...filters, { NOT: startsWithQuery }, ...(after?.tier === 1 ? [afterKey(after)] : [])] },
          orderBy,
          take: limit - first.length,
          select: SELECT,
        })
      : [];
  const units = [...first.map((u) => ({ ...u, tier: 0 as const })), ...rest.map((u) => ({ ...u, tier: 1 as const }))];
  if (units.length === 0) return [];

  // The path of every hit on the day, from where the actor's reach begins down: one query for all of them.
  const pathsThen = await pathsOn(units.map((u) => u.id), day);
  const pathIdsOf = (ancestorIds: number[]) => {
    const home = reachStart(actor, ancestorIds);
    return home < 0 ? [] : ancestorIds.slice(home, -1);
  };
  const ancestorIds = [...new Set(units.flatMap((u) => pathIdsOf(pathsThen.get(u.id) ?? u.ancestorIds)))];
  const ancestors = ancestorIds.length
    ? await db.unit.findMany({
        where: { AND: [{ id: { in: ancestorIds } }, unitWhereFor(actor)] },
        select: { id: true, typeLabel: true, name: true },
      })
    : [];
  const byId = new Map(ancestors.map((a) => [a.id, a]));

  return units.map(({ ancestorIds: current, ...unit }) => ({
    ...unit,
    path: pathIdsOf(pathsThen.get(unit.id) ?? current).flatMap((id) => {
      const a = byId.get(id);
      return a ? [a] : [];
    }),
  }));
}
