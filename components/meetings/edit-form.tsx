"use client";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import { editMeetingAction } from "@/lib/meetings/actions";
import { AttendanceFields, type RosterRow } from "./attendance-fields";

type State = Awaited<ReturnType<typeof editMeetingAction>> | null;

export interface EditableMeeting {
  id: number;
  version: number;
  heldOn: string;
  place: string;
  chair: string;
  guests: string;
  agenda: string;
  minutes: string;
  /** A field visit's follow-up and its due date (yyyy-mm-dd or ""); "" for other kinds (decision 053). */
  followUp: string;
  followUpDueOn: string;
  kind: string;
  attendance: (RosterRow & { status: string })[];
}

/** Correcting a meeting; a save on an outdated version is refused and the typed text kept. */
export function EditMeetingForm({ meeting, today }: { meeting: EditableMeeting; today: string }) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(editMeetingAction, null as State);
  const resetKey = useResetKey(state);
  const value = (name: keyof EditableMeeting) => lastValue(state, name, String(meeting[name]));
  const conflict = state && !state.ok && state.error === "CONFLICT";
  const router = useRouter();
  // Someone else saved first: load their version and keep this text, to check and save again.
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, router]);
  const status = new Map(meeting.attendance.map((a) => [a.cadreId, a.status]));
  const err = (name: string) => `me-${name}-error`;
  const card = "space-y-3 rounded-xl border border-stone-200 bg-white p-4";
  // A field visit: who went is kept as logged; its labels and follow-up are the visit's (decision 053).
  const visit = meeting.kind === "FIELD_VISIT";
  return (
    <form key={resetKey} action={action} className="space-y-4">
      <input type="hidden" name="meetingId" value={meeting.id} />
      <input type="hidden" name="version" value={meeting.version} />
      <section className={card}>
        <div>
          <label htmlFor="me-heldOn" className="block text-sm font-medium">{t(visit ? "form.visitHeldOn" : "form.heldOn")} *</label>
          <input id="me-heldOn" name="heldOn" type="date" required max={today} defaultValue={value("heldOn")} aria-describedby={err("heldOn")} className={inputClass} />
          <FieldError state={state} name="heldOn" id={err("heldOn")} />
        </div>
        <div>
          <label htmlFor="me-place" className="block text-sm font-medium">{t(visit ? "form.visitPlace" : "form.place")} *</label>
          <input id="me-place" name="place" required maxLength={300} defaultValue={value("place")} aria-describedby={err("place")} className={inputClass} />
          <FieldError state={state} name="place" id={err("place")} />
        </div>
        <div>
          <label htmlFor="me-chair" className="block text-sm font-medium">{t(visit ? "form.visitChair" : "form.chair")} *</label>
          <input id="me-chair" name="chair" required maxLength={200} defaultValue={value("chair")} aria-describedby={err("chair")} className={inputClass} />
          <FieldError state={state} name="chair" id={err("chair")} />
        </div>
      </section>
      <section className={card}>
        {!visit && <AttendanceFields roster={meeting.attendance} statusOf={(id) => lastValue(state, `att.${id}`, status.get(id) ?? "ABSENT")} />}
        <div>
          <label htmlFor="me-guests" className="block text-sm font-medium">{t(visit ? "form.visitGuests" : "form.guests")}</label>
          <textarea id="me-guests" name="guests" rows={2} maxLength={2000} defaultValue={value("guests")} className={inputClass} />
        </div>
      </section>
      <section className={card}>
        <div>
          <label htmlFor="me-agenda" className="block text-sm font-medium">{t("form.agendaText")}</label>
          <textarea id="me-agenda" name="agenda" rows={3} maxLength={5000} defaultValue={value("agenda")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="me-minutes" className="block text-sm font-medium">{t(visit ? "form.findings" : "form.minutes")}</label>
          <textarea id="me-minutes" name="minutes" rows={8} maxLength={20000} defaultValue={value("minutes")} aria-describedby={err("minutes")} className={inputClass} />
          <FieldError state={state} name="minutes" id={err("minutes")} />
        </div>
      </section>
      {visit && (
        <section className={card} aria-labelledby="me-follow-h">
          <h2 id="me-follow-h" className="text-lg font-semibold">{t("form.followUpTitle")}</h2>
          <div>
            <label htmlFor="me-followUp" className="block text-sm font-medium">{t("form.followUp")}</label>
            <textarea id="me-followUp" name="followUp" rows={4} maxLength={5000} defaultValue={value("followUp")} aria-describedby={err("followUp")} className={inputClass} />
            <FieldError state={state} name="followUp" id={err("followUp")} />
          </div>
          <div>
            <label htmlFor="me-followUpDueOn" className="block text-sm font-medium">{t("form.followUpDueOn")}</label>
            <input id="me-followUpDueOn" name="followUpDueOn" type="date" defaultValue={value("followUpDueOn")} aria-describedby={`me-followUpDueOn-hint ${err("followUpDueOn")}`} className={inputClass} />
            <p id="me-followUpDueOn-hint" className="mt-1 text-xs text-stone-600">{t("form.followUpHint")}</p>
            <FieldError state={state} name="followUpDueOn" id={err("followUpDueOn")} />
          </div>
        </section>
      )}
      {conflict ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{t("edit.conflict")}</p>
      ) : state && !state.ok && state.error === "INVALID_STATE" ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{t("edit.invalid")}</p>
      ) : (
        <ActionFeedback state={state} success={() => ""} />
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} aria-busy={pending} className={`${buttonClass} min-h-12`}>
          {pending ? t("form.saving") : t("edit.submit")}
        </button>
        <Link href={`/meetings/${meeting.id}`} className="text-brand-700 underline underline-offset-2">{t("edit.cancel")}</Link>
      </div>
    </form>
  );
}
