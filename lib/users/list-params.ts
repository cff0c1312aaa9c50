import { isDuty } from "../auth/roles";
import { cleanText, MAX_PAGE_NUMBER, parseId } from "../forms/fields";
import type { Duty } from "../generated/prisma/enums";

export const USER_SORTS = ["username", "displayName", "lastLoginAt", "createdAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const PAGE_SIZE = 25;
export const MAX_QUERY_LENGTH = 100;

export interface UserListParams {
  q: string;
  /** Accounts holding this duty (decision 049). */
  duty: Duty | null;
  /** null: both. */
  active: boolean | null;
  sort: UserSort;
  dir: "asc" | "desc";
  page: number;
}

export const DEFAULT_LIST_PARAMS: UserListParams = { q: "", duty: null, active: null, sort: "username", dir: "asc", page: 1 };

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** The list's search parameters, read leniently: anything unknown falls back to the default. */
export function parseUserListParams(raw: Raw): UserListParams {
  const duty = first(raw.duty);
  const active = first(raw.active);
  const sort = first(raw.sort);
  const dir = first(raw.dir);
  const page = parseId(first(raw.page));
  return {
    q: cleanText(first(raw.q)).trim().slice(0, MAX_QUERY_LENGTH),
    duty: isDuty(duty) ? duty : null,
    active: active === "true" ? true : active === "false" ? false : null,
    sort: (USER_SORTS as readonly string[]).includes(sort) ? (sort as UserSort) : DEFAULT_LIST_PARAMS.sort,
    dir: dir === "desc" ? "desc" : dir === "asc" ? "asc" : DEFAULT_LIST_PARAMS.dir,
    page: page !== null && page <= MAX_PAGE_NUMBER ? page : 1,
  };
}

/** "?q=…&duty=…" for a link to the list with these parameters changed; defaults left out. */
export function userListHref(params: UserListParams, change: Partial<UserListParams> = {}): string {
  const p = { ...params, ...change };
  const search = new URLSearchParams();
  if (p.q) search.set("q", p.q);
  if (p.duty) search.set("duty", p.duty);
  if (p.active !== null) search.set("active", String(p.active));
  if (p.sort !== DEFAULT_LIST_PARAMS.sort) search.set("sort", p.sort);
  if (p.dir !== DEFAULT_LIST_PARAMS.dir) search.set("dir", p.dir);
  if (p.page > 1) search.set("page", String(p.page));
  const text = search.toString();
  return text ? `/admin/users?${text}` : "/admin/users";
}
