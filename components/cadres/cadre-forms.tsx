"use client";
import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId } from "react";
import { ChoiceBox } from "@/components/choices/choice-box";
import type { Choice } from "@/lib/choices/types";
import { ConfirmBox, ActionFeedback, buttonClass, FieldError, inputClass, lastValue } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { createCadreAction, endCadreAction, updateCadreAction } from "@/lib/cadres/actions";
import { GENDER_LABELS, GENDERS, MAX_NAME_LENGTH, MIN_BIRTH_YEAR } from "@/lib/cadres/rules";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** ActionFeedback, with the codes this page can meet told in its own words. */
export function CadreFeedback<T>({ state, success, invalid }: { state: ActionState<T>; success: (data: T) => string; invalid?: string }) {
  const t = useTranslations("cadres");
  const own = state && !state.ok ? (state.error === "DUPLICATE" ? t("duplicate") : state.error === "INVALID_STATE" ? invalid : undefined) : undefined;
  if (own) {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {own}
      </p>
    );
  }
  return <ActionFeedback state={state} success={success} />;
}

export interface UnitOption {
  id: number;
  level: "COMMUNE" | "VILLAGE";
  label: string;
  communeId: number;
  communeLabel: string;
}

export interface CadreFormValues {
  id: number;
  version: number;
  fullName: string;
  gender: string | null;
  birthYear?: number | null;
  phone?: string | null;
  isPartyMember: boolean;
  position: string | null;
  unitId: number;
}

/** A cadre belongs to a commune or a village. */
const CADRE_LEVELS = ["COMMUNE", "VILLAGE"] as const;

/** Villages under their commune; the commune itself first in its group. */
function UnitOptions({ units }: { units: UnitOption[] }) {
  const t = useTranslations("cadres");
  const groups = new Map<number, UnitOption[]>();
  for (const u of units) groups.set(u.communeId, [...(groups.get(u.communeId) ?? []), u]);
  return [...groups.entries()].map(([communeId, members]) => (
    <optgroup key={communeId} label={members[0].communeLabel}>
      {members.map((u) => (
        <option key={u.id} value={u.id}>
          {u.level === "COMMUNE" ? t("communeItself", { commune: u.label }) : u.label}
        </option>
      ))}
    </optgroup>
  ));
}

/**
 * "Thêm cán bộ" and "Sửa thông tin": one form. Editing sends the version it was read at, so a
 * save after someone else's is refused and what the user typed stays in the boxes. Phone and
 * birth year are fields only for users allowed to see them.
 */
