import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CadreForm, EndCadreForm } from "@/components/cadres/cadre-forms";
import { AddTrainingForm, DeleteTrainingForm } from "@/components/cadres/training-forms";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { auditCadrePersonalDataRead, getCadre } from "@/lib/cadres/queries";
import { cadreUnitList } from "@/lib/cadres/unit-options";
import { unitChoice } from "@/lib/choices/units";
import { GENDER_LABELS, maxBirthYear } from "@/lib/cadres/rules";
import { formatDate } from "@/lib/format";
import { AFFILIATION_LABELS, membershipRoleLabel } from "@/lib/organisations/labels";
import { isoDay, todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";
import { parseId } from "@/lib/forms/fields";

export default async function CadrePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("organisation:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const cadre = await getCadre(actor, id);
  if (!cadre) notFound();
  const t = await getTranslations("cadres");
  const { personal } = cadre;
  if (personal) await auditCadrePersonalDataRead(actor, [cadre.id], "detail");
  const manage = allows(actor, "cadre:manage:subtree");
  const editable = manage && cadre.endedOn === null;
  const [units, unit] = editable ? await Promise.all([cadreUnitList(actor), unitChoice(actor, cadre.unitId)]) : [[], null];
  const today = todayInVietnam();
  const cell = "py-2 pr-3";

  return (
    <div className="space-y-4">
      <section aria-labelledby="cadre-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <p>
          <Link href="/cadres" className="text-sm text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
        <h1 id="cadre-title" className="mt-2 text-2xl font-semibold">
          {cadre.fullName}
        </h1>
        {cadre.endedOn && <p className="mt-2 rounded-md bg-amber-50 p-2 text-amber-900">{t("endedBanner", { date: formatDate(cadre.endedOn) })}</p>}
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-stone-600">{t("gender")}: </dt>
            <dd className="inline">{cadre.gender ? GENDER_LABELS[cadre.gender] : ""}</dd>
          </div>
          {personal && (
            <div>
              <dt className="inline text-stone-600">{t("birthYear")}: </dt>
              <dd className="inline">{cadre.birthYear ?? ""}</dd>
            </div>
          )}
          {personal && (
            <div>
              <dt className="inline text-stone-600">{t("phone")}: </dt>
              <dd className="inline">{cadre.phone ?? ""}</dd>
            </div>
          )}
          <div>
            <dt className="inline text-stone-600">{t("isPartyMember")}: </dt>
            <dd className="inline">{cadre.isPartyMember ? t("yes") : t("no")}</dd>
          </div>
          <div>
            <dt className="inline text-stone-600">{t("position")}: </dt>
            <dd className="inline">{cadre.position ?? ""}</dd>
          </div>
          <div>
            <dt className="inline text-stone-600">{t("unit")}: </dt>
            <dd className="inline">
              <Link href={`/units/${cadre.unit.id}`} className="text-brand-700 underline underline-offset-2">
                {unitFullName(cadre.unit)}
              </Link>
              {cadre.unit.parent && `, ${unitFullName(cadre.unit.parent)}`}
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-stone-600">{personal ? t("personalNote") : t("hiddenNote")}</p>
      </section>

      {editable && (
        <section aria-labelledby="cadre-edit" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="cadre-edit" className="text-lg font-semibold">
            {t("editTitle")}
          </h2>
          <CadreForm
            cadre={{
              id: cadre.id,
              version: cadre.version,
              fullName: cadre.fullName,
              gender: cadre.gender,
              birthYear: cadre.birthYear,
              phone: cadre.phone,
              isPartyMember: cadre.isPartyMember,
              position: cadre.position,
              unitId: cadre.unitId,
            }}
            units={units}
            unit={unit}
            personal={personal}
            maxBirthYear={maxBirthYear(today)}
          />
          <EndCadreForm cadreId={cadre.id} version={cadre.version} fullName={cadre.fullName} today={isoDay(today)} />
        </section>
      )}

      <section aria-labelledby="cadre-memberships" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="cadre-memberships" className="text-lg font-semibold">
          {t("membershipsTitle")}
        </h2>
        {cadre.memberships.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("noMemberships")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className={cell}>{t("organisation")}</th>
                  <th scope="col" className={cell}>{t("role")}</th>
                  <th scope="col" className={cell}>{t("representing")}</th>
                  <th scope="col" className={cell}>{t("term")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {cadre.memberships.map((m) => (
                  <tr key={m.id} className="align-top">
                    <th scope="row" className={`${cell} font-medium`}>
                      <Link href={`/organisations/${m.organisation.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {m.organisation.name}
                      </Link>
                    </th>
                    <td className={cell}>{membershipRoleLabel(m.organisation.kind, m.role)}</td>
                    <td className={cell}>{AFFILIATION_LABELS[m.representing]}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {formatDate(m.termStart)} – {m.termEnd ? formatDate(m.termEnd) : t("untilNow")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cadre-trainings" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="cadre-trainings" className="text-lg font-semibold">
          {t("trainingsTitle")}
        </h2>
        {cadre.trainings.length === 0 ? (
          <p className="text-stone-600">{t("noTrainings")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className={cell}>{t("course")}</th>
                  <th scope="col" className={cell}>{t("organiser")}</th>
                  <th scope="col" className={cell}>{t("startOn")}</th>
                  <th scope="col" className={cell}>{t("endOn")}</th>
                  <th scope="col" className={cell}>{t("result")}</th>
                  {manage && <th scope="col" className={cell}>{t("actions")}</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {cadre.trainings.map((r) => (
                  <tr key={r.id} className="align-top">
                    <th scope="row" className={`${cell} font-medium`}>{r.course}</th>
                    <td className={cell}>{r.organiser}</td>
                    <td className={cell}>{formatDate(r.startOn)}</td>
                    <td className={cell}>{formatDate(r.endOn)}</td>
                    <td className={cell}>{r.result ?? ""}</td>
                    {manage && (
                      <td className={cell}>
                        <DeleteTrainingForm trainingId={r.id} course={r.course} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {manage && <AddTrainingForm cadreId={cadre.id} />}
      </section>
    </div>
  );
}
