import { getTranslations } from "next-intl/server";
import { RefForm } from "@/components/refdata/ref-form";
import { addHotspotAction, removeHotspotAction } from "@/lib/periodic-reports/actions";
import type { HotspotRow } from "@/lib/periodic-reports/hotspot-queries";
import { HOTSPOT_ACTIONS_MAX, HOTSPOT_PEOPLE_MAX, HOTSPOT_SEVERITIES, HOTSPOT_TOPIC_MAX } from "@/lib/periodic-reports/schemas";
import { unitFullName } from "@/lib/units/labels";

export const SEVERITY_CLASS: Record<string, string> = {
  WATCH: "bg-stone-100 text-stone-800",
  COMPLEX: "bg-amber-100 text-amber-900",
  SERIOUS: "bg-orange-200 text-orange-950",
  CRITICAL: "bg-red-200 text-red-950",
};

export async function SeverityBadge({ severity }: { severity: string }) {
  const t = await getTranslations("periodicReports.hotspot");
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-sm font-medium ${SEVERITY_CLASS[severity] ?? ""}`} data-severity={severity}>
      {t(`level.${severity}`)}
    </span>
  );
}

/** A report's hotspots as a table (cards on a phone), with a remove form on each while the writer may edit. */
export async function HotspotTable({ hotspots, editable = false, caption }: { hotspots: HotspotRow[]; editable?: boolean; caption?: string }) {
  const t = await getTranslations("periodicReports.hotspot");
  if (hotspots.length === 0) return <p className="text-stone-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="hotspot-table">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-2">{t("place")}</th>
            <th scope="col" className="p-2">{t("topic")}</th>
            <th scope="col" className="p-2">{t("severity")}</th>
            <th scope="col" className="p-2 text-right">{t("people")}</th>
            <th scope="col" className="p-2">{t("actions")}</th>
            {editable && <th scope="col" className="p-2"><span className="sr-only">{t("remove")}</span></th>}
          </tr>
        </thead>
        <tbody>
          {hotspots.map((h) => (
            <tr key={h.id} className="border-b border-stone-200 align-top" data-hotspot={h.id}>
              <td className="p-2">{unitFullName(h.place)}</td>
              <td className="p-2 whitespace-pre-line">{h.topic}</td>
              <td className="p-2"><SeverityBadge severity={h.severity} /></td>
              <td className="p-2 text-right tabular-nums">{h.people.toLocaleString("vi-VN")}</td>
              <td className="p-2 whitespace-pre-line">{h.actions}</td>
              {editable && (
                <td className="p-2">
                  <RefForm
                    action={removeHotspotAction}
                    summary={t("remove")}
                    danger
                    fields={[{ kind: "hidden", name: "hotspotId", value: String(h.id) }, { kind: "confirm", name: "confirm", label: t("removeConfirm") }]}
                    submit={t("remove")}
                    success={t("removed")}
                    layout="inline"
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The writer's form to add a hotspot: the place among the unit and the units just below it. */
export async function AddHotspotForm({ reportId, places, errors }: { reportId: number; places: { id: number; label: string }[]; errors: Record<string, string> }) {
  const t = await getTranslations("periodicReports.hotspot");
  return (
    <RefForm
      action={addHotspotAction}
      summary={t("add")}
      title={t("add")}
      fields={[
        { kind: "hidden", name: "reportId", value: String(reportId) },
        { kind: "select", name: "placeUnitId", label: t("place"), required: true, options: places.map((p) => ({ value: String(p.id), label: p.label })) },
        { kind: "select", name: "severity", label: t("severity"), required: true, options: HOTSPOT_SEVERITIES.map((s) => ({ value: s, label: t(`level.${s}`) })) },
        { kind: "text", name: "topic", label: t("topic"), required: true, maxLength: HOTSPOT_TOPIC_MAX },
        { kind: "number", name: "people", label: t("people"), required: true, min: 0, max: HOTSPOT_PEOPLE_MAX },
        { kind: "textarea", name: "actions", label: t("actions"), required: true, maxLength: HOTSPOT_ACTIONS_MAX, rows: 3 },
      ]}
      submit={t("add")}
      success={t("added")}
      errors={errors}
    />
  );
}
