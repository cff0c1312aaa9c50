import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActiveToggleForm, RefForm } from "@/components/refdata/ref-form";
import { requirePermission } from "@/lib/auth/current";
import { formatNumber } from "@/lib/format";
import { parseId } from "@/lib/forms/fields";
import { createAgencyAction, renameAgencyAction, setAgencyActiveAction, setAgencyEmailAction } from "@/lib/petitions/reference/actions";
import { agencyUnitChoices, getAgencyPage } from "@/lib/petitions/reference/agencies";

export async function generateMetadata() {
  return { title: (await getTranslations("refdata"))("agenciesTitle") };
}

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("petition:read:subtree");
  const raw = (await searchParams).unit;
  const unitId = typeof raw === "string" && raw !== "" ? parseId(raw) : actor.unit.id;
  const data = unitId === null ? null : await getAgencyPage(actor, unitId);
  if (!data) notFound();
  const [t, units] = await Promise.all([getTranslations("refdata"), data.canManage ? agencyUnitChoices(actor) : Promise.resolve([])]);
  const errors = { DUPLICATE: t("agencyDuplicate"), INVALID_STATE: t("alreadyInState") };
  const toggleLabels = { deactivate: t("deactivate"), reactivate: t("reactivate"), deactivated: t("deactivated"), reactivated: t("reactivated") };
  return (
    <div className="space-y-4">
      <section aria-labelledby="agencies-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <Link href="/petitions" className="text-sm text-brand-700 underline">
          ← {(await getTranslations("petitions"))("title")}
        </Link>
        <h1 id="agencies-title" className="mt-2 text-2xl font-semibold">
          {t("agenciesTitle")}
        </h1>
        <p className="mt-1 text-stone-700">{t("agenciesIntro", { unit: data.unit.label })}</p>
        {data.canManage && <p className="mt-1 text-sm text-stone-600">{t("agenciesNote")}</p>}
        {units.length > 1 && (
          <form method="get" action="/petitions/agencies" className="mt-3 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="agencies-unit" className="block text-sm font-medium">
                {t("chooseUnit")}
              </label>
              <select id="agencies-unit" name="unit" defaultValue={String(data.unit.id)} className="mt-1 block w-full max-w-md rounded-md border border-stone-300 px-3 py-2 text-base">
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-md border border-stone-300 px-3 py-2 font-medium hover:bg-stone-100">
              {t("show")}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="agencies-own" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="agencies-own" className="text-lg font-semibold">
          {t("ownAgencies", { unit: data.unit.label })}
        </h2>
        {data.own.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {t("emptyAgencies")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("agencyName")}</th>
                  <th scope="col" className="py-2 pr-3">{t("status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("petitionCount")}</th>
                  <th scope="col" className="py-2 pr-3">{t("agencyEmail")}</th>
                  {data.canManage && <th scope="col" className="py-2 pr-3">{t("actionsColumn")}</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {data.own.map((a) => (
                  <tr key={a.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">{a.name}</th>
                    <td className={`py-2 pr-3 ${a.active ? "" : "font-medium text-red-800"}`}>{a.active ? t("active") : t("inactive")}</td>
                    <td className="py-2 pr-3">{formatNumber(a.petitionCount)}</td>
                    <td className="py-2 pr-3 break-all">{a.email ?? <span className="text-stone-600">{t("agencyEmailNone")}</span>}</td>
                    {data.canManage && (
                      <td className="space-y-2 py-2 pr-3 sm:min-w-64">
                        <RefForm
                          action={renameAgencyAction}
                          summary={t("renameAgency")}
                          layout="inline"
                          fields={[
                            { kind: "hidden", name: "id", value: String(a.id) },
                            { kind: "text", name: "name", label: t("agencyName"), required: true, maxLength: 200, defaultValue: a.name },
                          ]}
                          submit={t("saveAgency")}
                          success={t("agencySaved")}
                          errors={errors}
                        />
                        <RefForm
                          action={setAgencyEmailAction}
                          summary={t("agencyEmailEdit")}
                          layout="inline"
                          fields={[
                            { kind: "hidden", name: "id", value: String(a.id) },
                            { kind: "email", name: "email", label: t("agencyEmail"), maxLength: 254, defaultValue: a.email ?? "", hint: t("agencyEmailHint") },
                          ]}
                          submit={t("agencyEmailSave")}
                          success={t("agencySaved")}
                          errors={errors}
                        />
                        <ActiveToggleForm
                          action={setAgencyActiveAction}
                          id={a.id}
                          active={a.active}
                          confirm={a.active ? t("deactivateAgencyConfirm", { name: a.name, count: a.petitionCount }) : t("reactivateAgencyConfirm", { name: a.name })}
                          labels={toggleLabels}
                          errors={errors}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.canManage && (
          <div className="mt-4 border-t border-stone-200 pt-4">
            <RefForm
              action={createAgencyAction}
              title={t("addAgencyTitle", { unit: data.unit.label })}
              fields={[
                { kind: "hidden", name: "unitId", value: String(data.unit.id) },
                { kind: "text", name: "name", label: t("agencyName"), required: true, maxLength: 200 },
              ]}
              submit={t("addAgency")}
              success={t("agencyAdded")}
              errors={errors}
            />
          </div>
        )}
      </section>

      {data.above.length > 0 && (
        <section aria-labelledby="agencies-above" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="agencies-above" className="text-lg font-semibold">
            {t("aboveAgencies")}
          </h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("agencyName")}</th>
                  <th scope="col" className="py-2 pr-3">{t("keptBy")}</th>
                  <th scope="col" className="py-2 pr-3">{t("status")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {data.above.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="py-2 pr-3 font-medium">{a.name}</th>
                    <td className="py-2 pr-3">{a.unit}</td>
                    <td className="py-2 pr-3">{a.active ? t("active") : t("inactive")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
