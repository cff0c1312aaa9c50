import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { formatKpi, kpiColumn, type KpiKey } from "@/lib/dashboards/columns";
import { FIGURES_WITH_LISTS, type FigureWithList } from "@/lib/dashboards/links";
import type { Comparison, CoverageKpis, Kpis, ReportedPeriod } from "@/lib/dashboards/types";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

const CARD_KEYS: KpiKey[] = [
  "received",
  "resolved",
  "resolvedRate",
  "onTimeRate",
  "overdue",
  "avgWorkingDaysToResolve",
  "satisfactionRate",
  "reopened",
  "escalated",
  "teamMeetingCompliance",
  "briefingCompliance",
  "cadresTrained",
  "modelsRegistered",
  "modelsRecognised",
  "averageVillageScore",
];

/** Figures not compared by the same stretch of months: a distinct count, and the models' (decision 076). */
const NOT_BY_STRETCH: ReadonlySet<KpiKey> = new Set<KpiKey>(["cadresTrained", "modelsRegistered", "modelsRecognised", "averageVillageScore"]);

/** The rates whose card says, behind an "i", what they count: numerator and denominator. */
const EXPLAINED: ReadonlySet<KpiKey> = new Set<KpiKey>(["resolvedRate", "onTimeRate", "satisfactionRate", "teamMeetingCompliance", "briefingCompliance"]);

const hasList = (key: KpiKey): key is KpiKey & FigureWithList => (FIGURES_WITH_LISTS as readonly string[]).includes(key);

