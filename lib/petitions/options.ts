/**
 * The short choices petition forms offer, all inside the actor's subtree. Areas and agencies, which run to
 * thousands, are chosen on demand (lib/choices, decision 029).
 */
import type { Actor } from "../auth/actor";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { unitFullName } from "../units/labels";

export async function petitionFieldOptions() {
  return db.petitionField.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, defaultDeadlineDays: true },
  });
}

/**
 * Up to this many villages, the intake form lists them (a district's: 140 on average, 172 at most in the national
 * bench; a commune's: ten); past it (a province, the nation: 100,000) it finds them as the user types
 * (decision 029; the list of every village was 72 KB of a national admin's page, and held only the first 5,000).
 */
export const INTAKE_VILLAGE_LIST_MAX = 500;

const currentVillages = (actor: Actor) => ({ AND: [unitWhereFor(actor), { validTo: null, level: "VILLAGE" as const }] });

/** Today's villages under the actor's unit, grouped by commune, for the intake form; null when there are too many to list. */
export async function villageChoices(actor: Actor, max = INTAKE_VILLAGE_LIST_MAX) {
  const count = await db.unit.count({ where: currentVillages(actor), take: max + 1 });
  if (count > max) return null;
  const villages = await db.unit.findMany({
    where: currentVillages(actor),
    select: { id: true, typeLabel: true, name: true, parent: { select: { id: true, typeLabel: true, name: true } } },
  });
  const byCommune = new Map<number, { commune: string; villages: { id: number; label: string }[] }>();
  for (const v of villages) {
    if (!v.parent) continue;
    const group = byCommune.get(v.parent.id) ?? { commune: unitFullName(v.parent), villages: [] };
    group.villages.push({ id: v.id, label: unitFullName(v) });
    byCommune.set(v.parent.id, group);
  }
  const collator = new Intl.Collator("vi");
  const groups = [...byCommune.values()].sort((a, b) => collator.compare(a.commune, b.commune));
  for (const g of groups) g.villages.sort((a, b) => collator.compare(a.label, b.label));
  return groups;
}
