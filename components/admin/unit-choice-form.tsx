"use client";
import { useActionState, useId } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { ActionFeedback, buttonClass, ConfirmBox, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";

/**
 * One record moved onto a unit chosen from a short list: a village or an open petition of a split unit
 * onto one of its successors, an account off its closed home (decision 055). The proposed unit is chosen
 * first; `confirm` adds a box the browser requires. Works without JavaScript as a plain form. The texts
 * come from the page, already translated.
 */
export function UnitChoiceForm<T>({
  action,
  hidden,
  name,
  label,
  choices,
  proposedId = null,
  confirm,
  submit,
  done,
}: {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  /** The record and the version it was read at. */
  hidden: Record<string, string | number>;
  /** The field the chosen unit's id is posted as. */
  name: string;
  label: string;
  choices: { id: number; label: string }[];
  proposedId?: number | null;
  confirm?: string;
  submit: string;
  /** Said once the move is saved. */
  done: string;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const resetKey = useResetKey(state);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {done}
      </p>
    );
  }
  return (
    <form key={resetKey} action={formAction} aria-label={label} aria-busy={pending} className="space-y-2">
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div>
        <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
          {label}
        </label>
        <select id={`${id}-unit`} name={name} required defaultValue={lastValue(state, name, String(proposedId ?? choices[0]?.id ?? ""))} aria-describedby={`${id}-unit-error`} className={inputClass}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError state={state} name={name} id={`${id}-unit-error`} />
      </div>
      {confirm && <ConfirmBox state={state} id={id} label={confirm} />}
      <button type="submit" disabled={pending} className={buttonClass}>
        {submit}
      </button>
      <ActionFeedback state={state} success={() => done} />
    </form>
  );
}
