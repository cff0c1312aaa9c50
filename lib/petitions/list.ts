/**
 * The petition list: filters held in the URL, accent-insensitive search, sortable columns
 * and keyset pagination (a page never re-reads the rows before it, however deep).
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { subtreeUnitIds } from "../auth/subtree";
import { allows } from "../auth/roles";
import { petitionWhereFor, unitWhereFor } from "../auth/scope";
import { auditPersonalDataRead, type PersonalDataVia } from "../audit/log";
import { db } from "../db/client";
import { idsUnderPlan, inIdOrder } from "../db/plan";
import type { Prisma } from "../generated/prisma/client";
import type { PetitionStatus } from "../generated/prisma/enums";
import { rolledUpPetitionCount } from "../rollup/counts";
import { addDaysUtc, isoDay, todayInVietnam } from "../time";
import { searchTiers, searchWords } from "./search";
import { cleanText, hasControlCharacters, idField, isoDayParam, MAX_INT, parseIsoDay } from "../forms/fields";
import { PETITION_CHANNELS, PETITION_STATUSES, RESOLUTION_KINDS } from "./labels";
import { maskName } from "../text/mask";
import { unitFullName } from "../units/labels";
import { OPEN_STATUSES } from "./status";
import { deadlineKind, type DeadlineKind } from "./deadline";

/**
 * The list's orders. "relevance", the default, is best match first when a search is typed (then newest
 * first within a match, `searchTiers`), and newest first otherwise (`listOrder`).
 */
export const PETITION_SORTS = ["relevance", "receivedOn", "dueOn", "code"] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
/**
 * Which day `from` and `to` bound: receipt (the default), or the day (Vietnam time) the petition was
 * resolved, first reopened or escalated. The dashboards' figures open their lists with them
 * (lib/dashboards/links.ts): "resolved in November" is `dateOf=resolved&from=…-11-01&to=…-11-30`.
 */
export const PETITION_DATES = ["received", "resolved", "reopened", "escalated"] as const;
export type PetitionDate = (typeof PETITION_DATES)[number];
/** The column of each day but receipt's (a date column of its own), as Prisma names it. */
const DATE_COLUMN = { resolved: "resolvedAt", reopened: "reopenedAt", escalated: "escalatedAt" } as const;
type DateColumn = (typeof DATE_COLUMN)[keyof typeof DATE_COLUMN];
const isDateColumn = (sort: string): sort is DateColumn => (Object.values(DATE_COLUMN) as string[]).includes(sort);
/**
 * The order rows and cursors follow (`listOrder`): a sort of the list, or, for a list of the petitions
 * resolved, reopened or escalated in a period, that moment, newest first.
 */
export type ListOrder = PetitionSort | DateColumn;
type OrderedFilters = Omit<PetitionFilters, "sort"> & { sort: ListOrder };
/** Counting stops here: "more than 10.000" is all a list needs to say. */
export const COUNT_CAP = 10_000;
/**
 * Counting also stops after this long. At national scale (5 million petitions) reading
 * 10,001 matching rows takes up to seconds when the filter is broad but the subtree is a
 * province, or when the matches are scattered; the page itself stays fast. Past the
 * budget the list says "more than <page size>". See BENCHMARKS.md.
 */
export const COUNT_BUDGET_MS = 60;
/** A village's subtree up to this many units is read as its list of unit ids (`listReach`). */
const SMALL_SUBTREE = 500;

/** An empty form field is no filter. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);
/** One or several values, from repeated params or a comma list; a value not in the list is refused. */
const many = <T extends string>(name: string, values: readonly T[]) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(",").filter((x) => x !== "") : []),
    z.array(z.enum(values as readonly [T, ...T[]], { error: `${name}: một hoặc nhiều giá trị trong ${values.join(", ")}.` })),
  );

/**
 * The filters, strictly: a value that makes no sense is an error with a message. The API
 * answers it with 400 (its OpenAPI document says so); the page drops it (below).
 */
