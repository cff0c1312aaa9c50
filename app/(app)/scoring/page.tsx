import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ChoroplethMap } from "@/components/dashboards/choropleth-map";
import { DistributionChart } from "@/components/scoring/distribution-chart";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { reportPeriodLabel } from "@/lib/periodic-reports/period";
import { parseScoringParams, periodChoices, scoringQuery } from "@/lib/scoring/params";
import { rankingPageFor, scoredPeriodsShared } from "@/lib/scoring/page-data";
import { rankingUnit, villagesToScore } from "@/lib/scoring/queries";
import { isoDay, todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("scoring"))("title") };
}

const button = "rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50";

/** Scoring of villages (bảng chấm điểm, decision 078): a unit's ranking for a period, its distribution, its map and the weakest share. */
export default async function ScoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("report:read:subtree");
  const today = todayInVietnam();
  const raw = await searchParams;
  const first = parseScoringParams(raw, today);
  const unit = await rankingUnit(actor, first.unit ?? actor.unit.id);
  if (!unit) notFound();
  const scored = await scoredPeriodsShared(unit.id);
  // Without a period in the URL, the latest one scored here (else this year).
  const params = !first.periodGiven && scored[0] ? parseScoringParams({ ...raw, period: scored[0] }, today) : first;
  const period = params.period;
  const [t, locale, { shown, ranking, buckets, averages, shapes, parent }, villages] = await Promise.all([
    getTranslations("scoring"),
    getLocale().then(toLocale),
    rankingPageFor(actor, unit, period, params.page, params.weakestOnly),
    unit.level === "COMMUNE" && allows(actor, "scoring:score:subtree") ? villagesToScore(actor, unit.id, period) : null,
  ]);
  const unitName = unitFullName(unit);
  const own = averages.current.get(unit.id)!;
  const n = (v: number, digits = 0) => formatNumber(v, locale, digits);
  const canScore = allows(actor, "scoring:score:subtree");
  const started = period.from <= isoDay(today);

  return (
    <div className="space-y-6">
      {parent && (
        <p className="text-sm">
          <Link href={`/scoring?${scoringQuery({ unit: parent.id, period: period.key })}`} className="text-brand-700 hover:underline">
            ← {unitFullName(parent)}
          </Link>
        </p>
      )}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("heading", { unit: unitName })}</h1>
          <p className="text-stone-700">{t("periodLabel", { period: reportPeriodLabel(period) })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {allows(actor, "scoring:configure:subtree") && (
            <Link href="/scoring/templates" className={button}>
              {t("templates.link")}
            </Link>
          )}
          <a href={`/scoring/export?${scoringQuery({ unit: unit.id, period: period.key })}`} className={button}>
            {t("exportXlsx")}
          </a>
        </div>
      </header>

      <form method="get" action="/scoring" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="unit" value={unit.id} />
        <label className="text-sm font-medium">
          {t("period")}
          <select name="period" defaultValue={period.key} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
            {periodChoices(scored, today).map((k) => (
              <option key={k} value={k}>
                {reportPeriodLabel({ ...parseScoringParams({ period: k }, today).period })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 font-medium hover:bg-stone-50">
          {t("show")}
        </button>
      </form>

      <section aria-labelledby="summary" className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <h2 id="summary" className="sr-only">
          {t("summary")}
        </h2>
        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">{t("scoredVillages")}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="scored-villages">
            {n(ranking.scored)}
          </p>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">{t("average")}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="average-score">
            {own.average === null ? "—" : n(own.average, 1)}
          </p>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">{t("weakestShare", { share: ranking.share })}</p>
          <p className="text-2xl font-semibold tabular-nums">{n(ranking.weakest)}</p>
        </div>
      </section>

      <section aria-labelledby="ranking" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ranking" className="text-lg font-semibold">
            {t("ranking.title")}
          </h2>
          <Link href={`/scoring?${scoringQuery({ unit: unit.id, period: period.key, weakestOnly: !params.weakestOnly })}`} className="text-brand-700 hover:underline">
            {params.weakestOnly ? t("ranking.showAll") : t("ranking.showWeakest")}
          </Link>
        </div>
        {ranking.rows.length === 0 ? (
          <p className="rounded-md bg-stone-50 p-4 text-stone-700">{t("ranking.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="ranking">
              <caption className="sr-only">{t("ranking.caption", { unit: unitName })}</caption>
              <thead className="border-b border-stone-300 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-2">{t("ranking.rank")}</th>
                  <th scope="col" className="py-2 pr-2">{t("ranking.village")}</th>
                  <th scope="col" className="py-2 pr-2">{t("ranking.commune")}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{t("ranking.total")}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{t("ranking.percent")}</th>
                  <th scope="col" className="py-2">{t("ranking.followUp")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {ranking.rows.map((r) => (
                  <tr key={r.sheetId} className={r.weakest ? "bg-red-50" : undefined}>
                    <td className="py-2 pr-2 tabular-nums">{r.rank}</td>
                    <th scope="row" className="py-2 pr-2 font-normal">
                      {canScore ? (
                        <Link href={`/scoring/sheet?village=${r.villageId}&period=${period.key}`} className="text-brand-700 hover:underline">
                          {r.villageName}
                        </Link>
                      ) : (
                        r.villageName
                      )}
                    </th>
                    <td className="py-2 pr-2">{r.communeName}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">
                      {n(r.total, 2)} / {n(r.maxTotal, 2)}
                    </td>
                    <td className="py-2 pr-2 text-right tabular-nums">{n(r.percent, 2)}</td>
                    <td className="py-2">{r.weakest && <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">{t("ranking.weakest")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {ranking.pages > 1 && (
          <nav aria-label={t("ranking.pages")} className="flex flex-wrap gap-2">
            {params.page > 1 && (
              <Link href={`/scoring?${scoringQuery({ unit: unit.id, period: period.key, page: params.page - 1, weakestOnly: params.weakestOnly })}`} className={button}>
                {t("ranking.previous")}
              </Link>
            )}
            <span className="px-2 py-2.5 text-stone-700">{t("ranking.pageOf", { page: params.page, pages: ranking.pages })}</span>
            {params.page < ranking.pages && (
              <Link href={`/scoring?${scoringQuery({ unit: unit.id, period: period.key, page: params.page + 1, weakestOnly: params.weakestOnly })}`} className={button}>
                {t("ranking.next")}
              </Link>
            )}
          </nav>
        )}
      </section>

      {villages && (
        <section aria-labelledby="to-score" className="space-y-3">
          <h2 id="to-score" className="text-lg font-semibold">
            {t("villages.title")}
          </h2>
          {!started ? (
            <p className="text-stone-700">{t("villages.notStarted")}</p>
          ) : villages.length === 0 ? (
            <p className="text-stone-700">{t("villages.empty")}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white" data-testid="villages-to-score">
              {villages.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <span>{v.name}</span>
                  <span className="flex items-center gap-3">
                    <span className="tabular-nums text-stone-700">{v.percent === null ? t("villages.notScored") : `${n(v.percent, 2)}`}</span>
                    <Link href={`/scoring/sheet?village=${v.id}&period=${period.key}`} className="text-brand-700 hover:underline">
                      {v.percent === null ? t("villages.score") : t("villages.edit")}
                      <span className="sr-only"> {v.name}</span>
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <DistributionChart buckets={buckets} />
        {shown.length > 0 && (
          <section aria-labelledby="map" className="space-y-2">
            <h2 id="map" className="sr-only">
              {t("map")}
            </h2>
            <ChoroplethMap
              kpiLabel={t("average")}
              higherIsBetter
              formatValue={(v) => formatNumber(v, locale, 1)}
              units={shown.map((c) => ({
                unitId: c.id,
                name: unitFullName(c),
                label: c.name,
                href: `/scoring?${scoringQuery({ unit: c.id, period: period.key })}`,
                value: averages.current.get(c.id)?.average ?? null,
                coordinates: shapes.get(c.id) ?? null,
              }))}
            />
          </section>
        )}
      </div>
    </div>
  );
}
