"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionResult, ActionState } from "@/lib/actions/result";

export interface SheetFormCriterion {
  key: string;
  label: string;
  /** "10" and "1,5", as the page writes them. */
  max: number;
  maxText: string;
  weightText: string;
  auto: "TEAM_MEETINGS" | "PETITIONS_ON_TIME" | null;
  /** The points saved, or for an automatic criterion the points it fills now. */
  value: string;
  /** For an automatic criterion: what it is filled from ("2/3 tháng"). */
  source?: string;
}

type Saved = { sheetId: number; total: number; maxTotal: number; percent: number };

/**
 * A village's sheet: each section's criteria, typed points bounded by their maximum (the server checks them
 * again), automatic ones shown as filled. Works without JavaScript; with it, the outcome shows in place.
 */
export function SheetForm({
  action: serverAction,
  villageId,
  period,
  version,
  sections,
  note,
}: {
  action: (prev: ActionState<Saved>, formData: FormData) => Promise<ActionResult<Saved>>;
  villageId: number;
  period: string;
  version: number;
  sections: { title: string; criteria: SheetFormCriterion[] }[];
  note: string;
}) {
  const t = useTranslations("scoring");
  const [state, action, pending] = useActionState(serverAction, null as ActionState<Saved>);
  const resetKey = useResetKey(state);
  // After a save the form's version moves on with the page; a refusal keeps what was typed.
  return (
    <form key={resetKey} action={action} className="space-y-5" noValidate>
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="version" value={version} />
      {sections.map((section, s) => (
        <fieldset key={s} className="rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{section.title}</legend>
          <div className="space-y-3">
            {section.criteria.map((c) => {
              const id = `score-${c.key}`;
              return (
                <div key={c.key} className="grid grid-cols-1 gap-1 sm:grid-cols-[1fr_10rem] sm:items-start">
                  <label htmlFor={id} className="text-sm">
                    <span className="font-medium">{c.label}</span>
                    <span className="block text-stone-600">{t("sheet.bounds", { max: c.maxText, weight: c.weightText })}</span>
                    {c.auto && <span className="block text-stone-600">{t(`auto.${c.auto}`)}{c.source ? ` — ${c.source}` : ""}</span>}
                  </label>
                  <div>
                    {c.auto ? (
                      <output id={id} className="block rounded-md bg-stone-100 px-3 py-2 tabular-nums" data-testid={id}>
                        {c.value}
                      </output>
                    ) : (
                      <input
                        id={id}
                        name={`score.${c.key}`}
                        inputMode="decimal"
                        required
                        defaultValue={lastValue(state, `score.${c.key}`, c.value)}
                        aria-describedby={`${id}-error`}
                        className={inputClass}
                      />
                    )}
                    <FieldError state={state} name={`score.${c.key}`} id={`${id}-error`} />
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div>
        <label htmlFor="sheet-note" className="block text-sm font-medium">
          {t("sheet.note")}
        </label>
        <textarea id="sheet-note" name="note" rows={3} maxLength={2000} defaultValue={lastValue(state, "note", note)} className={inputClass} />
      </div>
      <ActionFeedback state={state} success={(d) => t("sheet.saved", { total: d.total.toLocaleString("vi-VN"), max: d.maxTotal.toLocaleString("vi-VN"), percent: d.percent.toLocaleString("vi-VN") })} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("sheet.saving") : t("sheet.save")}
      </button>
    </form>
  );
}
