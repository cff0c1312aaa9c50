import Link from "@/components/link";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { projectShapes } from "@/lib/units/boundaries/project";
import type { MultiPolygon } from "@/lib/units/boundaries/simplify";
import { BAND_COLOURS, bandOf, BANDS, classColours, classIndex, NO_DATA_FILL, quantileClasses, type Band } from "./choropleth-scale";

export interface ChoroplethUnit {
  unitId: number;
  /** Full name, as the user reads it ("Huyện Lập Thạch"). */
  name: string;
  /** Written on the shape with its value ("Lập Thạch"); without it, the shape is unlabelled. */
  label?: string;
  /** Where a click or Enter drills down to. */
  href: string;
  /** The KPI's value; null when there is nothing to measure (shown hatched, "no data"). */
  value: number | null;
  /** The stored boundary (`boundariesOf`); null lists the unit under the map instead. */
  coordinates: MultiPolygon | null;
  /** Too few records to judge it by (the on-time share of fewer than 5 resolved): drawn grey, not in a band. */
  tooFew?: boolean;
  /** Hotspots of public opinion in the unit for the period (decision 080): a marked circle with their count. */
  hotspots?: { count: number; label: string };
}

/** Labels in viewBox units: the longer side is about 800, so 24 is 11–15 px on a phone, 15–24 px on a desktop. */
const LABEL_SIZE = 24;

export interface ChoroplethMapProps {
  /** The child units of the unit shown. */
  units: ChoroplethUnit[];
  /** The KPI's name ("Tỷ lệ giải quyết"): the map's caption, the legend's title. */
  kpiLabel: string;
  /** Formats a value for titles and the legend ("98,5%"); the caller knows its unit. */
  formatValue: (value: number) => string;
  /** Sets the colour direction: better is blue, worse is red. */
  higherIsBetter: boolean;
  /**
   * Colours by a threshold instead of by rank: below it red, near it (up to `near` above) pale, above it
   * blue. For the on-time share, whose threshold each province sets.
   */
  threshold?: { value: number; near: number };
  /** The legend's line for the hotspot markers (shown when a unit has one). */
  hotspotLegend?: string;
  /** The command that imports boundaries, shown while no unit has one (the reports page gives it to administrators). */
  importCommand?: string;
}

/**
 * A choropleth of child units by one KPI, drawn on the server as SVG: each shape is a
 * link (Tab reaches it, its name and value are its accessible name and tooltip) to drill
 * down; the legend lists the classes in words (by rank, or with `threshold` the bands around
 * it); units without a boundary are listed under it as links. A server component: the browser receives path strings only (decision 015).
 *
 * Use (on a dashboard page, with children read through the actor's scope):
 *   const shapes = await boundariesOf(db, children.map((c) => c.id));
 *   <ChoroplethMap kpiLabel="Tỷ lệ giải quyết" higherIsBetter formatValue={(v) => `${formatNumber(v, locale, 1)}%`}
 *     units={children.map((c) => ({ unitId: c.id, name: unitFullName(c), href: `/reports?unit=${c.id}`,
 *       value: rates.get(c.id) ?? null, coordinates: shapes.get(c.id) ?? null }))} />
 */
