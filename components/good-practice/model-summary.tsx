import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import type { ModelYearCounts, ModelYearFigures } from "@/lib/good-practice/figures";
import { RECOGNITION_LEVELS } from "@/lib/good-practice/workflow";

/** The reports page's table of "Dân vận khéo" models by field for the period's year, as provinces report them (decision 076). */
export async function ModelSummary({ figures, unitName, listHref }: { figures: ModelYearFigures; unitName: string; listHref: string | null }) {
  const t = await getTranslations("goodPractice");
  const cells = (c: ModelYearCounts) => [c.registered, c.new, c.effective, ...RECOGNITION_LEVELS.map((l) => c.recognised[l])];
  const cell = "py-2 pr-3 text-right tabular-nums";
  return (
    <section aria-labelledby="models-summary-title" className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="models-summary-title" className="text-lg font-semibold">
          {t("summary.title", { year: String(figures.year) })}
        </h2>
        {listHref && (
          <Link href={listHref} className="text-sm text-brand-700 underline underline-offset-2 print:hidden">
            {t("summary.list")}
          </Link>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="models-summary">
          <caption className="sr-only">{t("summary.caption", { unit: unitName, year: String(figures.year) })}</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("summary.field")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("summary.registered")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("summary.new")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("summary.effective")}
              </th>
              {RECOGNITION_LEVELS.map((l) => (
                <th key={l} scope="col" className="py-2 pr-3 text-right">
                  {t("summary.recognised")} {t(`levels.${l}`).toLowerCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {figures.byField.map((f) => (
              <tr key={f.field}>
                <th scope="row" className="px-3 py-2 font-normal">
                  {t(`fields.${f.field}`)}
                </th>
                {cells(f.counts).map((v, i) => (
                  <td key={i} className={cell}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="font-semibold" data-testid="models-summary-total">
              <th scope="row" className="px-3 py-2">
                {t("summary.total")}
              </th>
              {cells(figures.total).map((v, i) => (
                <td key={i} className={cell}>
                  {v}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
