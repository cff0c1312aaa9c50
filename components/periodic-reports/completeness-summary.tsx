import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import type { StandingCounts } from "@/lib/periodic-reports/standing";

/** The reports page's count of the periodic reports sent by the units below: on time, late, overdue (issue 17). */
export async function CompletenessSummary({ counts: c, href }: { counts: StandingCounts; /** The periodic reports' page, from the reports page. */ href?: string }) {
  const t = await getTranslations("periodicReports");
  const share = (v: number | null) => (v === null ? "–" : `${formatNumber(v, "vi", 1)}%`);
  return (
    <section aria-labelledby="completeness-title" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4" data-testid="report-completeness">
      <h2 id="completeness-title" className="text-lg font-semibold">
        {t("counts.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {(
          [
            ["units", formatNumber(c.units)],
            ["onTime", formatNumber(c.onTime)],
            ["late", formatNumber(c.late)],
            ["missing", formatNumber(c.missing)],
            ["pending", formatNumber(c.pending)],
            ["completeness", share(c.completeness)],
            ["timeliness", share(c.timeliness)],
          ] as const
        ).map(([k, v]) => (
          <div key={k} data-count={k}>
            <dt className="text-sm text-stone-600">{t(`counts.${k}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      {href && (
        <p className="print:hidden">
          <Link href={href} className="font-medium text-brand-700 underline">
            {t("counts.link")}
          </Link>
        </p>
      )}
    </section>
  );
}
