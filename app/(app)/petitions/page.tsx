import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { PetitionFilterForm } from "@/components/petitions/filter-form";
import { PetitionTable } from "@/components/petitions/petition-table";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/format";
import { countAwaiting, filtersToParams, listOrder, listPetitions, parsePetitionFilters, petitionListHref } from "@/lib/petitions/list";
import { resolveAgencyChoice } from "@/lib/choices/agencies";
import { choiceText, filterDay } from "@/lib/choices/types";
import { resolveUnitChoice } from "@/lib/choices/units";
import { petitionFieldOptions } from "@/lib/petitions/options";

export async function generateMetadata() {
  return { title: (await getTranslations("petitions"))("title") };
}

export default async function PetitionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("petition:read:subtree");
  const raw = await searchParams;
  const parsed = parsePetitionFilters(raw);
  // Areas and agencies are chosen on demand (decision 029): only the chosen ones are read here.
  const [area, agency] = await Promise.all([
    // Units as of the list's period: a commune under its own district then, or its province after the reform.
    resolveUnitChoice(actor, parsed.unit, choiceText(raw.unitText), { today: filterDay(parsed) }),
    resolveAgencyChoice(actor, parsed.agency, choiceText(raw.agencyText)),
  ]);
  const retyped = area.text !== null || agency.text !== null;
  const filters = { ...parsed, unit: area.selected?.id, agency: agency.selected?.id, cursor: retyped ? undefined : parsed.cursor };
  const [page, fields, t, tr, awaiting] = await Promise.all([
    listPetitions(actor, filters),
    petitionFieldOptions(),
    getTranslations("petitions"),
    getTranslations("refdata"),
    countAwaiting(actor),
  ]);
  const { cursor: _cursor, ...withoutCursor } = filters;
  const exportQuery = filtersToParams({ ...withoutCursor, limit: undefined }).toString();
  const filtered = filtersToParams({ ...withoutCursor, sort: undefined, dir: undefined, limit: undefined }).toString() !== "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-stone-600" aria-live="polite">
            {page.totalExact ? t("count", { count: page.total }) : t("countMore", { count: formatNumber(page.total) })}
          </p>
          {/* Escalated petitions waiting for this level to take them over (decision 054). */}
          {awaiting !== null && !filters.awaiting && (
            <Link href={petitionListHref({ awaiting: true })} data-testid="awaiting-take-over" className="mt-1 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
              {t("awaiting")}: {formatNumber(awaiting)}
            </Link>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {allows(actor, "petition:create:subtree") && (
            <Link href="/petitions/new" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
              {t("new")}
            </Link>
          )}
          <Link href="/petitions/agencies" className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {tr("agenciesLink")}
          </Link>
          <a href={`/petitions/export?format=xlsx&${exportQuery}`} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("exportXlsx")}
          </a>
          <a href={`/petitions/export?format=csv&${exportQuery}`} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("exportCsv")}
          </a>
        </div>
      </div>
      <PetitionFilterForm
        filters={filters}
        fields={fields}
        agency={agency}
        area={area}
        hrefFor={(key, id) => petitionListHref({ ...withoutCursor, [key]: id })}
        takesOver={awaiting !== null}
      />
      <PetitionTable
        page={page}
        filters={filters}
        emptyMessage={filtered ? t("empty") : t("emptyAll")}
        datedLabel={t(`dates.${filters.dateOf}`)}
        orderNote={listOrder(filters) === "relevance" ? t("bestMatchFirst") : filters.dateOf !== "received" && listOrder(filters) !== filters.sort ? t(`newestBy.${filters.dateOf}`) : null}
      />
    </div>
  );
}
