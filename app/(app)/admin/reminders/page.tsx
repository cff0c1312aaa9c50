import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { RefForm } from "@/components/refdata/ref-form";
import { requirePermission } from "@/lib/auth/current";
import { formatNumber } from "@/lib/format";
import { saveReminderScheduleAction } from "@/lib/notifications/actions";
import { listReminderSchedules } from "@/lib/notifications/reminder-schedules";
import { SCHEDULE_LIMITS } from "@/lib/notifications/schedule";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("remindersTitle") };
}

/** Each field's reminder schedule in working days (decision 061): national reference data. */
export default async function RemindersPage() {
  await requirePermission("reference:manage:national");
  const [t, ta, tr, rows] = await Promise.all([getTranslations("notifications"), getTranslations("admin"), getTranslations("refdata"), listReminderSchedules()]);
  return (
    <div className="space-y-4">
      <section aria-labelledby="reminders-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {ta("back")}
        </Link>
        <h1 id="reminders-title" className="mt-2 text-2xl font-semibold">
          {t("remindersTitle")}
        </h1>
        <p className="mt-1 text-stone-700">{t("remindersIntro")}</p>
      </section>
      <section aria-label={t("remindersTitle")} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("field")}</th>
                <th scope="col" className="py-2 pr-3">{t("daysBefore")}</th>
                <th scope="col" className="py-2 pr-3">{t("onDueDay")}</th>
                <th scope="col" className="py-2 pr-3">{t("overdueEvery")}</th>
                <th scope="col" className="py-2 pr-3">{tr("actionsColumn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((r) => (
                <tr key={r.fieldId} className="align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {r.name}
                    {!r.custom && <span className="block text-xs font-normal text-stone-600">{t("default")}</span>}
                    {!r.active && <span className="block text-xs font-normal text-red-800">{t("inactive")}</span>}
                  </th>
                  <td className="py-2 pr-3">{formatNumber(r.daysBefore)}</td>
                  <td className="py-2 pr-3">{r.onDueDay ? "✓" : "—"}</td>
                  <td className="py-2 pr-3">{formatNumber(r.overdueEvery)}</td>
                  <td className="py-2 pr-3 sm:min-w-64">
                    <RefForm
                      action={saveReminderScheduleAction}
                      summary={tr("editField")}
                      layout="inline"
                      fields={[
                        { kind: "hidden", name: "fieldId", value: String(r.fieldId) },
                        { kind: "number", name: "daysBefore", label: t("daysBefore"), required: true, ...SCHEDULE_LIMITS.daysBefore, defaultValue: String(r.daysBefore) },
                        {
                          kind: "select",
                          name: "onDueDay",
                          label: t("onDueDay"),
                          defaultValue: r.onDueDay ? "on" : "",
                          options: [
                            { value: "on", label: "✓" },
                            { value: "", label: "—" },
                          ],
                        },
                        { kind: "number", name: "overdueEvery", label: t("overdueEvery"), required: true, ...SCHEDULE_LIMITS.overdueEvery, defaultValue: String(r.overdueEvery) },
                      ]}
                      submit={t("save")}
                      success={t("scheduleSaved", { name: r.name })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
