"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { rehomeUserAction } from "@/lib/users/actions";
import type { ActionState } from "@/lib/actions/result";
import { ActionFeedback, buttonClass, ConfirmBox, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/**
 * Moving one account off its closed home (decision 055): the homes offered, the proposed one
 * chosen first, and a confirmation box. Works without JavaScript as a plain form.
 */
export function RehomeUserForm({
  user,
  fromUnitId,
  choices,
  proposedId,
}: {
  user: { id: number; name: string };
  fromUnitId: number;
  choices: { id: number; label: string }[];
  proposedId: number | null;
}) {
  const t = useTranslations("users.stranded");
  const id = useId();
  const [state, action, pending] = useActionState(rehomeUserAction, null as Result<typeof rehomeUserAction>);
  const resetKey = useResetKey(state);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {t("moved", { name: user.name })}
      </p>
    );
  }
  return (
    <form key={resetKey} action={action} aria-label={t("target", { name: user.name })} aria-busy={pending} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="fromUnitId" value={fromUnitId} />
      <div>
        <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
          {t("target", { name: user.name })}
        </label>
        <select id={`${id}-unit`} name="unitId" required defaultValue={lastValue(state, "unitId", String(proposedId ?? choices[0]?.id ?? ""))} aria-describedby={`${id}-unit-error`} className={inputClass}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError state={state} name="unitId" id={`${id}-unit-error`} />
      </div>
      <ConfirmBox state={state} id={id} label={t("confirm")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("move")}
      </button>
      <ActionFeedback state={state as ActionState<unknown>} success={() => t("moved", { name: user.name })} />
    </form>
  );
}
