/**
 * What /api/v1/units answers: one unit by official code (or `id:<id>`) with its path and its
 * children's counts, and the accent-insensitive search as a keyset-paginated list. Both read
 * through the scoped unit queries of lib/units, so a unit outside the actor's subtree is not found.
 */
import { z } from "zod";
import { cleanText, MAX_INT } from "../forms/fields";
import { ActionError } from "../actions/result";
import type { ScopedActor } from "../auth/scope";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { UnitLevel } from "../generated/prisma/enums";
import { isoDay, todayInVietnam } from "../time";
import { getUnitInScope, parseAsOf } from "../units/queries";
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, normaliseUnitQuery, searchUnits } from "../units/search";
import { pageParams, readCursor, toPage, type Page } from "./cursor";

/** The `unit` filter of the list APIs: a unit's official code. */
export const unitCodeFilter = z
  .string()
  .regex(/^\d{2,5}$/, { error: "unit: mã đơn vị hành chính gồm 2 đến 5 chữ số." })
  .optional()
  .meta({ description: "Official code of a unit valid today; its whole subtree." });

/**
 * The id of the unit valid today with this official code, inside the actor's subtree (codes
 * are reused by the 2025 reform); not found otherwise. No code, no unit filter.
 */
export async function unitIdOfCode(actor: ScopedActor, code: string | undefined): Promise<number | undefined> {
  if (!code) return undefined;
  const unit = await db.unit.findFirst({ where: { AND: [{ code, validTo: null }, unitWhereFor(actor)] }, select: { id: true } });
  if (!unit) throw new ActionError("NOT_FOUND");
  return unit.id;
}

export interface ApiPathEntry {
  id: number;
  code: string | null;
  name: string;
  typeLabel: string;
  level: UnitLevel;
}

export interface ApiUnitChild {
  id: number;
  code: string | null;
  name: string;
  typeLabel: string;
  level: UnitLevel;
  /** Children valid on the day read. */
  childCount: number;
  /** Villages below it valid on the day read. */
  villageCount: number;
  hasTeam: boolean;
  hasBloc: boolean;
}

/** A unit that took in this one (successor) or that this one took in (predecessor) by a merger. */
export interface ApiUnitLink {
  id: number;
  code: string | null;
  name: string;
  typeLabel: string;
  level: UnitLevel;
  /** FULL: the whole unit; PARTIAL: part of it (a split). */
  kind: "FULL" | "PARTIAL";
  effectiveOn: string;
}

export interface ApiUnit {
  id: number;
  code: string | null;
  name: string;
  typeLabel: string;
  level: UnitLevel;
  validFrom: string | null;
  validTo: string | null;
  /** The day the children and counts are read on (today in Vietnam unless asked; an ended unit's last day). */
  asOf: string;
  path: ApiPathEntry[];
  children: ApiUnitChild[];
  successors: ApiUnitLink[];
  predecessors: ApiUnitLink[];
}

export interface ApiUnitHit {
  id: number;
  code: string | null;
  name: string;
  typeLabel: string;
  level: UnitLevel;
  path: ApiPathEntry[];
}

const asOfParam = z
  .string()
  .optional()
  .meta({ description: "Read the tree as it stood on this day (default: today in Vietnam).", format: "date", example: "2025-06-30" })
  .transform((value, ctx) => {
    if (value === undefined || value === "") return undefined;
    const date = parseAsOf(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "asOf phải là một ngày có thật, dạng YYYY-MM-DD." });
      return z.NEVER;
    }
    return date;
  });

export const unitLookupQuery = z.object({ asOf: asOfParam });

export const unitSearchQuery = z.object({
  q: z
    .string({ error: "Vui lòng nhập q (ít nhất 2 ký tự)." })
    .transform(cleanText)
    .refine((q) => normaliseUnitQuery(q) !== "", { error: "q phải có ít nhất 2 chữ hoặc số." })
    // The refine counts letters and digits; the document can only say "2 characters or more".
    .meta({ description: `The words to find (at least ${MIN_QUERY_LENGTH} letters or digits; the first ${MAX_QUERY_LENGTH} characters count).`, minLength: MIN_QUERY_LENGTH, example: "lap thach" }),
  level: z
    .enum(UnitLevel, { error: `level là một trong: ${Object.values(UnitLevel).join(", ")}.` })
    .optional()
    .meta({ description: "Only units of this level." }),
  ...pageParams,
});

