import Link from "@/components/link";
import { SortHeader } from "@/components/sort-header";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { MAX_QUERY_LENGTH, modelListHref, parseModelListParams, type ModelSort } from "@/lib/good-practice/list-params";
import { listModels } from "@/lib/good-practice/queries";
import { GOOD_PRACTICE_FIELDS, GOOD_PRACTICE_STATUSES } from "@/lib/good-practice/workflow";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("goodPractice"))("title") };
}

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";

/** The "Dân vận khéo" models of the user's reach (decision 076): filtered, searched without accents, sorted, paged. */
export default async function ModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("good-practice:read:subtree");
  const params = parseModelListParams(await searchParams);
  const [t, { rows, total, pages, page }] = await Promise.all([getTranslations("goodPractice"), listModels(actor, params)]);
  const filtered = params.q !== "" || params.field !== null || params.status !== null || params.year !== null;
  const sortHeader = (column: ModelSort, label: string) => (
    <SortHeader label={label} ariaLabel={t("sortBy", { column: label })} current={params.sort === column} dir={params.dir} href={(dir) => modelListHref(params, { sort: column, dir, page: 1 })} />
  );

  return (
    <div className="space-y-4">
      <section aria-labelledby="models-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h1 id="models-title" className="text-2xl font-semibold">
              {t("title")}
            </h1>
            <p className="mt-1 text-stone-700">{t("intro")}</p>
          </div>
          {allows(actor, "good-practice:write:subtree") && (
            <Link href="/models/new" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
              {t("register")}
            </Link>
          )}
        </div>
        <form method="get" action="/models" role="search" className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_8rem_auto] lg:items-end">
          <div>
            <label htmlFor="models-q" className="block text-sm font-medium">
              {t("search")}
            </label>
            <input id="models-q" name="q" type="search" defaultValue={params.q} maxLength={MAX_QUERY_LENGTH} autoComplete="off" spellCheck={false} className={inputClass} />
          </div>
          <div>
            <label htmlFor="models-field" className="block text-sm font-medium">
              {t("col.field")}
            </label>
            <select id="models-field" name="field" defaultValue={params.field ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {GOOD_PRACTICE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`fields.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="models-status" className="block text-sm font-medium">
              {t("col.status")}
            </label>
            <select id="models-status" name="status" defaultValue={params.status ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {GOOD_PRACTICE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="models-year" className="block text-sm font-medium">
              {t("col.year")}
            </label>
            <input id="models-year" name="year" type="number" inputMode="numeric" min={1900} max={2100} defaultValue={params.year ?? ""} className={inputClass} />
          </div>
          {params.sort !== "registeredOn" && <input type="hidden" name="sort" value={params.sort} />}
          {params.dir !== "desc" && <input type="hidden" name="dir" value={params.dir} />}
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("filter")}
            </button>
            {filtered && (
              <Link href="/models" className="self-center text-sm text-brand-700 underline underline-offset-2">
                {t("clear")}
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="models-list-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="models-list-title" className="text-lg font-semibold">
          {t("count", { count: total })}
        </h2>
        {rows.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {filtered ? t("emptyFiltered") : t("empty")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="models-table">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  {sortHeader("title", t("col.title"))}
                  <th scope="col" className="py-2 pr-3">
                    {t("col.unit")}
                  </th>
                  <th scope="col" className="hidden py-2 pr-3 sm:table-cell">
                    {t("col.field")}
                  </th>
                  {sortHeader("year", t("col.year"))}
                  {sortHeader("status", t("col.status"))}
                  {sortHeader("registeredOn", t("col.registeredOn"))}
                  <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">
                    {t("col.replications")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((m) => (
                  <tr key={m.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link href={`/models/${m.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {m.title}
                      </Link>
                    </th>
                    <td className="py-2 pr-3">{unitFullName(m.unit)}</td>
                    <td className="hidden py-2 pr-3 sm:table-cell">{t(`fields.${m.field}`)}</td>
                    <td className="py-2 pr-3">{m.year}</td>
                    <td className="py-2 pr-3">
                      {t(`statuses.${m.status}`)}
                      {m.recognitionLevel && <span className="block text-stone-600">{t(`levels.${m.recognitionLevel}`)}</span>}
                    </td>
                    <td className="py-2 pr-3">{formatDate(m.registeredOn)}</td>
                    <td className="hidden py-2 pr-3 text-right sm:table-cell">{m._count.replications}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={modelListHref(params, { page: page - 1 })} rel="prev" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
                {t("previous")}
              </Link>
            )}
            <span aria-current="page">{t("page", { page, pages })}</span>
            {page < pages && (
              <Link href={modelListHref(params, { page: page + 1 })} rel="next" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