export const petitionFilterFields = {
  q: blank(
    z
      .string()
      .transform((q) => cleanText(q).trim())
      .pipe(z.string().max(200, { error: "q: tối đa 200 ký tự." }))
      .optional(),
  ),
  status: many("status", PETITION_STATUSES),
  field: blank(idField("field: mã lĩnh vực (số nguyên dương).").optional()),
  channel: many("channel", PETITION_CHANNELS),
  agency: blank(idField("agency: mã cơ quan (số nguyên dương).").optional()),
  unit: blank(idField("unit: mã đơn vị (số nguyên dương).").optional()),
  from: blank(isoDayParam("from").optional()),
  to: blank(isoDayParam("to").optional()),
  dateOf: blank(z.enum(PETITION_DATES, { error: `dateOf: một trong ${PETITION_DATES.join(", ")}.` }).default("received")),
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
  /** Escalated petitions waiting for a unit in the actor's reach to take them over ("Chờ tiếp nhận", decision 054). */
  awaiting: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
  dueWithin: blank(z.coerce.number({ error: "dueWithin: số ngày từ 0 đến 365." }).int().min(0).max(365, { error: "dueWithin: số ngày từ 0 đến 365." }).optional()),
  resolution: blank(z.enum(RESOLUTION_KINDS, { error: `resolution: một trong ${RESOLUTION_KINDS.join(", ")}.` }).optional()),
  sort: z.enum(PETITION_SORTS, { error: `sort: một trong ${PETITION_SORTS.join(", ")}.` }).default("relevance"),
  dir: z.enum(["asc", "desc"], { error: "dir: asc hoặc desc." }).default("desc"),
  cursor: z.string().max(200, { error: "cursor không hợp lệ cho danh sách này." }).optional(),
};

/**
 * The filters as the page's URL holds them. A value that makes no sense is dropped, never an
 * error: a shared link that went stale still opens.
 */
export const petitionFilterSchema = z.object({
  q: petitionFilterFields.q.catch(undefined),
  status: many("status", PETITION_STATUSES).catch((ctx) => (Array.isArray(ctx.value) || typeof ctx.value === "string" ? keepKnown(ctx.value, PETITION_STATUSES) : [])),
  field: petitionFilterFields.field.catch(undefined),
  channel: many("channel", PETITION_CHANNELS).catch((ctx) => (Array.isArray(ctx.value) || typeof ctx.value === "string" ? keepKnown(ctx.value, PETITION_CHANNELS) : [])),
  agency: petitionFilterFields.agency.catch(undefined),
  unit: petitionFilterFields.unit.catch(undefined),
  from: petitionFilterFields.from.catch(undefined),
  to: petitionFilterFields.to.catch(undefined),
  dateOf: petitionFilterFields.dateOf.catch("received"),
  overdue: petitionFilterFields.overdue.catch(false),
  awaiting: petitionFilterFields.awaiting.catch(false),
  dueWithin: petitionFilterFields.dueWithin.catch(undefined),
  resolution: petitionFilterFields.resolution.catch(undefined),
  sort: z.enum(PETITION_SORTS).catch("relevance"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  limit: z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)))).catch(50),
  cursor: petitionFilterFields.cursor.catch(undefined),
});

/** The known values of a list filter (the page keeps them and drops the rest). */
function keepKnown<T extends string>(value: unknown, values: readonly T[]): T[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return list.filter((x): x is T => (values as readonly unknown[]).includes(x));
}
/** The URL allows PAGE_SIZES; the API any limit up to 200. */
export type PetitionFilters = Omit<z.output<typeof petitionFilterSchema>, "limit"> & { limit: number };

export function parsePetitionFilters(params: Record<string, string | string[] | undefined>): PetitionFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) && k !== "status" && k !== "channel" ? v[0] : v]));
  return petitionFilterSchema.parse(flat);
}

