import type { ReactNode } from "react";

/**
 * The axes, grid and month columns the two time-series drawings share (decision 045): HTML for the text,
 * so labels keep their size at 360 px whatever the chart's width, and an SVG stretched over the plot for
 * what scales (grid lines, the trend's lines). No JavaScript of its own: it renders on the server, and a
 * client component may redraw it (the trend's field choice). Hovering a month shows its figures through the
 * column's `title`; the drawing is `aria-hidden` where it is used, the table beside it being the accessible
 * version (decision 015).
 */

/** Round steps for a value axis from 0 to at least `max`, about `count` of them: 0, 5, 10 … or 0, 200, 400 … */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  // Integer steps only: these axes count petitions and meetings.
  const whole = Number.isInteger(step) ? step : Math.ceil(step);
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

/**
 * Which month labels to write: every `step`-th, so that at most `most` fit on a wide axis ("wide"), and every
 * other one of those on a phone ("narrow": six "mm/yyyy" labels do not fit under a 280 px plot).
 */
export function labelledMonths(count: number, most = 6): Map<number, "wide" | "narrow"> {
  const step = Math.max(1, Math.ceil(count / most));
  const shown = new Map<number, "wide" | "narrow">();
  for (let i = 0, k = 0; i < count; i += step, k++) shown.set(i, k % 2 === 0 ? "narrow" : "wide");
  return shown;
}

/** The centre of month `i` of `count` across the plot, as a CSS length. */
export function columnCentre(i: number, count: number): string {
  return `${((i + 0.5) / count) * 100}%`;
}

export interface ChartFrameProps {
  /** Height of the plot area in px (the axis labels and the legend come below it). */
  height: number;
  /** The value axis: its ticks (the last is the top) and how to write them. */
  ticks: number[];
  formatTick: (v: number) => string;
  /** One column per month, oldest first: its axis label and its hover text. */
  columns: { key: string; label: string; title: string }[];
  /** Drawn inside the plot area (position: relative, full size), under the hover columns. */
  children: ReactNode;
  legend?: ReactNode;
  /** Room above the plot, for a label on a reference line. */
  topPadding?: number;
}

const AXIS_WIDTH = 44;

export function ChartFrame({ height, ticks, formatTick, columns, children, legend, topPadding = 8 }: ChartFrameProps) {
  const top = ticks[ticks.length - 1] || 1;
  const shown = labelledMonths(columns.length);
  const y = (v: number) => `${100 - (v / top) * 100}%`;
  return (
    <div className="text-xs text-stone-600">
      <div className="flex" style={{ height, paddingTop: topPadding }}>
        <div className="relative shrink-0" style={{ width: AXIS_WIDTH }}>
          {ticks.map((v) => (
            <span key={v} className="absolute right-1.5 -translate-y-1/2 tabular-nums" style={{ top: y(v) }}>
              {formatTick(v)}
            </span>
          ))}
        </div>
        <div className="relative flex-1 border-b border-stone-400">
          <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox="0 0 100 100" preserveAspectRatio="none">
            {ticks.map((v) =>
              v === 0 ? null : <line key={v} x1="0" x2="100" y1={100 - (v / top) * 100} y2={100 - (v / top) * 100} stroke="#e7e5e4" vectorEffect="non-scaling-stroke" />,
            )}
          </svg>
          {children}
          <div className="absolute inset-0 flex">
            {columns.map((c) => (
              <div key={c.key} title={c.title} className="h-full min-w-0 flex-1 hover:bg-stone-500/10" />
            ))}
          </div>
        </div>
      </div>
      <div className="relative mt-1 h-4" style={{ marginLeft: AXIS_WIDTH }}>
        {columns.map((c, i) =>
          shown.has(i) ? (
            <span
              key={c.key}
              className={`absolute -translate-x-1/2 whitespace-nowrap tabular-nums ${shown.get(i) === "wide" ? "hidden sm:inline" : ""}`}
              style={{ left: columnCentre(i, columns.length) }}
            >
              {c.label}
            </span>
          ) : null,
        )}
      </div>
      {legend && <div className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm text-stone-700">{legend}</div>}
    </div>
  );
}
