"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { ChoiceBox } from "@/components/choices/choice-box";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { addEvidenceAction, assessModelAction, buildModelAction, recogniseModelAction, registerModelAction, replicateModelAction } from "@/lib/good-practice/actions";

type Done = ActionState<{ modelId: number }>;
type Action = (prev: Done, formData: FormData) => Promise<Done>;

function Field({ state, name, label, hint, children }: { state: Done; name: string; label: string; hint?: string; children: (id: string, describedBy: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(id, `${id}-error${hint ? ` ${id}-hint` : ""}`)}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      )}
      <FieldError state={state} name={name} id={`${id}-error`} />
    </div>
  );
}

/** The register form: on success, the new model's page. */
export function RegisterModelForm({ units, idempotencyKey, defaultYear, fields }: { units: { id: number; label: string }[]; idempotencyKey: string; defaultYear: number; fields: { value: string; label: string }[] }) {
  const t = useTranslations("goodPractice");
  const router = useRouter();
  const [state, action, pending] = useActionState<Done, FormData>(registerModelAction, null);
  const key = useResetKey(state);
  useEffect(() => {
    if (state?.ok) router.push(`/models/${state.data.modelId}`);
  }, [state, router]);
  return (
    <form key={key} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field state={state} name="unitId" label={t("form.unit")}>
        {(id, d) => (
          <select id={id} name="unitId" required aria-describedby={d} defaultValue={lastValue(state, "unitId", String(units[0]?.id ?? ""))} className={inputClass}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_10rem]">
        <Field state={state} name="field" label={t("form.field")}>
          {(id, d) => (
            <select id={id} name="field" required aria-describedby={d} defaultValue={lastValue(state, "field", "")} className={inputClass}>
              <option value="">{t("form.choose")}</option>
              {fields.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field state={state} name="year" label={t("form.year")}>
          {(id, d) => <input id={id} name="year" type="number" inputMode="numeric" required aria-describedby={d} defaultValue={lastValue(state, "year", String(defaultYear))} className={inputClass} />}
        </Field>
      </div>
      <Field state={state} name="title" label={t("form.modelTitle")}>
        {(id, d) => <input id={id} name="title" required maxLength={300} aria-describedby={d} defaultValue={lastValue(state, "title", "")} className={inputClass} />}
      </Field>
      <Field state={state} name="description" label={t("form.description")}>
        {(id, d) => <textarea id={id} name="description" required rows={5} maxLength={5000} aria-describedby={d} defaultValue={lastValue(state, "description", "")} className={inputClass} />}
      </Field>
      <Field state={state} name="inCharge" label={t("form.inCharge")} hint={t("form.inChargeHint")}>
        {(id, d) => <input id={id} name="inCharge" required maxLength={500} aria-describedby={d} defaultValue={lastValue(state, "inCharge", "")} className={inputClass} />}
      </Field>
      <Field state={state} name="attachments" label={t("form.attachments")} hint={t("form.attachmentsHint")}>
        {(id, d) => <input id={id} name="attachments" type="file" multiple aria-describedby={d} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" className="mt-1 block w-full text-sm" />}
      </Field>
      <ActionFeedback state={state} success={() => t("form.registered")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("form.submit")}
      </button>
    </form>
  );
}

/** One life-cycle step's form on the model's page, holding the version the page showed. */
function StepForm({ action, modelId, version, title, submit, success, children, multipart }: { action: Action; modelId: number; version: number; title: string; submit: string; success: string; children?: (state: Done) => React.ReactNode; multipart?: boolean }) {
  const [state, formAction, pending] = useActionState<Done, FormData>(action, null);
  const key = useResetKey(state);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-stone-200 p-3 sm:p-4">
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      <form key={key} action={formAction} className="mt-2 space-y-3" noValidate {...(multipart ? { encType: "multipart/form-data" } : {})}>
        <input type="hidden" name="modelId" value={modelId} />
        <input type="hidden" name="version" value={version} />
        {children?.(state)}
        <ActionFeedback state={state} success={() => success} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {submit}
        </button>
      </form>
    </section>
  );
}

export function BuildModelForm({ modelId, version }: { modelId: number; version: number }) {
  const t = useTranslations("goodPractice");
  return (
    <StepForm action={buildModelAction} modelId={modelId} version={version} title={t("step.build")} submit={t("step.build")} success={t("step.built")}>
      {() => <p className="text-sm text-stone-700">{t("step.buildHint")}</p>}
    </StepForm>
  );
}

export function AssessModelForm({ modelId, version, today }: { modelId: number; version: number; today: string }) {
  const t = useTranslations("goodPractice");
  return (
    <StepForm action={assessModelAction} modelId={modelId} version={version} title={t("step.assess")} submit={t("step.assessSubmit")} success={t("step.assessed")}>
      {(state) => (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field state={state} name="score" label={t("step.score")}>
              {(id, d) => <input id={id} name="score" type="number" inputMode="numeric" min={0} max={100} required aria-describedby={d} defaultValue={lastValue(state, "score", "")} className={inputClass} />}
            </Field>
            <Field state={state} name="assessedOn" label={t("step.assessedOn")}>
              {(id, d) => <input id={id} name="assessedOn" type="date" max={today} required aria-describedby={d} defaultValue={lastValue(state, "assessedOn", today)} className={inputClass} />}
            </Field>
          </div>
          <Field state={state} name="note" label={t("step.note")}>
            {(id, d) => <textarea id={id} name="note" rows={3} required maxLength={2000} aria-describedby={d} defaultValue={lastValue(state, "note", "")} className={inputClass} />}
          </Field>
          <div className="flex items-center gap-2">
            <input id={`effective-${modelId}`} name="effective" type="checkbox" className="size-5" defaultChecked={lastValue(state, "effective", "") === "on"} />
            <label htmlFor={`effective-${modelId}`} className="text-sm font-medium">
              {t("step.effective")}
            </label>
          </div>
        </>
      )}
    </StepForm>
  );
}

export function RecogniseModelForm({ modelId, version, today, levels }: { modelId: number; version: number; today: string; levels: { value: string; label: string }[] }) {
  const t = useTranslations("goodPractice");
  return (
    <StepForm action={recogniseModelAction} modelId={modelId} version={version} title={t("step.recognise")} submit={t("step.recogniseSubmit")} success={t("step.recognised")}>
      {(state) => (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field state={state} name="level" label={t("step.level")}>
            {(id, d) => (
              <select id={id} name="level" required aria-describedby={d} defaultValue={lastValue(state, "level", levels.at(-1)?.value ?? "")} className={inputClass}>
                {levels.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field state={state} name="recognisedOn" label={t("step.recognisedOn")}>
            {(id, d) => <input id={id} name="recognisedOn" type="date" max={today} required aria-describedby={d} defaultValue={lastValue(state, "recognisedOn", today)} className={inputClass} />}
          </Field>
        </div>
      )}
    </StepForm>
  );
}

export function ReplicateModelForm({ modelId, version, today }: { modelId: number; version: number; today: string }) {
  const t = useTranslations("goodPractice");
  return (
    <StepForm action={replicateModelAction} modelId={modelId} version={version} title={t("step.replicate")} submit={t("step.replicateSubmit")} success={t("step.replicated")}>
      {(state) => (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr]">
          <Field state={state} name="unitId" label={t("step.adoptingUnit")}>
            {(id, d) => <ChoiceBox id={id} name="unitId" textName="unitText" source="units" levels={["COMMUNE", "VILLAGE"]} selected={null} text={null} required describedBy={d} className={inputClass} />}
          </Field>
          <Field state={state} name="adoptedOn" label={t("step.adoptedOn")}>
            {(id, d) => <input id={id} name="adoptedOn" type="date" max={today} required aria-describedby={d} defaultValue={lastValue(state, "adoptedOn", today)} className={inputClass} />}
          </Field>
        </div>
      )}
    </StepForm>
  );
}

export function EvidenceForm({ modelId, version }: { modelId: number; version: number }) {
  const t = useTranslations("goodPractice");
  return (
    <StepForm action={addEvidenceAction} modelId={modelId} version={version} title={t("step.evidence")} submit={t("step.evidenceSubmit")} success={t("step.evidenceAdded")}>
      {(state) => (
        <Field state={state} name="attachments" label={t("form.attachments")} hint={t("form.attachmentsHint")}>
          {(id, d) => <input id={id} name="attachments" type="file" multiple required aria-describedby={d} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" className="mt-1 block w-full text-sm" />}
        </Field>
      )}
    </StepForm>
  );
}
