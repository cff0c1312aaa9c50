"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { actionErrorMessage } from "@/lib/actions/messages";
import type { ActionState } from "@/lib/actions/result";
import { SignInAgain } from "@/components/shell/sign-in-again";

/** The outcome of a form's last submission, read out to screen readers. */
export function ActionFeedback<T>({ state, success }: { state: ActionState<T>; success: (data: T) => string }) {
  const t = useTranslations("actions");
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {success(state.data)}
      </p>
    );
  }
  const { key, values } = actionErrorMessage(state);
  // The session lapsed while the user typed: sign in again here, keep the form.
  if (state.error === "UNAUTHENTICATED") return <SignInAgain message={t(key, values)} />;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
      {t(key, values)}
    </p>
  );
}

/** A field's messages from the schema (Vietnamese), tied to its input by id. */
export function FieldError<T>({ state, name, id }: { state: ActionState<T>; name: string; id: string }) {
  const messages = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

/**
 * A key for a `<form>` that changes with every result. React resets a form after its action
 * runs, and a reset `<select>` falls back to the option it had when first shown, ignoring
 * `defaultValue`. Keying the form remounts it, so every field shows `lastValue` again.
 */
export function useResetKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey(key + 1);
  }
  return key;
}

/** The ticked "I confirm" box a destructive form asks for, with its message from the schema. */
export function ConfirmBox<T>({ state, id, label }: { state: ActionState<T>; id: string; label: string }) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input id={`${id}-confirm`} type="checkbox" name="confirm" required className="mt-0.5 size-5" aria-describedby={`${id}-confirm-error`} />
        <label htmlFor={`${id}-confirm`} className="text-sm">
          {label}
        </label>
      </div>
      <FieldError state={state} name="confirm" id={`${id}-confirm-error`} />
    </div>
  );
}

/** What the user typed last time, when the submission failed; otherwise the fallback. */
export function lastValue<T>(state: ActionState<T>, name: string, fallback: string): string {
  return state && !state.ok && state.values && name in state.values ? state.values[name] : fallback;
}

export const inputClass = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";
export const buttonClass = "rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70";
