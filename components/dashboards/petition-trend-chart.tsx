"use client";

import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatMonth, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { trendSeries, type PetitionTrendRow } from "./series";
import { ChartTable } from "./chart-table";
import TrendDrawing from "./trend-drawing";

export interface PetitionTrendChartProps {
  /** Received and resolved per month and field, as the rollup gives them. */
  rows: PetitionTrendRow[];
  /** The fields to choose from, in the order to list them. */
  fields: { id: number; name: string }[];
  /** The months to show ("YYYY-MM", oldest first); by default the span of `rows`. */
  months?: string[];
}

/**
 * Petitions received against resolved, month by month, for all fields or one. A client
 * component for the field choice; the drawing (plain SVG, decision 045) and the table
 * alternative are in the server's HTML and follow the chosen field.
 */
export function PetitionTrendChart({ rows, fields, months }: PetitionTrendChartProps) {
  const t = useTranslations("dashboardCharts");
  const locale = toLocale(useLocale());
  const selectId = useId();
  const [fieldId, setFieldId] = useState<number | null>(null);
  const data = trendSeries(rows, fieldId, months);
  const fieldName = fieldId === null ? t("trend.allFields") : (fields.find((f) => f.id === fieldId)?.name ?? "");
  const n = (v: number) => formatNumber(v, locale);

  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="font-semibold">{t("trend.title")}</figcaption>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={selectId}>{t("trend.field")}</label>
        <select
          id={selectId}
          value={fieldId ?? ""}
          onChange={(e) => setFieldId(e.target.value === "" ? null : Number(e.target.value))}
          className="min-h-11 rounded-md border border-stone-300 bg-white px-2"
        >
          <option value="">{t("trend.allFields")}</option>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      {data.length === 0 ? (
        <p className="mt-3 text-stone-600">{t("empty")}</p>
      ) : (
        <>
          {/* The table below carries the numbers for screen readers and keyboards; the drawing is for the eye. */}
          <div aria-hidden="true" className="mt-3" data-testid="trend-drawing">
            <TrendDrawing data={data} />
          </div>
          <ChartTable
            summary={t("showTable")}
            caption={t("trend.caption", { field: fieldName })}
            columns={[t("month"), t("trend.received"), t("trend.resolved")]}
            rows={data.map((d) => ({ key: d.month, header: formatMonth(d.month), cells: [n(d.received), n(d.resolved)] }))}
            footer={{
              header: t("total"),
              cells: [n(data.reduce((s, d) => s + d.received, 0)), n(data.reduce((s, d) => s + d.resolved, 0))],
            }}
          />
        </>
      )}
    </figure>
  );
}
