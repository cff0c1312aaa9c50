import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PeriodForm, StatusBadge } from "@/components/periodic-reports/parts";
import { SeverityBadge } from "@/components/periodic-reports/hotspots";
import { requirePermission } from "@/lib/auth/current";
import { MAX_PAGE_NUMBER } from "@/lib/forms/fields";
import { hotspotsBelow } from "@/lib/periodic-reports/hotspot-queries";
import { parsePeriodicParams, periodicQuery } from "@/lib/periodic-reports/params";
import { reportPeriodLabel } from "@/lib/periodic-reports/period";
import { HOTSPOT_SEVERITIES } from "@/lib/periodic-reports/schemas";
import { todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("hotspot.listLink") };
}

const extra = z.object({
  severity: z.enum(HOTSPOT_SEVERITIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE_NUMBER).catch(1),
});

/** The hotspots of a period in a unit's subtree, rolled up from the reports sent below it (decision 080). */
export default async function HotspotsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("periodic-report:read:subtree");
  const today = todayInVietnam();
  const raw = await searchParams;
  const params = parsePeriodicParams(raw, today);
  const { severity, page } = extra.parse({ severity: [raw.severity].flat()[0], page: [raw.page].flat()[0] });
  const unitId = params.unit ?? actor.unit.id;
  const data = await hotspotsBelow(actor, unitId, params.period, { severity, page });
  if (!data) notFound();
  const t = await getTranslations("periodicReports");
  const unitName = unitFullName(data.unit);
  const label = reportPeriodLabel(params.period);
  const href = (p: number) => {
    const q = new URLSearchParams(periodicQuery({ unit: unitId, period: params.period }));
    if (severity) q.set("severity", severity);
    if (p > 1) q.set("page", String(p));
    return `/reports/periodic/hotspots?${q}`;
  };

  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href={`/reports/periodic?${periodicQuery({ unit: unitId, period: params.period })}`} className="text-brand-700 underline">
          {t("report.back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("hotspot.listTitle", { unit: unitName })}</h1>
        <p className="text-stone-700">{t("hotspot.listIntro", { unit: unitName, period: label })}</p>
      </header>
      {params.periodInvalid && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("notFoundPeriod")}
        </p>
      )}
      <PeriodForm action="/reports/periodic/hotspots" unit={params.unit} period={params.period} today={today} />
      <form method="get" action="/reports/periodic/hotspots" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="unit" value={unitId} />
        <input type="hidden" name="period" value={params.period.key} />
        <label className="text-sm font-medium">
          {t("hotspot.filter")}
          <select name="severity" defaultValue={severity ?? ""} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
            <option value="">{t("hotspot.all")}</option>
            {HOTSPOT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`hotspot.level.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 font-medium hover:bg-stone-50">
          {t("hotspot.apply")}
        </button>
      </form>
      <p role="status" className="text-sm text-stone-700">
        {t("hotspot.count", { count: String(data.total) })}
      </p>
      {data.items.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-600">{severity ? t("hotspot.listEmptyFilter") : t("hotspot.listEmpty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="hotspot-list">
          {data.items.map((h) => (
            <li key={h.id} className="space-y-1 rounded-lg border border-stone-200 bg-white p-3" data-hotspot={h.id} data-place={h.place.id}>
              <p className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={h.severity} />
                <span className="font-medium">{h.topic}</span>
              </p>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-stone-600">{t("hotspot.place")}</dt>
                <dd>{unitFullName(h.place)}</dd>
                <dt className="text-stone-600">{t("hotspot.people")}</dt>
                <dd className="tabular-nums">{h.people.toLocaleString("vi-VN")}</dd>
                <dt className="text-stone-600">{t("hotspot.actions")}</dt>
                <dd className="whitespace-pre-line">{h.actions}</dd>
                <dt className="text-stone-600">{t("hotspot.report")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <Link href={`/reports/periodic/report?unit=${h.report.unit.id}&period=${h.report.period}`} className="text-brand-700 underline">
                    {unitFullName(h.report.unit)} · {h.report.period}
                  </Link>
                  <StatusBadge status={h.report.status} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {data.pages > 1 && (
        <nav aria-label={t("hotspot.listLink")} className="flex flex-wrap items-center gap-3 text-sm">
          {data.page > 1 && (
            <Link href={href(data.page - 1)} className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
              {t("children.previous")}
            </Link>
          )}
          <span>{t("children.page", { page: String(data.page), pages: String(data.pages) })}</span>
          {data.page < data.pages && (
            <Link href={href(data.page + 1)} className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
              {t("children.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
