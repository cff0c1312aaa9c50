/**
 * Reads of the cadre registry, always through `cadreWhereFor(actor)`. Phone and birth year
 * leave the database only for actors with "cadre:personal-data:subtree"; the page or export
 * that shows them writes a "cadre.personal-data.read" audit row.
 */
import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { cadreWhereFor, unitWhereFor } from "../auth/scope";
import { auditPersonalDataRead } from "../audit/log";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "../api/cursor";
import { MAX_INT } from "../forms/fields";
import { toSearchText } from "../text/search";
import type { CadreFilters } from "./filters";

export const CADRE_PAGE_SIZE = 50;
/** Counting stops here: "more than 10.000" is all a list needs to say (the nation has 578,000). */
export const CADRE_COUNT_CAP = 10_000;
/** …and after this long: past it the page says "more than a page" (decision 010's budget). */
export const CADRE_COUNT_BUDGET_MS = 60;
/**
 * A subtree up to this many units (a district: 122–190 units on the national database; a commune) is read as
 * its unit ids (`unitId IN (…)`), as the petition list does (decisions 010, 028): its few cadres are then read
 * by unit and sorted, where walking the country's name index would pass about 700 rows for each of theirs.
 * A province (1,128–2,375 units) is read through the unit tree instead: handing its units over as ids cost
 * the Node process more than the rest of the page (2,253 parameters, in two statements: 35–55 ms of CPU
 * against 8–17 ms through the join), and PostgreSQL finds a province's page by walking the name index
 * (about 2,000 rows for 51) and counts its cadres from its units' entries (8 ms). With a text search the join
 * stays: a district's few cadres are read unit by unit and the words tested on them, where the ids made
 * PostgreSQL AND them with the country's trigram matches.
 */
const SUBTREE_AS_IDS = 500;

export function canSeePersonalData(actor: Pick<Actor, "duties" | "unit">): boolean {
  return allows(actor, "cadre:personal-data:subtree");
}

/**
 * The `where` of the list: scope first, then the user's filters. `units`: the subtree (narrowed to the
 * unit filter) as its unit ids, read with the scope builder (`subtreeUnits`), in place of the join.
 */
export function cadreListWhere(actor: Actor, filters: CadreFilters, units: readonly number[] | null = null): Prisma.CadreWhereInput {
  const and: Prisma.CadreWhereInput[] = units ? [{ unitId: { in: [...units] } }] : [cadreWhereFor(actor)];
  const search = toSearchText(filters.q);
  // searchName is stored lower-case and accent-free: a plain LIKE that the trigram index serves.
  if (search) and.push({ searchName: { contains: search } });
  if (filters.unitId && !units) and.push({ unit: { ancestorIds: { has: filters.unitId } } });
  if (filters.status === "current") and.push({ endedOn: null });
  if (filters.status === "ended") and.push({ endedOn: { not: null } });
  if (filters.party !== "all") and.push({ isPartyMember: filters.party === "yes" });
  return { AND: and };
}

/** The units of the list when they are few (see SUBTREE_AS_IDS); null for the nation's, or with a text search. A unit filter out of reach leaves none. */
async function subtreeUnits(actor: Actor, filters: CadreFilters, asIdsUpTo: number): Promise<number[] | null> {
  if ((actor.unit.level === "NATION" && !filters.unitId) || toSearchText(filters.q)) return null;
  const where = filters.unitId ? { AND: [unitWhereFor(actor), { ancestorIds: { has: filters.unitId } }] } : unitWhereFor(actor);
  const units = await db.unit.findMany({ where, select: { id: true }, take: asIdsUpTo + 1 });
  return units.length > asIdsUpTo ? null : units.map((u) => u.id);
}

function cadreOrder(filters: CadreFilters): Prisma.CadreOrderByWithRelationInput[] {
  const byName: Prisma.CadreOrderByWithRelationInput[] = [{ searchName: "asc" }, { id: "asc" }];
  return filters.sort === "unit" ? [{ unit: { searchName: "asc" } }, { unitId: "asc" }, ...byName] : byName;
}

// A page's cursor is the sort key of its last row: [searchName, id], or by unit [unit's searchName, unitId, searchName, id].
const cursorId = z.number().int().positive().max(MAX_INT);
const cursorText = z.string().max(400);
const NAME_KEY = z.tuple([cursorText, cursorId]);
const UNIT_KEY = z.tuple([cursorText, cursorId, cursorText, cursorId]);

interface CadreKey {
  unitName?: string;
  unitId?: number;
  name: string;
  id: number;
}

/** The key a cursor holds, when it is one of ours for this order (else the list starts over, as a stale link should). */
function readCadreCursor(filters: CadreFilters): CadreKey | null {
  if (!filters.cursor) return null;
  if (filters.sort === "unit") {
    const key = decodeCursor(filters.cursor, UNIT_KEY);
    return key && { unitName: key[0], unitId: key[1], name: key[2], id: key[3] };
  }
  const key = decodeCursor(filters.cursor, NAME_KEY);
  return key && { name: key[0], id: key[1] };
}

/** The cursor of the page after `row` in this order. */
export function cadreCursorAfter(row: { id: number; searchName: string; unitId: number; unit: { searchName: string } }, sort: CadreFilters["sort"]): string {
  return encodeCursor(sort === "unit" ? [row.unit.searchName, row.unitId, row.searchName, row.id] : [row.searchName, row.id]);
}

/**
 * The rows after the key in the list's order. The leading `gte` repeats what the OR says, so that a walk of
 * `Cadre(searchName, id)` starts at the cursor instead of reading every row before it.
 */
