import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/petitions/status-badge";
import { StepForms } from "@/components/petitions/step-forms";
import { requirePermission } from "@/lib/auth/current";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { getPetitionPage } from "@/lib/petitions/detail";
import { unitFullName } from "@/lib/units/labels";
import { parseId } from "@/lib/forms/fields";
import { headers } from "next/headers";
import { AgencyLinkPanel } from "@/components/agency-links/link-panel";
import { agencyLinkPanel } from "@/lib/agency-links/staff";
import { publicBaseUrl } from "@/lib/lookup/receipt";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `${(await getTranslations("petitions"))("title")} #${(await params).id}` };
}

export default async function PetitionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("petition:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const data = await getPetitionPage(actor, id);
  if (!data) notFound();
  const { petition: p, path, steps, agencies, personal, escalateTo } = data;
  const query = await searchParams;
  // The agency's link and its waiting answers, for those who handle the petition (decision 063).
  const linkPanel = await agencyLinkPanel(actor, p.id, publicBaseUrl(await headers()));
  const t = await getTranslations("petitions");
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col sm:flex-row sm:gap-2">
      <dt className="text-stone-600 sm:w-44 sm:shrink-0">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      {query.created && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">
          {t("detail.created", { code: p.code })}{" "}
          <Link href={`/petitions/${p.id}/receipt`} className="font-semibold underline underline-offset-2">{t("detail.createdReceipt")}</Link>
        </p>
      )}
      {query.edited && <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">{t("edited")}</p>}
      {query.resubmitted && <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("detail.resubmitted")}</p>}
      <nav aria-label="breadcrumb" className="text-sm text-stone-600">
        <Link href="/petitions" className="text-brand-700 underline underline-offset-2">{t("title")}</Link>
        {path.map((u) => (
          <span key={u.id}> / {unitFullName(u)}</span>
        ))}
      </nav>
      <section className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{p.code}</h1>
          <StatusBadge status={p.status} resolution={p.resolution} />
          {p.overdue && <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-semibold text-white">{t("overdueBadge")}</span>}
          {p.reopenCount > 0 && <span className="text-sm text-stone-600">{t("detail.reopened", { count: p.reopenCount })}</span>}
          <Link href={`/petitions/${p.id}/receipt`} className="ml-auto text-sm text-brand-700 underline underline-offset-2">{t("detail.receipt")}</Link>
        </div>
        <dl className="mt-4 grid gap-2 text-sm">
          {row(t("detail.receivedOn"), formatDate(p.receivedOn))}
          {row(t("detail.channel"), t(`channels.${p.channel}`))}
          {row(t("detail.field"), p.field.name)}
          {row(t("detail.unit"), <Link href={`/units/${p.unit.id}`} className="text-brand-700 underline underline-offset-2">{unitFullName(p.unit)}</Link>)}
          {row(t("detail.agency"), p.agency?.name ?? t("detail.notAssigned"))}
          {row(
            p.dueFor ? t(`dueFor.${p.dueFor}`) : t("detail.dueOn"),
            p.dueOn ? (
              <>
                {formatDate(p.dueOn)}
                {p.dueFor === "ASSIGNMENT" && p.status === "RECEIVED" && (
                  <span className="block text-xs font-normal text-stone-600">
                    {t("detail.assignDueHint", { days: p.field.assignmentDeadlineDays, resolveDays: p.field.defaultDeadlineDays })}
                  </span>
                )}
              </>
            ) : (
              t("detail.noDue")
            ),
          )}
          {p.resolution && row(t("detail.resolution"), t(`resolutions.${p.resolution}`))}
          {p.replyText && row(t("detail.reply"), <span className="whitespace-pre-line font-normal">{p.replyText}</span>)}
          {(p.satisfaction || p.status === "CLOSED") && row(t("detail.satisfaction"), p.satisfaction ? t(`satisfactions.${p.satisfaction}`) : t("satisfactionNotKnown"))}
          {p.rejectionReason && row(t("detail.rejection"), p.rejectionReason)}
          {p.escalatedTo && !p.awaitingOffice && row(t("detail.escalatedTo"), p.escalatedTo)}
          {p.awaitingOffice && row(t("detail.awaiting"), p.awaitingOffice)}
          {p.handlingOffice && p.takenOverAt && row(t("detail.handling"), t("detail.takenOverOn", { office: p.handlingOffice, date: formatDate(p.takenOverAt) }))}
          {row(t("detail.createdBy"), `${p.createdBy.displayName} · ${formatDateTime(p.createdAt)}`)}
        </dl>
      </section>

      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <section aria-labelledby="p-content" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 id="p-content" className="text-lg font-semibold">{t("detail.content")}</h2>
            <p className="mt-2 whitespace-pre-line">{p.content}</p>
            <h3 className="mt-4 font-semibold">{t("detail.petitioner")}</h3>
            <p>
              {t(`petitionerKinds.${p.petitionerKind}`)}
              {p.petitionerName && <> · {p.petitionerName}</>}
              {p.petitionerPhone && <> · {p.petitionerPhone}</>}
              {p.petitionerAddress && <> · {p.petitionerAddress}</>}
            </p>
            {!personal && p.petitionerName && <p className="text-xs text-stone-600">{t("detail.maskedNote")}</p>}
          </section>

          <section aria-labelledby="p-files" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 id="p-files" className="text-lg font-semibold">{t("detail.attachments")}</h2>
            {p.attachments.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("detail.noAttachments")}</p>
            ) : (
              <ul className="mt-2 space-y-1">
                {p.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/petitions/${p.id}/attachments/${a.id}`} className="text-brand-700 underline underline-offset-2">{a.fileName}</a>{" "}
                    <span className="text-sm text-stone-600">({formatNumber(Math.ceil(a.size / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {(p.mergedInto || p.duplicates.length > 0 || p.meeting) && (
            <section aria-labelledby="p-links" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
              <h2 id="p-links" className="text-lg font-semibold">{t("detail.links")}</h2>
              <ul className="mt-2 space-y-1">
                {p.mergedInto && (
                  <li>
                    {t("detail.mergedInto")}: <Link href={`/petitions/${p.mergedInto.id}`} className="text-brand-700 underline underline-offset-2">{p.mergedInto.code}</Link>
                  </li>
                )}
                {p.duplicates.length > 0 && (
                  <li>
                    {t("detail.duplicates")}:{" "}
                    {p.duplicates.map((d, i) => (
                      <span key={d.id}>
                        {i > 0 && ", "}
                        <Link href={`/petitions/${d.id}`} className="text-brand-700 underline underline-offset-2">{d.code}</Link>
                      </span>
                    ))}
                  </li>
                )}
                {p.meeting && (
                  <li>
                    <Link href={`/meetings/${p.meeting.id}`} className="text-brand-700 underline underline-offset-2">{t("detail.meeting", { date: formatDate(p.meeting.heldOn) })}</Link>
                  </li>
                )}
              </ul>
            </section>
          )}

          <section aria-labelledby="p-timeline" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 id="p-timeline" className="text-lg font-semibold">{t("detail.timeline")}</h2>
            <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4" data-testid="timeline">
              {p.events.map((e) => (
                <li key={e.id}>
                  <p className="font-medium">
                    {t(`detail.events.${e.kind}`)}
                    {e.toStatus && e.fromStatus !== e.toStatus && <span className="font-normal text-stone-600"> → {t(`statuses.${e.toStatus}`)}</span>}
                  </p>
                  <p className="text-sm text-stone-600">
                    {e.actor?.displayName ?? (agencyOf(e.data) !== null ? t("detail.agencyOnline", { agency: agencyOf(e.data)! }) : t("detail.citizenOnline"))} · <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                  </p>
                  {e.note && <p className="mt-1 whitespace-pre-line text-sm">{e.note}</p>}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <div className="h-fit space-y-4">
        {linkPanel && (
          <AgencyLinkPanel
            petitionId={linkPanel.petitionId}
            version={linkPanel.version}
            agency={linkPanel.agency}
            link={linkPanel.link && { url: linkPanel.link.url, expiresOn: formatDate(new Date(linkPanel.link.expiresAt.getTime() - 1)) }}
            email={linkPanel.email && (linkPanel.email.state === "sent" ? { ...linkPanel.email, at: formatDateTime(linkPanel.email.at) } : linkPanel.email)}
            waiting={linkPanel.waiting.map((a) => ({
              id: a.id, kind: a.kind, text: a.text, resolution: a.resolution, days: a.days, sentAt: formatDateTime(a.createdAt), agency: a.agency.name,
              attachment: a.attachment && { href: `/petitions/${p.id}/attachments/${a.attachment.id}`, fileName: a.attachment.fileName },
            }))}
          />
        )}
        <section aria-labelledby="p-actions" className="h-fit rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="p-actions" className="text-lg font-semibold">{t("detail.actions")}</h2>
          {steps.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("detail.noActions")}</p>
          ) : (
            <StepForms
              petitionId={p.id}
              status={p.status}
              version={p.version}
              steps={steps}
              agencies={agencies}
              deadlineDays={p.field.defaultDeadlineDays}
              escalation={{ to: escalateTo, assignDays: p.field.assignmentDeadlineDays, takenOver: p.takenOverAt !== null }}
            />
          )}
        </section>
        </div>
      </div>
    </div>
  );
}

/** The agency named by an event the agency sent through its link (decision 063), else null. */
function agencyOf(data: unknown): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  return d.by === "agency" && typeof d.agency === "string" ? d.agency : null;
}
