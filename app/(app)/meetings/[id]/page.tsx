import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DraftCleaner } from "@/components/meetings/draft-cleaner";
import { UnlockMeetingForm } from "@/components/meetings/unlock-form";
import { StatusBadge } from "@/components/petitions/status-badge";
import { requirePermission } from "@/lib/auth/current";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { getMeetingPage } from "@/lib/meetings/detail";
import { targetValue } from "@/lib/meetings/labels";
import { unitFullName } from "@/lib/units/labels";
import { parseId } from "@/lib/forms/fields";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `${(await getTranslations("meetings"))("title")} #${(await params).id}` };
}

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("meeting:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const data = await getMeetingPage(actor, id);
  if (!data) notFound();
  const { meeting: m, path, attendance, edit, locksAt, mayUnlock } = data;
  const query = await searchParams;
  const t = await getTranslations("meetings");
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col sm:flex-row sm:gap-2">
      <dt className="text-stone-600 sm:w-40 sm:shrink-0">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
  const card = "rounded-xl border border-stone-200 bg-white p-4 sm:p-6";
  const visit = m.kind === "FIELD_VISIT";
  const rate = attendance.rate === null ? "—" : `${formatNumber(attendance.rate * 100, "vi", 1)} %`;
  return (
    <div className="space-y-4">
      {query.created && <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">{t("detail.created", { count: m.raisedPetitions.length })}</p>}
      {query.resubmitted && <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("detail.resubmitted")}</p>}
      {query.edited && <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">{t("detail.edited")}</p>}
      {m.idempotencyKey && (query.created || query.resubmitted) && (
        <DraftCleaner kind={m.kind} target={targetValue(m.organisationId ? { kind: "org", id: m.organisationId } : { kind: "unit", id: m.unitId })} idempotencyKey={m.idempotencyKey} />
      )}
      <nav aria-label="breadcrumb" className="text-sm text-stone-600">
        <Link href="/meetings" className="text-brand-700 underline underline-offset-2">{t("title")}</Link>
        {path.map((u) => (
          <span key={u.id}> / {unitFullName(u)}</span>
        ))}
      </nav>
      <section className={card}>
        <p className="text-sm text-stone-600">{t(`kinds.${m.kind}`)}</p>
        <h1 className="text-2xl font-semibold">
          {m.heldBy} · {formatDate(m.heldOn)}
        </h1>
        <dl className="mt-4 grid gap-2 text-sm">
          {m.visitorUnitName && row(t("detail.visitor"), m.visitorUnitName)}
          {row(t(visit ? "form.visitHeldOn" : "detail.heldOn"), formatDate(m.heldOn))}
          {row(t(visit ? "form.visitPlace" : "detail.place"), m.place ?? "—")}
          {row(t(visit ? "form.visitChair" : "detail.chair"), m.chair ?? "—")}
          {!visit && row(t("detail.attendanceRate"), <span data-testid="attendance-rate">{t("detail.rate", { present: attendance.present, total: attendance.total, rate })}</span>)}
          {m.guests && row(t(visit ? "form.visitGuests" : "detail.guests"), <span className="whitespace-pre-line font-normal">{m.guests}</span>)}
          {row(t("detail.createdBy"), `${m.createdBy.displayName} · ${formatDateTime(m.createdAt)}`)}
        </dl>
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
          {edit === "editable" && (
            <>
              <Link href={`/meetings/${m.id}/edit`} className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">{t("detail.edit")}</Link>
              <span className="text-stone-600">{t("detail.editableUntil", { date: formatDateTime(m.unlockedUntil && m.unlockedUntil > locksAt ? m.unlockedUntil : locksAt) })}</span>
            </>
          )}
          {edit === "locked" && <span className="text-stone-600">{t("detail.locked", { date: formatDateTime(locksAt) })}</span>}
        </div>
      </section>

      {visit && (
        <section aria-labelledby="m-follow" className={card} data-testid="follow-up">
          <h2 id="m-follow" className="text-lg font-semibold">{t("detail.followUp")}</h2>
          {m.followUp ? <p className="mt-2 whitespace-pre-line">{m.followUp}</p> : <p className="mt-2 text-stone-600">{t("detail.noFollowUp")}</p>}
          {m.followUpDueOn && <p className="mt-1 text-sm font-medium">{t("detail.followUpDueOn", { date: formatDate(m.followUpDueOn) })}</p>}
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="m-raised" className={card}>
          <h2 id="m-raised" className="text-lg font-semibold">{t("detail.raised", { count: m.raisedPetitions.length })}</h2>
          {m.raisedPetitions.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("detail.noRaised")}</p>
          ) : (
            <ul className="mt-2 space-y-3" data-testid="raised-petitions">
              {m.raisedPetitions.map((p) => (
                <li key={p.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/petitions/${p.id}`} className="font-medium text-brand-700 underline underline-offset-2">{p.code}</Link>
                    <StatusBadge status={p.status} resolution={p.resolution} />
                  </div>
                  <p className="text-sm">{p.content}</p>
                  <p className="text-xs text-stone-600">{p.unitName}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="m-attendance" className={card}>
          <h2 id="m-attendance" className="text-lg font-semibold">{t(visit ? "detail.visitors" : "form.attendance")}</h2>
          {m.attendances.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("form.noRoster")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-100 text-sm">
              {m.attendances.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
                  <span>
                    {a.cadre.fullName}
                    {a.cadre.position && <span className="block text-xs text-stone-600">{a.cadre.position}</span>}
                  </span>
                  <span className={`rounded px-2 py-0.5 text-xs font-semibold ${a.status === "PRESENT" ? "bg-green-100 text-green-900" : a.status === "EXCUSED" ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-900"}`}>
                    {t(`attendance.${a.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="m-agenda" className={card}>
          <h2 id="m-agenda" className="text-lg font-semibold">{t("form.agenda")}</h2>
          {m.agenda && <p className="mt-2 whitespace-pre-line">{m.agenda}</p>}
          {m.agendaItems.length > 0 && (
            <>
              <h3 className="mt-3 font-medium">{t("detail.carried")}</h3>
              <ul className="mt-1 space-y-2">
                {m.agendaItems.map((p) => (
                  <li key={p.id} className="text-sm">
                    <Link href={`/petitions/${p.id}`} className="font-medium text-brand-700 underline underline-offset-2">{p.code}</Link>{" "}
                    <StatusBadge status={p.status} resolution={p.resolution} />
                    <span className="block">{p.content}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {!m.agenda && m.agendaItems.length === 0 && <p className="mt-2 text-stone-600">—</p>}
        </section>

        <section aria-labelledby="m-minutes" className={card}>
          <h2 id="m-minutes" className="text-lg font-semibold">{t(visit ? "detail.findings" : "form.minutesTitle")}</h2>
          <p className="mt-2 whitespace-pre-line">{m.minutes ?? t("detail.noMinutes")}</p>
          <h3 className="mt-4 font-medium">{t("form.attachments")}</h3>
          {m.attachments.length === 0 ? (
            <p className="text-stone-600">{t("detail.noAttachments")}</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/meetings/${m.id}/attachments/${a.id}`} className="text-brand-700 underline underline-offset-2">{a.fileName}</a>{" "}
                  <span className="text-sm text-stone-600">({formatNumber(Math.ceil(a.size / 1024))} KB)</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {mayUnlock && edit !== "editable" && (
        <section aria-labelledby="m-unlock" className={card}>
          <h2 id="m-unlock" className="text-lg font-semibold">{t("unlock.title")}</h2>
          <p className="mt-1 text-sm text-stone-600">{t("unlock.hint")}</p>
          <div className="mt-3">
            <UnlockMeetingForm meetingId={m.id} />
          </div>
        </section>
      )}
    </div>
  );
}