export function ChoroplethMap({ units, kpiLabel, formatValue, higherIsBetter, threshold, importCommand, hotspotLegend }: ChoroplethMapProps) {
  const t = useTranslations("dashboardMap");
  // useId's characters are not all safe inside url(#…).
  const id = `map${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hasShape = (u: ChoroplethUnit): u is ChoroplethUnit & { coordinates: MultiPolygon } => u.coordinates !== null && u.coordinates.length > 0;
  const drawn = units.filter(hasShape);
  const missing = units.filter((u) => !hasShape(u));
  // Units without a shape count in the classes too: the list under the map shows their values.
  const judged = units.filter((u) => !u.tooFew);
  const classes = threshold ? [] : quantileClasses(judged.flatMap((u) => (u.value === null ? [] : [u.value])));
  const colours = classColours(classes.length, higherIsBetter);
  const band = (u: ChoroplethUnit) => (threshold && !u.tooFew ? bandOf(u.value, threshold.value, threshold.near) : null);
  const map = projectShapes(drawn);
  const hatch = `${id}-no-data`;
  const valueText = (u: Pick<ChoroplethUnit, "value" | "tooFew" | "hotspots">) =>
    `${u.value === null ? t("noData") : formatValue(u.value)}${u.tooFew ? ` · ${t("tooFew")}` : ""}${u.hotspots ? ` · ${u.hotspots.label}` : ""}`;
  const marked = units.some((u) => u.hotspots);
  const fill = (u: ChoroplethUnit) => {
    if (u.tooFew) return NO_DATA_FILL;
    if (threshold) {
      const b = band(u);
      return b ? BAND_COLOURS[b] : `url(#${hatch})`;
    }
    const index = classIndex(classes, u.value);
    return index === -1 ? `url(#${hatch})` : colours[index];
  };
  const range = (c: (typeof classes)[number]) => (c.min === c.max ? formatValue(c.min) : t("range", { min: formatValue(c.min), max: formatValue(c.max) }));
  const bandLabel = (b: Band) =>
    t(`band.${b}`, { threshold: formatValue(threshold!.value), upper: formatValue(threshold!.value + threshold!.near) });
  const hasNoData = judged.some((u) => u.value === null);
  const tooFew = units.filter((u) => u.tooFew).length;

  return (
    <figure className="space-y-3">
      <figcaption className="font-semibold">
        {t("caption", { kpi: kpiLabel })}
      </figcaption>
      {drawn.length > 0 ? (
        <svg viewBox={`0 0 ${map.width} ${map.height}`} className="h-auto max-h-[32rem] w-full max-w-3xl" role="group" aria-label={t("mapLabel", { kpi: kpiLabel, count: drawn.length })}>
          {drawn.map((u) => {
            const label = `${u.name}: ${valueText(u)}`;
            return (
              <a key={u.unitId} href={u.href} aria-label={label} className="group" data-unit-id={u.unitId}>
                <title>{label}</title>
                <path
                  d={map.paths.get(u.unitId)}
                  fill={fill(u)}
                  fillRule="evenodd"
                  stroke="#57534e"
                  strokeWidth="0.8"
                  strokeLinejoin="round"
                  className="group-hover:opacity-80 group-focus-visible:stroke-stone-900 group-focus-visible:[stroke-width:4]"
                />
              </a>
            );
          })}
          {/* Names and values on the shapes, over every shape; the links above already name each one to assistive technology. */}
          <g aria-hidden="true" className="pointer-events-none" textAnchor="middle" fontSize={LABEL_SIZE} fill="#1c1917" stroke="#ffffff" strokeWidth={LABEL_SIZE / 4} strokeLinejoin="round" paintOrder="stroke">
            {drawn.map((u) => {
              const at = map.labels.get(u.unitId);
              if (!u.label || !at) return null;
              return (
                <text key={u.unitId} x={at[0]} y={at[1]}>
                  <tspan x={at[0]} dy="-0.15em" fontWeight="600">
                    {u.label}
                  </tspan>
                  <tspan x={at[0]} dy="1.15em">
                    {u.value === null ? t("noData") : formatValue(u.value)}
                  </tspan>
                </text>
              );
            })}
          </g>
          {/* Hotspots: a red circle with their count beside the unit's name (named in each link's label above). */}
          <g aria-hidden="true" className="pointer-events-none" data-testid="hotspot-markers">
            {drawn.map((u) => {
              const at = map.labels.get(u.unitId);
              if (!u.hotspots || !at) return null;
              const x = at[0] + LABEL_SIZE * 1.6;
              const y = at[1] - LABEL_SIZE * 1.1;
              return (
                <g key={u.unitId} data-hotspot-unit={u.unitId}>
                  <circle cx={x} cy={y} r={LABEL_SIZE * 0.7} fill="#b91c1c" stroke="#ffffff" strokeWidth="3" />
                  <text x={x} y={y} dy="0.35em" textAnchor="middle" fontSize={LABEL_SIZE * 0.8} fontWeight="700" fill="#ffffff">
                    {u.hotspots.count}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
      ) : (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-600">
          {t("noBoundaries")}
          {importCommand && (
            <>
              {" "}
              {t("importHint")} <code className="mt-2 block break-words rounded bg-stone-100 px-2 py-1 text-sm text-stone-800">{importCommand}</code>
            </>
          )}
        </p>
      )}
      <div>
        <p className="text-sm font-medium" id={`${id}-legend`}>
          {kpiLabel} · {threshold ? t("byThreshold", { threshold: formatValue(threshold.value) }) : higherIsBetter ? t("higherIsBetter") : t("lowerIsBetter")}
        </p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-labelledby={`${id}-legend`}>
          {threshold &&
            BANDS.map((b) => (
              <li key={b} className="flex items-center gap-1.5">
                <svg width="16" height="16" aria-hidden="true" className="shrink-0">
                  <rect width="16" height="16" fill={BAND_COLOURS[b]} stroke="#78716c" strokeWidth="1" />
                </svg>
                <span>{bandLabel(b)}</span> <span className="text-stone-600">({t("unitCount", { count: judged.filter((u) => band(u) === b).length })})</span>
              </li>
            ))}
          {tooFew > 0 && (
            <li className="flex items-center gap-1.5">
              <svg width="16" height="16" aria-hidden="true" className="shrink-0">
                <rect width="16" height="16" fill={NO_DATA_FILL} stroke="#78716c" strokeWidth="1" />
              </svg>
              <span>{t("tooFew")}</span> <span className="text-stone-600">({t("unitCount", { count: tooFew })})</span>
            </li>
          )}
          {classes.map((c, i) => (
            <li key={i} className="flex items-center gap-1.5">
              <svg width="16" height="16" aria-hidden="true" className="shrink-0">
                <rect width="16" height="16" fill={colours[i]} stroke="#78716c" strokeWidth="1" />
              </svg>
              <span className="tabular-nums">{range(c)}</span>{" "}
              <span className="text-stone-600">({t("unitCount", { count: c.count })})</span>
            </li>
          ))}
          {marked && hotspotLegend && (
            <li className="flex items-center gap-1.5">
              <svg width="16" height="16" aria-hidden="true" className="shrink-0">
                <circle cx="8" cy="8" r="7" fill="#b91c1c" />
              </svg>
              <span>{hotspotLegend}</span>
            </li>
          )}
          {hasNoData && (
            <li className="flex items-center gap-1.5">
              {/* The hatch is defined here, the one place always drawn when some unit has no value. */}
              <svg width="16" height="16" aria-hidden="true" className="shrink-0">
                <defs>
                  <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="8" height="8" fill={NO_DATA_FILL} />
                    <line x1="0" y1="0" x2="0" y2="8" stroke="#a8a29e" strokeWidth="3" />
                  </pattern>
                </defs>
                <rect width="16" height="16" fill={`url(#${hatch})`} stroke="#78716c" strokeWidth="1" />
              </svg>
              <span>{t("noData")}</span>
            </li>
          )}
        </ul>
      </div>
      {missing.length > 0 && (
        <p className="text-sm text-stone-700">
          {t("withoutBoundary")}{" "}
          {missing.map((u, i) => (
            <span key={u.unitId}>
              {i > 0 && ", "}
              <Link href={u.href} className="text-brand-700 underline underline-offset-2">
                {u.name}
              </Link>{" "}
              <span className="tabular-nums">({valueText(u)})</span>
            </span>
          ))}
        </p>
      )}
    </figure>
  );
}
