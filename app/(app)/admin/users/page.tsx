import Link from "@/components/link";
import { SortHeader } from "@/components/sort-header";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current";
import { DUTIES } from "@/lib/auth/roles";
import { dutiesLabel } from "@/lib/users/duty-label";
import { formatDateTime } from "@/lib/format";
import { unitFullName } from "@/lib/units/labels";
import { MAX_QUERY_LENGTH, parseUserListParams, userListHref, type UserSort } from "@/lib/users/list-params";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:subtree");
  const params = parseUserListParams(await searchParams);
  const [t, tr, { users, total, page, pages }] = await Promise.all([getTranslations("users"), getTranslations("roles"), listUsers(actor, params)]);
  const shown = { ...params, page };
  const filtered = params.q !== "" || params.duty !== null || params.active !== null;

  const sortHeader = (column: UserSort, label: string) => (
    <SortHeader label={label} ariaLabel={t("sortBy", { column: label })} current={params.sort === column} dir={params.dir} href={(dir) => userListHref(params, { sort: column, dir, page: 1 })} />
  );

  return (
    <div className="space-y-4">
      <section aria-labelledby="users-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h1 id="users-title" className="text-2xl font-semibold">
              {t("title")}
            </h1>
            <p className="mt-1 text-stone-700">{t("intro", { unit: unitFullName(actor.unit) })}</p>
          </div>
          <Link href="/admin/users/new" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t("create")}
          </Link>
        </div>
        <form method="get" action="/admin/users" role="search" className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="users-q" className="block text-sm font-medium">
              {t("searchLabel")}
            </label>
            <input
              id="users-q"
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder={t("searchPlaceholder")}
              maxLength={MAX_QUERY_LENGTH}
              autoComplete="off"
              spellCheck={false}
              className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base"
            />
          </div>
          <div>
            <label htmlFor="users-duty" className="block text-sm font-medium">
              {t("duties")}
            </label>
            <select id="users-duty" name="duty" defaultValue={params.duty ?? ""} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base">
              <option value="">{t("anyRole")}</option>
              {DUTIES.map((duty) => (
                <option key={duty} value={duty}>
                  {tr(`duty.${duty}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="users-active" className="block text-sm font-medium">
              {t("status")}
            </label>
            <select
              id="users-active"
              name="active"
              defaultValue={params.active === null ? "" : String(params.active)}
              className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base"
            >
              <option value="">{t("anyStatus")}</option>
              <option value="true">{t("activeTrue")}</option>
              <option value="false">{t("activeFalse")}</option>
            </select>
          </div>
          {params.sort !== "username" && <input type="hidden" name="sort" value={params.sort} />}
          {params.dir !== "asc" && <input type="hidden" name="dir" value={params.dir} />}
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("filter")}
            </button>
            {filtered && (
              <Link href="/admin/users" className="self-center text-sm text-brand-700 underline underline-offset-2">
                {t("clear")}
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="users-list-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="users-list-title" className="text-lg font-semibold">
          {t("count", { count: total })}
        </h2>
        {users.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {t("empty")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  {sortHeader("displayName", t("displayName"))}
                  {sortHeader("username", t("username"))}
                  <th scope="col" className="py-2 pr-3">
                    {t("role")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("unit")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("status")}
                  </th>
                  {sortHeader("lastLoginAt", t("lastLogin"))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {users.map((u) => (
                  <tr key={u.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {u.displayName}
                      </Link>
                    </th>
                    <td className="py-2 pr-3 font-mono">{u.username}</td>
                    <td className="py-2 pr-3">{dutiesLabel(u.duties, tr)}</td>
                    <td className="py-2 pr-3">{unitFullName(u.unit)}</td>
                    <td className={`py-2 pr-3 ${u.active ? "" : "font-medium text-red-800"}`}>
                      {u.active ? t("activeTrue") : t("activeFalse")}
                      {u.mustChangePassword && <span className="block text-amber-800">{t("mustChange")}</span>}
                    </td>
                    <td className="py-2 pr-3">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t("never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={userListHref(shown, { page: page - 1 })} rel="prev" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
                {t("previous")}
              </Link>
            )}
            <span aria-current="page">{t("pageOf", { page, pages })}</span>
            {page < pages && (
              <Link href={userListHref(shown, { page: page + 1 })} rel="next" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
