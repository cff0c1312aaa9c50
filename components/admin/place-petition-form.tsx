"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { placePetitionAction } from "@/lib/units/merger/actions";
import type { ActionState } from "@/lib/actions/result";
import { ActionFeedback, buttonClass, ConfirmBox, FieldError, inputClass, useResetKey } from "@/components/units/action-feedback";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** One open petition of a split unit: the successors it may go to, a confirmation, "Xếp kiến nghị" (decision 055). */
export function PlacePetitionForm({ petition, candidates }: { petition: { id: number; version: number; code: string }; candidates: { id: number; label: string }[] }) {
  const t = useTranslations("mergers");
  const id = useId();
  const [state, action, pending] = useActionState(placePetitionAction, null as Result<typeof placePetitionAction>);
  const resetKey = useResetKey(state);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {t("petitionPlaced", { code: petition.code })}
      </p>
    );
  }
  return (
    <form key={resetKey} action={action} aria-label={t("petitionTarget", { code: petition.code })} aria-busy={pending} className="space-y-2">
      <input type="hidden" name="petitionId" value={petition.id} />
      <input type="hidden" name="version" value={petition.version} />
      <div>
        <label htmlFor={`${id}-target`} className="block text-sm font-medium">
          {t("petitionTarget", { code: petition.code })}
        </label>
        <select id={`${id}-target`} name="targetUnitId" required aria-describedby={`${id}-target-error`} className={inputClass}>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError state={state} name="targetUnitId" id={`${id}-target-error`} />
      </div>
      <ConfirmBox state={state} id={id} label={t("petitionConfirm")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("placePetition")}
      </button>
      <ActionFeedback state={state as ActionState<unknown>} success={() => t("petitionPlaced", { code: petition.code })} />
    </form>
  );
}
