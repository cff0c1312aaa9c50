"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { complianceSeries } from "./series";

/** The recharts drawing of `MeetingComplianceChart`, loaded after the page (decision 015). */
export default function ComplianceDrawing({ data }: { data: ReturnType<typeof complianceSeries> }) {
  const t = useTranslations("dashboardCharts");
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? "—" : `${formatNumber(v, locale, 1)}%`);
  return (
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
  );
}
