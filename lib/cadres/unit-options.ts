/**
 * The communes and villages a cadre may belong to, in the actor's subtree: the cadre form's short list and
 * the import's keys (decision 006), read page by page for the import template (decision 032).
 */
import "server-only";
import type { Actor } from "../auth/actor";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { unitKey } from "./unit-keys";

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

/** Communes per page of `cadreUnitPages` (their villages come with them: about ten each). */
export const CADRE_UNIT_PAGE = 500;

type KeyedRow = { id: number; level: string; code: string | null; typeLabel: string; name: string; parentId: number | null; searchName: string };
const KEYED_SELECT = { id: true, level: true, code: true, typeLabel: true, name: true, parentId: true, searchName: true } as const;
const afterName = (last: KeyedRow | undefined): Prisma.UnitWhereInput[] =>
  last ? [{ OR: [{ searchName: { gt: last.searchName } }, { searchName: last.searchName, id: { gt: last.id } }] }] : [];

/**
 * The units a cadre may belong to: the current communes and villages of the actor's subtree, commune by
 * commune (each commune followed by its villages), by accent-free name, in pages of `communesPerPage`
 * communes with their villages, read by keyset: a page holds what it lists, never the subtree (the
 * nation's template lists 110,000 units, decision 029). Last, the villages whose commune is not listed
 * (closed by a merger and awaiting placement, decision 005), in pages of as many villages.
 */
export async function* cadreUnitPages(actor: Actor, communesPerPage = CADRE_UNIT_PAGE): AsyncGenerator<CadreUnitOption[]> {
  const current: Prisma.UnitWhereInput[] = [unitWhereFor(actor), { validTo: null }];
  let last: KeyedRow | undefined;
  for (;;) {
    const communes: KeyedRow[] = await db.unit.findMany({
      where: { AND: [...current, { level: "COMMUNE" }, ...afterName(last)] },
      select: KEYED_SELECT,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      take: communesPerPage,
    });
    if (communes.length === 0) break;
    const villages: KeyedRow[] = await db.unit.findMany({
      where: { AND: [...current, { level: "VILLAGE" }, { parentId: { in: communes.map((c) => c.id) } }] },
      select: KEYED_SELECT,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
    });
    const villagesOf = new Map<number, KeyedRow[]>();
    for (const v of villages) {
      const list = villagesOf.get(v.parentId!);
      if (list) list.push(v);
      else villagesOf.set(v.parentId!, [v]);
    }
    const page: CadreUnitOption[] = [];
    for (const c of communes) {
      const communeLabel = `${c.typeLabel} ${c.name}`;
      page.push({ id: c.id, key: unitKey(c), level: "COMMUNE", label: communeLabel, communeId: c.id, communeLabel });
      for (const v of villagesOf.get(c.id) ?? []) {
        page.push({ id: v.id, key: unitKey(v), level: "VILLAGE", label: `${v.typeLabel} ${v.name}`, communeId: c.id, communeLabel });
      }
    }
    yield page;
    if (communes.length < communesPerPage) break;
    last = communes.at(-1);
  }
  // A village whose commune is not a current commune of the subtree (a commune closed by a merger, or a
  // village as the home unit): listed after the communes, without one.
  const unlisted: Prisma.UnitWhereInput = {
    OR: [{ parentId: null }, { parent: { OR: [{ level: { not: "COMMUNE" } }, { validTo: { not: null } }, { NOT: unitWhereFor(actor) }] } }],
  };
  last = undefined;
  for (;;) {
    const villages: KeyedRow[] = await db.unit.findMany({
      where: { AND: [...current, { level: "VILLAGE" }, unlisted, ...afterName(last)] },
      select: KEYED_SELECT,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      take: communesPerPage,
    });
    if (villages.length === 0) break;
    yield villages.map((v) => ({ id: v.id, key: unitKey(v), level: "VILLAGE", label: `${v.typeLabel} ${v.name}`, communeId: v.parentId ?? v.id, communeLabel: "" }));
    if (villages.length < communesPerPage) break;
    last = villages.at(-1);
  }
}

/** Every unit of `cadreUnitPages` at once: the cadre form's short list (at most CADRE_UNIT_LIST_MAX) and the import's keys. */
export async function cadreUnitOptions(actor: Actor): Promise<CadreUnitOption[]> {
  const out: CadreUnitOption[] = [];
  for await (const page of cadreUnitPages(actor)) out.push(...page);
  return out;
}
