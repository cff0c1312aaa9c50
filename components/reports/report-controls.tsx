import { getTranslations } from "next-intl/server";
import { PERIOD_KINDS, reportQuery, type ReportParams } from "@/lib/dashboards/report-params";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2";

/**
 * The period and view, as a GET form: the URL holds the whole view, so it can be shared and
 * works without JavaScript. "From/to month" apply to a custom period; "a month in the period"
 * to the others.
 */
export async function ReportControls({ params }: { params: ReportParams }) {
  const t = await getTranslations("reports");
  return (
    // Keyed by what it shows: a link to another view (a unit merged into this one opens "as the units were")
    // navigates without a reload, and a select keeps the value it was mounted with (seen in Chromium).
    <form key={reportQuery(params)} method="get" action="/reports" className="grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6 print:hidden" aria-label={t("period.legend")}>
      {params.unit !== undefined && <input type="hidden" name="unit" value={params.unit} />}
      {params.sort !== "name" && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir !== "asc" && <input type="hidden" name="dir" value={params.dir} />}
      {params.map !== "onTimeRate" && <input type="hidden" name="map" value={params.map} />}
      <label className="text-sm font-medium">
        {t("period.kind")}
        <select name="period" defaultValue={params.typed ? "custom" : params.kind} className={input}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`period.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("period.at")}
        <input type="month" name="at" defaultValue={params.at} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("period.from")}
        <input type="month" name="from" defaultValue={params.typed?.from ?? (params.kind === "custom" ? params.at : "")} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("period.to")}
        <input type="month" name="to" defaultValue={params.typed?.to ?? (params.kind === "custom" ? params.to : "")} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("view.legend")}
        <select name="view" defaultValue={params.view} className={input}>
          <option value="restated">{t("view.restated")}</option>
          <option value="historical">{t("view.historical")}</option>
        </select>
      </label>
      <div className="flex items-end">
        <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t("period.show")}
        </button>
      </div>
    </form>
  );
}
