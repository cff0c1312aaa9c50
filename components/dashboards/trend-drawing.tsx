"use client";

import { useLocale, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { trendSeries } from "./series";

const RECEIVED = "#2c7bb6";
const RESOLVED = "#1a9641";

/** The recharts drawing of `PetitionTrendChart`, loaded after the page (decision 015). */
export default function TrendDrawing({ data }: { data: ReturnType<typeof trendSeries> }) {
  const t = useTranslations("dashboardCharts");
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  return (
    <LineChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="#e7e5e4" vertical={false} />
      <XAxis dataKey="month" tickFormatter={formatMonth} tick={{ fontSize: 12 }} minTickGap={16} />
      <YAxis allowDecimals={false} tickFormatter={n} tick={{ fontSize: 12 }} width={44} />
      <Tooltip labelFormatter={(m) => formatMonth(String(m))} formatter={(v) => n(Number(v))} />
      <Legend />
      <Line type="monotone" dataKey="received" name={t("trend.received")} stroke={RECEIVED} strokeWidth={2} dot={false} isAnimationActive={false} />
      {/* Dashed as well as green: the two lines differ without colour. */}
      <Line type="monotone" dataKey="resolved" name={t("trend.resolved")} stroke={RESOLVED} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
