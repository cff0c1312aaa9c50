import { normaliseDuties, presetOf } from "../auth/roles";

type Translate = (key: string) => string;

/**
 * How a user's duties read on a page (decision 049): the ready-made combination's name when they
 * make one exactly, else the duties named one by one; `tr` is the "roles" namespace.
 */
export function dutiesLabel(duties: readonly string[] | null | undefined, tr: Translate): string {
  const known = normaliseDuties(duties ?? []);
  if (known.length === 0) return tr("NONE");
  const preset = presetOf(known);
  if (preset) return tr(preset);
  return known.map((d) => tr(`duty.${d}`)).join(", ");
}

/** The lines of "Công việc của bạn" on the home page: one per duty, reading only when there is nothing else. */
export function homeTasks(duties: readonly string[]): string[] {
  const known = normaliseDuties(duties);
  if (known.length === 0) return ["NONE"];
  const work = known.filter((d) => d !== "READING");
  return work.length > 0 ? work : known;
}
