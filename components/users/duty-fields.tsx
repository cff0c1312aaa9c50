"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChoiceBox } from "@/components/choices/choice-box";
import { FieldError, inputClass, lastValue } from "@/components/units/action-feedback";
import type { Choice } from "@/lib/choices/types";
import type { ActionState } from "@/lib/actions/result";
import { AGENCY_DUTY, DUTIES, normaliseDuties, PRESET_NAMES, PRESETS, presetOf, type Preset } from "@/lib/auth/roles";
import type { Duty } from "@/lib/generated/prisma/enums";

/**
 * What the account does (decision 049): a ready-made combination or the duties ticked one by one.
 * The form's component keeps the choice (`useDutyChoice`), so it outlives the form's remount after
 * a refused submission. Without JavaScript the boxes are sent as they stand, and a combination
 * chosen in the list wins over them (lib/users/schemas.ts); the list starts at "own choice" so an
 * unticked box is never overridden by a combination shown but not chosen.
 */
export function useDutyChoice(initial: readonly Duty[]) {
  const [duties, setDuties] = useState<Duty[]>(normaliseDuties(initial));
  const [preset, setPreset] = useState<Preset | "">("");
  return {
    duties,
    preset,
    choosePreset(p: Preset | "") {
      setPreset(p);
      if (p) setDuties([...PRESETS[p]]);
    },
    toggle(duty: Duty, on: boolean) {
      const next = normaliseDuties(on ? [...duties, duty] : duties.filter((d) => d !== duty));
      setDuties(next);
      setPreset(presetOf(next) ?? "");
    },
  };
}

export function DutyFields({
  id,
  state,
  choice,
  current,
  agency = null,
}: {
  id: string;
  state: ActionState<unknown>;
  choice: ReturnType<typeof useDutyChoice>;
  current?: readonly Duty[];
  /** The agency the account answers for, if it is an agency's account (decision 064). */
  agency?: Choice | null;
}) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const currentPreset = current ? presetOf(current) : null;
  return (
    <fieldset className="space-y-2 sm:col-span-2" aria-describedby={`${id}-duties-hint ${id}-duties-error`}>
      <legend className="text-sm font-medium">{t("duties")}</legend>
      <p id={`${id}-duties-hint`} className="text-sm text-stone-600">
        {t("dutiesHint")}
        {current && (
          <>
            {" "}
            {t("dutiesCurrent", { label: currentPreset ? tr(currentPreset) : current.map((d) => tr(`duty.${d}`)).join(", ") || tr("NONE") })}
          </>
        )}
      </p>
      <div>
        <label htmlFor={`${id}-preset`} className="block text-sm font-medium">
          {t("presetLabel")}
        </label>
        <select
          id={`${id}-preset`}
          name="preset"
          value={choice.preset}
          onChange={(e) => choice.choosePreset(e.target.value as Preset | "")}
          className={inputClass}
        >
          <option value="">{t("presetCustom")}</option>
          {PRESET_NAMES.map((p) => (
            <option key={p} value={p}>
              {tr(p)}
            </option>
          ))}
        </select>
        <FieldError state={state} name="preset" id={`${id}-preset-error`} />
      </div>
      <ul className="space-y-2">
        {DUTIES.map((duty) => (
          <li key={duty} className="flex items-start gap-2">
            <input
              id={`${id}-duty-${duty}`}
              type="checkbox"
              name="duties"
              value={duty}
              checked={choice.duties.includes(duty)}
              onChange={(e) => choice.toggle(duty, e.target.checked)}
              aria-describedby={`${id}-duty-${duty}-hint`}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <div>
              <label htmlFor={`${id}-duty-${duty}`} className="font-medium">
                {tr(`duty.${duty}`)}
              </label>
              <p id={`${id}-duty-${duty}-hint`} className="text-sm text-stone-600">
                {tr(`dutyHint.${duty}`)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <FieldError state={state} name="duties" id={`${id}-duties-error`} />
      {/* Shown always, so that a browser without JavaScript can fill it too; only an agency's account keeps it. */}
      <div className={choice.duties.includes(AGENCY_DUTY) || !choice.duties.length ? "" : "opacity-70"}>
        <label htmlFor={`${id}-agency`} className="block text-sm font-medium">
          {t("agencyLabel")}
        </label>
        <ChoiceBox
          id={`${id}-agency`}
          name="agencyId"
          textName="agencyIdText"
          source="agencies"
          selected={agency}
          text={lastValue(state, "agencyIdText", "") || null}
          required={choice.duties.includes(AGENCY_DUTY)}
          describedBy={`${id}-agency-hint ${id}-agency-error`}
          className={inputClass}
        />
        <p id={`${id}-agency-hint`} className="mt-1 text-sm text-stone-600">
          {t("agencyHint")}
        </p>
        <FieldError state={state} name="agencyId" id={`${id}-agency-error`} />
      </div>
    </fieldset>
  );
}
