import type { Actor } from "../auth/actor";
import { unitFullName } from "../units/labels";
import { normaliseUnitQuery, searchUnits } from "../units/search";

export const UNIT_CHOICE_LIMIT = 30;

export interface HomeUnitChoice {
  id: number;
  label: string;
  path: string;
}

/**
 * The units offered as a home unit: the search hits inside the actor's subtree (current
 * units only), after the ones always offered (the actor's own unit, the account's current one).
 */
export async function homeUnitChoices(
  actor: Actor,
  query: string,
  always: { id: number; typeLabel: string; name: string; path?: { typeLabel: string; name: string }[] }[],
): Promise<{ choices: HomeUnitChoice[]; searched: boolean; tooShort: boolean; hits: number }> {
  const searched = query.trim() !== "";
  const tooShort = searched && normaliseUnitQuery(query) === "";
  const hits = searched && !tooShort ? await searchUnits(actor, query, { limit: UNIT_CHOICE_LIMIT }) : [];
  const pathText = (path: { typeLabel: string; name: string }[] = []) =>
    [...path]
      .reverse()
      .map((a) => unitFullName(a))
      .join(", ");
  const choices: HomeUnitChoice[] = [];
  const seen = new Set<number>();
  for (const unit of [...hits, ...always]) {
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    choices.push({ id: unit.id, label: unitFullName(unit), path: pathText(unit.path) });
  }
  return { choices, searched, tooShort, hits: hits.length };
}
