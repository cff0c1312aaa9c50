/** The model list's URL (decision 076): filters, sort and page, read leniently (anything unknown: the default). */
import { cleanText, MAX_PAGE_NUMBER, parseId } from "../forms/fields";
import type { GoodPracticeField, GoodPracticeStatus } from "../generated/prisma/enums";
import { GOOD_PRACTICE_FIELDS, GOOD_PRACTICE_STATUSES } from "./workflow";

export const MODEL_SORTS = ["registeredOn", "year", "title", "status"] as const;
export type ModelSort = (typeof MODEL_SORTS)[number];
export const MODEL_PAGE_SIZE = 25;
export const MAX_QUERY_LENGTH = 100;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export interface ModelListParams {
  q: string;
  field: GoodPracticeField | null;
  status: GoodPracticeStatus | null;
  year: number | null;
  sort: ModelSort;
  dir: "asc" | "desc";
  page: number;
}

export const DEFAULT_MODEL_PARAMS: ModelListParams = { q: "", field: null, status: null, year: null, sort: "registeredOn", dir: "desc", page: 1 };

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const oneOf = <T extends string>(list: readonly T[], value: string): T | null => ((list as readonly string[]).includes(value) ? (value as T) : null);

export function parseModelListParams(raw: Raw): ModelListParams {
  const year = /^\d{4}$/.test(first(raw.year)) ? Number(first(raw.year)) : null;
  const page = parseId(first(raw.page));
  const dir = first(raw.dir);
  return {
    q: cleanText(first(raw.q)).normalize("NFC").trim().slice(0, MAX_QUERY_LENGTH),
    field: oneOf(GOOD_PRACTICE_FIELDS, first(raw.field)),
    status: oneOf(GOOD_PRACTICE_STATUSES, first(raw.status)),
    year: year !== null && year >= MIN_YEAR && year <= MAX_YEAR ? year : null,
    sort: oneOf(MODEL_SORTS, first(raw.sort)) ?? DEFAULT_MODEL_PARAMS.sort,
    dir: dir === "asc" ? "asc" : dir === "desc" ? "desc" : DEFAULT_MODEL_PARAMS.dir,
    page: page !== null && page <= MAX_PAGE_NUMBER ? page : 1,
  };
}

/** "/models?…" with these parameters changed; defaults left out. */
export function modelListHref(params: ModelListParams, change: Partial<ModelListParams> = {}): string {
  const p = { ...params, ...change };
  const search = new URLSearchParams();
  if (p.q) search.set("q", p.q);
  if (p.field) search.set("field", p.field);
  if (p.status) search.set("status", p.status);
  if (p.year !== null) search.set("year", String(p.year));
  if (p.sort !== DEFAULT_MODEL_PARAMS.sort) search.set("sort", p.sort);
  if (p.dir !== DEFAULT_MODEL_PARAMS.dir) search.set("dir", p.dir);
  if (p.page > 1) search.set("page", String(p.page));
  const text = search.toString();
  return text ? `/models?${text}` : "/models";
}
