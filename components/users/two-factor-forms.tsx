"use client";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { ActionFeedback, buttonClass, ConfirmBox, inputClass, useResetKey } from "@/components/units/action-feedback";
import { DUTIES } from "@/lib/auth/roles";
import { confirmTwoFactorAction, resetTwoFactorAction, setTwoFactorPolicyAction } from "@/lib/auth/two-factor/actions";

type State = Awaited<ReturnType<typeof confirmTwoFactorAction>> | null;

/** What the enrolment page drew on the server: the QR code (SVG), the secret in groups of four, and the secret sealed for the form. */
export interface EnrolmentView {
  qrSvg: string;
  secretText: string;
  sealed: string;
}

/**
 * Setting up the authenticator app: the QR code and the secret, and the form whose first code
 * confirms them (the secret travels sealed in a hidden field); then the ten recovery codes, shown
 * this once. The first render's secret is kept (useState): the page draws a new one on every
 * render, and a refresh after the action (the session cookie is re-issued on every request) must
 * not swap the QR code being scanned. Rendered at the same place whether or not the second factor
 * is on, so that without JavaScript the page re-rendered after the post still shows the codes.
 */
export function TwoFactorEnrolment({ enrolment }: { enrolment: EnrolmentView | null }) {
  const t = useTranslations("twoFactor");
  const id = useId();
  const [shown] = useState(enrolment);
  const [state, action, pending] = useActionState(confirmTwoFactorAction, null as State);
  if (state?.ok && !state.data.refused) {
    return (
      <section aria-labelledby={`${id}-codes`} className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 sm:p-6">
        <h2 id={`${id}-codes`} className="text-lg font-semibold">
          {t("codesTitle")}
        </h2>
        <p className="text-sm text-amber-950">{t("codesWarning")}</p>
        <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-base">
          {state.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <Link href="/" className={`inline-block ${buttonClass}`}>
          {t("continue")}
        </Link>
      </section>
    );
  }
  if (!shown) return null;
  const refused = state?.ok ? state.data.refused : null;
  return (
    <section className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <h2 className="font-semibold">{t("step1")}</h2>
      {/* The SVG is made on the server by the qrcode package from the otpauth address: no user text in it. */}
      <div role="img" aria-label={t("qrLabel")} className="h-56 w-56 bg-white" dangerouslySetInnerHTML={{ __html: shown.qrSvg }} />
      <div>
        <p className="text-sm text-stone-700">{t("manual")}</p>
        <p data-testid="two-factor-secret" className="mt-1 break-all font-mono text-base tracking-wider">
          {shown.secretText}
        </p>
      </div>
      <form action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="font-semibold">
          {t("step2")}
        </h2>
        <input type="hidden" name="enrolment" value={shown.sealed} />
        {refused && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {t(refused)}
          </p>
        )}
        {state && !state.ok && <ActionFeedback state={state} success={() => ""} />}
        <div>
          <label htmlFor={`${id}-code`} className="block text-sm font-medium">
            {t("code")}
          </label>
          <input id={`${id}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={9} className={`${inputClass} max-w-40 font-mono tracking-widest`} />
        </div>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
          {t("confirm")}
        </button>
      </form>
    </section>
  );
}

type ResetState = Awaited<ReturnType<typeof resetTwoFactorAction>> | null;

/** "Tắt xác thực hai lớp của người dùng" on the admin user page (shown while the user has one): behind a <details>, with a required confirmation box. */
export function ResetTwoFactorForm({ userId, on }: { userId: number; on: boolean }) {
  const t = useTranslations("twoFactor");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(resetTwoFactorAction, null as ResetState);
  const resetKey = useResetKey(state);
  // Mounted whether or not it is on, so the answer stays in view when the page re-renders after it.
  if (!on && !state) return null;
  return (
    <details className="rounded-md border border-amber-300 p-3" open={!!state}>
      <summary className="cursor-pointer font-semibold">{t("reset")}</summary>
      <form key={resetKey} action={action} className="mt-2 space-y-2">
        <p className="text-sm">{t("resetHint")}</p>
        <input type="hidden" name="userId" value={userId} />
        <ConfirmBox state={state} id={id} label={t("resetConfirm")} />
        <ActionFeedback state={state} success={() => t("resetDone")} />
        <button type="submit" disabled={pending} aria-busy={pending} className="rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70">
          {pending ? ta("pending") : t("reset")}
        </button>
      </form>
    </details>
  );
}

type PolicyState = Awaited<ReturnType<typeof setTwoFactorPolicyAction>> | null;

/** The duties that require a second factor: a checkbox per duty (national administrators only; decision 049). */
export function TwoFactorPolicyForm({ required }: { required: string[] }) {
  const t = useTranslations("twoFactor");
  const tr = useTranslations("roles");
  const ta = useTranslations("actions");
  const [state, action, pending] = useActionState(setTwoFactorPolicyAction, null as PolicyState);
  const current = state?.ok ? state.data.required : required;
  return (
    <form action={action} className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("policyTitle")}</legend>
        {DUTIES.map((duty) => (
          <label key={duty} className="flex items-center gap-2">
            <input type="checkbox" name="required" value={duty} defaultChecked={current.includes(duty)} className="h-5 w-5" />
            {tr(`duty.${duty}`)}
          </label>
        ))}
      </fieldset>
      <ActionFeedback state={state} success={() => t("policySaved")} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("policySave")}
      </button>
    </form>
  );
}
