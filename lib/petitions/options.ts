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

/** Today's villages under the actor's unit, grouped by commune, for the intake form. */
export async function villageChoices(actor: Actor) {
  const villages = await db.unit.findMany({
    where: { AND: [unitWhereFor(actor), { validTo: null, level: "VILLAGE" }] },
    select: { id: true, typeLabel: true, name: true, parent: { select: { id: true, typeLabel: true, name: true } } },
    take: 5000,
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
