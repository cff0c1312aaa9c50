import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { ChoiceField } from "@/components/choices/choice-field";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { cadreFiltersQuery, MAX_CADRE_QUERY_LENGTH, parseCadreFilters, type CadreFilters } from "@/lib/cadres/filters";
import { auditCadrePersonalDataRead, listCadres } from "@/lib/cadres/queries";
import { GENDER_LABELS } from "@/lib/cadres/rules";
import { choiceText } from "@/lib/choices/types";
import { resolveUnitChoice } from "@/lib/choices/units";
import { formatDate, formatNumber } from "@/lib/format";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("cadres"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const selectClass = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";
const linkButton = "inline-block rounded-md border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50";

export default async function CadresPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("organisation:read:subtree");
  const raw = await searchParams;
  const parsed = parseCadreFilters(raw);
  // The unit is chosen on demand (decision 029): only the chosen one is read here. Text typed without
  // JavaScript picks its best match (and starts the list over); an id out of reach is no filter.
  const area = await resolveUnitChoice(actor, parsed.unitId ?? undefined, choiceText(raw.unitText));
  const filters: CadreFilters = { ...parsed, unitId: area.selected?.id ?? null, cursor: area.text !== null ? undefined : parsed.cursor };
  const t = await getTranslations("cadres");
  const { rows, total, totalExact, nextCursor, first, personal } = await listCadres(actor, filters);
  if (personal) await auditCadrePersonalDataRead(actor, rows.map((r) => r.id), "list", filters.cursor && !first ? { cursor: filters.cursor } : {});
  const manage = allows(actor, "cadre:manage:subtree");
  const at = (changes: Partial<CadreFilters>) => `/cadres${cadreFiltersQuery({ ...filters, cursor: undefined, ...changes })}`;
  const filtered = filters.q !== "" || filters.unitId !== null || filters.status !== "current" || filters.party !== "all";

  return (
    <div className="space-y-4">
      <section aria-labelledby="cadres-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 id="cadres-title" className="text-2xl font-semibold">
              {t("title")}
            </h1>
            <p className="mt-1 text-stone-700">{t("intro", { unit: unitFullName(actor.unit) })}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            {manage && (
              <Link href="/cadres/new" className="inline-block rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                {t("new")}
              </Link>
            )}
            {manage && (
              <Link href="/cadres/import" className={linkButton}>
                {t("import")}
              </Link>
            )}
            <a href={`/cadres/export${cadreFiltersQuery({ ...filters, cursor: undefined })}`} className={linkButton} download>
              {t("export")}
            </a>
          </div>
        </div>

        <form method="get" action="/cadres" role="search" className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
          <div className="sm:col-span-2">
            <label htmlFor="cadre-q" className="block text-sm font-medium">
              {t("searchLabel")}
            </label>
            <input
              id="cadre-q"
              name="q"
              type="search"
              defaultValue={filters.q}
              placeholder={t("searchPlaceholder")}
              maxLength={MAX_CADRE_QUERY_LENGTH}
              autoComplete="off"
              spellCheck={false}
              className={selectClass}
            />
          </div>
          <div className="sm:col-span-2 lg:col-span-1">
            <ChoiceField id="cadre-unit" label={t("unitFilter")} name="unit" source="units" resolved={area} hrefFor={(id) => at({ unitId: id })} />
          </div>
          <div>
            <label htmlFor="cadre-status" className="block text-sm font-medium">
              {t("status")}
            </label>
            <select id="cadre-status" name="status" defaultValue={filters.status} className={selectClass}>
              <option value="current">{t("statusCurrent")}</option>
              <option value="ended">{t("statusEnded")}</option>
              <option value="all">{t("statusAll")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="cadre-party" className="block text-sm font-medium">
              {t("party")}
            </label>
            <select id="cadre-party" name="party" defaultValue={filters.party} className={selectClass}>
              <option value="all">{t("partyAll")}</option>
              <option value="yes">{t("partyYes")}</option>
              <option value="no">{t("partyNo")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="cadre-sort" className="block text-sm font-medium">
              {t("sort")}
            </label>
            <select id="cadre-sort" name="sort" defaultValue={filters.sort} className={selectClass}>
              <option value="name">{t("sortName")}</option>
              <option value="unit">{t("sortUnit")}</option>
            </select>
          </div>
          <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-6">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("filter")}
            </button>
            {filtered && (
              <Link href="/cadres" className="py-2 text-sm text-brand-700 underline underline-offset-2">
                {t("clear")}
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="cadres-results" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="cadres-results" className="text-lg font-semibold" aria-live="polite">
          {totalExact ? t("count", { count: total }) : t("countMore", { count: formatNumber(total) })}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{personal ? t("personalNote") : t("hiddenNote")}</p>
        {rows.length === 0 ? (
          <div role="status" className="mt-3">
            <p className="font-medium">{t("empty")}</p>
            <p className="mt-1 text-sm text-stone-600">{t("emptyHint")}</p>
          </div>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("fullName")}</th>
                  <th scope="col" className="hidden py-2 pr-3 sm:table-cell">{t("gender")}</th>
                  {personal && <th scope="col" className="py-2 pr-3">{t("birthYear")}</th>}
                  {personal && <th scope="col" className="py-2 pr-3">{t("phone")}</th>}
                  <th scope="col" className="hidden py-2 pr-3 sm:table-cell">{t("isPartyMember")}</th>
                  <th scope="col" className="hidden py-2 pr-3 md:table-cell">{t("position")}</th>
                  <th scope="col" className="py-2 pr-3">{t("unit")}</th>
                  <th scope="col" className="hidden py-2 pr-3 sm:table-cell">{t("status")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((c) => (
                  <tr key={c.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link href={`/cadres/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {c.fullName}
                      </Link>
                    </th>
                    <td className="hidden py-2 pr-3 sm:table-cell">{c.gender ? GENDER_LABELS[c.gender] : ""}</td>
                    {personal && <td className="py-2 pr-3 tabular-nums">{c.birthYear ?? ""}</td>}
                    {personal && <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{c.phone ?? ""}</td>}
                    <td className="hidden py-2 pr-3 sm:table-cell">{c.isPartyMember ? t("yes") : ""}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">{c.position ?? ""}</td>
                    <td className="py-2 pr-3">
                      {unitFullName(c.unit)}
                      {c.unit.parent && <span className="block text-xs text-stone-600">{unitFullName(c.unit.parent)}</span>}
                    </td>
                    <td className="hidden py-2 pr-3 sm:table-cell">{c.endedOn ? t("endedOnLabel", { date: formatDate(c.endedOn) }) : t("current")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(!first || nextCursor) && (
          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
            {!first ? (
              <Link href={at({})} className="rounded-md border border-stone-300 px-3 py-2 hover:bg-stone-50">
                ← {t("firstPage")}
              </Link>
            ) : (
              <span />
            )}
            {nextCursor && (
              <Link href={at({ cursor: nextCursor })} className="rounded-md border border-stone-300 px-3 py-2 hover:bg-stone-50">
                {t("next")} →
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
