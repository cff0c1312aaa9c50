import { getLocale, getTranslations } from "next-intl/server";
import { formatKpi, KPI_COLUMNS, sortRows, THRESHOLD_KPI, thresholdStanding } from "@/lib/dashboards/columns";
import { reportQuery, type ReportParams } from "@/lib/dashboards/report-params";
import { figureLists } from "@/lib/dashboards/links";
import type { ChildRow, Dashboard } from "@/lib/dashboards/types";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { unitFullName } from "@/lib/units/labels";
import { ChildTableView, type ChildTableColumn } from "./child-table-view";

/**
 * The child units with every KPI as a column. Headers sort (links, so no JavaScript is
 * needed); a unit's name drills down one level; units below the on-time threshold stand out.
 */
export async function ChildTable({
  dashboard,
  params,
  caption,
  threshold,
  reports,
}: {
  dashboard: Dashboard;
  params: ReportParams;
  caption: string;
  threshold: { value: number; note: string };
  /** Each child's periodic report of the period (lib/periodic-reports), when the period is one reports are written for. */
  reports?: { heading: string; byUnit: Map<number, { label: string; standing: string; href: string | null }> };
}) {
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale().then(toLocale)]);
  if (dashboard.children.length === 0) return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">{t("children.empty")}</p>;
  const rows: ChildRow[] = sortRows(dashboard.children, params.sort, params.dir);
  const column = (key: ReportParams["sort"], label: string): ChildTableColumn => {
    const active = params.sort === key;
    // A first click on a figure sorts the largest first; on the name, A to Z.
    const dir = active ? (params.dir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc";
    return {
      key,
      label,
      sortLabel: t("children.sortBy", { column: label }),
      href: `/reports?${reportQuery(params, { sort: key, dir })}`,
      sort: active ? (params.dir === "asc" ? "ascending" : "descending") : "none",
    };
  };
  // Each figure that counts petitions opens their list (restated view only, lib/dashboards/links.ts).
  const withLists = (unitId: number) => {
    const lists: Partial<Record<string, string>> = figureLists(unitId, dashboard.period, dashboard.view);
    return { links: KPI_COLUMNS.map((c) => lists[c.key] ?? null) };
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700" aria-hidden="true">
        {caption}
      </p>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white print:overflow-visible">
        <ChildTableView
          caption={caption}
          columns={[column("name", t("children.unit")), ...KPI_COLUMNS.map((c) => column(c.key, t(`kpi.${c.key}`)))]}
          rows={rows.map((row) => ({
            ...withLists(row.unit.id),
            id: row.unit.id,
            name: unitFullName(row.unit),
            href: `/reports?${reportQuery(params, { unit: row.unit.id, sort: "name", dir: "asc" })}`,
            closed: row.unit.validTo ? t("children.closed", { date: formatDate(row.unit.validTo) }) : null,
            standing: thresholdStanding(row.kpis, threshold.value),
            cells: KPI_COLUMNS.map((c) => formatKpi(row.kpis[c.key], c.kind, locale)),
            report: reports?.byUnit.get(row.unit.id),
          }))}
          total={{ label: t("children.total", { unit: unitFullName(dashboard.unit) }), cells: KPI_COLUMNS.map((c) => formatKpi(dashboard.kpis[c.key], c.kind, locale)) }}
          standingLabels={{ below: t("children.below"), tooFew: t("children.tooFew") }}
          belowColumn={THRESHOLD_KPI}
          reportColumn={reports?.heading}
        />
      </div>
      <p className="text-sm text-stone-600">{threshold.note}</p>
    </div>
  );
}
