import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { UnitChoiceForm } from "@/components/admin/unit-choice-form";
import { rehomeUserAction } from "@/lib/users/actions";
import { requirePermission } from "@/lib/auth/current";
import { MAX_PAGE_NUMBER, parseId } from "@/lib/forms/fields";
import { formatDate } from "@/lib/format";
import { isoDay, todayInVietnam } from "@/lib/time";
import { dutiesLabel } from "@/lib/users/duty-label";
import { movedAccount, STRANDED_SORTS, strandedAccounts, type StrandedSort } from "@/lib/users/stranded";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("stranded.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Accounts homed on a unit that has ended, each with its proposed or offered new home (decision 055). */
export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:subtree");
  const params = await searchParams;
  const raw = parseId(params.page);
  const page = raw !== null && raw <= MAX_PAGE_NUMBER ? raw : 1;
  const sort: StrandedSort = (STRANDED_SORTS as readonly unknown[]).includes(params.sort) ? (params.sort as StrandedSort) : "user";
  const movedId = parseId(params.moved);
  const [t, tr, list, moved] = await Promise.all([
    getTranslations("users.stranded"),
    getTranslations("roles"),
    strandedAccounts(actor, { page, sort }),
    movedId === null ? null : movedAccount(actor, movedId),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const today = isoDay(todayInVietnam());
  const href = (p: number) => `/admin/users/stranded?${new URLSearchParams({ ...(sort !== "user" ? { sort } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
  return (
    <div className="space-y-4">
      <p>
        <Link href="/admin/users" className="text-sm text-brand-700 underline">
          ← {(await getTranslations("users"))("title")}
        </Link>
      </p>
      <section aria-labelledby="stranded-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="stranded-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-stone-700">{t("intro")}</p>
        <form method="get" action="/admin/users/stranded" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="stranded-sort" className="block text-sm font-medium">
              {t("sortLabel")}
            </label>
            <select id="stranded-sort" name="sort" defaultValue={sort} className="mt-1 block rounded-md border border-stone-300 px-3 py-2 text-base">
              <option value="user">{t("sortUser")}</option>
              <option value="closed">{t("sortClosed")}</option>
              <option value="unit">{t("sortUnit")}</option>
            </select>
          </div>
          <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">
            {t("apply")}
          </button>
        </form>
        {moved && (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
            {t("movedTo", { name: moved.username, unit: moved.unit })}
          </p>
        )}
        <p className="font-medium">{t("count", { count: list.total })}</p>
        {list.total === 0 && <p className="text-stone-600">{t("empty")}</p>}
      </section>
      {list.rows.length > 0 && (
        <ul aria-label={t("title")} className="space-y-3">
          {list.rows.map((row) => {
            const closedOn = row.home.validTo ? isoDay(row.home.validTo) : today;
            return (
              <li key={row.id} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
                <h2 className="text-lg font-semibold">
                  {row.displayName} <span className="font-mono text-base font-normal text-stone-600">({row.username})</span>
                </h2>
                <p className="text-sm text-stone-700">{dutiesLabel(row.duties, tr)}</p>
                <p>{t(closedOn < today ? "home" : "homeClosing", { unit: row.home.label, date: formatDate(row.home.validTo) })}</p>
                <p>
                  {row.proposed ? (
                    <span className="rounded-full bg-green-100 px-2 py-0.5 text-sm font-medium text-green-900">{t("proposed", { unit: row.proposed.label })}</span>
                  ) : (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("choice")}</span>
                  )}
                </p>
                {row.choices.length === 0 ? (
                  <p className="text-stone-600">{t("noChoice")}</p>
                ) : (
                  <UnitChoiceForm
                    action={rehomeUserAction}
                    hidden={{ userId: row.id, fromUnitId: row.home.id }}
                    name="unitId"
                    label={t("target", { name: row.username })}
                    choices={row.choices}
                    proposedId={row.proposed?.id ?? null}
                    confirm={t("confirm")}
                    submit={t("move")}
                    done={t("moved", { name: row.username })}
                  />
                )}
                <p>
                  <Link href={`/admin/users/${row.id}`} className="text-sm text-brand-700 underline">
                    {t("edit")}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3 text-sm">
          {page > 1 && (
            <Link href={href(page - 1)} rel="prev" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
              {t("previous")}
            </Link>
          )}
          <span aria-current="page">{t("pageOf", { page, pages })}</span>
          {page < pages && (
            <Link href={href(page + 1)} rel="next" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
