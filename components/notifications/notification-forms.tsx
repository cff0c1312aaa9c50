"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue } from "@/components/units/action-feedback";
import { markAllNotificationsReadAction, markNotificationReadAction, saveNotificationSettingsAction } from "@/lib/notifications/actions";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** "Đánh dấu đã đọc" for one notification: a plain form, so it works without JavaScript. */
export function MarkReadForm({ id, title }: { id: number; title: string }) {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(markNotificationReadAction, null as Result<typeof markNotificationReadAction>);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="notificationId" value={id} />
      <button type="submit" disabled={pending} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100" aria-label={`${t("markRead")}: ${title}`}>
        {t("markRead")}
      </button>
      {state && !state.ok && <ActionFeedback state={state} success={() => ""} />}
    </form>
  );
}

export function MarkAllReadForm() {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(markAllNotificationsReadAction, null as Result<typeof markAllNotificationsReadAction>);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("markAllRead")}
      </button>
      <ActionFeedback state={state} success={(d) => t("markedAllRead", { count: d.count })} />
    </form>
  );
}

/** Hồ sơ → Kênh nhận thông báo: the e-mail address and whether to use it. */
export function NotificationSettingsForm({ email, byEmail, phone, byZalo, bySms }: { email: string | null; byEmail: boolean; phone: string | null; byZalo: boolean; bySms: boolean }) {
  const t = useTranslations("notifications");
  const id = useId();
  const [state, action, pending] = useActionState(saveNotificationSettingsAction, null as Result<typeof saveNotificationSettingsAction>);
  const ticked = (name: "byEmail" | "byZalo" | "bySms", saved: boolean) => (state && !state.ok ? lastValue(state, name, "") === "on" : state?.ok ? state.data[name] : saved);
  const checked = ticked("byEmail", byEmail);
  return (
    <form action={action} className="space-y-3">
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium">
          {t("email")}
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          defaultValue={lastValue(state, "email", email ?? "")}
          aria-describedby={`${id}-email-hint ${id}-email-error`}
          className={inputClass}
        />
        <p id={`${id}-email-hint`} className="mt-1 text-sm text-stone-600">
          {t("emailHint")}
        </p>
        <FieldError state={state} name="email" id={`${id}-email-error`} />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="byEmail" defaultChecked={checked} key={String(checked)} className="h-5 w-5" />
        <span>{t("byEmail")}</span>
      </label>
      <div>
        <label htmlFor={`${id}-phone`} className="block text-sm font-medium">
          {t("phone")}
        </label>
        <input
          id={`${id}-phone`}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          defaultValue={lastValue(state, "phone", phone ? `0${phone.slice(2)}` : "")}
          aria-describedby={`${id}-phone-hint ${id}-phone-error`}
          className={inputClass}
        />
        <p id={`${id}-phone-hint`} className="mt-1 text-sm text-stone-600">
          {t("phoneHint")}
        </p>
        <FieldError state={state} name="phone" id={`${id}-phone-error`} />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="byZalo" defaultChecked={ticked("byZalo", byZalo)} key={`z${ticked("byZalo", byZalo)}`} className="h-5 w-5" />
        <span>{t("byZalo")}</span>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="bySms" defaultChecked={ticked("bySms", bySms)} key={`s${ticked("bySms", bySms)}`} className="h-5 w-5" />
        <span>{t("bySms")}</span>
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("save")}
      </button>
      <ActionFeedback state={state} success={() => t("saved")} />
    </form>
  );
}
