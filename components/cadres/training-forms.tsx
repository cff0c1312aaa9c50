"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ConfirmBox, buttonClass, FieldError, inputClass, lastValue } from "@/components/units/action-feedback";
import { addTrainingAction, deleteTrainingAction } from "@/lib/cadres/actions";
import { CadreFeedback } from "./cadre-forms";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** "Thêm khóa đào tạo": course, organiser, dates, result. Works as a plain form without JavaScript. */
export function AddTrainingForm({ cadreId }: { cadreId: number }) {
  const t = useTranslations("cadres");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(addTrainingAction, null as Result<typeof addTrainingAction>);
  const text = (name: string, label: string, type = "text", required = false) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        type={type}
        required={required}
        maxLength={type === "text" ? 200 : undefined}
        defaultValue={lastValue(state, name, "")}
        aria-describedby={`${id}-${name}-error`}
        className={inputClass}
      />
      <FieldError state={state} name={name} id={`${id}-${name}-error`} />
    </div>
  );
  return (
    <form action={action} className="space-y-3" aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="font-semibold">
        {t("addTraining")}
      </h3>
      <input type="hidden" name="cadreId" value={cadreId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text("course", t("course"), "text", true)}
        {text("organiser", t("organiser"), "text", true)}
        {text("startOn", t("startOn"), "date", true)}
        {text("endOn", t("endOn"), "date")}
        {text("result", t("result"))}
      </div>
      <CadreFeedback state={state} success={(data) => t("trainingAdded", { course: data.course })} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("add")}
      </button>
    </form>
  );
}

/** "Xóa" a training record, behind a <details> with a required confirmation box. */
export function DeleteTrainingForm({ trainingId, course }: { trainingId: number; course: string }) {
  const t = useTranslations("cadres");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(deleteTrainingAction, null as Result<typeof deleteTrainingAction>);
  return (
    <details className="text-sm" open={!!state && !state.ok}>
      <summary className="cursor-pointer font-semibold text-red-800">{t("delete")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={trainingId} />
        <ConfirmBox state={state} id={id} label={t("deleteConfirm", { course })} />
        <CadreFeedback state={state} success={() => t("deleted")} />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? ta("pending") : t("delete")}
        </button>
      </form>
    </details>
  );
}
