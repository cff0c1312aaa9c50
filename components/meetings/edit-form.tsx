"use client";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionFeedback, buttonClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import { editMeetingAction } from "@/lib/meetings/actions";
import { AttendanceFields, type RosterRow } from "./attendance-fields";
import { MeetingFields } from "./meeting-fields";
import type { MeetingFieldName } from "@/lib/meetings/fields";

type State = Awaited<ReturnType<typeof editMeetingAction>> | null;

/** The saved meeting: each field of the one list (lib/meetings/fields.ts) as text (a field visit's follow-up is "" for other kinds). */
export type EditableMeeting = Record<MeetingFieldName, string> & {
  id: number;
  version: number;
  kind: string;
  attendance: (RosterRow & { status: string })[];
};

/** Correcting a meeting; a save on an outdated version is refused and the typed text kept. */
export function EditMeetingForm({ meeting, today }: { meeting: EditableMeeting; today: string }) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(editMeetingAction, null as State);
  const resetKey = useResetKey(state);
  const conflict = state && !state.ok && state.error === "CONFLICT";
  const router = useRouter();
  // Someone else saved first: load their version and keep this text, to check and save again.
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, router]);
  const status = new Map(meeting.attendance.map((a) => [a.cadreId, a.status]));
  const visit = meeting.kind === "FIELD_VISIT";
  return (
    <form key={resetKey} action={action} className="space-y-4">
      <input type="hidden" name="meetingId" value={meeting.id} />
      <input type="hidden" name="version" value={meeting.version} />
      <MeetingFields
        kind={meeting.kind}
        prefix="me"
        state={state}
        today={today}
        valueOf={(name) => lastValue(state, name, meeting[name])}
        slots={{
          // A field visit: who went is kept as logged (decision 053).
          people: { before: visit ? null : <AttendanceFields roster={meeting.attendance} statusOf={(id) => lastValue(state, `att.${id}`, status.get(id) ?? "ABSENT")} /> },
        }}
      />
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
