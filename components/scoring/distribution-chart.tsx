import { getLocale, getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

/**
 * How many villages scored in each tenth of the scale: a table whose last column draws each count as a bar,
 * server-rendered with no chart library and no JavaScript (decisions 015, 045); the table is its own
 * accessible alternative and reads on a phone.
 */
export async function DistributionChart({ buckets }: { buckets: number[] }) {
  const [t, locale] = await Promise.all([getTranslations("scoring"), getLocale().then(toLocale)]);
  const total = buckets.reduce((a, b) => a + b, 0);
  const most = Math.max(1, ...buckets);
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4" data-testid="score-distribution">
      <figcaption className="font-semibold">{t("distribution.title")}</figcaption>
      {total === 0 ? (
        <p className="mt-3 text-stone-600">{t("distribution.empty")}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">{t("distribution.caption")}</caption>
          <thead className="border-b border-stone-200 text-stone-700">
            <tr>
              <th scope="col" className="py-1.5 pr-2">{t("distribution.band")}</th>
              <th scope="col" className="py-1.5 pr-2 text-right">{t("distribution.villages")}</th>
              <th scope="col" className="w-1/2 py-1.5">
                <span className="sr-only">{t("distribution.bar")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {buckets.map((n, i) => (
              <tr key={i}>
                <th scope="row" className="py-1.5 pr-2 font-normal tabular-nums">
                  {t("distribution.range", { from: i * 10, to: i === 9 ? 100 : i * 10 + 10 })}
                </th>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatNumber(n, locale)}</td>
                <td className="py-1.5" aria-hidden="true">
                  {n > 0 && <div className={`h-3 rounded-sm ${i < 5 ? "bg-[#d7191c]" : i < 7 ? "bg-[#fdae61]" : "bg-[#2c7bb6]"}`} style={{ width: `${(n / most) * 100}%` }} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
