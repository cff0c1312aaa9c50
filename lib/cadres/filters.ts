import { cleanText, parseId } from "../forms/fields";
/**
 * The list's filters as they travel in the address (`/cadres?q=…&unit=…`), shared by the
 * list page and the export route so that "Xuất Excel" exports exactly what is shown (from its
 * first row: the export leaves the cursor out).
 */
export const CADRE_STATUSES = ["current", "ended", "all"] as const;
export const PARTY_FILTERS = ["all", "yes", "no"] as const;
export const CADRE_SORTS = ["name", "unit"] as const;
export const MAX_CADRE_QUERY_LENGTH = 100;

export interface CadreFilters {
  q: string;
  unitId: number | null;
  status: (typeof CADRE_STATUSES)[number];
  party: (typeof PARTY_FILTERS)[number];
  sort: (typeof CADRE_SORTS)[number];
  /** Where the page starts: the key of the last row of the page before (keyset pages, lib/cadres/queries.ts); none on the first. */
  cursor?: string;
}

type Params = Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown or malformed values fall back to the defaults; nothing here throws. */
export function parseCadreFilters(params: Params): CadreFilters {
  const unit = first(params, "unit");
  const cursor = first(params, "cursor");
  return {
    q: cleanText(first(params, "q")).trim().slice(0, MAX_CADRE_QUERY_LENGTH),
    unitId: parseId(unit),
    status: oneOf(CADRE_STATUSES, first(params, "status"), "current"),
    party: oneOf(PARTY_FILTERS, first(params, "party"), "all"),
    sort: oneOf(CADRE_SORTS, first(params, "sort"), "name"),
    // Only its shape here; what it holds is checked against the order when the list reads it.
    ...(/^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? { cursor } : {}),
  };
}

/** The address of the list (or the export) with these filters; defaults are left out. */
export function cadreFiltersQuery(filters: Partial<CadreFilters>): string {
  const out = new URLSearchParams();
  if (filters.q) out.set("q", filters.q);
  if (filters.unitId) out.set("unit", String(filters.unitId));
  if (filters.status && filters.status !== "current") out.set("status", filters.status);
  if (filters.party && filters.party !== "all") out.set("party", filters.party);
  if (filters.sort && filters.sort !== "name") out.set("sort", filters.sort);
  if (filters.cursor) out.set("cursor", filters.cursor);
  const s = out.toString();
  return s ? `?${s}` : "";
}
