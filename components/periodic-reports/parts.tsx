import { getTranslations } from "next-intl/server";
import { FIGURE_TABLES, formatFigure, type Figures } from "@/lib/periodic-reports/figures";
import { periodChoices } from "@/lib/periodic-reports/params";
import { reportPeriodLabel, type ReportPeriod } from "@/lib/periodic-reports/period";
import type { Standing } from "@/lib/periodic-reports/standing";

const STATUS_CLASS: Record<string, string> = {
  DRAFT: "bg-stone-100 text-stone-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  RETURNED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-emerald-100 text-emerald-900",
  none: "bg-stone-100 text-stone-700",
};
const STANDING_CLASS: Record<Standing, string> = {
  onTime: "bg-emerald-100 text-emerald-900",
  late: "bg-amber-100 text-amber-900",
  missing: "bg-red-100 text-red-900",
  pending: "bg-stone-100 text-stone-700",
};

export async function StatusBadge({ status }: { status: string | null }) {
  const t = await getTranslations("periodicReports");
  const key = status ?? "none";
  return <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[key]}`} data-status={key}>{t(`status.${key}`)}</span>;
}

export async function StandingBadge({ standing }: { standing: Standing }) {
  const t = await getTranslations("periodicReports");
  return <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ${STANDING_CLASS[standing]}`} data-standing={standing}>{t(`standing.${standing}`)}</span>;
}

/** The GET form of the period (and the hidden unit): works without JavaScript. */
export async function PeriodForm({ action, unit, period, today }: { action: string; unit?: number; period: ReportPeriod; today: Date }) {
  const t = await getTranslations("periodicReports");
  const choices = periodChoices(today);
  const known = choices.some((c) => c.periods.some((p) => p.key === period.key));
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2 print:hidden" key={`${unit}-${period.key}`}>
      {unit && <input type="hidden" name="unit" value={unit} />}
      <label className="text-sm font-medium">
        {t("periodLabel")}
        <select name="period" defaultValue={period.key} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
          {!known && <option value={period.key}>{reportPeriodLabel(period)}</option>}
          {choices.map((c) => (
            <optgroup key={c.kind} label={t(`kind.${c.kind}`)}>
              {c.periods.map((p) => (
                <option key={p.key} value={p.key}>
                  {reportPeriodLabel(p)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 font-medium hover:bg-stone-50">
        {t("show")}
      </button>
    </form>
  );
}

/** The report's figures as tables, one per group, only the figures its template lists. */
export async function FigureTables({ figures }: { figures: Figures }) {
  const t = await getTranslations("periodicReports");
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3" data-testid="report-figures">
      {FIGURE_TABLES.map((table) => {
        const keys = table.figures.filter((k) => k in figures);
        if (!keys.length) return null;
        return (
          <table key={table.key} className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-semibold">{t(`table.${table.key}`)}</caption>
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-1 pr-2 font-medium">{t("table.figure")}</th>
                <th scope="col" className="py-1 text-right font-medium">{t("table.value")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k} className="border-b border-stone-100" data-figure={k}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">{t(`figure.${k}`)}</th>
                  <td className="py-1 text-right tabular-nums">{formatFigure(k, figures[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
