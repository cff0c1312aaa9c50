import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { ChoiceField } from "@/components/choices/choice-field";
import { inputClass } from "@/components/units/action-feedback";
import type { ResolvedChoice } from "@/lib/choices/types";
import { MEETING_KINDS } from "@/lib/meetings/labels";
import { MEETING_PAGE_SIZES, type MeetingFilters } from "@/lib/meetings/list";

/** A plain GET form: the filters live in the URL, so a view can be shared or bookmarked. */
export async function MeetingFilterForm({ filters, area, hrefFor }: { filters: MeetingFilters; area: ResolvedChoice; hrefFor: (unitId: number) => string }) {
  const t = await getTranslations("meetings");
  return (
    <form method="get" action="/meetings" role="search" aria-label={t("list.filters")} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="mlf-kind" className="block text-sm font-medium">{t("list.kind")}</label>
          <select id="mlf-kind" name="kind" defaultValue={filters.kind ?? ""} className={inputClass}>
            <option value="">{t("list.any")}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>{t(`kinds.${k}`)}</option>
            ))}
          </select>
        </div>
        <ChoiceField id="mlf-unit" label={t("list.unit")} name="unit" source="units" resolved={area} hrefFor={hrefFor} asOf={filters.to ?? filters.from} />
        <div>
          <label htmlFor="mlf-dir" className="block text-sm font-medium">{t("list.order")}</label>
          <select id="mlf-dir" name="dir" defaultValue={filters.dir} className={inputClass}>
            <option value="desc">{t("list.newest")}</option>
            <option value="asc">{t("list.oldest")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="mlf-from" className="block text-sm font-medium">{t("list.from")}</label>
          <input id="mlf-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="mlf-to" className="block text-sm font-medium">{t("list.to")}</label>
          <input id="mlf-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="mlf-limit" className="block text-sm font-medium">{t("list.pageSize")}</label>
          <select id="mlf-limit" name="limit" defaultValue={filters.limit} className={inputClass}>
            {MEETING_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">{t("list.apply")}</button>
        <Link href="/meetings" className="rounded-md px-4 py-2.5 font-medium text-brand-700 underline underline-offset-2">{t("list.reset")}</Link>
      </div>
    </form>
  );
}