/** A unit's reference in the URL: its official code, or `id:<id>` (villages have no code). */
export type UnitRef = { kind: "id"; id: number } | { kind: "code"; code: string };

/** What a unit reference looks like (decoded and trimmed); also the `pattern` the OpenAPI document gives it. */
export const UNIT_REF_PATTERN = /^(?:id:(\d{1,9})|[0-9A-Za-z]{1,12})$/;

export function parseUnitRef(raw: string): UnitRef | null {
  let value: string;
  try {
    value = decodeURIComponent(raw).trim();
  } catch {
    return null;
  }
  const match = UNIT_REF_PATTERN.exec(value);
  if (!match) return null;
  return match[1] ? { kind: "id", id: Number(match[1]) } : { kind: "code", code: value };
}

/** Units valid on a day: validFrom null or ≤ day, validTo null or ≥ day (the as-of rule of lib/units/queries). */
function validOn(day: Date) {
  return { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }] };
}

/**
 * The unit for a reference, in the actor's subtree, with its children as of `asOf` (today in
 * Vietnam by default), or null. A code names the unit valid on that day (codes are reused by the
 * 2025 reform); an id names that unit whatever its dates. Without `asOf`, a code no unit bears
 * today names the last unit that bore it, read on its last day: `/api/v1/units/26` answers that
 * Vĩnh Phúc ended on 2025-06-30, with its districts then and its successor (decision 056).
 */
export async function getApiUnit(actor: ScopedActor, ref: UnitRef, options: { asOf?: Date } = {}): Promise<ApiUnit | null> {
  let day = options.asOf ?? todayInVietnam();
  let id: number;
  if (ref.kind === "id") {
    id = ref.id;
  } else {
    let found: { id: number; validTo: Date | null } | null = await db.unit.findFirst({
      where: { AND: [{ code: ref.code }, unitWhereFor(actor), validOn(day)] },
      orderBy: [{ depth: "asc" }, { id: "desc" }],
      select: { id: true, validTo: true },
    });
    if (!found && !options.asOf) {
      found = await db.unit.findFirst({
        where: { AND: [{ code: ref.code }, unitWhereFor(actor), { validTo: { lt: day } }] },
        orderBy: [{ validTo: "desc" }, { depth: "asc" }, { id: "desc" }],
        select: { id: true, validTo: true },
      });
      if (found?.validTo) day = found.validTo;
    }
    if (!found) return null;
    id = found.id;
  }
  const unit = await getUnitInScope(actor, id, { asOf: day });
  if (!unit) return null;

  // The children come with the organisations standing on `day` (getUnitInScope's `standingOn`).
  const [counts, paths] = await Promise.all([childCounts(unit.children, day), pathsOf([unit.id])]);
  const has = (child: (typeof unit.children)[number], kind: "TEAM" | "BLOC") => child.organisations.some((o) => o.kind === kind);
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    typeLabel: unit.typeLabel,
    level: unit.level,
    validFrom: unit.validFrom ? isoDay(unit.validFrom) : null,
    validTo: unit.validTo ? isoDay(unit.validTo) : null,
    asOf: isoDay(day),
    path: paths.get(unit.id) ?? [],
    children: unit.children.map((child) => ({
      id: child.id,
      code: child.code,
      name: child.name,
      typeLabel: child.typeLabel,
      level: child.level,
      childCount: counts.get(child.id)?.childCount ?? 0,
      villageCount: counts.get(child.id)?.villageCount ?? 0,
      hasTeam: has(child, "TEAM"),
      hasBloc: has(child, "BLOC"),
    })),
    successors: unit.successors.map(linkOf),
    predecessors: unit.predecessors.map(linkOf),
  };
}

