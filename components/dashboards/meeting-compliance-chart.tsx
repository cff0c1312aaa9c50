import { useLocale, useTranslations } from "next-intl";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { percent } from "@/lib/percent";
import { complianceSeries, type MeetingComplianceRow } from "./series";
import { ChartTable } from "./chart-table";
import ComplianceDrawing from "./compliance-drawing";

export interface MeetingComplianceChartProps {
  /** Meetings held and expected per month, as the rollup gives them. */
  rows: MeetingComplianceRow[];
  /** The months to show ("YYYY-MM", oldest first); by default the span of `rows`. */
  months?: string[];
}

/**
 * Meeting compliance month by month: the share of expected meetings held (target 100%).
 * The drawing (plain HTML and CSS, decision 045) and the table alternative, with held and
 * expected, are in the server's HTML. No JavaScript: it works as a server or a client component.
 */
export function MeetingComplianceChart({ rows, months }: MeetingComplianceChartProps) {
  const t = useTranslations("dashboardCharts");
  const locale = toLocale(useLocale());
  const data = complianceSeries(rows, months);
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? "—" : `${formatNumber(v, locale, 1)}%`);
  const held = data.reduce((s, d) => s + d.held, 0);
  const expected = data.reduce((s, d) => s + d.expected, 0);

  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="font-semibold">{t("compliance.title")}</figcaption>
      {data.length === 0 ? (
        <p className="mt-3 text-stone-600">{t("empty")}</p>
      ) : (
        <>
          {/* The table below carries the numbers for screen readers and keyboards; the drawing is for the eye. */}
          <div aria-hidden="true" className="mt-3" data-testid="compliance-drawing">
            <ComplianceDrawing data={data} />
          </div>
          <ChartTable
            summary={t("showTable")}
            caption={t("compliance.caption")}
            columns={[t("month"), t("compliance.held"), t("compliance.expected"), t("compliance.share")]}
            rows={data.map((d) => ({ key: d.month, header: formatMonth(d.month), cells: [n(d.held), n(d.expected), pct(d.share)] }))}
            footer={{ header: t("total"), cells: [n(held), n(expected), pct(percent(held, expected))] }}
          />
        </>
      )}
    </figure>
  );
}
