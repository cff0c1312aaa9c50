import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ChoroplethMap } from "@/components/dashboards/choropleth-map";
import { MeetingComplianceChart } from "@/components/dashboards/meeting-compliance-chart";
import { PetitionStatusChart } from "@/components/dashboards/petition-status-chart";
import { PetitionTrendChart } from "@/components/dashboards/petition-trend-chart";
import { RefForm } from "@/components/refdata/ref-form";
import { ChildTable } from "@/components/reports/child-table";
import { KpiCards } from "@/components/reports/kpi-cards";
import { figureLists } from "@/lib/dashboards/links";
import { periodLabel, reportingOffice } from "@/lib/dashboards/period-label";
import { PrintButton } from "@/components/reports/print-button";
import { ReportControls } from "@/components/reports/report-controls";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { setThresholdAction } from "@/lib/dashboards/actions";
import { formatKpi, KPI_COLUMNS, kpiColumn, MIN_RESOLVED_TO_JUDGE, NEAR_THRESHOLD_POINTS, THRESHOLD_KPI, thresholdStanding } from "@/lib/dashboards/columns";
import { monthsOf } from "@/lib/dashboards/period";
import { reportPageFor } from "@/lib/dashboards/report-page";
import { parseReportParams, predecessorQuery, reportQuery } from "@/lib/dashboards/report-params";
import { formatDate, formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { isoDay, todayInVietnam } from "@/lib/time";
import { boundaryImportCommand } from "@/lib/units/boundaries/import";
import { unitFullName } from "@/lib/units/labels";
import { periodicQuery } from "@/lib/periodic-reports/params";
import { lastEndedPeriod } from "@/lib/periodic-reports/period";
import { CompletenessSummary } from "@/components/periodic-reports/completeness-summary";
import { ModelSummary } from "@/components/good-practice/model-summary";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("report:read:subtree");
  const today = todayInVietnam();
  const params = parseReportParams(await searchParams, today);
  const page = await reportPageFor(actor, params.unit ?? actor.unit.id, params.period, params.view);
  if (!page) notFound();
  const { dashboard, reportPeriod, shapes, threshold, completeness, marks } = page;
  const [t, tp, locale] = await Promise.all([getTranslations("reports"), getTranslations("periodicReports"), getLocale().then(toLocale)]);
  const tl = (key: string, values?: Record<string, string>) => t(key, values);
  const period = periodLabel(dashboard.period, tl);
  const unitName = unitFullName(dashboard.unit);
  const mapColumn = kpiColumn(params.map);
  const onTimeMap = params.map === THRESHOLD_KPI;
  const configurable = allows(actor, "report:configure:subtree") && (dashboard.unit.level === "PROVINCE" || dashboard.unit.level === "NATION");
  const months = monthsOf(dashboard.period).map((m) => m.slice(0, 7));

  return (
    <div className="space-y-6 print:space-y-3">
      <nav aria-label={t("breadcrumb")} className="text-sm print:hidden">
        <ol className="flex flex-wrap gap-1 text-stone-600">
          {dashboard.path.map((u, i) => (
            <li key={u.id} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden="true">›</span>}
              {u.id === dashboard.unit.id ? (
                <span aria-current="page" className="font-medium text-stone-900">
                  {unitFullName(u)}
                </span>
              ) : (
                <Link href={`/reports?${reportQuery(params, { unit: u.id, sort: "name", dir: "asc" })}`} className="text-brand-700 hover:underline">
                  {unitFullName(u)}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("heading", { unit: unitName })}</h1>
          <p className="text-stone-700" data-testid="reporting-office">
            {reportingOffice(dashboard.unit, dashboard.period, isoDay(today))}
          </p>
          <p className="text-stone-700">
            {period} · {t(`view.${dashboard.view}`)}
          </p>
          <p className="text-sm text-stone-600">
            {t("period.previous", { label: periodLabel(dashboard.previousPeriod, tl) })} · {t("asOf", { time: formatDateTime(new Date(dashboard.asOf)) })}
          </p>
          {!dashboard.period.complete && (
            <p className="mt-1 w-fit rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="period-incomplete">
              {t("period.incomplete", { date: formatDate(today) })}
            </p>
          )}
          <p className="hidden text-sm text-stone-600 print:block">{t("generatedBy", { name: actor.displayName })}</p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          {allows(actor, "periodic-report:read:subtree") && (
            <Link
              href={`/reports/periodic?${periodicQuery({ unit: dashboard.unit.id, period: reportPeriod && reportPeriod.to < isoDay(today) ? reportPeriod : lastEndedPeriod("MONTH", today) })}`}
              className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50"
            >
              {tp("title")}
            </Link>
          )}
          <a href={`/reports/export?${reportQuery({ ...params, unit: dashboard.unit.id })}`} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("actions.exportXlsx")}
          </a>
          <PrintButton label={t("actions.print")} />
        </div>
      </header>

      {params.periodError && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("period.invalid", { message: params.periodError })}
        </p>
      )}
      <ReportControls params={params} />
      <p className="text-sm text-stone-600 print:hidden">{t(dashboard.view === "historical" ? "view.historicalHint" : "view.restatedHint")}</p>
      {dashboard.predecessors.length > 0 && (
        <nav aria-labelledby="predecessors-title" className="text-sm print:hidden" data-testid="report-predecessors">
          <h2 id="predecessors-title" className="inline font-medium">
            {t("predecessors.title", { unit: unitName })}
          </h2>{" "}
          <ul className="inline">
            {dashboard.predecessors.map((p, i) => (
              <li key={p.id} className="inline">
                {i > 0 && ", "}
                <Link href={`/reports?${predecessorQuery(params, p)}`} className="text-brand-700 underline underline-offset-2">
                  {p.validTo ? t("predecessors.until", { unit: unitFullName(p), date: formatDate(p.validTo) }) : unitFullName(p)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <KpiCards
        kpis={dashboard.kpis}
        previous={dashboard.previous}
        comparison={dashboard.comparison}
        coverage={dashboard.coverage}
        meetingsDue={dashboard.period.meetingsDue}
        lists={figureLists(dashboard.unit.id, dashboard.period, dashboard.view)}
      />

      <ModelSummary figures={dashboard.models} unitName={unitName} listHref={allows(actor, "good-practice:read:subtree") ? `/models?year=${dashboard.models.year}` : null} />

      {completeness && reportPeriod && completeness.rows.length > 0 && (
        <CompletenessSummary counts={completeness.counts} href={`/reports/periodic?${periodicQuery({ unit: dashboard.unit.id, period: reportPeriod })}`} />
      )}

      {dashboard.children.length > 0 && (
        <section aria-labelledby="children-title" className="space-y-3">
          <h2 id="children-title" className="text-lg font-semibold">
            {t("children.title")}
          </h2>
          <ChildTable
            dashboard={dashboard}
            params={params}
            caption={t("children.caption", { unit: unitName, period })}
            threshold={{
              value: threshold.value,
              note: threshold.owner
                ? t("children.thresholdNote", { threshold: String(threshold.value), owner: unitFullName(threshold.owner), min: String(MIN_RESOLVED_TO_JUDGE) })
                : t("children.thresholdDefault", { threshold: String(threshold.value), min: String(MIN_RESOLVED_TO_JUDGE) }),
            }}
            reports={
              completeness && reportPeriod && completeness.rows.length > 0
                ? {
                    heading: tp("title"),
                    byUnit: new Map(
                      completeness.rows.map((r) => [
                        r.unit.id,
                        {
                          label: tp(`standing.${r.standing}`),
                          standing: r.standing,
                          href: r.status ? `/reports/periodic/report?${periodicQuery({ unit: r.unit.id, period: reportPeriod })}` : null,
                        },
                      ]),
                    ),
                  }
                : undefined
            }
          />
          {configurable && (
            <div className="max-w-md rounded-lg border border-stone-200 bg-white p-3 print:hidden">
              <RefForm
                action={setThresholdAction}
                summary={t("threshold.title")}
                fields={[
                  { kind: "hidden", name: "unitId", value: String(dashboard.unit.id) },
                  { kind: "number", name: "onTimeRate", label: t("threshold.label"), defaultValue: String(threshold.value), min: 0, max: 100, required: true },
                ]}
                submit={t("threshold.save")}
                success={t("threshold.saved", { unit: unitName })}
                layout="inline"
              />
            </div>
          )}
        </section>
      )}

      {dashboard.children.length > 0 && (
        <section aria-labelledby="map-title" className="space-y-3 print:break-before-page">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="map-title" className="text-lg font-semibold">
              {t("map.title")}
            </h2>
            <form method="get" action="/reports" className="flex items-end gap-2 print:hidden">
              {Object.entries(Object.fromEntries(new URLSearchParams(reportQuery(params)))).map(([k, v]) =>
                k === "map" ? null : <input key={k} type="hidden" name={k} value={v} />,
              )}
              <label className="text-sm font-medium">
                {t("map.kpi")}
                <select name="map" defaultValue={params.map} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                  {KPI_COLUMNS.map((c) => (
                    <option key={c.key} value={c.key}>
                      {t(`kpi.${c.key}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 font-medium hover:bg-stone-50">
                {t("map.apply")}
              </button>
            </form>
          </div>
          <ChoroplethMap
            kpiLabel={t(`kpi.${params.map}`)}
            higherIsBetter={mapColumn.higherIsBetter ?? true}
            formatValue={(v) => formatKpi(v, mapColumn.kind, locale)}
            // The on-time share is coloured by the province's threshold, as the table marks it (issue 14); other figures by rank.
            threshold={onTimeMap ? { value: threshold.value, near: NEAR_THRESHOLD_POINTS } : undefined}
            // An empty map tells an administrator how boundaries are imported; villages have no boundary source, so not below a commune.
            importCommand={allows(actor, "admin:access") && dashboard.unit.level !== "COMMUNE" ? boundaryImportCommand(`<${t("map.importFile")}>`) : undefined}
            units={dashboard.children.map((c) => ({
              unitId: c.unit.id,
              name: unitFullName(c.unit),
              label: c.unit.name,
              href: `/reports?${reportQuery(params, { unit: c.unit.id, sort: "name", dir: "asc" })}`,
              value: c.kpis[params.map],
              tooFew: onTimeMap && thresholdStanding(c.kpis, threshold.value) === "tooFew",
              coordinates: shapes.get(c.unit.id) ?? null,
              hotspots: marks?.has(c.unit.id)
                ? { count: marks.get(c.unit.id)!.count, label: tp("hotspot.mapLabel", { count: String(marks.get(c.unit.id)!.count), worst: tp(`hotspot.level.${marks.get(c.unit.id)!.worst}`) }) }
                : undefined,
            }))}
            hotspotLegend={tp("hotspot.mapLegend")}
          />
        </section>
      )}

      <section aria-labelledby="charts-title" className="space-y-3 print:break-before-page">
        <h2 id="charts-title" className="text-lg font-semibold">
          {t("charts.title")}
        </h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <PetitionTrendChart
            months={months}
            fields={dashboard.charts.trendByField.map((f) => ({ id: f.fieldId, name: f.fieldName }))}
            rows={dashboard.charts.trendByField.flatMap((f) => f.points.map((p) => ({ month: p.month, fieldId: f.fieldId, received: p.received, resolved: p.resolved })))}
          />
          <PetitionStatusChart items={dashboard.charts.statusBreakdown} />
          <MeetingComplianceChart months={months} rows={dashboard.charts.meetingCompliance.map((p) => ({ month: p.month, held: p.held, expected: p.expected }))} />
        </div>
      </section>
    </div>
  );
}
