import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChoiceField } from "@/components/choices/choice-field";
import { inputClass } from "@/components/units/action-feedback";
import { requirePermission } from "@/lib/auth/current";
import { formatKpi } from "@/lib/dashboards/columns";
import { formatNumber } from "@/lib/format";
import { percent } from "@/lib/percent";
import type { ComplianceFigure } from "@/lib/meetings/compliance";
import { getCompliancePage } from "@/lib/meetings/compliance-page";
import { choiceText } from "@/lib/choices/types";
import { resolveUnitChoice } from "@/lib/choices/units";
import { parseId } from "@/lib/forms/fields";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("meetings"))("compliance.title") };
}

/** The share as the reports page writes it: lib/percent's rounding (never 100 % short of all), formatKpi's form. */
function shareOf(figure: ComplianceFigure) {
  return formatKpi(percent(figure.held, figure.expected), "percent");
}

function Figure({ label, figure, testId }: { label: string; figure: ComplianceFigure; testId: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4" data-testid={testId}>
      <p className="text-sm text-stone-600">{label}</p>
      <p className="text-2xl font-semibold">
        {formatNumber(figure.held)} / {formatNumber(figure.expected)} <span className="text-base font-normal text-stone-600">({shareOf(figure)})</span>
      </p>
    </div>
  );
}

function FigureCell({ figure }: { figure: ComplianceFigure }) {
  return (
    <td className="px-3 py-2 text-right tabular-nums">
      {formatNumber(figure.held)} / {formatNumber(figure.expected)} <span className="text-stone-600">({shareOf(figure)})</span>
    </td>
  );
}

/** Meetings held against expected for a unit and month (decision 013's definition), and who has not met. */
export default async function CompliancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("meeting:read:subtree");
  const q = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // The unit is chosen on demand (decision 029). Text typed without JavaScript picks its best match; an id
  // in the address is the page's unit as before (out of reach: not found).
  const area = await resolveUnitChoice(actor, parseId(first(q.unit)) ?? undefined, choiceText(q.unitText));
  const unitParam = area.selected ? String(area.selected.id) : area.text !== null ? undefined : first(q.unit);
  const data = await getCompliancePage(actor, { unit: unitParam, month: first(q.month) });
  if (!data) notFound();
  const t = await getTranslations("meetings.compliance");
  const monthValue = `${data.year}-${String(data.month).padStart(2, "0")}`;
  const shift = (by: number) => {
    const d = new Date(Date.UTC(data.year, data.month - 1 + by, 1));
    return `/meetings/compliance?unit=${data.unit.id}&month=${d.toISOString().slice(0, 7)}`;
  };
  const shown = area.selected || area.text !== null ? area : { selected: { id: data.unit.id, label: unitFullName(data.unit), detail: null }, text: null, others: [] };
  return (
    <div className="space-y-4">
      <nav aria-label="breadcrumb" className="text-sm text-stone-600">
        <Link href="/meetings" className="text-brand-700 underline underline-offset-2">{t("back")}</Link>
      </nav>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form method="get" action="/meetings/compliance" className="grid grid-cols-1 gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <ChoiceField id="mc-unit" label={t("unit")} name="unit" source="units" resolved={shown} hrefFor={(id) => `/meetings/compliance?unit=${id}&month=${monthValue}`} />
        <div>
          <label htmlFor="mc-month" className="block text-sm font-medium">{t("month")}</label>
          <input id="mc-month" name="month" type="month" defaultValue={monthValue} className={inputClass} />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">{t("show")}</button>
      </form>
      <nav aria-label={t("months")} className="flex flex-wrap gap-3 text-sm">
        <Link href={shift(-1)} className="text-brand-700 underline underline-offset-2">← {t("previousMonth")}</Link>
        <Link href={shift(1)} className="text-brand-700 underline underline-offset-2">{t("nextMonth")} →</Link>
      </nav>
      <p className="text-stone-700">{t("heading", { unit: unitFullName(data.unit), month: `${String(data.month).padStart(2, "0")}/${data.year}`, quarter: `${data.quarter}/${data.year}` })}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Figure label={t("teams")} figure={data.teams} testId="team-compliance" />
        <Figure label={t("briefings", { quarter: `${data.quarter}/${data.year}` })} figure={data.briefings} testId="briefing-compliance" />
      </div>
      {data.children.length > 0 && (
        <section aria-labelledby="mc-children" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="mc-children" className="text-lg font-semibold">{t("children")}</h2>
          <p className="text-sm text-stone-600">{t("childrenOrder")}</p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-sm" data-testid="compliance-children">
              <thead>
                <tr className="border-b border-stone-200 text-left">
                  <th scope="col" className="px-3 py-2">{t("unit")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("childTeams")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("childBriefings", { quarter: `${data.quarter}/${data.year}` })}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {data.children.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/meetings/compliance?unit=${c.id}&month=${monthValue}`} className="text-brand-700 underline underline-offset-2">{unitFullName(c)}</Link>
                    </th>
                    <FigureCell figure={c.teams} />
                    <FigureCell figure={c.briefings} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {data.missingVillages === null || data.missingCommunes === null ? (
        <p className="text-stone-700">{t("drillDown")}</p>
      ) : (
        <>
          <section aria-labelledby="mc-missing" className="rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="mc-missing" className="text-lg font-semibold">{t("missingVillages", { count: data.teams.expected - data.teams.held })}</h2>
            {data.missingVillages.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("allMet")}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-100" data-testid="missing-villages">
                {data.missingVillages.map((v) => (
                  <li key={v.organisationId} className="py-1.5">
                    <Link href={`/organisations/${v.organisationId}`} className="text-brand-700 underline underline-offset-2">{v.villageName}</Link>
                    {v.communeName && <span className="text-sm text-stone-600"> · {v.communeName}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="mc-briefings" className="rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="mc-briefings" className="text-lg font-semibold">{t("missingCommunes", { count: data.briefings.expected - data.briefings.held })}</h2>
            {data.missingCommunes.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("allBriefed")}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-100">
                {data.missingCommunes.map((c) => (
                  <li key={c.communeId} className="py-1.5">{c.communeName}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
