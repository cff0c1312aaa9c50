import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { ChoiceField } from "@/components/choices/choice-field";
import { inputClass } from "@/components/units/action-feedback";
import type { ResolvedChoice } from "@/lib/choices/types";
import { PAGE_SIZES, PETITION_DATES, type PetitionFilters } from "@/lib/petitions/list";
import { PETITION_CHANNELS, PETITION_STATUSES, RESOLUTION_KINDS } from "@/lib/petitions/labels";
import { OPEN_STATUSES } from "@/lib/petitions/status";

const OPEN_VALUE = OPEN_STATUSES.join(",");

/** A plain GET form: the filters live in the URL, so a view can be shared or bookmarked. */
export async function PetitionFilterForm({
  filters,
  fields,
  agency,
  area,
  hrefFor,
  takesOver = false,
}: {
  filters: PetitionFilters;
  /** Whether the user takes over escalated petitions: the "waiting" filter is theirs (decision 054). */
  takesOver?: boolean;
  fields: { id: number; name: string }[];
  /** The agency and area filters: chosen on demand, never listed in the page (decision 029). */
  agency: ResolvedChoice;
  area: ResolvedChoice;
  hrefFor: (key: "agency" | "unit", id: number) => string;
}) {
  const t = await getTranslations("petitions");
  const status = filters.status.join(",");
  const more = Boolean(
    filters.channel.length || filters.agency || filters.unit || agency.text !== null || area.text !== null || filters.from || filters.to || filters.dateOf !== "received" || filters.dueWithin !== undefined || filters.resolution,
  );
  return (
    <form method="get" action="/petitions" role="search" aria-label={t("filters")} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[2fr_1fr_1fr_auto] md:items-end">
        <div>
          <label htmlFor="pf-q" className="block text-sm font-medium">{t("search")}</label>
          <input id="pf-q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="pf-q-hint" className={inputClass} />
          <p id="pf-q-hint" className="mt-1 text-xs text-stone-600">{t("searchHint")}</p>
        </div>
        <div>
          <label htmlFor="pf-status" className="block text-sm font-medium">{t("status")}</label>
          <select id="pf-status" name="status" defaultValue={status} className={inputClass}>
            <option value="">{t("any")}</option>
            <option value={OPEN_VALUE}>{t("openOnly")}</option>
            {PETITION_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`statuses.${s}`)}</option>
            ))}
            {status && status !== OPEN_VALUE && !PETITION_STATUSES.includes(status as never) && <option value={status}>{status}</option>}
          </select>
        </div>
        <div>
          <label htmlFor="pf-field" className="block text-sm font-medium">{t("field")}</label>
          <select id="pf-field" name="field" defaultValue={filters.field ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>{f.name}</option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="size-5" />
          {t("overdue")}
        </label>
      </div>
      {(takesOver || filters.awaiting) && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="awaiting" value="1" defaultChecked={filters.awaiting} className="size-5" />
          {t("awaiting")}
        </label>
      )}
      <details open={more} className="group">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("moreFilters")}</summary>
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="pf-channel" className="block text-sm font-medium">{t("channel")}</label>
            <select id="pf-channel" name="channel" defaultValue={filters.channel.join(",")} className={inputClass}>
              <option value="">{t("any")}</option>
              {PETITION_CHANNELS.map((c) => (
                <option key={c} value={c}>{t(`channels.${c}`)}</option>
              ))}
            </select>
          </div>
          <ChoiceField id="pf-agency" label={t("agency")} name="agency" source="agencies" resolved={agency} hrefFor={(id) => hrefFor("agency", id)} />
          <ChoiceField id="pf-unit" label={t("unit")} name="unit" source="units" resolved={area} hrefFor={(id) => hrefFor("unit", id)} asOf={filters.to ?? filters.from} />
          <div>
            <label htmlFor="pf-resolution" className="block text-sm font-medium">{t("resolution")}</label>
            <select id="pf-resolution" name="resolution" defaultValue={filters.resolution ?? ""} className={inputClass}>
              <option value="">{t("any")}</option>
              {RESOLUTION_KINDS.map((r) => (
                <option key={r} value={r}>{t(`resolutions.${r}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="pf-dateOf" className="block text-sm font-medium">{t("dateOf")}</label>
            <select id="pf-dateOf" name="dateOf" defaultValue={filters.dateOf} className={inputClass}>
              {PETITION_DATES.map((d) => (
                <option key={d} value={d}>{t(`dates.${d}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="pf-from" className="block text-sm font-medium">{t("from")}</label>
            <input id="pf-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="pf-to" className="block text-sm font-medium">{t("to")}</label>
            <input id="pf-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="pf-due" className="block text-sm font-medium">{t("dueWithin")}</label>
            <input id="pf-due" name="dueWithin" type="number" min={0} max={365} inputMode="numeric" defaultValue={filters.dueWithin ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="pf-limit" className="block text-sm font-medium">{t("pageSize")}</label>
            <select id="pf-limit" name="limit" defaultValue={filters.limit} className={inputClass}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </div>
        </div>
      </details>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
        <Link href="/petitions" className="rounded-md px-4 py-2.5 font-medium text-brand-700 underline underline-offset-2">{t("reset")}</Link>
      </div>
    </form>
  );
}
