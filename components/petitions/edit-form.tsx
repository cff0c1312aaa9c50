"use client";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import { editPetitionAction } from "@/lib/petitions/actions";
import { PETITION_CHANNELS, PETITIONER_KINDS } from "@/lib/petitions/labels";

type State = Awaited<ReturnType<typeof editPetitionAction>> | null;

export interface EditablePetition {
  id: number;
  version: number;
  receivedOn: string;
  channel: string;
  petitionerKind: string;
  petitionerName: string;
  petitionerPhone: string;
  petitionerAddress: string;
  fieldId: number;
  content: string;
}

/** Correcting intake details; a save on an outdated version is refused and the text kept. */
export function EditPetitionForm({ petition, fields, today }: { petition: EditablePetition; fields: { id: number; name: string }[]; today: string }) {
  const t = useTranslations("petitions");
  const [state, action, pending] = useActionState(editPetitionAction, null as State);
  const resetKey = useResetKey(state);
  const [kind, setKind] = useState(lastValue(state, "petitionerKind", petition.petitionerKind));
  const value = (name: keyof EditablePetition) => lastValue(state, name, String(petition[name]));
  const err = (name: string) => `pe-${name}-error`;
  const conflict = state && !state.ok && state.error === "CONFLICT";
  const router = useRouter();
  // Someone else saved first: load their version and keep this text, to check and save again.
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, router]);
  return (
    <form key={resetKey} action={action} className="space-y-5 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <input type="hidden" name="petitionId" value={petition.id} />
      <input type="hidden" name="version" value={petition.version} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="pe-receivedOn" className="block text-sm font-medium">{t("intake.receivedOn")}</label>
          <input id="pe-receivedOn" name="receivedOn" type="date" required max={today} defaultValue={value("receivedOn")} aria-describedby={err("receivedOn")} className={inputClass} />
          <FieldError state={state} name="receivedOn" id={err("receivedOn")} />
        </div>
        <div>
          <label htmlFor="pe-channel" className="block text-sm font-medium">{t("intake.channel")}</label>
          <select id="pe-channel" name="channel" required defaultValue={value("channel")} className={inputClass}>
            {PETITION_CHANNELS.map((c) => (
              <option key={c} value={c}>{t(`channels.${c}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("intake.petitionerKind")}</legend>
        <div className="flex flex-wrap gap-4">
          {PETITIONER_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="petitionerKind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-5" />
              {t(`petitionerKinds.${k}`)}
            </label>
          ))}
        </div>
        {kind !== "ANONYMOUS" && (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <label htmlFor="pe-name" className="block text-sm font-medium">{t("intake.petitionerName")} *</label>
              <input id="pe-name" name="petitionerName" maxLength={200} defaultValue={value("petitionerName")} aria-describedby={err("petitionerName")} className={inputClass} />
              <FieldError state={state} name="petitionerName" id={err("petitionerName")} />
            </div>
            <div>
              <label htmlFor="pe-phone" className="block text-sm font-medium">{t("intake.petitionerPhone")}</label>
              <input id="pe-phone" name="petitionerPhone" type="tel" defaultValue={value("petitionerPhone")} aria-describedby={err("petitionerPhone")} className={inputClass} />
              <FieldError state={state} name="petitionerPhone" id={err("petitionerPhone")} />
            </div>
            <div>
              <label htmlFor="pe-address" className="block text-sm font-medium">{t("intake.petitionerAddress")}</label>
              <input id="pe-address" name="petitionerAddress" maxLength={300} defaultValue={value("petitionerAddress")} className={inputClass} />
            </div>
          </div>
        )}
      </fieldset>
      <div>
        <label htmlFor="pe-field" className="block text-sm font-medium">{t("intake.field")}</label>
        <select id="pe-field" name="fieldId" required defaultValue={value("fieldId")} className={inputClass}>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>{f.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pe-content" className="block text-sm font-medium">{t("intake.content")}</label>
        <textarea id="pe-content" name="content" required rows={6} maxLength={10000} defaultValue={value("content")} aria-describedby={err("content")} className={inputClass} />
        <FieldError state={state} name="content" id={err("content")} />
      </div>
      {conflict ? <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{t("conflict")}</p> : <ActionFeedback state={state} success={() => ""} />}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
          {pending ? t("intake.saving") : t("steps.submit")}
        </button>
        <Link href={`/petitions/${petition.id}`} className="text-brand-700 underline underline-offset-2">{t("cancel")}</Link>
      </div>
    </form>
  );
}
