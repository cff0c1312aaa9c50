"use client";
import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import { petitionStepAction } from "@/lib/petitions/actions";
import { RESOLUTION_KINDS, SATISFACTION_NOT_KNOWN, SATISFACTIONS } from "@/lib/petitions/labels";
import type { PetitionStatus } from "@/lib/generated/prisma/enums";
import type { PetitionStep } from "@/lib/petitions/workflow";

type State = Awaited<ReturnType<typeof petitionStepAction>> | null;

/** Steps that close a petition one way or another ask for a ticked confirmation. */
const CONFIRM: readonly PetitionStep[] = ["reject", "merge", "escalate"];

function StepForm({
  step,
  petitionId,
  version,
  agencies,
  deadlineDays,
  primary,
  escalation,
}: {
  step: PetitionStep;
  petitionId: number;
  version: number;
  agencies: { id: number; name: string }[];
  deadlineDays: number;
  primary: boolean;
  escalation: Escalation;
}) {
  const t = useTranslations("petitions");
  const id = useId();
  const router = useRouter();
  const [state, action, pending] = useActionState(petitionStepAction, null as State);
  const resetKey = useResetKey(state);
  // Someone else saved first: show their changes (and the new version) and keep this text.
  useEffect(() => {
    if (state && !state.ok && state.error === "CONFLICT") router.refresh();
  }, [state, router]);
  const text = (name: string, label: string, required: boolean, rows = 3) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">{label}{required && " *"}</label>
      <textarea id={`${id}-${name}`} name={name} rows={rows} required={required} defaultValue={lastValue(state, name, "")} aria-describedby={`${id}-${name}-error`} className={inputClass} />
      <FieldError state={state} name={name} id={`${id}-${name}-error`} />
    </div>
  );
  const choice = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">{label} *</label>
      <select id={`${id}-${name}`} name={name} required defaultValue={lastValue(state, name, "")} aria-describedby={`${id}-${name}-error`} className={inputClass}>
        <option value="">{t("intake.choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <FieldError state={state} name={name} id={`${id}-${name}-error`} />
    </div>
  );
  const conflict = state && !state.ok && state.error === "CONFLICT";
  return (
    <details open={primary || (state !== null && !state.ok)} className="rounded-md border border-stone-200 p-3">
      <summary className="cursor-pointer font-medium">{t(`steps.${step}`)}</summary>
      <form key={resetKey} action={action} className="mt-3 space-y-3">
        <input type="hidden" name="petitionId" value={petitionId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="step" value={step} />
        {step === "assign" && (
          <>
            {choice("agencyId", t("steps.agency"), agencies.map((a) => ({ value: String(a.id), label: a.name })))}
            <p className="text-xs text-stone-600">{t(escalation.takenOver ? "steps.deadlineHintTakenOver" : "steps.deadlineHint", { days: deadlineDays })}</p>
            {text("note", t("steps.note"), false, 2)}
          </>
        )}
        {step === "start" && text("note", t("steps.note"), false, 2)}
        {step === "resolve" && (
          <>
            {choice("resolution", t("steps.resolution"), RESOLUTION_KINDS.map((r) => ({ value: r, label: t(`resolutions.${r}`) })))}
            {text("note", t("steps.resultNote"), true)}
          </>
        )}
        {step === "reply" && (
          <>
            {text("replyText", t("steps.replyText"), true, 4)}
            {choice("satisfaction", t("steps.satisfaction"), [
              ...SATISFACTIONS.map((s) => ({ value: s, label: t(`satisfactions.${s}`) })),
              { value: SATISFACTION_NOT_KNOWN, label: t("satisfactionNotKnown") },
            ])}
            <p className="text-xs text-stone-600">{t("steps.satisfactionHint")}</p>
          </>
        )}
        {step === "rate" && choice("satisfaction", t("steps.satisfaction"), SATISFACTIONS.map((s) => ({ value: s, label: t(`satisfactions.${s}`) })))}
        {(step === "reject" || step === "reopen") && text("note", t("steps.reason"), true)}
        {step === "merge" && (
          <>
            <div>
              <label htmlFor={`${id}-target`} className="block text-sm font-medium">{t("steps.targetCode")} *</label>
              <input id={`${id}-target`} name="targetCode" required defaultValue={lastValue(state, "targetCode", "")} aria-describedby={`${id}-target-error`} className={inputClass} />
              <FieldError state={state} name="targetCode" id={`${id}-target-error`} />
            </div>
            {text("note", t("steps.note"), false, 2)}
          </>
        )}
        {step === "escalate" && (
          <>
            {/* Up to the supervising unit the tree names; only where none is in the app does the user name the body (decision 054). */}
            {escalation.to ? (
              <p className="rounded-md bg-purple-50 p-3 text-sm text-purple-900" data-testid="escalate-to">{t("steps.escalateToUnit", { office: escalation.to })}</p>
            ) : (
              <div>
                <p className="mb-2 text-sm text-stone-700">{t("steps.escalateOutside")}</p>
                <label htmlFor={`${id}-to`} className="block text-sm font-medium">{t("steps.escalatedTo")} *</label>
                <input id={`${id}-to`} name="escalatedTo" required maxLength={300} defaultValue={lastValue(state, "escalatedTo", "")} aria-describedby={`${id}-to-error`} className={inputClass} />
                <FieldError state={state} name="escalatedTo" id={`${id}-to-error`} />
              </div>
            )}
            {text("note", t("steps.escalateReason"), true)}
          </>
        )}
        {step === "takeOver" && (
          <>
            <p className="text-sm text-stone-700">{t("steps.takeOverHint", { days: escalation.assignDays })}</p>
            {text("note", t("steps.note"), false, 2)}
          </>
        )}
        {step === "comment" && text("note", t("steps.note"), true, 2)}
        {CONFIRM.includes(step) && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" required className="size-5" />
            {t("steps.confirm")}
          </label>
        )}
        {conflict ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{t("conflict")}</p>
        ) : (
          <ActionFeedback state={state} success={() => t("steps.done")} />
        )}
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
          {pending ? t("intake.saving") : t(`steps.${step}`)}
        </button>
      </form>
    </details>
  );
}

