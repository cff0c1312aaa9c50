/**
 * Reads of the cadre registry, always through `cadreWhereFor(actor)`. Phone and birth year
 * leave the database only for actors with "cadre:personal-data:subtree"; the page or export
 * that shows them writes a "cadre.personal-data.read" audit row.
 */
import "server-only";
import type { Actor } from "../auth/actor";
import { can } from "../auth/roles";
import { cadreWhereFor, unitWhereFor } from "../auth/scope";
import { auditPersonalDataRead } from "../audit/log";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { toSearchText } from "../text/search";
import type { CadreFilters } from "./filters";
import { unitKey } from "./unit-keys";

export const CADRE_PAGE_SIZE = 50;

export function canSeePersonalData(actor: Pick<Actor, "role">): boolean {
  return can(actor.role, "cadre:personal-data:subtree");
}

/** The `where` of the list: scope first, then the user's filters. */
export function cadreListWhere(actor: Actor, filters: CadreFilters): Prisma.CadreWhereInput {
  const and: Prisma.CadreWhereInput[] = [cadreWhereFor(actor)];
  const search = toSearchText(filters.q);
  // searchName is stored lower-case and accent-free: a plain LIKE that the trigram index serves.
  if (search) and.push({ searchName: { contains: search } });
  if (filters.unitId) and.push({ unit: { ancestorIds: { has: filters.unitId } } });
  if (filters.status === "current") and.push({ endedOn: null });
  if (filters.status === "ended") and.push({ endedOn: { not: null } });
  if (filters.party !== "all") and.push({ isPartyMember: filters.party === "yes" });
  return { AND: and };
}

function cadreOrder(filters: CadreFilters): Prisma.CadreOrderByWithRelationInput[] {
  const byName: Prisma.CadreOrderByWithRelationInput[] = [{ searchName: "asc" }, { id: "asc" }];
  return filters.sort === "unit" ? [{ unit: { searchName: "asc" } }, { unitId: "asc" }, ...byName] : byName;
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

/** One page of the list, the total, and whether personal data is in it. */
export async function listCadres(actor: Actor, filters: CadreFilters, pageSize = CADRE_PAGE_SIZE) {
  const personal = canSeePersonalData(actor);
  const where = cadreListWhere(actor, filters);
  const total = await db.cadre.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const rows = await db.cadre.findMany({ where, orderBy: cadreOrder(filters), skip: (page - 1) * pageSize, take: pageSize, select: cadreSelect(personal) });
  return { rows, total, page, pages, personal };
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

export interface CadreUnitOption {
  id: number;
  key: string;
  level: "COMMUNE" | "VILLAGE";
  label: string;
  /** The commune of a village; the commune itself for a commune. */
  communeId: number;
  communeLabel: string;
}

/**
 * Up to this many communes and villages, the cadre form lists them (and works without JavaScript); past it (a
 * province: thousands, the nation: 110,000) it finds them on demand in a choice box (decision 029).
 */
export const CADRE_UNIT_LIST_MAX = 500;

/** The units the cadre form lists, or null when there are too many to list: the form then searches them. */
export async function cadreUnitList(actor: Actor): Promise<CadreUnitOption[] | null> {
  const count = await db.unit.count({
    where: { AND: [unitWhereFor(actor), { level: { in: ["COMMUNE", "VILLAGE"] } }, { validTo: null }] },
    take: CADRE_UNIT_LIST_MAX + 1,
  });
  return count > CADRE_UNIT_LIST_MAX ? null : cadreUnitOptions(actor);
}

/**
 * The units a cadre may belong to: the current communes and villages of the actor's subtree,
 * commune by commune (each commune followed by its villages).
 */
export async function cadreUnitOptions(actor: Actor): Promise<CadreUnitOption[]> {
  const units = await db.unit.findMany({
    where: { AND: [unitWhereFor(actor), { level: { in: ["COMMUNE", "VILLAGE"] } }, { validTo: null }] },
    select: { id: true, level: true, code: true, typeLabel: true, name: true, parentId: true },
    orderBy: [{ searchName: "asc" }, { id: "asc" }],
  });
  const communes = units.filter((u) => u.level === "COMMUNE");
  const villagesOf = new Map<number, typeof units>();
  for (const u of units) {
    if (u.level !== "VILLAGE" || u.parentId === null) continue;
    villagesOf.set(u.parentId, [...(villagesOf.get(u.parentId) ?? []), u]);
  }
  const out: CadreUnitOption[] = [];
  for (const c of communes) {
    const communeLabel = `${c.typeLabel} ${c.name}`;
    out.push({ id: c.id, key: unitKey(c), level: "COMMUNE", label: communeLabel, communeId: c.id, communeLabel });
    for (const v of villagesOf.get(c.id) ?? []) {
      out.push({ id: v.id, key: unitKey(v), level: "VILLAGE", label: `${v.typeLabel} ${v.name}`, communeId: c.id, communeLabel });
    }
  }
  // A village whose commune lies outside the subtree (a commune-level actor's villages are inside; this is for safety).
  const listed = new Set(out.map((o) => o.id));
  for (const v of units) {
    if (!listed.has(v.id) && v.level === "VILLAGE") {
      out.push({ id: v.id, key: unitKey(v), level: "VILLAGE", label: `${v.typeLabel} ${v.name}`, communeId: v.parentId ?? v.id, communeLabel: "" });
    }
  }
  return out;
}

/** The units the list can be filtered by: everything above village level in the subtree, in tree order with its depth below the top. */
export async function cadreFilterUnits(actor: Actor) {
  const units = await db.unit.findMany({
    where: { AND: [unitWhereFor(actor), { level: { in: ["PROVINCE", "DISTRICT", "COMMUNE"] } }, { validTo: null }] },
    select: { id: true, parentId: true, typeLabel: true, name: true },
    orderBy: [{ searchName: "asc" }, { id: "asc" }],
  });
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<number | null, typeof units>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), u]);
  }
  const out: { id: number; label: string; indent: number }[] = [];
  const walk = (parent: number | null, indent: number) => {
    for (const u of childrenOf.get(parent) ?? []) {
      out.push({ id: u.id, label: `${u.typeLabel} ${u.name}`, indent });
      walk(u.id, indent + 1);
    }
  };
  walk(null, 0);
  return out;
}