export function CadreForm({
  cadre,
  units,
  unit,
  personal,
  maxBirthYear,
}: {
  cadre?: CadreFormValues;
  /** The communes and villages to list, or null when there are too many: a choice box finds them (decision 029). */
  units: UnitOption[] | null;
  /** The cadre's unit, shown chosen in the choice box. */
  unit?: Choice | null;
  personal: boolean;
  maxBirthYear: number;
}) {
  const t = useTranslations("cadres");
  const ta = useTranslations("actions");
  const id = useId();
  const router = useRouter();
  const [createState, createAction, creating] = useActionState(createCadreAction, null as Result<typeof createCadreAction>);
  const [updateState, updateAction, updating] = useActionState(updateCadreAction, null as Result<typeof updateCadreAction>);
  const editing = cadre !== undefined;
  const state: ActionState<{ id: number; fullName: string }> = editing ? updateState : createState;
  const pending = editing ? updating : creating;

  useEffect(() => {
    if (createState?.ok) router.push(`/cadres/${createState.data.id}`);
  }, [createState, router]);

  const value = (name: string, fallback: string) => lastValue(state, name, fallback);
  const checked = state && !state.ok && state.values ? state.values.isPartyMember === "on" : (cadre?.isPartyMember ?? false);
  const field = (name: string) => ({ id: `${id}-${name}`, name, "aria-describedby": `${id}-${name}-hint ${id}-${name}-error` });

  return (
    <form action={editing ? updateAction : createAction} className="space-y-3" noValidate>
      {editing && (
        <>
          <input type="hidden" name="id" value={cadre.id} />
          <input type="hidden" name="version" value={value("version", String(cadre.version))} />
        </>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-fullName`} className="block text-sm font-medium">
            {t("fullName")}
          </label>
          <input {...field("fullName")} required maxLength={MAX_NAME_LENGTH} autoComplete="off" defaultValue={value("fullName", cadre?.fullName ?? "")} className={inputClass} />
          <FieldError state={state} name="fullName" id={`${id}-fullName-error`} />
        </div>
        <div>
          <label htmlFor={`${id}-gender`} className="block text-sm font-medium">
            {t("gender")}
          </label>
          {/* keyed by its value: React's form reset after an action puts a <select> back to its first defaultValue */}
          <select key={`gender-${value("gender", cadre?.gender ?? "")}`} {...field("gender")} required defaultValue={value("gender", cadre?.gender ?? "")} className={inputClass}>
            <option value="">{t("chooseGender")}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {GENDER_LABELS[g]}
              </option>
            ))}
          </select>
          <FieldError state={state} name="gender" id={`${id}-gender-error`} />
        </div>
        {personal && (
          <div>
            <label htmlFor={`${id}-birthYear`} className="block text-sm font-medium">
              {t("birthYear")}
            </label>
            <input
              {...field("birthYear")}
              inputMode="numeric"
              maxLength={4}
              defaultValue={value("birthYear", cadre?.birthYear ? String(cadre.birthYear) : "")}
              className={inputClass}
            />
            <p id={`${id}-birthYear-hint`} className="mt-1 text-sm text-stone-600">
              {t("birthYearHint", { min: MIN_BIRTH_YEAR, max: maxBirthYear })}
            </p>
            <FieldError state={state} name="birthYear" id={`${id}-birthYear-error`} />
          </div>
        )}
        {personal && (
          <div>
            <label htmlFor={`${id}-phone`} className="block text-sm font-medium">
              {t("phone")}
            </label>
            <input {...field("phone")} type="tel" inputMode="tel" autoComplete="off" defaultValue={value("phone", cadre?.phone ?? "")} className={inputClass} />
            <p id={`${id}-phone-hint`} className="mt-1 text-sm text-stone-600">
              {t("phoneHint")}
            </p>
            <FieldError state={state} name="phone" id={`${id}-phone-error`} />
          </div>
        )}
        <div>
          <label htmlFor={`${id}-position`} className="block text-sm font-medium">
            {t("position")}
          </label>
          <input {...field("position")} maxLength={200} defaultValue={value("position", cadre?.position ?? "")} className={inputClass} />
          <FieldError state={state} name="position" id={`${id}-position-error`} />
        </div>
        <div>
          <label htmlFor={`${id}-unitId`} className="block text-sm font-medium">
            {t("unit")}
          </label>
          {units ? (
            <select
              key={`unit-${value("unitId", cadre ? String(cadre.unitId) : "")}`}
              {...field("unitId")}
              required
              defaultValue={value("unitId", cadre ? String(cadre.unitId) : "")}
              className={inputClass}
            >
              <option value="">{t("chooseUnit")}</option>
              <UnitOptions units={units} />
            </select>
          ) : (
            <ChoiceBox
              id={`${id}-unitId`}
              name="unitId"
              textName="unitIdText"
              source="units"
              levels={CADRE_LEVELS}
              selected={unit ?? null}
              required
              describedBy={`${id}-unitId-hint ${id}-unitId-error`}
              className={inputClass}
            />
          )}
          <p id={`${id}-unitId-hint`} className="mt-1 text-sm text-stone-600">
            {t("unitHint")}
          </p>
          <FieldError state={state} name="unitId" id={`${id}-unitId-error`} />
        </div>
        <div className="flex items-center gap-2 sm:col-span-2">
          <input id={`${id}-party`} type="checkbox" name="isPartyMember" defaultChecked={checked} className="size-5" />
          <label htmlFor={`${id}-party`} className="text-sm font-medium">
            {t("isPartyMember")}
          </label>
        </div>
      </div>
      {createState?.ok && !editing ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("created", { name: createState.data.fullName })}{" "}
          <Link href={`/cadres/${createState.data.id}`} className="font-semibold underline">
            {t("openCreated", { name: createState.data.fullName })}
          </Link>
        </p>
      ) : (
        <CadreFeedback state={state} success={() => t("saved")} />
      )}
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : editing ? t("save") : t("create")}
      </button>
    </form>
  );
}

/** "Cho thôi công tác": behind a <details>, with a date and a required confirmation box. */
export function EndCadreForm({ cadreId, version, fullName, today }: { cadreId: number; version: number; fullName: string; today: string }) {
  const t = useTranslations("cadres");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(endCadreAction, null as Result<typeof endCadreAction>);
  return (
    <details className="rounded-md border border-red-200 p-3" open={!!state && !state.ok}>
      <summary className="cursor-pointer font-semibold text-red-800">{t("endTitle")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={cadreId} />
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            {t("endedOn")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            name="endedOn"
            required
            max={today}
            defaultValue={lastValue(state, "endedOn", today)}
            aria-describedby={`${id}-date-error`}
            className={`${inputClass} sm:w-56`}
          />
          <FieldError state={state} name="endedOn" id={`${id}-date-error`} />
        </div>
        <ConfirmBox state={state} id={id} label={t("endConfirm", { name: fullName })} />
        <CadreFeedback state={state} success={(data) => t("ended", { count: data.endedMemberships })} invalid={t("endInvalid")} />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? ta("pending") : t("end")}
        </button>
      </form>
    </details>
  );
}
