"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, ConfirmBox, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { createOrganisationAction, dissolveOrganisationAction, mergeOrganisationAction, type LifecycleOutcome } from "@/lib/organisations/actions";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** The outcome: a rule that refused it, said in words, or what was done. */
function Outcome<T>({ state, success }: { state: ActionState<LifecycleOutcome<T>>; success: (data: T) => string }) {
  const t = useTranslations("orgLifecycle");
  if (state?.ok && state.data.status === "refused") {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t(`refused.${state.data.reason}`)}
      </p>
    );
  }
  return <ActionFeedback state={state} success={(data) => (data.status === "done" ? success(data) : "")} />;
}

const refused = (state: ActionState<LifecycleOutcome<unknown>>) => !!state && (!state.ok || state.data.status === "refused");

/** "Thành lập khối/tổ dân vận" for a commune or village that has none standing. */
export function CreateOrganisationForm({ unitId, kind, today }: { unitId: number; kind: "BLOC" | "TEAM"; today: string }) {
  const t = useTranslations("orgLifecycle");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(createOrganisationAction, null as Result<typeof createOrganisationAction>);
  const resetKey = useResetKey(state);
  return (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t(kind === "BLOC" ? "createBloc" : "createTeam")}
      </h3>
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="kind" value={kind} />
      <div>
        <label htmlFor={`${id}-date`} className="block text-sm font-medium">
          {t("establishedOn")}
        </label>
        <input
          id={`${id}-date`}
          type="date"
          name="establishedOn"
          required
          defaultValue={lastValue(state, "establishedOn", today)}
          aria-describedby={`${id}-date-hint ${id}-date-error`}
          className={`${inputClass} sm:w-60`}
        />
        <p id={`${id}-date-hint`} className="mt-1 text-sm text-stone-600">
          {t("establishedHint")}
        </p>
        <FieldError state={state} name="establishedOn" id={`${id}-date-error`} />
      </div>
      <Outcome state={state} success={(data) => t("created", { name: data.name })} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("create")}
      </button>
    </form>
  );
}

/** "Giải thể": behind a <details>, the last day and a required confirmation box. */
export function DissolveOrganisationForm({ organisationId, version, name, today }: { organisationId: number; version: number; name: string; today: string }) {
  const t = useTranslations("orgLifecycle");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(dissolveOrganisationAction, null as Result<typeof dissolveOrganisationAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-red-200 p-3" open={refused(state)}>
      <summary className="cursor-pointer font-semibold text-red-800">{t("dissolveTitle")}</summary>
      <form key={resetKey} action={action} className="mt-3 space-y-3">
        <p className="text-sm text-stone-700">{t("dissolveWarning")}</p>
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            {t("lastDay")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            name="lastDay"
            required
            defaultValue={lastValue(state, "lastDay", today)}
            aria-describedby={`${id}-date-error`}
            className={`${inputClass} sm:w-60`}
          />
          <FieldError state={state} name="lastDay" id={`${id}-date-error`} />
        </div>
        <ConfirmBox state={state} id={id} label={t("dissolveConfirm", { name })} />
        <Outcome state={state} success={(data) => t("dissolved", { count: data.membershipsEnded })} />
        <button type="submit" disabled={pending} aria-busy={pending} className="rounded-md bg-red-700 px-4 py-2.5 font-semibold text-white hover:bg-red-800 disabled:opacity-70">
          {pending ? ta("pending") : t("dissolve")}
        </button>
      </form>
    </details>
  );
}

/** "Hợp nhất vào tổ chức khác": the organisation that takes the members, the day, a confirmation box. */
export function MergeOrganisationForm({
  organisationId,
  version,
  name,
  targets,
  today,
}: {
  organisationId: number;
  version: number;
  name: string;
  targets: { id: number; name: string }[];
  today: string;
}) {
  const t = useTranslations("orgLifecycle");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(mergeOrganisationAction, null as Result<typeof mergeOrganisationAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-stone-200 p-3" open={refused(state)}>
      <summary className="cursor-pointer font-semibold">{t("mergeTitle")}</summary>
      {targets.length === 0 ? (
        <p className="mt-3 text-sm text-stone-700">{t("noMergeTargets")}</p>
      ) : (
        <form key={resetKey} action={action} className="mt-3 space-y-3">
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="version" value={version} />
          <div>
            <label htmlFor={`${id}-target`} className="block text-sm font-medium">
              {t("mergeTarget")}
            </label>
            <select
              id={`${id}-target`}
              name="targetId"
              required
              defaultValue={lastValue(state, "targetId", "")}
              aria-describedby={`${id}-target-help ${id}-target-error`}
              className={`${inputClass} sm:w-96`}
            >
              <option value="">{t("chooseTarget")}</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.name}
                </option>
              ))}
            </select>
            <p id={`${id}-target-help`} className="mt-1 text-sm text-stone-600">
              {t("mergeHelp")}
            </p>
            <FieldError state={state} name="targetId" id={`${id}-target-error`} />
          </div>
          <div>
            <label htmlFor={`${id}-date`} className="block text-sm font-medium">
              {t("effectiveOn")}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              name="effectiveOn"
              required
              defaultValue={lastValue(state, "effectiveOn", today)}
              aria-describedby={`${id}-date-error`}
              className={`${inputClass} sm:w-60`}
            />
            <FieldError state={state} name="effectiveOn" id={`${id}-date-error`} />
          </div>
          <ConfirmBox state={state} id={id} label={t("mergeConfirm", { name })} />
          <Outcome state={state} success={(data) => t("merged", { count: data.membershipsCarried })} />
          <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
            {pending ? ta("pending") : t("merge")}
          </button>
        </form>
      )}
    </details>
  );
}
