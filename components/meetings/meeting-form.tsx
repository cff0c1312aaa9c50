import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { draftStorageKey } from "@/components/field/meeting-draft";
import { enhanceMeetingForm } from "@/components/field/meeting-form-script";
import { presentCountText } from "@/lib/meetings/attendance-count";
import { MAX_RAISED_ROWS, RAISED_ROWS_WITHOUT_JS } from "@/lib/meetings/labels";
import { AttachmentsField } from "@/components/attachments-field";
import { AttendanceFields, type RosterRow } from "./attendance-fields";
import { MeetingFields, sectionClass } from "./meeting-fields";

export interface OpenPetitionRow {
  id: number;
  code: string;
  statusLabel: string;
  unitName: string;
  excerpt: string;
}

export interface MeetingFormProps {
  /** Where the form posts: the page itself (pages/meetings/new.tsx). */
  action: string;
  /** The last submission's refusal, shown on the fields; null on a first showing. */
  state: ActionState<unknown>;
  idempotencyKey: string;
  today: string;
  kind: string;
  kindLabel: string;
  target: string;
  heldBy: string;
  /** A field visit's visiting unit (decision 053); null for other kinds. */
  visitor?: string | null;
  defaults: { place: string; chair: string };
  roster: RosterRow[];
  openPetitions: OpenPetitionRow[];
  raisedUnits: { id: number; label: string }[];
  fields: { id: number; name: string }[];
  /** This response's CSP nonce (proxy.ts): the inline script runs only with it. */
  nonce: string;
}

/** The row ids a refused submission had, so that its rows come back with what was typed. */
function rowsOf(values: Record<string, string> | undefined): number[] | null {
  if (!values) return null;
  const ids = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^raised\.(\d{1,2})\./.exec(key);
    if (m) ids.add(Number(m[1]));
  }
  return ids.size ? [...ids].sort((a, b) => a - b) : null;
}

const ROW_PLACEHOLDER = "__row__";
const ORDINAL_PLACEHOLDER = "__n__";

/**
 * Logging a meeting, mobile-first. Rendered on the server only (no React in the browser,
 * decision 019): a plain multipart form that works without JavaScript. A meeting's own fields come from
 * the one list (lib/meetings/fields.ts, drawn by MeetingFields, as on the correction form); what only
 * logging records is slotted in here (decision 082). With JavaScript, the small
 * script of components/field/meeting-form-script.ts keeps a draft on the device, adds and removes raised
 * rows (from the `<template>`), keeps the attendance count, and says when the device is offline.
 */
