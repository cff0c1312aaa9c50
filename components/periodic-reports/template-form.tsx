"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { saveTemplateAction } from "@/lib/periodic-reports/actions";

type Saved = { version: number; newVersion: boolean };
type Option = { key: string; label: string; checked: boolean };

/**
 * The template's form: its figures and sections as checkboxes, its deadline, a confirmation; works without
 * JavaScript (a plain form on the server action). The words come from the server page.
 */
export function TemplateForm({
  level,
  kind,
  shownVersion,
  figures,
  sections,
  deadlineDay,
  labels,
}: {
  level: string;
  kind: string;
  shownVersion: number;
  figures: Option[];
  sections: Option[];
  deadlineDay: number;
  labels: { figures: string; sections: string; deadline: string; confirm: string; save: string; saved: string; conflict: string };
}) {
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(saveTemplateAction, null as ActionState<Saved>);
  const resetKey = useResetKey(state);
  const group = (name: string, legend: string, options: Option[]) => (
    <fieldset className="space-y-1" aria-describedby={`${id}-${name}-error`}>
      <legend className="font-medium">{legend}</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.key} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={name} value={o.key} defaultChecked={o.checked} className="mt-1 h-4 w-4" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError state={state} name={name} id={`${id}-${name}-error`} />
    </fieldset>
  );
  return (
    <form key={resetKey} action={action} className="space-y-5" data-testid="template-form">
      <input type="hidden" name="level" value={level} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="shownVersion" value={shownVersion} />
      {group("figureKeys", labels.figures, figures)}
      {group("sectionKeys", labels.sections, sections)}
      <div>
        <label htmlFor={`${id}-deadline`} className="block font-medium">
          {labels.deadline}
        </label>
        <input id={`${id}-deadline`} type="number" name="deadlineDay" min={1} max={28} required defaultValue={deadlineDay} aria-describedby={`${id}-deadline-error`} className={`${inputClass} max-w-32`} />
        <FieldError state={state} name="deadlineDay" id={`${id}-deadline-error`} />
      </div>
      <div>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="on" required className="mt-1 h-4 w-4" aria-describedby={`${id}-confirm-error`} />
          <span>{labels.confirm}</span>
        </label>
        <FieldError state={state} name="confirm" id={`${id}-confirm-error`} />
      </div>
      {state && !state.ok && state.error === "CONFLICT" ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900">
          {labels.conflict}
        </p>
      ) : (
        <ActionFeedback state={state} success={(d) => labels.saved.replace("{version}", String(d.version))} />
      )}
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : labels.save}
      </button>
    </form>
  );
}
