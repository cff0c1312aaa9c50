"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { percent } from "@/lib/percent";
import { complianceSeries, type MeetingComplianceRow } from "./series";
import { ChartTable } from "./chart-table";

export interface MeetingComplianceChartProps {
  /** Meetings held and expected per month, as the rollup gives them. */
  rows: MeetingComplianceRow[];
  /** The months to show ("YYYY-MM", oldest first); by default the span of `rows`. */
  months?: string[];
}

/**
 * Meeting compliance month by month: the share of expected meetings held (target 100%).
 * A client component because recharts draws in the browser; the table alternative, with
 * held and expected, is in the server's HTML.
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
          <div aria-hidden="true" className="mt-3">
            <BarChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 240 }} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e7e5e4" vertical={false} />
              <XAxis dataKey="month" tickFormatter={formatMonth} tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${n(v)}%`} tick={{ fontSize: 12 }} width={44} />
              <Tooltip
                labelFormatter={(m) => formatMonth(String(m))}
                formatter={(_v, _name, item) => {
                  const d = item.payload as (typeof data)[number];
                  return [`${pct(d.share)} (${n(d.held)}/${n(d.expected)})`, t("compliance.share")];
                }}
              />
              <ReferenceLine y={100} stroke="#57534e" strokeDasharray="4 4" label={{ value: t("compliance.target"), position: "top", fontSize: 12 }} />
              <Bar dataKey="share" name={t("compliance.share")} fill="#2c7bb6" isAnimationActive={false} />
            </BarChart>
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