export function MeetingForm(props: MeetingFormProps) {
  const { state, idempotencyKey, today, kind, target, roster, openPetitions, raisedUnits, fields } = props;
  const t = useTranslations("meetings");
  const failedValues = state && !state.ok ? state.values : undefined;
  const rows = rowsOf(failedValues) ?? Array.from({ length: RAISED_ROWS_WITHOUT_JS }, (_, i) => i);
  const value = (name: string, fallback = "") => lastValue(state, name, fallback);
  const err = (name: string) => `mf-${name.replace(/\./g, "-")}-error`;
  const fixedUnit = raisedUnits.length === 1 ? raisedUnits[0] : null;
  // A field visit records who went, what they found and what must follow; a province's or
  // district's own meeting takes no petitions of an area (decision 053).
  const visit = kind === "FIELD_VISIT";
  const ownUnit = kind === "CONFERENCE" || kind === "BRIEFING";

  const raisedRow = (id: number | string, ordinal: number | string) => (
    <li key={id} data-raised-row="" className="space-y-2 rounded-md border border-stone-200 p-3" aria-label={t("form.raisedRow", { n: ordinal })}>
      <div className="flex items-center justify-between">
        <span className="font-medium" data-row-title="">{t("form.raisedRow", { n: ordinal })}</span>
        <button type="button" hidden data-remove-row="" className="min-h-11 px-2 text-sm text-red-800 underline underline-offset-2">
          {t("form.removeRow")}
        </button>
      </div>
      <div>
        <label htmlFor={`mf-r${id}-content`} className="block text-sm font-medium">{t("form.raisedContent")}</label>
        <textarea id={`mf-r${id}-content`} name={`raised.${id}.content`} rows={3} maxLength={10000} defaultValue={value(`raised.${id}.content`)} aria-describedby={err(`raised.${id}.content`)} className={inputClass} />
        <FieldError state={state} name={`raised.${id}.content`} id={err(`raised.${id}.content`)} />
      </div>
      <div>
        <label htmlFor={`mf-r${id}-field`} className="block text-sm font-medium">{t("form.raisedField")}</label>
        <select id={`mf-r${id}-field`} name={`raised.${id}.fieldId`} defaultValue={value(`raised.${id}.fieldId`)} aria-describedby={err(`raised.${id}.fieldId`)} className={inputClass}>
          <option value="">{t("form.choose")}</option>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>{f.name}</option>
          ))}
        </select>
        <FieldError state={state} name={`raised.${id}.fieldId`} id={err(`raised.${id}.fieldId`)} />
      </div>
      {!fixedUnit && (
        <div>
          <label htmlFor={`mf-r${id}-unit`} className="block text-sm font-medium">{t("form.raisedUnit")}</label>
          <select id={`mf-r${id}-unit`} name={`raised.${id}.unitId`} defaultValue={value(`raised.${id}.unitId`)} aria-describedby={err(`raised.${id}.unitId`)} className={inputClass}>
            <option value="">{t("form.choose")}</option>
            {raisedUnits.map((u) => (
              <option key={u.id} value={u.id}>{u.label}</option>
            ))}
          </select>
          <FieldError state={state} name={`raised.${id}.unitId`} id={err(`raised.${id}.unitId`)} />
        </div>
      )}
      <div>
        <label htmlFor={`mf-r${id}-name`} className="block text-sm font-medium">{t("form.raisedBy")}</label>
        <input id={`mf-r${id}-name`} name={`raised.${id}.petitionerName`} maxLength={200} autoComplete="off" defaultValue={value(`raised.${id}.petitionerName`)} aria-describedby={err(`raised.${id}.petitionerName`)} className={inputClass} />
        <FieldError state={state} name={`raised.${id}.petitionerName`} id={err(`raised.${id}.petitionerName`)} />
      </div>
    </li>
  );

  const script = {
    draftKey: draftStorageKey(kind, target),
    // After a refusal the page shows what was sent; a draft would only overwrite it.
    restore: !state,
    maxRows: MAX_RAISED_ROWS,
    row: ROW_PLACEHOLDER,
    ordinal: ORDINAL_PLACEHOLDER,
    savedText: t("draft.saved", { time: "{time}" }),
    restoredText: t("draft.restored", { time: "{time}" }),
    rowTitle: t("form.raisedRow", { n: "{n}" }),
    savingText: t("form.saving"),
  };

  return (
    <form method="post" encType="multipart/form-data" action={props.action} data-meeting-form="" className="space-y-4">
      <input type="hidden" name="idempotencyKey" defaultValue={value("idempotencyKey", idempotencyKey)} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="target" value={target} />
      {fixedUnit && <input type="hidden" name="raisedUnitId" value={fixedUnit.id} />}

      <div hidden role="status" data-draft-restored="" className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
        <span />
        <button type="button" data-draft-discard="" className="font-medium underline underline-offset-2">
          {t("draft.discard")}
        </button>
      </div>
      <p hidden role="alert" data-offline="" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t("draft.offline")}
      </p>

      <MeetingFields
        kind={kind}
        prefix="mf"
        state={state}
        today={today}
        valueOf={(name) => value(name, name === "heldOn" ? today : name === "place" || name === "chair" ? props.defaults[name] : "")}
        slots={{
          general: {
            before: (
              <p>
                <span className="block text-sm text-stone-600">{props.kindLabel}</span>
                <span className="font-medium">{props.heldBy}</span>{" "}
                {visit && props.visitor && (
                  <span className="block text-sm text-stone-700">
                    {t("form.visitor")}: <span className="font-medium">{props.visitor}</span>
                  </span>
                )}
                <Link href={`/meetings/new?kind=${kind}`} className="text-sm text-brand-700 underline underline-offset-2">{t("form.change")}</Link>
              </p>
            ),
          },
          people: {
            before: (
              <>
                {visit ? (
                  <fieldset className="space-y-2" aria-describedby="mf-visitors-hint">
                    <legend className="text-lg font-semibold">{t("form.visitors")}</legend>
                    <p id="mf-visitors-hint" className="text-sm text-stone-600">{roster.length ? t("form.visitorsHint") : t("form.noVisitorRoster")}</p>
                    <ul className="divide-y divide-stone-100">
                      {roster.map((r) => (
                        <li key={r.cadreId}>
                          <label className="flex min-h-11 items-center gap-3 py-2">
                            <input type="checkbox" name={`att.${r.cadreId}`} value="PRESENT" defaultChecked={value(`att.${r.cadreId}`) === "PRESENT"} className="size-5 shrink-0" />
                            <span>
                              <span className="block font-medium">{r.fullName}</span>
                              {r.role && <span className="block text-xs text-stone-600">{r.role}</span>}
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                ) : (
                  <AttendanceFields roster={roster} statusOf={(id) => value(`att.${id}`, failedValues ? "" : "PRESENT")} />
                )}
                <FieldError state={state} name="attendance" id={err("attendance")} />
              </>
            ),
          },
          agenda: {
            before: ownUnit ? null : openPetitions.length > 0 ? (
              <fieldset>
                <legend className="text-sm font-medium">{t("form.carried", { count: openPetitions.length })}</legend>
                <ul className="mt-1 space-y-1">
                  {openPetitions.map((p) => (
                    <li key={p.id}>
                      <label className="flex min-h-11 items-start gap-3 py-1">
                        <input type="checkbox" name={`carry.${p.id}`} defaultChecked={failedValues ? `carry.${p.id}` in failedValues : true} className="mt-0.5 size-5 shrink-0" />
                        <span className="text-sm">
                          <span className="font-medium">{p.code}</span> · {p.statusLabel} · {p.unitName}
                          <span className="block text-stone-700">{p.excerpt}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : (
              <p className="text-sm text-stone-600">{t("form.noOpenPetitions")}</p>
            ),
            next: raisedUnits.length > 0 && (
              <section className={sectionClass} aria-labelledby="mf-raised">
                <h2 id="mf-raised" className="text-lg font-semibold">{t("form.raised")}</h2>
                <p className="text-sm text-stone-600">{t("form.raisedHint")}</p>
                <FieldError state={state} name="raised" id={err("raised")} />
                <ol className="space-y-4" data-raised-rows="">
                  {rows.map((id, n) => raisedRow(id, n + 1))}
                </ol>
                <template data-row-template="">{raisedRow(ROW_PLACEHOLDER, ORDINAL_PLACEHOLDER)}</template>
                <button type="button" hidden data-add-row="" className="min-h-11 w-full rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-700">
                  {t("form.addRow")}
                </button>
              </section>
            ),
          },
          record: {
            after: <AttachmentsField id="mf-attachments" label={t("form.attachments")} hint={t("form.attachmentsHint")} state={state} />,
          },
        }}
      />

      <div className="sticky bottom-0 -mx-4 space-y-2 border-t border-stone-200 bg-white/95 px-4 py-3 sm:mx-0 sm:rounded-xl sm:border">
        <ActionFeedback state={state} success={() => ""} />
        <FieldError state={state} name="_form" id={err("_form")} />
        <button type="submit" data-submit="" className={`${buttonClass} min-h-12 w-full`}>
          {t("form.submit")}
        </button>
        <p className="text-center text-xs text-stone-600" aria-live="polite" data-draft-status="">
          {t("draft.hint")}
        </p>
      </div>
      {/* Self-contained, so it can run as an inline script: no module system in the browser here. Left out
          under `next dev`, which ignores `unstable_runtimeJS` and hydrates the page: React would undo what the
          script changed. So in development the form is the one without JavaScript; try the script with `npm start`. */}
      {process.env.NODE_ENV === "production" && <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: `(${enhanceMeetingForm.toString()})(document.currentScript.closest("form"),${JSON.stringify(script).replace(/</g, "\\u003c")},${presentCountText.toString()})` }} />}
    </form>
  );
}
