"use client";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { recordMergerAction, type MergerOutcome } from "@/lib/units/merger/actions";
import type { MergerPlan } from "@/lib/units/merger/record";
import { TYPES_ENDED_BY_REFORM } from "@/lib/units/merger/schemas";
import { formatDate } from "@/lib/format";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";

type Choice = { id: number; label: string };

const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

/**
 * Step 2 of recording a merger: how each old unit goes, the successor, the date. "Xem trước"
 * shows what would close, link and move (nothing written); the record button then needs the
 * confirmation box. Without JavaScript both steps post as plain forms.
 */
export function MergerForm({
  predecessors,
  successors,
  parents,
  typeLabels,
  today,
  levelUntilReform = false,
}: {
  predecessors: Choice[];
  successors: Choice[];
  parents: (Choice & { untilReform?: boolean })[];
  typeLabels: string[];
  today: string;
  /** The merger's level is the district: a new one only for a day before the reform. */
  levelUntilReform?: boolean;
}) {
  const t = useTranslations("mergers");
  const id = useId();
  const [state, action, pending] = useActionState(recordMergerAction, null as ActionState<MergerOutcome>);
  const [stale, setStale] = useState(false);
  const [mode, setMode] = useState(lastValue(state, "successorMode", successors.length ? "existing" : "new"));
  const outcome = state?.ok ? state.data : null;
  // The last preview stays on screen when recording fails validation (the confirmation box unticked), and
  // goes away when the form changes or a later submission refuses the merger.
  const [shownPlan, setShownPlan] = useState<MergerPlan | null>(null);
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setShownPlan(state.data.status === "preview" ? state.data.plan : null);
  }
  const plan = stale ? null : outcome?.status === "preview" ? outcome.plan : state && !state.ok ? shownPlan : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Dispatched by hand so that React keeps what was chosen after a preview.
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    setStale(false);
    startTransition(() => action(formData));
  }

  if (outcome?.status === "recorded") {
    return (
      <section aria-labelledby={`${id}-done`} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id={`${id}-done`} className="sr-only">
          {t("record")}
        </h2>
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("recorded", { name: outcome.plan.successor.fullName, date: day(outcome.plan.effectiveOn) })}
        </p>
        <p>
          <Link href={`/units/${outcome.successorId}`} className="text-brand-700 underline">
            {t("openSuccessor", { name: outcome.plan.successor.fullName })}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form
      action={action}
      onSubmit={onSubmit}
      onChange={(event) => {
        // Ticking the confirmation does not change the merger; anything else calls for a new preview.
        if ((event.target as unknown as { name?: string }).name !== "confirm") setStale(true);
      }}
      aria-labelledby={`${id}-title`}
      aria-busy={pending}
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("step2")}
      </h2>
      <fieldset className="space-y-2">
        {predecessors.map((p, i) => (
          <div key={p.id} className="flex flex-wrap items-center justify-between gap-2">
            <input type="hidden" name="predecessorIds" value={p.id} />
            <label htmlFor={`${id}-kind-${p.id}`} className="font-medium">
              {t("kindOf", { name: p.label })}
            </label>
            <select id={`${id}-kind-${p.id}`} name="kinds" defaultValue={lastValue(state, `kinds.${i}`, "FULL")} className="rounded-md border border-stone-300 px-3 py-2 text-base">
              <option value="FULL">{t("kindFULL")}</option>
              <option value="PARTIAL">{t("kindPARTIAL")}</option>
            </select>
          </div>
        ))}
        <FieldError state={state} name="predecessorIds" id={`${id}-p-error`} />
        <FieldError state={state} name="kinds" id={`${id}-k-error`} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-medium">{t("successor")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="successorMode" value="existing" checked={mode === "existing"} onChange={() => setMode("existing")} className="size-5" />
            {t("existing")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="successorMode" value="new" checked={mode === "new"} onChange={() => setMode("new")} className="size-5" />
            {t("newUnit")}
          </label>
        </div>
        {/* Both parts are always shown, so the form works without JavaScript; the chosen mode decides which is read. */}
        <div className={mode === "existing" ? "" : "opacity-60"}>
          <label htmlFor={`${id}-successor`} className="block text-sm font-medium">
            {t("existingLabel")}
          </label>
          <select id={`${id}-successor`} name="successorId" defaultValue={lastValue(state, "successorId", "")} aria-describedby={`${id}-successor-error`} className={inputClass}>
            <option value="">{t("chooseSuccessor")}</option>
            {successors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <FieldError state={state} name="successorId" id={`${id}-successor-error`} />
        </div>
        <div className={`grid grid-cols-1 gap-3 sm:grid-cols-2 ${mode === "new" ? "" : "opacity-60"}`}>
          <div>
            <label htmlFor={`${id}-type`} className="block text-sm font-medium">
              {t("newType")}
            </label>
            <select id={`${id}-type`} name="newTypeLabel" defaultValue={lastValue(state, "newTypeLabel", typeLabels[0])} className={inputClass}>
              {typeLabels.map((label) => (
                <option key={label} value={label}>
                  {levelUntilReform || TYPES_ENDED_BY_REFORM.includes(label) ? t("typeUntilReform", { type: label }) : label}
                </option>
              ))}
            </select>
            <FieldError state={state} name="newTypeLabel" id={`${id}-type-error`} />
          </div>
          <div>
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              {t("newName")}
            </label>
            <input id={`${id}-name`} name="newName" maxLength={100} autoComplete="off" defaultValue={lastValue(state, "newName", "")} aria-describedby={`${id}-name-error`} className={inputClass} />
            <FieldError state={state} name="newName" id={`${id}-name-error`} />
          </div>
          <div>
            <label htmlFor={`${id}-code`} className="block text-sm font-medium">
              {t("newCode")}
            </label>
            <input id={`${id}-code`} name="newCode" inputMode="numeric" maxLength={5} autoComplete="off" defaultValue={lastValue(state, "newCode", "")} aria-describedby={`${id}-code-error`} className={inputClass} />
            <FieldError state={state} name="newCode" id={`${id}-code-error`} />
          </div>
          <div>
            <label htmlFor={`${id}-parent`} className="block text-sm font-medium">
              {t("newParent")}
            </label>
            <select id={`${id}-parent`} name="newParentId" defaultValue={lastValue(state, "newParentId", String(parents[0]?.id ?? ""))} className={inputClass}>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.untilReform ? t("parentUntilReform", { name: p.label }) : p.label}
                </option>
              ))}
            </select>
            <FieldError state={state} name="newParentId" id={`${id}-parent-error`} />
          </div>
        </div>
      </fieldset>

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
          aria-describedby={`${id}-date-hint ${id}-date-error`}
          className={`${inputClass} sm:w-56`}
        />
        <p id={`${id}-date-hint`} className="mt-1 text-sm text-stone-600">
          {t("effectiveHint")}
        </p>
        <FieldError state={state} name="effectiveOn" id={`${id}-date-error`} />
      </div>

      {state && !state.ok && <ActionFeedback state={state} success={() => ""} />}
      {outcome?.status === "refused" && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t(`refused.${outcome.reason}`)}
        </p>
      )}

      {!plan && <FieldError state={state} name="confirm" id={`${id}-confirm-error`} />}
      {plan && (
        <section aria-labelledby={`${id}-preview`} className="space-y-2 rounded-md border border-stone-200 p-3">
          <h3 id={`${id}-preview`} className="font-semibold">
            {t("previewTitle", { name: plan.successor.fullName, date: day(plan.effectiveOn) })}
          </h3>
          {plan.successor.created && (
            <p className="text-sm">
              {t("newSuccessor", { name: plan.successor.fullName, code: plan.successor.code ?? "", parent: plan.successor.parentName ?? "", date: day(plan.effectiveOn) })}
            </p>
          )}
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {plan.predecessors.map((p) => (
              <li key={p.id}>
                {p.closes ? t("closes", { name: p.fullName, date: day(plan.lastDay) }) : t("alreadyClosedPart", { name: p.fullName, date: day(plan.lastDay) })}
                {"; "}
                {t("link", { kind: t(`kind${p.kind}`) })}
                {"; "}
                {p.kind === "FULL" ? t("moves", { count: p.villages }) : t("toPlace", { count: plan.level === "COMMUNE" ? p.villages : 0 })}
                {p.childrenMoving > 0 && plan.level !== "COMMUNE" && `; ${t("childrenMove", { count: p.childrenMoving })}`}
              </li>
            ))}
          </ul>
          <p role="status" className="text-sm font-medium">
            {t("totals", { moving: plan.villagesMoving, toPlace: plan.villagesToPlace })}
          </p>
          <div className="flex items-start gap-2">
            <input id={`${id}-confirm`} type="checkbox" name="confirm" className="mt-1 size-5" />
            <label htmlFor={`${id}-confirm`}>{t("confirm")}</label>
          </div>
          <FieldError state={state} name="confirm" id={`${id}-confirm-error`} />
        </section>
      )}

      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" name="intent" value="preview" disabled={pending} className={plan ? `${buttonClass} bg-stone-600 hover:bg-stone-700` : buttonClass}>
          {t("preview")}
        </button>
        {plan && (
          <button type="submit" name="intent" value="record" disabled={pending} className={buttonClass}>
            {t("record")}
          </button>
        )}
      </div>
    </form>
  );
}
