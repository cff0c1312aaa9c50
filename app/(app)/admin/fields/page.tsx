import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { ActiveToggleForm, RefForm, type RefField } from "@/components/refdata/ref-form";
import { requirePermission } from "@/lib/auth/current";
import { MAX_DEADLINE_DAYS } from "@/lib/calendar/table";
import { formatNumber } from "@/lib/format";
import { createFieldAction, setFieldActiveAction, updateFieldAction } from "@/lib/petitions/reference/actions";
import { listPetitionFields } from "@/lib/petitions/reference/fields";

export async function generateMetadata() {
  return { title: (await getTranslations("refdata"))("fieldsTitle") };
}

export default async function FieldsPage() {
  await requirePermission("reference:manage:national");
  const [t, fields] = await Promise.all([getTranslations("refdata"), listPetitionFields()]);
  const nextOrder = fields.reduce((m, f) => Math.max(m, f.sortOrder), 0) + 1;
  const editable = (f?: { name: string; defaultDeadlineDays: number; assignmentDeadlineDays: number; sortOrder: number }): RefField[] => [
    { kind: "text", name: "name", label: t("fieldName"), required: true, maxLength: 100, defaultValue: f?.name ?? "" },
    {
      kind: "number",
      name: "defaultDeadlineDays",
      label: t("defaultDays"),
      required: true,
      min: 1,
      max: MAX_DEADLINE_DAYS,
      defaultValue: String(f?.defaultDeadlineDays ?? 15),
      hint: t("defaultDaysHint", { max: MAX_DEADLINE_DAYS }),
    },
    {
      kind: "number",
      name: "assignmentDeadlineDays",
      label: t("assignDays"),
      required: true,
      min: 1,
      max: MAX_DEADLINE_DAYS,
      defaultValue: String(f?.assignmentDeadlineDays ?? 5),
      hint: t("assignDaysHint"),
    },
    { kind: "number", name: "sortOrder", label: t("sortOrder"), required: true, min: 0, max: 9999, defaultValue: String(f?.sortOrder ?? nextOrder) },
  ];
  const errors = { DUPLICATE: t("fieldDuplicate"), INVALID_STATE: t("alreadyInState") };
  const toggleLabels = { deactivate: t("deactivate"), reactivate: t("reactivate"), deactivated: t("deactivated"), reactivated: t("reactivated") };
  return (
    <div className="space-y-4">
      <section aria-labelledby="fields-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 id="fields-title" className="mt-2 text-2xl font-semibold">
          {t("fieldsTitle")}
        </h1>
        <p className="mt-1 text-stone-700">{t("fieldsIntro")}</p>
        <p role="note" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("fieldsNote")}
        </p>
      </section>
      <section aria-labelledby="fields-list" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="fields-list" className="text-lg font-semibold">
          {t("fieldsTitle")}
        </h2>
        {fields.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {t("emptyFields")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("fieldName")}</th>
                  <th scope="col" className="py-2 pr-3">{t("assignDays")}</th>
                  <th scope="col" className="py-2 pr-3">{t("defaultDays")}</th>
                  <th scope="col" className="py-2 pr-3">{t("sortOrder")}</th>
                  <th scope="col" className="py-2 pr-3">{t("status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("petitionCount")}</th>
                  <th scope="col" className="py-2 pr-3">{t("actionsColumn")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {fields.map((f) => (
                  <tr key={f.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">{f.name}</th>
                    <td className="py-2 pr-3">{formatNumber(f.assignmentDeadlineDays)}</td>
                    <td className="py-2 pr-3">{formatNumber(f.defaultDeadlineDays)}</td>
                    <td className="py-2 pr-3">{formatNumber(f.sortOrder)}</td>
                    <td className={`py-2 pr-3 ${f.active ? "" : "font-medium text-red-800"}`}>{f.active ? t("active") : t("inactive")}</td>
                    <td className="py-2 pr-3">{formatNumber(f.petitionCount)}</td>
                    <td className="space-y-2 py-2 pr-3 sm:min-w-64">
                      <RefForm
                        action={updateFieldAction}
                        summary={t("editField")}
                        layout="inline"
                        fields={[{ kind: "hidden", name: "id", value: String(f.id) }, ...editable(f)]}
                        submit={t("saveField")}
                        success={t("fieldSaved")}
                        errors={errors}
                      />
                      <ActiveToggleForm
                        action={setFieldActiveAction}
                        id={f.id}
                        active={f.active}
                        confirm={f.active ? t("deactivateFieldConfirm", { name: f.name, count: f.petitionCount }) : t("reactivateFieldConfirm", { name: f.name })}
                        labels={toggleLabels}
                        errors={errors}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="fields-add" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="fields-add" className="sr-only">
          {t("addFieldTitle")}
        </h2>
        <RefForm action={createFieldAction} title={t("addFieldTitle")} fields={editable()} submit={t("addField")} success={t("fieldAdded")} errors={errors} />
      </section>
    </div>
  );
}