function afterKey(key: CadreKey): Prisma.CadreWhereInput {
  if (key.unitName === undefined || key.unitId === undefined) {
    return { AND: [{ searchName: { gte: key.name } }, { OR: [{ searchName: { gt: key.name } }, { searchName: key.name, id: { gt: key.id } }] }] };
  }
  return {
    AND: [
      { unit: { searchName: { gte: key.unitName } } },
      {
        OR: [
          { unit: { searchName: { gt: key.unitName } } },
          { unit: { searchName: key.unitName }, unitId: { gt: key.unitId } },
          { unitId: key.unitId, searchName: { gt: key.name } },
          { unitId: key.unitId, searchName: key.name, id: { gt: key.id } },
        ],
      },
    ],
  };
}

function cadreSelect(personal: boolean) {
  return {
    id: true,
    fullName: true,
    gender: true,
    isPartyMember: true,
    position: true,
    endedOn: true,
    birthYear: personal,
    phone: personal,
    unit: { select: { id: true, typeLabel: true, name: true, parent: { select: { typeLabel: true, name: true } } } },
  } satisfies Prisma.CadreSelect;
}

/** The list's rows also carry their sort key, for the next page's cursor. */
function cadreListSelect(personal: boolean) {
  const base = cadreSelect(personal);
  return { ...base, searchName: true, unitId: true, unit: { select: { ...base.unit.select, searchName: true } } } satisfies Prisma.CadreSelect;
}

/**
 * The count, or null when it takes longer than the budget (PGlite has no statement timeout: it counts). The
 * nation's list counts up to the cap: Prisma reads a capped count in id order, which PostgreSQL serves by
 * walking the country's primary key until the cap, while below the nation that order made it walk the whole
 * table for a province's cadres (120–166 ms, where its units' own entries take 8 ms), so a place's count is not capped.
 */
async function countWithin(where: Prisma.CadreWhereInput, capped: boolean): Promise<number | null> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${CADRE_COUNT_BUDGET_MS}`);
      return capped ? tx.cadre.count({ where, take: CADRE_COUNT_CAP + 1 }) : tx.cadre.count({ where });
    });
  } catch (error) {
    if (/statement timeout|57014/.test(String(error))) return null;
    throw error;
  }
}

/**
 * One page of the list (keyset: a page costs the rows it shows, however deep), the count, and whether
 * personal data is in it. The count stops at CADRE_COUNT_CAP or after CADRE_COUNT_BUDGET_MS: then
 * `totalExact` is false and `total` a lower bound. A first page with nothing after it is the whole list.
 */
export async function listCadres(actor: Actor, filters: CadreFilters, pageSize = CADRE_PAGE_SIZE, subtreeAsIds = SUBTREE_AS_IDS) {
  const personal = canSeePersonalData(actor);
  const units = await subtreeUnits(actor, filters, subtreeAsIds);
  const where = cadreListWhere(actor, filters, units);
  const key = readCadreCursor(filters);
  const read = db.cadre.findMany({ where: key ? { AND: [where, afterKey(key)] } : where, orderBy: cadreOrder(filters), take: pageSize + 1, select: cadreListSelect(personal) });
  const [found, counted] = await Promise.all([
    // A text search reads the words' matches (the trigram index) or the subtree's cadres, then sorts them:
    // left to itself PostgreSQL walked the name index from "a" to the first matches (374,000 rows, 0.5–5 s, for
    // "nguyen van" in the nation or a province).
    toSearchText(filters.q) && filters.sort === "name" ? db.$transaction([db.$executeRawUnsafe("SET LOCAL enable_indexscan = off"), read]).then(([, rows]) => rows) : read,
    countWithin(where, actor.unit.level === "NATION" && !filters.unitId),
  ]);
  const rows = found.slice(0, pageSize);
  const last = rows.at(-1);
  const hasMore = found.length > pageSize;
  const whole = !key && !hasMore;
  const total = whole ? rows.length : counted === null ? pageSize : Math.min(counted, CADRE_COUNT_CAP);
  const totalExact = whole || (counted !== null && counted <= CADRE_COUNT_CAP);
  return { rows, total, totalExact, nextCursor: hasMore && last ? cadreCursorAfter(last, filters.sort) : null, first: !key, personal };
}

/** Every row matching the filters (the export), up to `limit`. */
export async function allCadres(actor: Actor, filters: CadreFilters, limit = 50_000) {
  const personal = canSeePersonalData(actor);
  const rows = await db.cadre.findMany({ where: cadreListWhere(actor, filters), orderBy: cadreOrder(filters), take: limit, select: cadreSelect(personal) });
  return { rows, personal };
}

/** A cadre with memberships and training records, or null when missing or out of scope. */
export async function getCadre(actor: Actor, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const personal = canSeePersonalData(actor);
  const cadre = await db.cadre.findFirst({
    where: { AND: [{ id }, cadreWhereFor(actor)] },
    select: {
      ...cadreSelect(personal),
      version: true,
      unitId: true,
      memberships: {
        orderBy: [{ termStart: "desc" }, { id: "desc" }],
        select: { id: true, role: true, representing: true, termStart: true, termEnd: true, organisation: { select: { id: true, name: true, kind: true } } },
      },
      trainings: { orderBy: [{ startOn: "desc" }, { id: "desc" }], select: { id: true, course: true, organiser: true, startOn: true, endOn: true, result: true } },
    },
  });
  return cadre ? { ...cadre, personal } : null;
}

/** Writes the audit row of a page view that showed phone numbers or birth years. */
export async function auditCadrePersonalDataRead(actor: Actor, cadreIds: number[], via: "list" | "detail", extra: Record<string, Prisma.InputJsonValue> = {}) {
  await auditPersonalDataRead(db, actor, { entity: "Cadre", ids: cadreIds, unitId: actor.unit.id, via, extra });
}