/** The filters back as URL params (defaults left out), e.g. for links and exports. */
export function filtersToParams(filters: Partial<PetitionFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const defaults: Partial<Record<keyof PetitionFilters, unknown>> = { sort: "relevance", dir: "desc", limit: 50, overdue: false, awaiting: false, dateOf: "received" };
  for (const [key, value] of Object.entries(filters) as [keyof PetitionFilters, unknown][]) {
    if (value === undefined || value === null || value === "" || defaults[key] === value) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  return params;
}

/** The petition list's address for these filters: where a figure counted with them opens. */
export function petitionListHref(filters: Partial<PetitionFilters>): string {
  const query = filtersToParams(filters).toString();
  return query ? `/petitions?${query}` : "/petitions";
}

type SortValue = string | null;
interface Cursor {
  v: SortValue;
  id: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString("base64url");
}

/**
 * The order a list's rows and cursors follow: "relevance" without a search is newest first, by receipt,
 * or, when the period bounds another day (`dateOf`), by that moment: the petitions resolved in a quarter,
 * the latest resolution first. Each is an index's order (`Petition_district_resolved_idx` and its kin),
 * so that a page stops after its rows: in receipt order, the resolutions of a quarter of 2025 were found
 * by walking the place's petitions from today back (0.4 s for a province, 3.9 s for the nation at
 * 5 million).
 */
export function listOrder(f: Pick<PetitionFilters, "sort" | "q"> & Partial<Pick<PetitionFilters, "dateOf">>): ListOrder {
  if (f.sort !== "relevance" || searchWords(f.q).length) return f.sort;
  return f.dateOf && f.dateOf !== "received" ? DATE_COLUMN[f.dateOf] : "receivedOn";
}

/** A moment's cursor key, as `toISOString` writes it. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A relevance cursor's key: the match's tier (`searchTiers`) and the day received, "1|2026-03-02". */
const RANKED_KEY = /^([0-4])\|(\d{4}-\d{2}-\d{2})$/;

/**
 * The cursor's key when it fits the list's order (`listOrder`): a real day for the date sorts (or
 * null for `dueOn`), a code for `code`, a tier and a day for `relevance`, an id within PostgreSQL's
 * integer. Anything else is not one of ours (a forged `["garbage",1]` was a 500).
 */
function decodeCursor(raw: string | undefined, sort: ListOrder): Cursor | null {
  if (!raw || !/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== 2) return null;
  const [v, id] = key as unknown[];
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > MAX_INT) return null;
  if (v === null) return sort === "dueOn" ? { v, id } : null;
  if (typeof v !== "string") return null;
  if (sort === "code") return v.length <= 40 && !hasControlCharacters(v) ? { v, id } : null;
  if (isDateColumn(sort)) return MOMENT.test(v) && !Number.isNaN(Date.parse(v)) ? { v, id } : null;
  if (sort === "relevance") {
    const ranked = RANKED_KEY.exec(v);
    return ranked && parseIsoDay(ranked[2]) ? { v, id } : null;
  }
  return parseIsoDay(v) ? { v, id } : null;
}

/** A cursor that does not decode for this list: the API answers 400, the page starts over. */
export function isValidPetitionCursor(raw: string, f: Pick<PetitionFilters, "sort" | "q" | "dateOf">): boolean {
  return decodeCursor(raw, listOrder(f)) !== null;
}

