"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionFeedback, buttonClass, ConfirmBox } from "@/components/units/action-feedback";
import { unlockMeetingAction } from "@/lib/meetings/actions";

/** An admin opens a locked meeting for corrections again (UNLOCK_DAYS). */
export function UnlockMeetingForm({ meetingId }: { meetingId: number }) {
  const t = useTranslations("meetings");
  const [state, action, pending] = useActionState(unlockMeetingAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      <ConfirmBox state={state} id="mu" label={t("unlock.confirm")} />
      <ActionFeedback state={state} success={() => t("unlock.done")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("unlock.submit")}
      </button>
    </form>
  );
}
