import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { statusSeries, type PetitionStatusItem } from "./series";

export interface PetitionStatusChartProps {
  /** Petitions per status (and per resolution for RESOLVED and CLOSED), as the rollup gives them. */
  items: PetitionStatusItem[];
}

/**
 * The petitions by status, as a table whose last column draws each share as a bar.
 * No recharts and no JavaScript (decision 015): eight categories with long Vietnamese
 * names read better as rows on a 360 px phone than as axis labels, and the table is its
 * own accessible alternative. Works as a server or a client component.
 */
export function PetitionStatusChart({ items }: PetitionStatusChartProps) {
  const t = useTranslations("dashboardCharts");
  const tp = useTranslations("petitions");
  const locale = toLocale(useLocale());
  const { total, items: rows } = statusSeries(items);
  const n = (v: number) => formatNumber(v, locale);
  const label = (i: (typeof rows)[number]) => (i.resolution ? `${tp(`statuses.${i.status}`)} — ${tp(`resolutions.${i.resolution}`)}` : tp(`statuses.${i.status}`));

  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="font-semibold">{t("status.title")}</figcaption>
      {total === 0 ? (
        <p className="mt-3 text-stone-600">{t("empty")}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">{t("status.caption")}</caption>
          <thead className="border-b border-stone-200 text-stone-700">
            <tr>
              <th scope="col" className="py-1.5 pr-2">{t("status.status")}</th>
              <th scope="col" className="py-1.5 pr-2 text-right">{t("status.count")}</th>
              <th scope="col" className="py-1.5 pr-2 text-right">{t("status.share")}</th>
              <th scope="col" className="w-1/3 py-1.5">
                <span className="sr-only">{t("status.bar")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((i) => (
              <tr key={`${i.status}:${i.resolution ?? ""}`}>
                <th scope="row" className="py-1.5 pr-2 font-normal">{label(i)}</th>
                <td className="py-1.5 pr-2 text-right tabular-nums">{n(i.count)}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatNumber(i.share, locale, 1)}%</td>
                <td className="py-1.5" aria-hidden="true">
                  <div className="h-3 rounded-sm bg-[#2c7bb6]" style={{ width: `${Math.max(i.share, 0.5)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-stone-300 font-semibold">
            <tr>
              <th scope="row" className="py-1.5 pr-2">{t("total")}</th>
              <td className="py-1.5 pr-2 text-right tabular-nums">{n(total)}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">100%</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </figure>
  );
}