function linkOf(link: { kind: "FULL" | "PARTIAL"; effectiveOn: Date; unit: { id: number; code: string | null; name: string; typeLabel: string; level: UnitLevel } }): ApiUnitLink {
  const { id, code, name, typeLabel, level } = link.unit;
  return { id, code, name, typeLabel, level, kind: link.kind, effectiveOn: isoDay(link.effectiveOn) };
}

/**
 * For each child: its children valid on `day` (the parent index), and the villages below it on `day`,
 * from the coverage rollup (decision 033: one lookup a child, the nation's provinces as cheap as a
 * commune's villages). Read from the subtree instead, the nation's answer went through every unit of the
 * country on each call. A village has no village below it.
 */
async function childCounts(children: { id: number; level: UnitLevel }[], day: Date): Promise<Map<number, { childCount: number; villageCount: number }>> {
  const ids = children.map((c) => c.id);
  if (ids.length === 0) return new Map();
  const [grandchildren, villages] = await Promise.all([
    db.$queryRaw<{ id: number; n: number }[]>`
      SELECT "parentId" AS id, count(*)::int AS n FROM "Unit"
      WHERE "parentId" = ANY(${ids}::int[])
        AND ("validFrom" IS NULL OR "validFrom" <= ${isoDay(day)}::date)
        AND ("validTo" IS NULL OR "validTo" >= ${isoDay(day)}::date)
      GROUP BY "parentId"`,
    db.$queryRaw<{ id: number; n: number }[]>`
      SELECT "unitId" AS id, coalesce(sum(villages), 0)::int AS n FROM "RollupCoverage"
      WHERE "unitId" = ANY(${ids}::int[]) AND day <= ${isoDay(day)}::date
      GROUP BY "unitId"`,
  ]);
  const childCount = new Map(grandchildren.map((r) => [Number(r.id), Number(r.n)]));
  const villageCount = new Map(villages.map((r) => [Number(r.id), Number(r.n)]));
  return new Map(children.map((c) => [c.id, { childCount: childCount.get(c.id) ?? 0, villageCount: c.level === "VILLAGE" ? 0 : (villageCount.get(c.id) ?? 0) }]));
}

/**
 * The path of each unit: its ancestors from the province down (the nation root and the unit
 * itself left out), in two queries whatever the number of units. Ancestors outside the actor's
 * subtree are named too, as the unit page's breadcrumb names them.
 */
export async function pathsOf(unitIds: number[]): Promise<Map<number, ApiPathEntry[]>> {
  if (unitIds.length === 0) return new Map();
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, ancestorIds: true } });
  const ancestorIds = [...new Set(units.flatMap((u) => u.ancestorIds.filter((a) => a !== u.id)))];
  const ancestors = ancestorIds.length
    ? await db.unit.findMany({
        where: { id: { in: ancestorIds }, level: { not: "NATION" } },
        select: { id: true, code: true, name: true, typeLabel: true, level: true },
      })
    : [];
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return new Map(
    units.map((u) => [
      u.id,
      u.ancestorIds.flatMap((a) => {
        const entry = a === u.id ? undefined : byId.get(a);
        return entry ? [entry] : [];
      }),
    ]),
  );
}

const searchKey = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().min(0).max(10), z.string().max(200), z.number().int().positive().max(MAX_INT)]);

/** One page of the accent-insensitive search in the actor's subtree (current units only). */
export async function searchApiUnits(
  actor: ScopedActor,
  query: z.output<typeof unitSearchQuery>,
  options: { today?: Date } = {},
): Promise<Page<ApiUnitHit>> {
  const key = readCursor(query.cursor, searchKey);
  const after = key && { tier: key[0], depth: key[1], name: key[2], id: key[3] };
  const hits = await searchUnits(actor, query.q, { level: query.level, limit: query.limit + 1, after, today: options.today });
  const paths = await pathsOf(hits.slice(0, query.limit).map((h) => h.id));
  return toPage(
    hits,
    query.limit,
    (h) => [h.tier, h.depth, h.name, h.id],
    (h) => ({ id: h.id, code: h.code, name: h.name, typeLabel: h.typeLabel, level: h.level, path: paths.get(h.id) ?? [] }),
  );
}
