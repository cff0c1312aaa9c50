import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DissolveOrganisationForm, MergeOrganisationForm } from "@/components/organisations/lifecycle-forms";
import { AddMemberForm, EndMembershipForm } from "@/components/organisations/member-forms";
import { OrganisationLinks } from "@/components/organisations/organisation-links";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { AFFILIATION_LABELS, membershipRoleLabel, ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import { mergeLinksOf, mergeTargetsFor } from "@/lib/organisations/lifecycle";
import { auditMemberPersonalDataRead, getOrganisationPage } from "@/lib/organisations/members";
import { addDaysUtc, todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";
import { parseId } from "@/lib/forms/fields";

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("organisation:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const today = todayInVietnam();
  const page = await getOrganisationPage(actor, id, today);
  if (!page) notFound();
  const { org, current, past, candidates } = page;
  const t = await getTranslations("members");
  const personal = allows(actor, "cadre:personal-data:subtree");
  const manage = allows(actor, "organisation:manage:subtree") && org.dissolvedOn === null;
  const shown = [...current, ...past];
  if (personal && shown.length > 0) await auditMemberPersonalDataRead(actor, org, shown.map((m) => m.cadreId));
  const todayIso = today.toISOString().slice(0, 10);
  const tl = await getTranslations("orgLifecycle");
  const [links, mergeTargets] = await Promise.all([mergeLinksOf(actor, org), manage ? mergeTargetsFor(actor, org) : Promise.resolve([])]);
  return (
    <div className="space-y-4">
      <section className="rounded-xl border border-stone-200 bg-white p-6">
        <h1 className="text-2xl font-semibold">{org.name}</h1>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-stone-600">{t("kind")}: </dt>
            <dd className="inline font-medium">{ORGANISATION_KIND_LABELS[org.kind]}</dd>
          </div>
          <div>
            <dt className="inline text-stone-600">{t("unit")}: </dt>
            <dd className="inline">
              <Link href={`/units/${org.unit.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                {unitFullName(org.unit)}
              </Link>
            </dd>
          </div>
          {org.dissolvedOn && (
            <div>
              {/* Dissolving or merging replaces the forms with this line: a live region says what happened. */}
              <dd role="status" className="text-red-800">
                {tl("dissolvedOn", { date: formatDate(addDaysUtc(org.dissolvedOn, -1)) })}
              </dd>
            </div>
          )}
        </dl>
        {links.into && (
          <p className="mt-2 text-sm">
            {tl.rich("mergedInto", {
              name: links.into.name,
              link: (chunks) => (
                <Link href={`/organisations/${links.into!.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
        {links.from.length > 0 && (
          <p className="mt-2 text-sm">
            <span className="text-stone-600">{tl("mergedFrom")}</span>
            <OrganisationLinks items={links.from} />
          </p>
        )}
      </section>

      <section aria-labelledby="members-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("currentTitle")} <span className="font-normal text-stone-600">({t("count", { count: current.length })})</span>
        </h2>
        {personal && <p className="mt-1 text-sm text-stone-600">{t("personalDataNote")}</p>}
        {current.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("empty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("fullName")}</th>
                  <th scope="col" className="py-2 pr-3">{t("role")}</th>
                  <th scope="col" className="py-2 pr-3">{t("representing")}</th>
                  <th scope="col" className="py-2 pr-3">{t("termStart")}</th>
                  <th scope="col" className="py-2 pr-3">{t("position")}</th>
                  {personal && <th scope="col" className="py-2 pr-3">{t("phone")}</th>}
                  {personal && <th scope="col" className="py-2 pr-3">{t("birthYear")}</th>}
                  {manage && <th scope="col" className="py-2 pr-3">{t("actions")}</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {current.map((m) => (
                  <tr key={m.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">{m.fullName}</th>
                    <td className="py-2 pr-3">{membershipRoleLabel(org.kind, m.role)}</td>
                    <td className="py-2 pr-3">{AFFILIATION_LABELS[m.representing]}</td>
                    <td className="py-2 pr-3">{formatDate(m.termStart)}</td>
                    <td className="py-2 pr-3">{m.position ?? ""}</td>
                    {personal && <td className="py-2 pr-3">{m.phone ?? ""}</td>}
                    {personal && <td className="py-2 pr-3">{m.birthYear ?? ""}</td>}
                    {manage && (
                      <td className="py-2 pr-3">
                        <EndMembershipForm membershipId={m.id} fullName={m.fullName} today={todayIso} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">{t("pastTitle", { count: past.length })}</summary>
          {past.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("noPast")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-100 text-sm">
              {past.map((m) => (
                <li key={m.id} className="flex flex-wrap gap-x-3 py-2">
                  <span className="font-medium">{m.fullName}</span>
                  <span>{membershipRoleLabel(org.kind, m.role)}</span>
                  <span>{AFFILIATION_LABELS[m.representing]}</span>
                  <span>
                    {formatDate(m.termStart)} – {formatDate(m.termEnd)}
                  </span>
                  {personal && m.phone && <span>{m.phone}</span>}
                  {personal && m.birthYear && <span>{m.birthYear}</span>}
                </li>
              ))}
            </ul>
          )}
        </details>
      </section>

      {manage && (
        <section aria-labelledby="members-manage-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="members-manage-title" className="text-lg font-semibold">
            {t("manageTitle")}
          </h2>
          <AddMemberForm organisationId={org.id} kind={org.kind} candidates={candidates} today={todayIso} />
        </section>
      )}

      {manage && (
        <section aria-labelledby="org-lifecycle-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="org-lifecycle-title" className="text-lg font-semibold">
            {tl("manageTitle")}
          </h2>
          <MergeOrganisationForm organisationId={org.id} version={org.version} name={org.name} targets={mergeTargets} today={todayIso} />
          <DissolveOrganisationForm organisationId={org.id} version={org.version} name={org.name} today={todayIso} />
        </section>
      )}
    </div>
  );
}
