/**
 * Where a petition arose, from the text the intake form sends when no village was picked: a browser without
 * JavaScript (the choice box is then a plain text field), or text typed and not picked (decision 029). Villages
 * run to 100,000 for a national admin and repeat their names from commune to commune, so the text may name the
 * commune after a comma ("Đông, Tiên Lữ"). One village found, or named exactly: the petition is entered there.
 * Several or none: nothing is entered, and the form shows the matches to choose from (decision 033).
 */
import "server-only";
import { reachRoots, type ScopedActor } from "../auth/scope";
import { unitFullName } from "../units/labels";
import { toSearchText } from "../text/search";
import { normaliseUnitQuery, searchUnits, type UnitSearchHit } from "../units/search";
import type { Choice } from "../choices/types";

/** How many matches the form offers at most. */
export const PLACE_MATCHES = 20;
/** How many villages a text is looked up among (the API's largest page): enough to find the ones it names exactly. */
const SEARCHED = 200;
/** Communes a name after the comma may match, to look for the village in. */
const COMMUNE_MATCHES = 50;

export type IntakePlace = { unitId: number } | { text: string; matches: Choice[]; more: boolean };

function detailOf(hit: UnitSearchHit, actor: ScopedActor): string | null {
  const below = hit.path.length && reachRoots(actor).includes(hit.path[0].id) ? hit.path.slice(1) : hit.path;
  return below.length ? below.map(unitFullName).join(" › ") : null;
}

const asTyped = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");

/**
 * The current villages in the actor's reach that `text` names ("village" or "village, commune"). The village is
 * the one match, or else the one whose name (with or without its type, "Thôn Đông") is the text as typed, or else
 * the one whose name is the text without accents; otherwise the matches are returned, those named exactly first.
 */
export async function resolveIntakePlace(actor: ScopedActor, text: string, options: { today?: Date } = {}): Promise<IntakePlace> {
  const [villagePart, ...rest] = text.split(",");
  const communePart = rest.join(" ");
  let parentIds: number[] | undefined;
  if (normaliseUnitQuery(communePart)) {
    const communes = await searchUnits(actor, communePart, { levels: ["COMMUNE"], limit: COMMUNE_MATCHES, today: options.today });
    parentIds = communes.map((c) => c.id);
  }
  const hits =
    normaliseUnitQuery(villagePart) && (parentIds === undefined || parentIds.length > 0)
      ? await searchUnits(actor, villagePart, { levels: ["VILLAGE"], parentIds, limit: SEARCHED + 1, today: options.today })
      : [];
  // An exact name decides only when every match was seen: another village of that name may lie past the first 200.
  const complete = hits.length <= SEARCHED;
  const named = (same: (a: string, b: string) => boolean) => hits.filter((h) => same(h.name, villagePart) || same(unitFullName(h), villagePart));
  const exactly = named((a, b) => asTyped(a) === asTyped(b));
  const unaccented = named((a, b) => toSearchText(a) === toSearchText(b));
  const one = [hits, ...(complete ? [exactly, unaccented] : [])].find((list) => list.length === 1);
  if (one) return { unitId: one[0].id };
  const ordered = [...unaccented, ...hits.filter((h) => !unaccented.includes(h))];
  return {
    text,
    matches: ordered.slice(0, PLACE_MATCHES).map((h) => ({ id: h.id, label: unitFullName(h), detail: detailOf(h, actor) })),
    more: hits.length > PLACE_MATCHES,
  };
}
