"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import type { PeriodicReportStatus } from "@/lib/generated/prisma/enums";
import { saveReportAction } from "@/lib/periodic-reports/actions";

type Saved = { reportId: number; status: PeriodicReportStatus };

/**
 * The writer's form: each narrative section, then "save the draft" or "send it up". Works without
 * JavaScript (a plain form on the server action); the texts are labelled by the server page.
 */
export function ReportForm({
  reportId,
  version,
  sections,
  labels,
}: {
  reportId: number;
  version: number;
  sections: { key: string; heading: string; hint: string; value: string; max: number }[];
  labels: { save: string; submit: string; saved: string; submitted: string; submitHint: string };
}) {
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(saveReportAction, null as ActionState<Saved>);
  const resetKey = useResetKey(state);
  return (
    <form key={resetKey} action={action} className="space-y-4" data-testid="report-form">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      {sections.map((s) => (
        <div key={s.key}>
          <label htmlFor={`${id}-${s.key}`} className="block font-medium">
            {s.heading}
          </label>
          <p id={`${id}-${s.key}-hint`} className="text-sm text-stone-600">
            {s.hint}
          </p>
          <textarea
            id={`${id}-${s.key}`}
            name={s.key}
            rows={5}
            maxLength={s.max}
            defaultValue={lastValue(state, s.key, s.value)}
            aria-describedby={`${id}-${s.key}-hint ${id}-${s.key}-error`}
            className={inputClass}
          />
          <FieldError state={state} name={s.key} id={`${id}-${s.key}-error`} />
        </div>
      ))}
      <ActionFeedback state={state} success={(d) => (d.status === "SUBMITTED" ? labels.submitted : labels.saved)} />
      <p className="text-sm text-stone-600">{labels.submitHint}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="save" disabled={pending} aria-busy={pending} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50 disabled:opacity-70">
          {pending ? ta("pending") : labels.save}
        </button>
        <button type="submit" name="intent" value="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
          {pending ? ta("pending") : labels.submit}
        </button>
      </div>
    </form>
  );
}
