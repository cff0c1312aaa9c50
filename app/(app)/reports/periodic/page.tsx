import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompletenessSummary } from "@/components/periodic-reports/completeness-summary";
import { PeriodForm, StandingBadge, StatusBadge } from "@/components/periodic-reports/parts";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { CHILD_SORTS, pageOfRows, parsePeriodicParams, periodicQuery } from "@/lib/periodic-reports/params";
import { reportPeriodLabel } from "@/lib/periodic-reports/period";
import { completenessOf, reportOfPeriod } from "@/lib/periodic-reports/queries";
import { STANDINGS } from "@/lib/periodic-reports/standing";
import { todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("title") };
}

/** A unit's periodic report of a period, and the reports of the units below it: completeness and timeliness. */
export default async function PeriodicReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("periodic-report:read:subtree");
  const today = todayInVietnam();
  const params = parsePeriodicParams(await searchParams, today);
  const unitId = params.unit ?? actor.unit.id;
  const [own, below, t] = await Promise.all([reportOfPeriod(actor, unitId, params.period), completenessOf(actor, unitId, params.period), getTranslations("periodicReports")]);
  if (!own || !below) notFound();
  const unitName = unitFullName(own.unit);
  const label = reportPeriodLabel(params.period);
  const shown = pageOfRows(below.rows, params);
  const base = { ...params, unit: unitId };
  const reportHref = (id: number) => `/reports/periodic/report?${periodicQuery({ unit: id, period: params.period })}`;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("heading", { unit: unitName })}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p className="flex flex-wrap gap-4">
          {allows(actor, "periodic-report:approve:subtree") && (
            <Link href="/reports/periodic/inbox" className="font-medium text-brand-700 underline">
              {t("inbox.link")}
            </Link>
          )}
          <Link href={`/reports/periodic/hotspots?${periodicQuery({ unit: unitId, period: params.period })}`} className="font-medium text-brand-700 underline">
            {t("hotspot.listLink")}
          </Link>
          {allows(actor, "periodic-template:manage:subtree") && (
            <Link href="/admin/report-templates" className="font-medium text-brand-700 underline">
              {t("templates.link")}
            </Link>
          )}
        </p>
      </header>
      {params.periodInvalid && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("notFoundPeriod")}
        </p>
      )}
      <PeriodForm action="/reports/periodic" unit={params.unit} period={params.period} today={today} />

      <section aria-labelledby="own-title" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4" data-testid="own-report">
        <h2 id="own-title" className="text-lg font-semibold">
          {t("own.title")} · {label}
        </h2>
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={own.report?.status ?? null} />
          <StandingBadge standing={own.standing} />
          <span className="text-sm text-stone-700">{t("due", { date: formatDate(own.dueOn) })}</span>
        </p>
        {own.report || own.mayStart ? (
          <p>
            <Link href={reportHref(own.unit.id)} className="font-medium text-brand-700 underline">
              {own.report ? t("own.open") : t("report.start")}
            </Link>
          </p>
        ) : (
          <p className="text-sm text-stone-600">{own.approverUnit ? t("own.none") : t("own.notReporting")}</p>
        )}
      </section>

      <section aria-labelledby="children-title" className="space-y-3">
        <h2 id="children-title" className="text-lg font-semibold">
          {t("children.title")}
        </h2>
        {below.rows.length === 0 ? (
          <p role="status" className="text-stone-600">
            {t("children.empty")}
          </p>
        ) : (
          <>
            <CompletenessSummary counts={below.counts} />
            <form method="get" action="/reports/periodic" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="unit" value={unitId} />
              <input type="hidden" name="period" value={params.period.key} />
              <label className="text-sm font-medium">
                {t("children.filter")}
                <select name="standing" defaultValue={params.standing ?? ""} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                  <option value="">{t("children.all")}</option>
                  {STANDINGS.map((s) => (
                    <option key={s} value={s}>
                      {t(`standing.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm font-medium">
                {t("children.sort")}
                <select name="sort" defaultValue={params.sort} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                  {CHILD_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`children.sort${s[0].toUpperCase()}${s.slice(1)}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm font-medium">
                {t("children.dir")}
                <select name="dir" defaultValue={params.dir} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                  <option value="asc">{t("children.asc")}</option>
                  <option value="desc">{t("children.desc")}</option>
                </select>
              </label>
              <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 font-medium hover:bg-stone-50">
                {t("children.apply")}
              </button>
            </form>
            {shown.rows.length === 0 ? (
              <p role="status" className="text-stone-600">
                {t("children.emptyFilter")}
              </p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
                <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="completeness-table">
                  <caption className="sr-only">{t("children.caption", { period: label, unit: unitName })}</caption>
                  <thead>
                    <tr className="border-b border-stone-300 text-left">
                      <th scope="col" className="p-2 font-medium">{t("children.unit")}</th>
                      <th scope="col" className="p-2 font-medium">{t("children.status")}</th>
                      <th scope="col" className="p-2 font-medium">{t("children.standing")}</th>
                      <th scope="col" className="p-2 font-medium">{t("children.submitted")}</th>
                      <th scope="col" className="p-2 font-medium">{t("children.due")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.rows.map((r) => (
                      <tr key={r.unit.id} className="border-b border-stone-100" data-unit={r.unit.id}>
                        <th scope="row" className="p-2 text-left font-normal">
                          {r.status ? (
                            <Link href={reportHref(r.unit.id)} className="text-brand-700 underline">
                              {unitFullName(r.unit)}
                            </Link>
                          ) : (
                            unitFullName(r.unit)
                          )}
                        </th>
                        <td className="p-2"><StatusBadge status={r.status} /></td>
                        <td className="p-2"><StandingBadge standing={r.standing} /></td>
                        <td className="p-2 tabular-nums">{r.submittedAt ? formatDate(r.submittedAt) : "–"}</td>
                        <td className="p-2 tabular-nums">{formatDate(r.dueOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {shown.pages > 1 && (
              <nav aria-label={t("children.title")} className="flex flex-wrap items-center gap-3 text-sm">
                {shown.page > 1 && (
                  <Link href={`/reports/periodic?${periodicQuery(base, { page: shown.page - 1 })}`} className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
                    {t("children.previous")}
                  </Link>
                )}
                <span>{t("children.page", { page: String(shown.page), pages: String(shown.pages) })}</span>
                {shown.page < shown.pages && (
                  <Link href={`/reports/periodic?${periodicQuery(base, { page: shown.page + 1 })}`} className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
                    {t("children.next")}
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