/** "01/2026" or "01/2026–11/2026": the months a stretch compares, by their first days. */
const monthSpan = ([first, last]: [string, string]) => {
  const month = (d: string) => `${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return first === last ? month(first) : `${month(first)}–${month(last)}`;
};

/**
 * The period's KPIs, each against the period before: a whole one, or for a period not yet ended the
 * months of it that have ended against the same months before (`comparison`); the resolved figures
 * always show how much was only explained.
 */
export async function KpiCards({
  kpis,
  previous,
  comparison,
  coverage,
  meetingsDue,
  lists,
}: {
  kpis: Kpis;
  previous: Kpis;
  comparison: Comparison;
  coverage: CoverageKpis;
  meetingsDue: ReportedPeriod["meetingsDue"];
  /** The petition lists behind the figures (lib/dashboards/links.ts): the figure opens its list. */
  lists: Partial<Record<FigureWithList, string>>;
}) {
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale().then(toLocale)]);
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => formatKpi(v, "percent", locale);
  const listed = (href: string | undefined, text: string) =>
    href ? (
      <Link href={href} className="underline decoration-stone-400 underline-offset-4 hover:decoration-stone-700">
        {text}
      </Link>
    ) : (
      text
    );
  const detail: Partial<Record<KpiKey, React.ReactNode>> = {
    resolved: t.rich("cards.resolvedSplit", {
      settled: () => listed(lists.settled, n(kpis.settled)),
      explained: () => listed(lists.explained, n(kpis.explained)),
    }),
    resolvedRate: listed(lists.receivedResolved, t("cards.resolvedRateDetail", { resolved: n(kpis.receivedResolved), received: n(kpis.received) })),
    onTimeRate: t("cards.onTimeDetail", { onTime: n(kpis.resolvedOnTime), resolved: n(kpis.resolved) }),
    overdue: t("cards.overdueDetail"),
    satisfactionRate: t("cards.satisfactionDetail", { satisfied: n(kpis.satisfied), replies: n(kpis.replies) }),
    // Counted where due (meetingsDue): the month in progress, a month that closes no quarter, say why there is no figure.
    teamMeetingCompliance: meetingsDue.months.length
      ? t("cards.meetingsDetail", { held: n(kpis.teamMeetingsHeld), expected: n(kpis.teamMeetingsExpected) })
      : t("cards.meetingsNotDue"),
    briefingCompliance: meetingsDue.quarters.length
      ? t("cards.briefingsDetail", { held: n(kpis.briefingsHeld), expected: n(kpis.briefingsExpected) })
      : t("cards.briefingsNotDue"),
    averageVillageScore: t("cards.villageScoreDetail", { sheets: n(kpis.villageScoreSheets) }),
  };
  return (
    <section aria-labelledby="kpi-title" className="space-y-3">
      <h2 id="kpi-title" className="text-lg font-semibold">
        {t("cards.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4 print:grid-cols-4">
        {CARD_KEYS.map((key) => {
          const column = kpiColumn(key);
          const value = kpis[key];
          // What the arrow compares: the whole periods, or the same stretch of each (null: nothing to compare).
          const stretch = comparison.stretch === "sameMonths" && !NOT_BY_STRETCH.has(key) ? comparison : null;
          const [now, before] =
            comparison.stretch === "whole" ? [value, previous[key]] : stretch ? [stretch.current[key], stretch.previous[key]] : [null, null];
          const change = now === null || before === null ? null : Math.sign(now - before);
          // The resolution rate of an earlier period had longer to rise (its petitions more time to be resolved):
          // its change is shown, but judged neither good nor bad.
          const fmt = (v: number | null) => formatKpi(v, column.kind, locale);
          const against =
            comparison.stretch === "whole"
              ? before === null
                ? t("cards.noPrevious")
                : t("cards.previous", { value: fmt(before) })
              : stretch
                ? t("cards.sameMonths", { months: monthSpan(stretch.previousMonths), value: fmt(before), currentMonths: monthSpan(stretch.currentMonths), current: fmt(now) })
                : comparison.stretch === "sameMonths"
                  ? t("cards.notComparedByStretch")
                  : t("cards.notCompared");
          const good = change === null || change === 0 || column.higherIsBetter === null || key === "resolvedRate" ? null : (change > 0) === column.higherIsBetter;
          return (
            <div key={key} className="rounded-lg border border-stone-200 bg-white p-3 print:break-inside-avoid" data-kpi={key}>
              <dt className="text-sm text-stone-600">
                {t(`kpi.${key}`)}
                {EXPLAINED.has(key) && (
                  // A disclosure: opens by keyboard and by touch, and needs no JavaScript.
                  <details className="group inline" data-testid={`explain-${key}`}>
                    <summary
                      className="ml-1 inline-flex h-5 w-5 cursor-pointer list-none items-center justify-center rounded-full border border-stone-400 align-text-bottom text-xs font-semibold text-stone-700 [&::-webkit-details-marker]:hidden"
                      aria-label={t("cards.explainLabel", { name: t(`kpi.${key}`) })}
                    >
                      i
                    </summary>
                    <span className="mt-1 block rounded bg-stone-100 p-2 text-xs font-normal text-stone-800">{t(`cards.explain.${key}`)}</span>
                  </details>
                )}
              </dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`kpi-${key}`}>
                {listed(hasList(key) ? lists[key] : undefined, formatKpi(value, column.kind, locale))}
              </dd>
              {detail[key] && <dd className="mt-1 text-sm text-stone-700">{detail[key]}</dd>}
              {key !== "overdue" && (
                <dd className={`mt-1 text-xs ${good === null ? "text-stone-600" : good ? "text-emerald-800" : "text-red-800"}`}>
                  {change !== null && change !== 0 && <span aria-hidden="true">{change > 0 ? "▲ " : "▼ "}</span>}
                  {against}
                  {change !== null && <span className="sr-only"> ({t(change > 0 ? "cards.up" : change < 0 ? "cards.down" : "cards.same")})</span>}
                </dd>
              )}
            </div>
          );
        })}
      </dl>
      <div className="print:break-inside-avoid">
      <h2 className="pt-2 pb-3 text-lg font-semibold">{t("cards.coverageTitle")}</h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {(
          [
            ["teamCoverage", coverage.teamCoverage, t("cards.teamCoverageDetail", { with: n(coverage.villagesWithTeam), villages: n(coverage.villages) })],
            ["teamHeadCoverage", coverage.teamHeadCoverage, t("cards.teamHeadCoverageDetail", { with: n(coverage.teamHeadsPartyCellSecretary), heads: n(coverage.teamHeads) })],
            ["blocHeadCoverage", coverage.blocHeadCoverage, t("cards.blocHeadCoverageDetail", { with: n(coverage.blocsHeadedByStandingDeputy), blocs: n(coverage.blocs) })],
          ] as const
        ).map(([key, value, text]) => (
          <div key={key} className="rounded-lg border border-stone-200 bg-white p-3 print:break-inside-avoid">
            <dt className="text-sm text-stone-600">{t(`cards.${key}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{pct(value)}</dd>
            <dd className="mt-1 text-sm text-stone-700">{text}</dd>
          </div>
        ))}
      </dl>
      </div>
    </section>
  );
}
