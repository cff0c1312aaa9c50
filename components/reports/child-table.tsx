import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { belowThreshold, formatKpi, KPI_COLUMNS, sortRows } from "@/lib/dashboards/columns";
import { reportQuery, type ReportParams } from "@/lib/dashboards/report-params";
import type { ChildRow, Dashboard } from "@/lib/dashboards/types";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { unitFullName } from "@/lib/units/labels";

/**
 * The child units with every KPI as a column. Headers sort (links, so no JavaScript is
 * needed); a unit's name drills down one level; units below the on-time threshold stand out.
 */
export async function ChildTable({
  dashboard,
  params,
  caption,
  threshold,
}: {
  dashboard: Dashboard;
  params: ReportParams;
  caption: string;
  threshold: { value: number; note: string };
}) {
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale().then(toLocale)]);
  if (dashboard.children.length === 0) return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">{t("children.empty")}</p>;
  const rows: ChildRow[] = sortRows(dashboard.children, params.sort, params.dir);
  const header = (key: ReportParams["sort"], label: string, className = "") => {
    const active = params.sort === key;
    // A first click on a figure sorts the largest first; on the name, A to Z.
    const dir = active ? (params.dir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc";
    return (
      <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-2 py-2 align-bottom font-medium ${className}`}>
        <Link href={`/reports?${reportQuery(params, { sort: key, dir })}`} className="hover:underline print:no-underline" aria-label={t("children.sortBy", { column: label })}>
          {label}
          {active && <span aria-hidden="true">{params.dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700" aria-hidden="true">
        {caption}
      </p>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white print:overflow-visible">
        {/* The figures' cells take their look from the table, not each a class list of its own: the nation's
            63 provinces × 16 figures are 1,000 cells, each written in the page and again in its RSC payload. */}
        <table className="min-w-full text-sm print:text-[8pt] [&_td]:px-2 [&_td]:py-2 [&_td]:text-right [&_td]:tabular-nums" data-testid="child-table">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-50 text-left">
            <tr>
              {header("name", t("children.unit"), "sticky left-0 z-10 min-w-40 bg-stone-50")}
              {KPI_COLUMNS.map((c) => header(c.key, t(`kpi.${c.key}`), "text-right"))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const below = belowThreshold(row.kpis, threshold.value);
              return (
                <tr key={row.unit.id} className={`border-t border-stone-100 ${below ? "bg-red-50" : ""}`} data-unit={row.unit.id} data-below={below || undefined}>
                  <th scope="row" className={`sticky left-0 px-2 py-2 text-left font-medium ${below ? "bg-red-50" : "bg-white"}`}>
                    <Link href={`/reports?${reportQuery(params, { unit: row.unit.id, sort: "name", dir: "asc" })}`} className="text-brand-700 underline-offset-2 hover:underline print:text-black">
                      {unitFullName(row.unit)}
                    </Link>
                    {row.unit.validTo && <span className="block text-xs font-normal text-stone-600">{t("children.closed", { date: formatDate(row.unit.validTo) })}</span>}
                    {below && <span className="block text-xs font-normal text-red-800">{t("children.below")}</span>}
                  </th>
                  {KPI_COLUMNS.map((c) => (
                    <td key={c.key} className={below && c.key === "onTimeRate" ? "font-semibold text-red-800" : undefined} data-kpi={c.key}>
                      {formatKpi(row.kpis[c.key], c.kind, locale)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t-2 border-stone-300 bg-stone-50 font-semibold">
            <tr>
              <th scope="row" className="sticky left-0 bg-stone-50 px-2 py-2 text-left">
                {t("children.total", { unit: unitFullName(dashboard.unit) })}
              </th>
              {KPI_COLUMNS.map((c) => (
                <td key={c.key} data-kpi={c.key}>
                  {formatKpi(dashboard.kpis[c.key], c.kind, locale)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-sm text-stone-600">{threshold.note}</p>
    </div>
  );
}
