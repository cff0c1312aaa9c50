/**
 * Units as choices: the accent-insensitive search of lib/units/search.ts inside the actor's subtree (every
 * current unit can be found, none is left out by a cap), or, before anything is typed, the home unit and
 * the units directly under it. Keyset pages, as the API's lists. "Current" is as of a day (`today`): a
 * list filtered to a past period offers that period's units, each on the path it had then, so that a
 * commune shows under its own district, or directly under its province after the 2025 reform.
 */
import { z } from "zod";
import { readCursor, toPage } from "../api/cursor";
import type { ScopedActor } from "../auth/scope";
import { reachRoots, reachStart, unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { MAX_INT } from "../forms/fields";
import { toSearchText } from "../text/search";
import { todayInVietnam } from "../time";
import { unitFullName } from "../units/labels";
import { normaliseUnitQuery, pathsOn, searchUnits, validOn } from "../units/search";
import type { ChoicePage, Choice, ResolvedChoice, UnitChoiceQuery } from "./types";

const id = z.number().int().positive().max(MAX_INT);
/** A search page's last hit (tier, depth, name, id), or a first-choices page's last child ("c", name, id). */
const searchKey = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().min(0).max(10), z.string().max(200), id]);
const childKey = z.tuple([z.literal("c"), z.string().max(200), id]);
const unitKey = z.union([searchKey, childKey]);

interface Named {
  id: number;
  typeLabel: string;
  name: string;
}

/** The units between where the actor's reach begins and this one (both left out), as the choice's detail line. */
function detailOf(path: Named[], actor: ScopedActor): string | null {
  const below = path.length && reachRoots(actor).includes(path[0].id) ? path.slice(1) : path;
  return below.length ? below.map(unitFullName).join(" › ") : null;
}

export async function unitChoices(actor: ScopedActor, query: UnitChoiceQuery, options: { today?: Date } = {}): Promise<ChoicePage> {
  const today = options.today ?? todayInVietnam();
  const key = readCursor(query.cursor, unitKey);
  if (normaliseUnitQuery(query.q)) {
    if (key && key[0] === "c") return { items: [], nextCursor: null };
    const after = key ? { tier: key[0] as 0 | 1, depth: key[1] as number, name: key[2] as string, id: key[3] as number } : undefined;
    const hits = await searchUnits(actor, query.q, { limit: query.limit + 1, after, today, levels: query.levels });
    return toPage(
      hits,
      query.limit,
      (h) => [h.tier, h.depth, h.name, h.id],
      (h): Choice => ({ id: h.id, label: unitFullName(h), detail: detailOf(h.path, actor) }),
    );
  }
  // Nothing typed (or one letter): the home unit, then the units right under it, by name.
  if (key && key[0] !== "c") return { items: [], nextCursor: null };
  const after = key ? { name: key[1], id: key[2] } : undefined;
  const ofLevels = query.levels ? [{ level: { in: query.levels } }] : [];
  const [home, children] = await Promise.all([
    after ? null : db.unit.findFirst({ where: { AND: [{ id: actor.unit.id }, unitWhereFor(actor), ...ofLevels] }, select: { id: true, typeLabel: true, name: true } }),
    db.unit.findMany({
      where: {
        AND: [
          { parentId: actor.unit.id },
          unitWhereFor(actor),
          ...ofLevels,
          validOn(today),
          ...(after ? [{ OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] : []),
        ],
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: { id: true, typeLabel: true, name: true },
    }),
  ]);
  const page = toPage(children, query.limit, (c) => ["c", c.name, c.id], (c): Choice => ({ id: c.id, label: unitFullName(c), detail: null }));
  return home ? { items: [{ id: home.id, label: unitFullName(home), detail: null }, ...page.items], nextCursor: page.nextCursor } : page;
}

/**
 * One unit of the actor's subtree as a choice (any validity: a link may name a unit closed since), or null; its
 * path as it was on `today` when given.
 */
export async function unitChoice(actor: ScopedActor, unitId: number, options: { today?: Date } = {}): Promise<Choice | null> {
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, typeLabel: true, name: true, ancestorIds: true } });
  if (!unit) return null;
  const ancestorIds = (await pathsOn([unit.id], options.today ?? todayInVietnam())).get(unit.id) ?? unit.ancestorIds;
  const home = reachStart(actor, ancestorIds);
  const pathIds = home < 0 ? [] : ancestorIds.slice(home + 1, -1);
  const path = pathIds.length ? await db.unit.findMany({ where: { id: { in: pathIds } }, select: { id: true, typeLabel: true, name: true } }) : [];
  const byId = new Map(path.map((u) => [u.id, u]));
  return { id: unit.id, label: unitFullName(unit), detail: detailOf(pathIds.flatMap((i) => byId.get(i) ?? []), actor) };
}

const same = (a: string, b: string) => toSearchText(a) === toSearchText(b);
/** How many other matches a page offers as links when text typed without JavaScript matched several units. */
const OTHERS = 10;

/**
 * The unit a page's filter names: the id from the URL, or, when the fallback text field was sent (a browser
 * without JavaScript, or text typed and not picked), the best match of that text (its other matches
 * returned too). Empty text clears the choice. An id out of reach is no choice. `today`: the day the page's
 * filter shows (its units and their paths then).
 */
export async function resolveUnitChoice(actor: ScopedActor, unitId: number | undefined, text: string | null, options: { today?: Date } = {}): Promise<ResolvedChoice> {
  const chosen = unitId === undefined ? null : await unitChoice(actor, unitId, options);
  if (text === null) return { selected: chosen, text: null, others: [] };
  if (text === "" || (chosen && same(chosen.label, text))) return { selected: text === "" ? null : chosen, text: null, others: [] };
  const found = normaliseUnitQuery(text) ? await unitChoices(actor, { q: text, limit: OTHERS + 1 }, options) : { items: [] };
  return { selected: found.items[0] ?? null, text, others: found.items.slice(1) };
}
