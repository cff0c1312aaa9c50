import { useLocale, useTranslations } from "next-intl";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { ChartFrame } from "./chart-frame";
import type { complianceSeries } from "./series";

const BAR = "#2c7bb6";

/**
 * The drawing of `MeetingComplianceChart`: the share held per month as bars against the 100% target, in the
 * server's HTML; no chart library (decision 045).
 */
export default function ComplianceDrawing({ data }: { data: ReturnType<typeof complianceSeries> }) {
  const t = useTranslations("dashboardCharts");
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? "—" : `${formatNumber(v, locale, 1)}%`);
  // 0–100%, stretched by quarters when more meetings were held than expected.
  const ticks = [0, 25, 50, 75, 100];
  while (ticks[ticks.length - 1] < Math.max(0, ...data.map((d) => d.share ?? 0))) ticks.push(ticks[ticks.length - 1] + 25);
  const top = ticks[ticks.length - 1];
  return (
    <ChartFrame
      height={210}
      topPadding={20}
      ticks={ticks}
      formatTick={(v) => `${n(v)}%`}
      columns={data.map((d) => ({
        key: d.month,
        label: formatMonth(d.month),
        title: `${formatMonth(d.month)}\n${t("compliance.share")}: ${pct(d.share)} (${n(d.held)}/${n(d.expected)})`,
      }))}
    >
      <div className="absolute inset-0 flex items-end">
        {data.map((d) => (
          <div key={d.month} className="flex h-full min-w-0 flex-1 items-end justify-center">
            {d.share !== null && <div className="w-[70%] max-w-12" style={{ height: `${(d.share / top) * 100}%`, background: BAR }} />}
          </div>
        ))}
      </div>
      {/* The target: a dashed line at 100%, labelled above it. */}
      <div className="absolute inset-x-0 border-t border-dashed border-stone-600" style={{ top: `${100 - (100 / top) * 100}%` }}>
        <span className="absolute inset-x-0 -top-5 text-center text-stone-700">{t("compliance.target")}</span>
      </div>
    </ChartFrame>
  );
}
