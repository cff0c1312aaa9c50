import { useLocale, useTranslations } from "next-intl";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { ChartFrame, columnCentre, niceTicks } from "./chart-frame";
import type { trendSeries } from "./series";

const RECEIVED = "#2c7bb6";
const RESOLVED = "#1a9641";

/**
 * The drawing of `PetitionTrendChart`: received and resolved as two lines over the months, drawn as SVG in the
 * server's HTML and redrawn in the browser when the field changes; no chart library (decision 045).
 */
export default function TrendDrawing({ data }: { data: ReturnType<typeof trendSeries> }) {
  const t = useTranslations("dashboardCharts");
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  const ticks = niceTicks(Math.max(0, ...data.flatMap((d) => [d.received, d.resolved])));
  const top = ticks[ticks.length - 1];
  // Two decimals of a 100-unit box: finer than a pixel on any screen, and short in the HTML.
  const round = (v: number) => Math.round(v * 100) / 100;
  const x = (i: number) => round(((i + 0.5) / data.length) * 100);
  const y = (v: number) => round(100 - (v / top) * 100);
  const points = (pick: (d: (typeof data)[number]) => number) => data.map((d, i) => `${x(i)},${y(pick(d))}`).join(" ");
  const lines = [
    { key: "received", color: RECEIVED, dash: undefined, label: t("trend.received"), pick: (d: (typeof data)[number]) => d.received },
    // Dashed as well as green: the two lines differ without colour.
    { key: "resolved", color: RESOLVED, dash: "6 3", label: t("trend.resolved"), pick: (d: (typeof data)[number]) => d.resolved },
  ];
  return (
    <ChartFrame
      height={220}
      ticks={ticks}
      formatTick={n}
      columns={data.map((d) => ({
        key: d.month,
        label: formatMonth(d.month),
        title: `${formatMonth(d.month)}\n${t("trend.received")}: ${n(d.received)}\n${t("trend.resolved")}: ${n(d.resolved)}`,
      }))}
      legend={lines.map((l) => (
        <span key={l.key} className="inline-flex items-center gap-1.5">
          <svg width="20" height="8" aria-hidden="true">
            <line x1="0" x2="20" y1="4" y2="4" stroke={l.color} strokeWidth="2" strokeDasharray={l.dash} />
          </svg>
          {l.label}
        </span>
      ))}
    >
      <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox="0 0 100 100" preserveAspectRatio="none">
        {lines.map((l) => (
          <polyline key={l.key} points={points(l.pick)} fill="none" stroke={l.color} strokeWidth="2" strokeDasharray={l.dash} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
      {/* One month makes no line: its values as dots. */}
      {data.length === 1 &&
        lines.map((l) => (
          <span
            key={l.key}
            className="absolute size-2 -translate-x-1/2 -translate-y-1/2 rounded-full"
            style={{ left: columnCentre(0, 1), top: `${y(l.pick(data[0]))}%`, background: l.color }}
          />
        ))}
    </ChartFrame>
  );
}
