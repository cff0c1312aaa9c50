import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current";
import { unitFullName } from "@/lib/units/labels";
import { getUnitInScope } from "@/lib/units/queries";
import { MAX_QUERY_LENGTH, normaliseUnitQuery, searchUnits } from "@/lib/units/search";

const RESULT_LIMIT = 30;

export async function generateMetadata() {
  return { title: (await getTranslations("organisation"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganisationPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("organisation:read:subtree");
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim().slice(0, MAX_QUERY_LENGTH);
  const t = await getTranslations("organisation");
  const searching = query !== "";
  const tooShort = searching && normaliseUnitQuery(query) === "";
  const [hits, home] = await Promise.all([
    searching && !tooShort ? searchUnits(actor, query, { limit: RESULT_LIMIT }) : Promise.resolve([]),
    searching ? Promise.resolve(null) : getUnitInScope(actor, actor.unit.id),
  ]);
  const homeName = unitFullName(actor.unit);

  return (
    <div className="space-y-4">
      <section aria-labelledby="organisation-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="organisation-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="mt-2 text-stone-700">{t("intro", { unit: homeName })}</p>
        <p className="mt-2">
          <Link href="/cadres" className="font-medium text-brand-700 underline underline-offset-2">
            {t("cadresLink")}
          </Link>
        </p>
        <form method="get" action="/organisation" role="search" className="mt-4">
          <label htmlFor="unit-query" className="block text-sm font-medium">
            {t("searchLabel")}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="unit-query"
              name="q"
              type="search"
              defaultValue={query}
              placeholder={t("searchPlaceholder")}
              maxLength={MAX_QUERY_LENGTH}
              autoComplete="off"
              spellCheck={false}
              aria-describedby="unit-query-hint"
              className="block min-w-0 flex-1 basis-48 rounded-md border border-stone-300 px-3 py-2 text-base"
            />
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("searchSubmit")}
            </button>
          </div>
          <p id="unit-query-hint" className="mt-1 text-sm text-stone-600">
            {t("searchHint", { unit: homeName })}
          </p>
        </form>
      </section>

      {searching ? (
        <section aria-labelledby="results-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-title" className="text-lg font-semibold">
              {t("resultsTitle")}
              {!tooShort && <span className="font-normal text-stone-600"> ({t("resultsCount", { count: hits.length })})</span>}
            </h2>
            <Link href="/organisation" className="text-sm text-brand-700 underline underline-offset-2">
              {t("clear")}
            </Link>
          </div>
          {tooShort ? (
            <p role="status" className="mt-2 text-stone-700">
              {t("tooShort")}
            </p>
          ) : hits.length === 0 ? (
            <div role="status" className="mt-2">
              <p className="font-medium">{t("noResults", { query })}</p>
              <p className="mt-1 text-sm text-stone-600">{t("noResultsHint")}</p>
            </div>
          ) : (
            <>
              <ul className="mt-3 divide-y divide-stone-100" aria-labelledby="results-title">
                {hits.map((hit) => (
                  <li key={hit.id} className="py-2">
                    <div className="flex flex-wrap items-baseline gap-x-2">
                      <Link href={`/units/${hit.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {unitFullName(hit)}
                      </Link>
                      {hit.code && <span className="text-sm text-stone-600">{t("code", { code: hit.code })}</span>}
                      {hit.validTo && <span className="text-sm text-red-800">{t("closed")}</span>}
                    </div>
                    {hit.path.length > 0 && (
                      <p className="text-sm break-words text-stone-600">
                        <span className="sr-only">{t("pathLabel")} </span>
                        {[...hit.path]
                          .reverse()
                          .map((a) => unitFullName(a))
                          .join(", ")}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              {hits.length >= RESULT_LIMIT && <p className="mt-2 text-sm text-stone-600">{t("resultsLimited", { count: RESULT_LIMIT })}</p>}
            </>
          )}
        </section>
      ) : (
        home && (
          <section aria-labelledby="browse-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="browse-title" className="text-lg font-semibold">
                {t("browseTitle", { unit: unitFullName(home) })}{" "}
                <span className="font-normal text-stone-600">({t("resultsCount", { count: home.children.length })})</span>
              </h2>
              <Link href={`/units/${home.id}`} className="text-sm font-medium text-brand-700 underline underline-offset-2">
                {t("openHome", { unit: unitFullName(home) })}
              </Link>
            </div>
            {home.children.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("noChildren")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-stone-100" aria-labelledby="browse-title">
                {home.children.map((child) => (
                  <li key={child.id} className="flex flex-wrap items-baseline justify-between gap-x-2 py-2">
                    <Link href={`/units/${child.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {unitFullName(child)}
                    </Link>
                    <span className="flex flex-wrap gap-x-2 text-sm text-stone-600">
                      {child.code && <span>{t("code", { code: child.code })}</span>}
                      {child._count.children > 0 && <span>{t("resultsCount", { count: child._count.children })}</span>}
                      {child.validTo && <span className="text-red-800">{t("closed")}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      )}
    </div>
  );
}
