"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionErrorCode, ActionResult, ActionState } from "@/lib/actions/result";

/** One input of a reference-data form, described by plain data so a server page can pass it. */
export type RefField =
  | { kind: "hidden"; name: string; value: string }
  | { kind: "text" | "date" | "number" | "email"; name: string; label: string; defaultValue?: string; required?: boolean; min?: number; max?: number; maxLength?: number; hint?: string }
  | { kind: "select"; name: string; label: string; defaultValue?: string; required?: boolean; options: { value: string; label: string }[]; hint?: string }
  | { kind: "textarea"; name: string; label: string; defaultValue?: string; required?: boolean; maxLength?: number; rows?: number; hint?: string }
  | { kind: "confirm"; name: string; label: string };

/**
 * A small form on a server action that works without JavaScript; with it, the outcome is
 * shown in place. `danger` puts it behind a <details> with a red button (with a confirm field).
 */
export function RefForm<T>({
  action: serverAction,
  fields,
  submit,
  success,
  errors,
  title,
  danger = false,
  summary,
  layout = "grid",
}: {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  fields: RefField[];
  submit: string;
  success: string;
  /** Messages, in this page's words, for some error codes. */
  errors?: Partial<Record<ActionErrorCode, string>>;
  title?: string;
  danger?: boolean;
  /** With it, the form sits behind a <details> opened by this text. */
  summary?: string;
  layout?: "grid" | "inline";
}) {
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(serverAction, null as ActionState<T>);
  const resetKey = useResetKey(state);
  const custom = state && !state.ok ? errors?.[state.error] : undefined;
  const form = (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={title ? `${id}-title` : undefined}>
      {title && (
        <h3 id={`${id}-title`} className="font-semibold">
          {title}
        </h3>
      )}
      <div className={layout === "grid" ? "grid grid-cols-1 gap-3 sm:grid-cols-2" : "space-y-2"}>
        {fields.map((f) => {
          const fid = `${id}-${f.name}`;
          if (f.kind === "hidden") return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          if (f.kind === "confirm") {
            return (
              <div key={f.name} className="sm:col-span-2">
                <div className="flex items-start gap-2">
                  <input id={fid} type="checkbox" name={f.name} required className="mt-0.5 size-5" aria-describedby={`${fid}-error`} />
                  <label htmlFor={fid} className="text-sm">
                    {f.label}
                  </label>
                </div>
                <FieldError state={state} name={f.name} id={`${fid}-error`} />
              </div>
            );
          }
          const described = [f.hint ? `${fid}-hint` : "", `${fid}-error`].filter(Boolean).join(" ");
          return (
            <div key={f.name}>
              <label htmlFor={fid} className="block text-sm font-medium">
                {f.label}
                {f.required && <span aria-hidden="true"> *</span>}
              </label>
              {f.kind === "textarea" ? (
                <textarea
                  id={fid}
                  name={f.name}
                  required={f.required}
                  maxLength={f.maxLength}
                  rows={f.rows ?? 3}
                  defaultValue={lastValue(state, f.name, f.defaultValue ?? "")}
                  aria-describedby={described}
                  className={inputClass}
                />
              ) : f.kind === "select" ? (
                <select id={fid} name={f.name} required={f.required} defaultValue={lastValue(state, f.name, f.defaultValue ?? "")} aria-describedby={described} className={inputClass}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={fid}
                  type={f.kind}
                  name={f.name}
                  required={f.required}
                  min={f.min}
                  max={f.max}
                  maxLength={f.maxLength}
                  defaultValue={lastValue(state, f.name, f.defaultValue ?? "")}
                  aria-describedby={described}
                  className={inputClass}
                />
              )}
              {f.hint && (
                <p id={`${fid}-hint`} className="mt-1 text-sm text-stone-600">
                  {f.hint}
                </p>
              )}
              <FieldError state={state} name={f.name} id={`${fid}-error`} />
            </div>
          );
        })}
      </div>
      {custom ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {custom}
        </p>
      ) : (
        <ActionFeedback state={state} success={() => success} />
      )}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className={danger ? "rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70" : buttonClass}
      >
        {pending ? ta("pending") : submit}
      </button>
    </form>
  );
  if (!summary) return form;
  return (
    <details className={`rounded-md border p-2 ${danger ? "border-red-200" : "border-stone-200"}`} open={state !== null}>
      <summary className={`cursor-pointer text-sm font-semibold ${danger ? "text-red-800" : "text-brand-700"}`}>{summary}</summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}

/** Deactivate or reactivate a reference row (a field, an agency): behind a confirmation, never a delete. */
export function ActiveToggleForm<T>({
  action,
  id,
  active,
  confirm,
  labels,
  errors,
}: {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  id: number;
  active: boolean;
  /** The confirmation's wording, for the way the toggle goes now. */
  confirm: string;
  labels: { deactivate: string; reactivate: string; deactivated: string; reactivated: string };
  errors?: Partial<Record<ActionErrorCode, string>>;
}) {
  const verb = active ? labels.deactivate : labels.reactivate;
  return (
    <RefForm
      action={action}
      summary={verb}
      danger={active}
      layout="inline"
      fields={[
        { kind: "hidden", name: "id", value: String(id) },
        ...(active ? [] : [{ kind: "hidden" as const, name: "active", value: "on" }]),
        { kind: "confirm", name: "confirm", label: confirm },
      ]}
      submit={verb}
      success={active ? labels.deactivated : labels.reactivated}
      errors={errors}
    />
  );
}