/** The key of the cursor after `row` in the order `sort`. */
function cursorKey(sort: ListOrder, row: { code: string; receivedOn: Date; dueOn: Date | null; tier?: number } & Record<DateColumn, Date | null>): SortValue {
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  if (sort === "code") return row.code;
  if (isDateColumn(sort)) return row[sort]?.toISOString() ?? null;
  if (sort === "dueOn") return day(row.dueOn);
  return sort === "relevance" ? `${row.tier ?? 0}|${day(row.receivedOn)}` : day(row.receivedOn);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const vnMidnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && b.every((x) => a.includes(x));

/**
 * Every filter but the cursor, as a Prisma `where` inside the actor's subtree. "Open" is
 * `isOpen` (generated from the status), which the partial index of open petitions serves:
 * Prisma sends statuses as cast parameters, which PostgreSQL cannot match to an index predicate.
 */
export function petitionListWhere(actor: Actor, f: PetitionFilters, now = new Date(), reach: ListReach = TREE): Prisma.PetitionWhereInput {
  const and: Prisma.PetitionWhereInput[] =
    reach.by === "place" ? [reach.where] : reach.by === "units" ? [{ unitId: { in: [...reach.ids] } }] : [petitionWhereFor(actor)];
  if (f.unit && reach.by === "tree") and.push({ unit: { ancestorIds: { has: f.unit } } });
  if (f.status.length) and.push(sameSet(f.status, OPEN_STATUSES) ? { isOpen: true } : { status: { in: f.status } });
  if (f.field) and.push({ fieldId: f.field });
  if (f.channel.length) and.push({ channel: { in: f.channel } });
  if (f.agency) and.push({ agencyId: f.agency });
  if (f.dateOf === "received") {
    if (f.from) and.push({ receivedOn: { gte: day(f.from) } });
    if (f.to) and.push({ receivedOn: { lte: day(f.to) } });
  } else {
    // Days in Vietnam: from its midnight there, to the next day's.
    const column = DATE_COLUMN[f.dateOf];
    and.push({ [column]: { not: null, ...(f.from && { gte: vnMidnight(f.from) }), ...(f.to && { lt: vnMidnight(isoDay(addDaysUtc(day(f.to), 1))) }) } });
  }
  if (f.resolution) and.push({ resolution: f.resolution });
  const today = todayInVietnam(now);
  if (f.overdue) and.push({ isOpen: true, dueOn: { lt: today } });
  if (f.dueWithin !== undefined) and.push({ isOpen: true, dueOn: { gte: today, lte: addDaysUtc(today, f.dueWithin) } });
  // Read by the partial index of the petitions waiting for a unit (few, whatever the reach).
  if (f.awaiting) and.push(awaitingWhereFor(actor));
  const words = searchWords(f.q);
  const personal = allows(actor, "petition:personal-data:subtree");
  for (const word of words) {
    and.push({ OR: [{ searchText: { contains: word } }, ...(personal ? [{ petitionerSearch: { contains: word } }] : [])] });
  }
  return { AND: and };
}

/** Escalated petitions waiting for a unit in the actor's reach to take them over (decision 054). */
export function awaitingWhereFor(actor: Actor): Prisma.PetitionWhereInput {
  return { awaitingUnitId: { not: null }, awaitingUnit: unitWhereFor(actor) };
}

/** The levels escalated petitions go up to, and the nation, which reaches them all (decision 054). */
const TAKE_OVER_LEVELS: readonly string[] = ["NATION", "PROVINCE", "DISTRICT"];

/** Whether the actor takes over escalated petitions: they handle petitions at a level petitions go up to. */
export function takesOverPetitions(actor: Actor): boolean {
  return allows(actor, "petition:update:subtree") && TAKE_OVER_LEVELS.includes(actor.unit.level);
}

/**
 * How many escalated petitions wait for a unit in the actor's reach (the list's and the home page's figure),
 * or null for one who does not take them over. Few rows, read by their partial index whatever the reach.
 */
export async function countAwaiting(actor: Actor): Promise<number | null> {
  return takesOverPetitions(actor) ? db.petition.count({ where: awaitingWhereFor(actor) }) : null;
}

/**
 * Rows after the cursor in the chosen order; `dueOn` puts petitions without a deadline last.
 * The leading `gte`/`lte` repeats what the OR says so that the index scan starts at the
 * cursor instead of reading every row before it.
 */
function afterCursor(sort: ListOrder, dir: "asc" | "desc", cursor: Cursor): Prisma.PetitionWhereInput {
  const cmp = dir === "asc" ? "gt" : "lt";
  const value = cursor.v === null ? null : sort === "code" ? cursor.v : isDateColumn(sort) ? new Date(cursor.v) : day(cursor.v);
  if (value === null) return { [sort]: null, id: { [cmp]: cursor.id } };
  const from: Prisma.PetitionWhereInput = { [sort]: { [`${cmp}e`]: value } };
  return {
    AND: [
      sort === "dueOn" ? { OR: [from, { dueOn: null }] } : from,
      {
        OR: [
          { [sort]: { [cmp]: value } },
          { [sort]: value, id: { [cmp]: cursor.id } },
          ...(sort === "dueOn" ? [{ dueOn: null }] : []),
        ],
      },
    ],
  };
}

function orderBy(sort: ListOrder, dir: "asc" | "desc"): Prisma.PetitionOrderByWithRelationInput[] {
  // Within a tier of "relevance", newest first (`rankedRows`).
  if (sort === "relevance") return [{ receivedOn: "desc" }, { id: "desc" }];
  const first = sort === "dueOn" ? { dueOn: { sort: dir, nulls: "last" as const } } : { [sort]: dir };
  return [first, { id: dir }];
}

export interface PetitionListItem {
  id: number;
  code: string;
  receivedOn: Date;
  status: PetitionStatus;
  resolution: "SETTLED" | "EXPLAINED" | null;
  dueOn: Date | null;
  overdue: boolean;
  /** What `dueOn` is the deadline for: to assign the petition (no agency holds it yet) or to resolve it. */
  dueFor: DeadlineKind | null;
  fieldName: string;
  unitId: number;
  /** The official code of the unit, or of its commune for a village (villages have none). */
  unitCode: string | null;
  unitName: string;
  parentName: string | null;
  agencyName: string | null;
  /** Masked for those who may not see personal data; null when anonymous. */
  petitionerName: string | null;
  /** Whether `petitionerName` is the real name (the actor may see personal data). */
  petitionerVisible: boolean;
  excerpt: string;
  /** The moment the list's period bounds (`dateOf`): when resolved, first reopened or escalated; null for receipt. */
  dated: Date | null;
}

export interface PetitionPage {
  items: PetitionListItem[];
  nextCursor: string | null;
  /** The number of rows, or a lower bound when `totalExact` is false. */
  total: number;
  /** False when counting stopped at COUNT_CAP or ran past COUNT_BUDGET_MS: there are more than `total` rows. */
  totalExact: boolean;
}

/** A row-by-row count as a figure: past the cap, or past the budget (then "more than a page"), a lower bound. */
function capped(count: number | null, page: number): { n: number; exact: boolean } {
  if (count === null) return { n: page, exact: false };
  return count > COUNT_CAP ? { n: COUNT_CAP, exact: false } : { n: count, exact: true };
}

/** The capped count, or null when it takes longer than the budget. */
async function countWithin(where: Prisma.PetitionWhereInput, budgetMs: number, plan: string | null): Promise<number | null> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.round(budgetMs)}`);
      if (plan) await tx.$executeRawUnsafe(plan);
      return tx.petition.count({ where, take: COUNT_CAP + 1 });
    });
  } catch (error) {
    if (/statement timeout|57014/.test(String(error))) return null;
    throw error;
  }
}

const isFirstOfMonth = (iso: string) => iso.endsWith("-01");
const isLastOfMonth = (iso: string) => isoDay(addDaysUtc(day(iso), 1)).endsWith("-01");

/**
 * The count from the rollup tables (lib/rollup/counts.ts) when the filters are ones they hold:
 * the subtree, receipt in whole months, and a status set or a field; resolution (settled, explained
 * only), first reopening or escalation in whole months (`dateOf`), with a field; or open petitions by
 * deadline (overdue, due soon) alone. Exact and a lookup whatever the size (decision 010);
 * null for any other filter, which is counted row by row.
 */
export async function rolledUpTotal(actor: Actor, f: PetitionFilters, now = new Date()): Promise<number | null> {
  if (f.q || f.channel.length || f.agency || f.awaiting) return null;
  // Received, or resolved (settled, explained only), first reopened or escalated, each by its month.
  const measure = f.dateOf === "resolved" && f.resolution ? (f.resolution === "SETTLED" ? "settled" : "explained") : f.resolution ? null : f.dateOf;
  if (measure === null) return null;
  let unitId = actor.unit.id;
  if (f.unit) {
    const unit = await db.unit.findFirst({ where: { AND: [{ id: f.unit }, unitWhereFor(actor)] }, select: { id: true } });
    if (!unit) return null;
    unitId = unit.id;
  }
  const today = todayInVietnam(now);
  if (f.overdue || f.dueWithin !== undefined) {
    if ((f.overdue && f.dueWithin !== undefined) || f.from || f.to || f.field || f.status.length || measure !== "received") return null;
    const openDue = f.overdue ? { to: isoDay(addDaysUtc(today, -1)) } : { from: isoDay(today), to: isoDay(addDaysUtc(today, f.dueWithin!)) };
    return rolledUpPetitionCount({ unitId, openDue });
  }
  if ((f.from && !isFirstOfMonth(f.from)) || (f.to && !isLastOfMonth(f.to))) return null;
  return rolledUpPetitionCount({
    unitId,
    fromMonth: f.from,
    toMonth: f.to ? `${f.to.slice(0, 8)}01` : undefined,
    statuses: f.status.length ? f.status : undefined,
    fieldId: f.field,
    measure,
  });
}

/**
 * Where a list's rows are read (decisions 028, 039):
 * - `place`: a province, a district or a commune (the actor's unit, or the `unit` filter): the
 *   petitions whose place it is, read from that place's own entries newest first
 *   (`Petition_district_list_idx` and its kin, which hold every filtered column), so that a page
 *   costs what it shows, at any size of the place or the country;
 * - `units`: a village (a unit filter): its subtree as its unit ids, read from their own entries;
 * - `tree`: the nation: the unit tree, and the country's date indexes.
 * The unit is read with the scope builder: a unit filter outside the actor's reach, or an actor
 * without a known role, leaves nothing.
 */
export type ListReach = { by: "tree" } | { by: "place"; level: keyof typeof PLACE_COLUMN; where: Prisma.PetitionWhereInput } | { by: "units"; ids: readonly number[] };
const TREE: ListReach = { by: "tree" };
const NOTHING: ListReach = { by: "units", ids: [] };

/** The petition's column that holds its place of each level (kept by PostgreSQL, decision 039). */
const PLACE_COLUMN = { PROVINCE: "provinceId", DISTRICT: "districtId", COMMUNE: "communeId" } as const;

export async function listReach(actor: Actor, f: Pick<PetitionFilters, "unit">): Promise<ListReach> {
  const id = f.unit ?? actor.unit.id;
  const unit = await db.unit.findFirst({ where: { AND: [{ id }, unitWhereFor(actor)] }, select: { id: true, level: true } });
  if (!unit) return NOTHING;
  if (unit.level === "NATION") return TREE;
  if (unit.level === "VILLAGE") {
    const ids = await subtreeUnitIds(actor, unit.id, SMALL_SUBTREE);
    return ids ? { by: "units", ids } : TREE;
  }
  return { by: "place", level: unit.level, where: { [PLACE_COLUMN[unit.level]]: unit.id } };
}

const LIST_SELECT = {
  id: true,
  code: true,
  receivedOn: true,
  status: true,
  resolution: true,
  dueOn: true,
  agencyId: true,
  resolvedAt: true,
  reopenedAt: true,
  escalatedAt: true,
  petitionerKind: true,
  petitionerName: true,
  content: true,
  field: { select: { name: true } },
  agency: { select: { name: true } },
  unit: { select: { id: true, code: true, typeLabel: true, name: true, parent: { select: { code: true, typeLabel: true, name: true } } } },
} satisfies Prisma.PetitionSelect;

/**
 * How a village's subtree's own rows are read (`listReach`), for this statement only, so that the read
 * costs what the subtree holds and never what the country holds (decision 028). Left to itself,
 * PostgreSQL often walks an index of the whole country in date or code order and skips the other
 * units' rows (tens of thousands of rows a page, millions when the wanted rows cluster away from
 * where the walk starts: closed petitions at the old end, a province's codes at the low end), or
 * ANDs the subtree's index entries with the country's entries of another index (every petition
 * with a common trigram, every open petition). `Petition(unitId, receivedOn, id, dueOn, isOpen,
 * status, fieldId, channel, agencyId, resolution)` holds every column the list filters on but
 * the text, so:
 * - in general, no bitmap scans: the subtree's entries are read index-only and sorted;
 * - sorted by code (not in that index), no index scans, with a text search too: a bitmap of the
 *   subtree's entries, its rows, sorted. Allowed an index scan, a search sorted by code walked the
 *   country's code index from its end (21 s for a district's "duong" at 5 million, found by the
 *   query-plan test on the national database once its statistics were renewed); with the bitmap it
 *   may AND the subtree's entries with the word's trigram entries (0.4 s for that common word);
 * - with a text search in another order, no bitmap scans (GIN has no other kind): the words are
 *   tested on the subtree's rows.
 */
function smallSubtreePlan(f: OrderedFilters): string {
  return f.sort === "code" ? "SET LOCAL enable_indexscan = off" : "SET LOCAL enable_bitmapscan = off";
}

/**
 * The planner setting a list's statements run under, for its reach, or null for PostgreSQL's own
 * plan. A place's list sorted by code walks the place's own entries in code order
 * (`Petition_province_code_idx` and its kin), with a text search a bitmap of them, sorted: the
 * country's code index holds a province's petitions in a few ranges anywhere in its order, and
 * walking it from one end read millions of rows (31 s for a province at 5 million); a bitmap of all
 * the place's entries, sorted, cost what the place holds (448 ms for a province). In another order,
 * a place walks its own entries, which hold every filtered column, newest first, index-only, and
 * stops when the page is full. Left to itself,
 * PostgreSQL ANDed a district's entries with the country's entries of another index (every overdue
 * petition: 16,403 at 1 million, 5 times as many at 5), or walked the country's open petitions for a
 * province's overdue ones. A text search in a district or a commune tests its words on the rows
 * it meets (ANDed with the trigram index, it read the country's 199,000 entries of "van" at 1
 * million); a province's rows are too many to test one by one when a word is rare, and there
 * PostgreSQL's own plan (the trigram index) serves it.
 */
function planFor(reach: ListReach, f: OrderedFilters): string | null {
  // The petitions waiting for a take-over are few: their partial index, then the place's test on each.
  if (f.awaiting) return null;
  if (reach.by === "units") return smallSubtreePlan(f);
  // A period of resolutions, reopenings or escalations: in that moment's order (`listOrder`), the
  // place's resolutions by time (`Petition_district_resolved_idx` and its kin) or the country's (few
  // reopened or escalated petitions, each tested for the place), read from the newest; in another
  // order, those of the period, sorted (walked in receipt order, a period of 2025 was 3.9 s).
  if (f.dateOf !== "received" && (f.from || f.to)) return isDateColumn(f.sort) ? null : "SET LOCAL enable_indexscan = off";
  if (reach.by === "tree") return null;
  if (f.sort === "code") return f.q ? "SET LOCAL enable_indexscan = off" : null;
  return f.q && reach.level === "PROVINCE" ? null : "SET LOCAL enable_bitmapscan = off";
}

/**
 * The page's rows (one more than the page, to know whether another follows). Under a planner
 * setting, the page's ids first (index-only for a village's subtree but for a text search or the
 * code order), then only the page's rows.
 */
async function pageRows(where: Prisma.PetitionWhereInput, f: OrderedFilters, plan: string | null) {
  const order = orderBy(f.sort, f.dir);
  if (!plan) return db.petition.findMany({ where, orderBy: order, take: f.limit + 1, select: LIST_SELECT });
  const ids = await idsUnderPlan(plan, db.petition.findMany({ where, orderBy: order, take: f.limit + 1, select: { id: true } }));
  return inIdOrder(ids, await db.petition.findMany({ where: { id: { in: ids } }, select: LIST_SELECT }));
}

/**
 * The page's rows in the order "relevance": the first tier's (`searchTiers`) newest first, then the
 * next tier's, from the cursor's tier and place on, each tier a read of its own that stops when the
 * page is full. Each row carries its tier, for the next cursor. A tier implies the search's words; the
 * nation's reads leave them out (`unsearched`: the list's other filters), so that PostgreSQL estimates
 * the tier's rows as they are: with the words multiplied in as if independent, a common full name
 * looked rare (805 rows for 14,255 at 1 million), and every match was read and sorted (36,000
 * buffers, 0.4 s). A place's reads keep them: without, a province's tiers each read the country's
 * trigram entries of the tier's patterns (30,000 buffers a tier at 5 million, against 5,300 for the
 * whole page with them). Both measured with `npm run bench -- petitions-list --explain`.
 */
async function rankedRows(where: Prisma.PetitionWhereInput, unsearched: Prisma.PetitionWhereInput, f: OrderedFilters, plan: string | null, tiers: Prisma.PetitionWhereInput[], cursor: Cursor | null) {
  const ranked = cursor?.v ? RANKED_KEY.exec(cursor.v) : null;
  const from = ranked ? Number(ranked[1]) : 0;
  const rows: (Awaited<ReturnType<typeof pageRows>>[number] & { tier: number })[] = [];
  for (let tier = from; tier <= tiers.length && rows.length <= f.limit; tier++) {
    const and: Prisma.PetitionWhereInput[] = [tier < tiers.length ? unsearched : where, ...tiers.slice(0, tier).map((t) => ({ NOT: t }))];
    if (tier < tiers.length) and.push(tiers[tier]);
    if (ranked && cursor && tier === from) and.push(afterCursor("receivedOn", "desc", { v: ranked[2], id: cursor.id }));
    const found = await pageRows({ AND: and }, { ...f, limit: f.limit - rows.length }, plan);
    rows.push(...found.map((r) => ({ ...r, tier })));
  }
  return rows;
}

/**
 * One page of the list, as the list page and /api/v1/petitions show it. When it shows real
 * petitioner names, the read is audited (`via` says where), as every personal-data read is.
 */
export async function listPetitions(actor: Actor, f: PetitionFilters, now = new Date(), via: PersonalDataVia = "list"): Promise<PetitionPage> {
  const reach = await listReach(actor, f);
  const where = petitionListWhere(actor, f, now, reach);
  const ordered = { ...f, sort: listOrder(f) };
  const plan = planFor(reach, ordered);
  const cursor = decodeCursor(f.cursor, ordered.sort);
  const personal = allows(actor, "petition:personal-data:subtree");
  const [rows, counted] = await Promise.all([
    ordered.sort === "relevance"
      ? rankedRows(where, reach.by === "tree" ? petitionListWhere(actor, { ...f, q: undefined }, now, reach) : where, ordered, plan, searchTiers(searchWords(f.q), personal), cursor)
      : pageRows(cursor ? { AND: [where, afterCursor(ordered.sort, f.dir, cursor)] } : where, ordered, plan),
    rolledUpTotal(actor, f, now).then(async (rolled) => (rolled !== null ? { n: rolled, exact: true } : capped(await countWithin(where, COUNT_BUDGET_MS, plan), f.limit))),
  ]);
  const today = todayInVietnam(now);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const hasMore = rows.length > f.limit;
  // A first page with nothing after it is the whole list: its length is the count.
  const whole = !cursor && !hasMore;
  if (personal) {
    const shown = page.filter((p) => p.petitionerName !== null).map((p) => p.id);
    await auditPersonalDataRead(db, actor, { entity: "Petition", ids: shown, unitId: actor.unit.id, via });
  }
  return {
    total: whole ? page.length : counted.n,
    totalExact: whole || counted.exact,
    nextCursor:
      hasMore && last
        ? encodeCursor({ id: last.id, v: cursorKey(ordered.sort, last) })
        : null,
    items: page.map((p) => ({
      id: p.id,
      code: p.code,
      receivedOn: p.receivedOn,
      status: p.status,
      resolution: p.resolution,
      dueOn: p.dueOn,
      overdue: (OPEN_STATUSES as readonly string[]).includes(p.status) && p.dueOn !== null && p.dueOn < today,
      dueFor: deadlineKind(p),
      fieldName: p.field.name,
      unitId: p.unit.id,
      unitCode: p.unit.code ?? p.unit.parent?.code ?? null,
      unitName: unitFullName(p.unit),
      parentName: p.unit.parent ? unitFullName(p.unit.parent) : null,
      agencyName: p.agency?.name ?? null,
      petitionerName: p.petitionerName === null ? null : personal ? p.petitionerName : maskName(p.petitionerName),
      petitionerVisible: personal,
      excerpt: p.content.length > 160 ? `${p.content.slice(0, 157)}…` : p.content,
      dated: f.dateOf === "received" ? null : p[DATE_COLUMN[f.dateOf]],
    })),
  };
}
