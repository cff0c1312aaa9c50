/**
 * The agency account's list of petitions (decision 064): its search parameters, read leniently (anything unknown
 * falls back to the default), and the link that changes some of them. Pure: unit-tested.
 */
import { cleanText, MAX_PAGE_NUMBER, parseId } from "../forms/fields";

export const HELD_SORTS = ["receivedOn", "dueOn", "code"] as const;
export type HeldSort = (typeof HELD_SORTS)[number];
/** "dang-giu": held now and open to answers; "da-xong": no longer the agency's to answer (ended, or reassigned). */
export const HELD_STATES = ["dang-giu", "da-xong"] as const;
export type HeldState = (typeof HELD_STATES)[number];
export const HELD_PAGE_SIZE = 20;
export const MAX_HELD_QUERY_LENGTH = 100;

export interface HeldListParams {
  q: string;
  /** null: both. */
  state: HeldState | null;
  sort: HeldSort;
  dir: "asc" | "desc";
  page: number;
}

export const DEFAULT_HELD_PARAMS: HeldListParams = { q: "", state: null, sort: "receivedOn", dir: "desc", page: 1 };

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseHeldListParams(raw: Raw): HeldListParams {
  const state = first(raw.state);
  const sort = first(raw.sort);
  const dir = first(raw.dir);
  const page = parseId(first(raw.page));
  return {
    q: cleanText(first(raw.q)).trim().slice(0, MAX_HELD_QUERY_LENGTH),
    state: (HELD_STATES as readonly string[]).includes(state) ? (state as HeldState) : null,
    sort: (HELD_SORTS as readonly string[]).includes(sort) ? (sort as HeldSort) : DEFAULT_HELD_PARAMS.sort,
    dir: dir === "asc" ? "asc" : dir === "desc" ? "desc" : DEFAULT_HELD_PARAMS.dir,
    page: page !== null && page <= MAX_PAGE_NUMBER ? page : 1,
  };
}

export const AGENCY_HOME = "/agency";

/** "/agency?…" with these parameters changed; defaults left out. */
export function heldListHref(params: HeldListParams, change: Partial<HeldListParams> = {}): string {
  const p = { ...params, ...change };
  const search = new URLSearchParams();
  if (p.q) search.set("q", p.q);
  if (p.state) search.set("state", p.state);
  if (p.sort !== DEFAULT_HELD_PARAMS.sort) search.set("sort", p.sort);
  if (p.dir !== DEFAULT_HELD_PARAMS.dir) search.set("dir", p.dir);
  if (p.page > 1) search.set("page", String(p.page));
  const text = search.toString();
  return text ? `${AGENCY_HOME}?${text}` : AGENCY_HOME;
}
