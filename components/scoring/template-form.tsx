"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionFeedback, buttonClass, FieldError, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionResult, ActionState } from "@/lib/actions/result";

export interface TemplateRow {
  section: string;
  label: string;
  max: string;
  weight: string;
  auto: string;
}

type Saved = { templateId: number; version: number; created: boolean };

const cell = "block w-full rounded-md border border-stone-300 px-2 py-1.5 text-base";

/**
 * The province's template as rows: a section's name on its first row (carried down to the rows below left
 * empty), each criterion with its maximum, weight and whether the app fills it. Empty rows are left out.
 * Works without JavaScript; more rows come from the page's link.
 */
export function TemplateForm({
  action: serverAction,
  unitId,
  name,
  rows,
  frozen,
}: {
  action: (prev: ActionState<Saved>, formData: FormData) => Promise<ActionResult<Saved>>;
  unitId: number;
  name: string;
  rows: TemplateRow[];
  /** The latest version has scored sheets: saving makes a new version. */
  frozen: boolean;
}) {
  const t = useTranslations("scoring");
  const [state, action, pending] = useActionState(serverAction, null as ActionState<Saved>);
  const resetKey = useResetKey(state);
  const v = (field: string, fallback: string) => lastValue(state, field, fallback);
  return (
    <form key={resetKey} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="unitId" value={unitId} />
      <div>
        <label htmlFor="template-name" className="block text-sm font-medium">
          {t("templates.name")} <span aria-hidden="true">*</span>
        </label>
        <input id="template-name" name="name" required maxLength={200} defaultValue={v("name", name)} aria-describedby="template-name-error" className={cell} />
        <FieldError state={state} name="name" id="template-name-error" />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">{t("templates.rowsCaption")}</caption>
          <thead className="text-stone-700">
            <tr>
              <th scope="col" className="w-8 py-1 pr-2">#</th>
              <th scope="col" className="py-1 pr-2">{t("templates.section")}</th>
              <th scope="col" className="py-1 pr-2">{t("templates.criterion")}</th>
              <th scope="col" className="w-24 py-1 pr-2">{t("templates.max")}</th>
              <th scope="col" className="w-24 py-1 pr-2">{t("templates.weight")}</th>
              <th scope="col" className="w-48 py-1">{t("templates.auto")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="align-top">
                <td className="py-1 pr-2 tabular-nums text-stone-600">{i + 1}</td>
                {(["section", "label", "max", "weight"] as const).map((f) => (
                  <td key={f} className="py-1 pr-2">
                    <input
                      name={`row.${i}.${f}`}
                      aria-label={t(`templates.rowField.${f}`, { row: i + 1 })}
                      inputMode={f === "max" || f === "weight" ? "decimal" : undefined}
                      maxLength={f === "section" || f === "label" ? 300 : 10}
                      defaultValue={v(`row.${i}.${f}`, r[f])}
                      aria-describedby={`row-${i}-${f}-error`}
                      className={cell}
                    />
                    <FieldError state={state} name={`row.${i}.${f === "label" ? "label" : f}`} id={`row-${i}-${f}-error`} />
                  </td>
                ))}
                <td className="py-1">
                  <select name={`row.${i}.auto`} aria-label={t("templates.rowField.auto", { row: i + 1 })} defaultValue={v(`row.${i}.auto`, r.auto)} className={`${cell} bg-white`}>
                    <option value="">{t("templates.typed")}</option>
                    <option value="TEAM_MEETINGS">{t("auto.TEAM_MEETINGS")}</option>
                    <option value="PETITIONS_ON_TIME">{t("auto.PETITIONS_ON_TIME")}</option>
                  </select>
                  <FieldError state={state} name={`row.${i}.auto`} id={`row-${i}-auto-error`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError state={state} name="rows" id="template-rows-error" />
      {frozen && <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("templates.frozenNote")}</p>}
      <ActionFeedback state={state} success={(d) => (d.created ? t("templates.savedNew", { version: d.version }) : t("templates.saved", { version: d.version }))} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("templates.saving") : t("templates.save")}
      </button>
    </form>
  );
}