/** The step that moves a petition forward from each status: its form opens first. */
const FORWARD: Partial<Record<PetitionStatus, PetitionStep>> = { RECEIVED: "assign", ASSIGNED: "start", IN_PROGRESS: "resolve", RESOLVED: "reply", CLOSED: "rate", ESCALATED: "takeOver" };

/**
 * What the escalation and take-over forms say (decision 054): the office escalating would send it to (null: the
 * user names the body), the field's days to assign, and whether this level took the petition over (its
 * deadline to resolve then counts from that day).
 */
export interface Escalation {
  to: string | null;
  assignDays: number;
  takenOver: boolean;
}

/** One small form per step the workflow allows this user now; the one that moves it forward is open. */
export function StepForms({
  petitionId,
  status,
  version,
  steps,
  agencies,
  deadlineDays,
  escalation,
}: {
  petitionId: number;
  status: PetitionStatus;
  version: number;
  steps: PetitionStep[];
  agencies: { id: number; name: string }[];
  deadlineDays: number;
  escalation: Escalation;
}) {
  // Correcting intake details has its own page; the other steps are small forms here.
  const t = useTranslations("petitions");
  const forward = FORWARD[status];
  // The forward step first, the others in the workflow's order.
  const shown = steps.filter((s) => s !== "edit").sort((a, b) => Number(b === forward) - Number(a === forward));
  return (
    <div className="mt-3 space-y-2">
      {steps.includes("edit") && (
        <Link href={`/petitions/${petitionId}/edit`} className="inline-block rounded-md border border-stone-300 px-4 py-2.5 font-medium hover:bg-stone-50">
          {t("steps.edit")}
        </Link>
      )}
      {shown.map((step) => (
        <StepForm key={step} step={step} petitionId={petitionId} version={version} agencies={agencies} deadlineDays={deadlineDays} primary={step === forward} escalation={escalation} />
      ))}
    </div>
  );
}
