import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PetitionFilterForm } from "@/components/petitions/filter-form";
import { PetitionTable } from "@/components/petitions/petition-table";
import { requirePermission } from "@/lib/auth/current";
import { can } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/format";
import { filtersToParams, listPetitions, parsePetitionFilters } from "@/lib/petitions/list";
import { agencyOptions, areaOptions, petitionFieldOptions } from "@/lib/petitions/options";

export async function generateMetadata() {
  return { title: (await getTranslations("petitions"))("title") };
}

export default async function PetitionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("petition:read:subtree");
  const filters = parsePetitionFilters(await searchParams);
  const [page, fields, agencies, areas] = await Promise.all([
    listPetitions(actor, filters),
    petitionFieldOptions(),
    agencyOptions(actor),
    areaOptions(actor),
  ]);
  const [t, tr] = await Promise.all([getTranslations("petitions"), getTranslations("refdata")]);
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
        </div>
        <div className="flex flex-wrap gap-2">
          {can(actor.role, "petition:create:subtree") && (
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
      <PetitionFilterForm filters={filters} fields={fields} agencies={agencies} areas={areas} />
      <PetitionTable page={page} filters={filters} emptyMessage={filtered ? t("empty") : t("emptyAll")} />
    </div>
  );
}
