"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { closeVillageAction, createVillageAction, moveVillageAction, renameVillageAction } from "@/lib/units/actions";
import { VILLAGE_TYPE_LABELS } from "@/lib/units/schemas";
import type { ActionState } from "@/lib/actions/result";
import { ConfirmBox, ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "./action-feedback";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

function TypeAndName({ state: s, typeLabel, name }: { state: ActionState<unknown>; typeLabel: string; name: string }) {
  const t = useTranslations("villages");
  const id = useId();
  const nameInvalid = !!(s && !s.ok && s.fieldErrors?.name);
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-[12rem_1fr]">
      <div>
        <label htmlFor={`${id}-type`} className="block text-sm font-medium">
          {t("typeLabel")}
        </label>
        <select
          id={`${id}-type`}
          name="typeLabel"
          defaultValue={lastValue(s, "typeLabel", typeLabel)}
          aria-describedby={`${id}-type-error`}
          className={inputClass}
          required
        >
          {VILLAGE_TYPE_LABELS.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
        <FieldError state={s} name="typeLabel" id={`${id}-type-error`} />
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          {t("name")}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          defaultValue={lastValue(s, "name", name)}
          maxLength={100}
          required
          autoComplete="off"
          aria-invalid={nameInvalid || undefined}
          aria-describedby={`${id}-name-hint ${id}-name-error`}
          className={inputClass}
        />
        <p id={`${id}-name-hint`} className="mt-1 text-sm text-stone-600">
          {t("nameHint")}
        </p>
        <FieldError state={s} name="name" id={`${id}-name-error`} />
      </div>
    </div>
  );
}

/** "Thêm thôn, tổ dân phố" under a current commune. Works as a plain form without JavaScript. */
export function CreateVillageForm({ communeId }: { communeId: number }) {
  const t = useTranslations("villages");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(createVillageAction, null as Result<typeof createVillageAction>);
  const resetKey = useResetKey(state);
  const withTeam = state && !state.ok ? lastValue(state, "withTeam", "") === "on" : true;
  return (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t("createTitle")}
      </h3>
      <input type="hidden" name="communeId" value={communeId} />
      <TypeAndName state={state} typeLabel="Thôn" name="" />
      <div className="flex items-center gap-2">
        {/* key: React re-applies defaultChecked only on a new element */}
        <input key={String(withTeam)} id={`${id}-team`} type="checkbox" name="withTeam" defaultChecked={withTeam} className="size-5" />
        <label htmlFor={`${id}-team`}>{t("withTeam")}</label>
      </div>
      <ActionFeedback state={state} success={(data) => t("created", { name: data.fullName })} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("create")}
      </button>
    </form>
  );
}

/** Rename a current village; the version makes a concurrent edit fail with CONFLICT. */
export function RenameVillageForm({ villageId, version, typeLabel, name }: { villageId: number; version: number; typeLabel: string; name: string }) {
  const t = useTranslations("villages");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(renameVillageAction, null as Result<typeof renameVillageAction>);
  const resetKey = useResetKey(state);
  return (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t("renameTitle")}
      </h3>
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="version" value={version} />
      <TypeAndName key={`${version}`} state={state} typeLabel={typeLabel} name={name} />
      <ActionFeedback state={state} success={() => t("renamed")} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("rename")}
      </button>
    </form>
  );
}

/** "Giải thể / đóng thôn": behind a <details>, with a date and a required confirmation box. */
export function CloseVillageForm({ villageId, version, fullName, today }: { villageId: number; version: number; fullName: string; today: string }) {
  const t = useTranslations("villages");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(closeVillageAction, null as Result<typeof closeVillageAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-red-200 p-3" open={!!state && !state.ok}>
      <summary className="cursor-pointer font-semibold text-red-800">{t("closeTitle")}</summary>
      <form key={resetKey} action={action} className="mt-3 space-y-3">
        <p className="text-sm text-stone-700">{t("closeWarning")}</p>
        <input type="hidden" name="villageId" value={villageId} />
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            {t("closedOn")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            name="closedOn"
            required
            defaultValue={lastValue(state, "closedOn", today)}
            aria-describedby={`${id}-date-error`}
            className={`${inputClass} sm:w-56`}
          />
          <FieldError state={state} name="closedOn" id={`${id}-date-error`} />
        </div>
        <ConfirmBox state={state} id={id} label={t("confirm", { name: fullName })} />
        <ActionFeedback state={state} success={() => t("closed")} />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded-md bg-red-700 px-4 py-2.5 font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? ta("pending") : t("close")}
        </button>
      </form>
    </details>
  );
}

/** "Chuyển sang xã, phường khác": a select of the sibling communes in scope and a required confirmation box. */
export function MoveVillageForm({
  villageId,
  version,
  fullName,
  targets,
}: {
  villageId: number;
  version: number;
  fullName: string;
  targets: { id: number; label: string }[];
}) {
  const t = useTranslations("villages");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(moveVillageAction, null as Result<typeof moveVillageAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-stone-200 p-3" open={!!state && !state.ok}>
      <summary className="cursor-pointer font-semibold">{t("moveTitle")}</summary>
      {targets.length === 0 ? (
        <p className="mt-3 text-sm text-stone-700">{t("noMoveTargets")}</p>
      ) : (
        <form key={resetKey} action={action} className="mt-3 space-y-3">
          <input type="hidden" name="villageId" value={villageId} />
          <input type="hidden" name="version" value={version} />
          <div>
            <label htmlFor={`${id}-target`} className="block text-sm font-medium">
              {t("moveTarget")}
            </label>
            <select
              id={`${id}-target`}
              name="targetCommuneId"
              required
              defaultValue={lastValue(state, "targetCommuneId", "")}
              aria-describedby={`${id}-target-help ${id}-target-error`}
              className={`${inputClass} sm:w-80`}
            >
              <option value="">{t("chooseTarget")}</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.label}
                </option>
              ))}
            </select>
            <p id={`${id}-target-help`} className="mt-1 text-sm text-stone-600">
              {t("moveHelp")}
            </p>
            <FieldError state={state} name="targetCommuneId" id={`${id}-target-error`} />
          </div>
          <ConfirmBox state={state} id={id} label={t("moveConfirm", { name: fullName })} />
          <ActionFeedback state={state} success={() => t("moved")} />
          <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
            {pending ? ta("pending") : t("move")}
          </button>
        </form>
      )}
    </details>
  );
}
