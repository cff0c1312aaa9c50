"use client";
import { useTranslations } from "next-intl";
import { AttachmentsField } from "@/components/attachments-field";
import { useActionState, useEffect, useMemo, useState } from "react";
import { ChoiceBox } from "@/components/choices/choice-box";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { Choice } from "@/lib/choices/types";
import { createPetitionAction, type IntakeState } from "@/lib/petitions/actions";
import { PETITION_CHANNELS, PETITIONER_KINDS } from "@/lib/petitions/labels";
import { toSearchText } from "@/lib/text/search";

type State = IntakeState;
export type VillageGroup = { commune: string; villages: { id: number; label: string }[] };
type Similar = { id: number; code: string; status: string; excerpt: string };

/** Open petitions of the same commune that read like what is being typed. */
function useSimilar(unitId: string, content: string): Similar[] {
  const [found, setFound] = useState<Similar[]>([]);
  useEffect(() => {
    if (!unitId || content.trim().length < 15) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/petitions/similar?unit=${encodeURIComponent(unitId)}&q=${encodeURIComponent(content.slice(0, 500))}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((body: { items: Similar[] }) => setFound(body.items))
        .catch(() => undefined);
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [unitId, content]);
  return unitId && content.trim().length >= 15 ? found : [];
}

/**
 * The intake form. `villages` lists a district's or a commune's villages (up to 500, lib/petitions/options.ts);
 * null for more (a province, the nation): the place is then found as the user types, in a choice box
 * (decision 029), and without JavaScript from the text typed, with the matches to choose from (decision 033).
 */
export function IntakeForm({
  idempotencyKey,
  today,
  fields,
  villages,
  initialState = null,
  onSubmit,
}: {
  idempotencyKey: string;
  today: string;
  fields: { id: number; name: string }[];
  villages: VillageGroup[] | null;
  /** A refusal to show on a first showing: a petition kept offline that the server refused (decision 071). */
  initialState?: State;
  /** Offline, the field app keeps the form instead of sending it (./offline-intake-form.tsx). */
  onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void;
}) {
  const t = useTranslations("petitions");
  const [state, action, pending] = useActionState(createPetitionAction, initialState);
  const resetKey = useResetKey(state);
  const [kind, setKind] = useState(lastValue(state, "petitionerKind", "PERSON"));
  const [unitFilter, setUnitFilter] = useState("");
  const [unitId, setUnitId] = useState(lastValue(state, "unitId", ""));
  // The village picked in the choice box, kept when the form is shown again after a refusal.
  const [place, setPlace] = useState<Choice | null>(null);
  const [content, setContent] = useState(lastValue(state, "content", ""));
  const similar = useSimilar(unitId, content);
  // Text typed for the place named no single village: the villages it matched, to choose from.
  const matched = villages === null && state && !state.ok && "places" in state ? state : null;
  const shown = useMemo(() => {
    if (!villages) return [];
    const key = toSearchText(unitFilter);
    if (!key) return villages;
    return villages
      .map((g) => (toSearchText(g.commune).includes(key) ? g : { ...g, villages: g.villages.filter((v) => toSearchText(v.label).includes(key) || v.id === Number(unitId)) }))
      .filter((g) => g.villages.length > 0);
  }, [villages, unitFilter, unitId]);
  const err = (name: string) => `pi-${name}-error`;

  return (
    <form key={resetKey} action={action} onSubmit={onSubmit} className="space-y-5 rounded-xl border border-stone-200 bg-white p-4 sm:p-6" noValidate={false}>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="pi-receivedOn" className="block text-sm font-medium">{t("intake.receivedOn")}</label>
          <input id="pi-receivedOn" name="receivedOn" type="date" required max={today} defaultValue={lastValue(state, "receivedOn", today)} aria-describedby={err("receivedOn")} className={inputClass} />
          <FieldError state={state} name="receivedOn" id={err("receivedOn")} />
        </div>
        <div>
          <label htmlFor="pi-channel" className="block text-sm font-medium">{t("intake.channel")}</label>
          <select id="pi-channel" name="channel" required defaultValue={lastValue(state, "channel", "")} aria-describedby={err("channel")} className={inputClass}>
            <option value="">{t("intake.choose")}</option>
            {PETITION_CHANNELS.map((c) => (
              <option key={c} value={c}>{t(`channels.${c}`)}</option>
            ))}
          </select>
          <FieldError state={state} name="channel" id={err("channel")} />
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
              <label htmlFor="pi-name" className="block text-sm font-medium">{t("intake.petitionerName")} *</label>
              <input id="pi-name" name="petitionerName" autoComplete="off" maxLength={200} defaultValue={lastValue(state, "petitionerName", "")} aria-describedby={err("petitionerName")} className={inputClass} />
              <FieldError state={state} name="petitionerName" id={err("petitionerName")} />
            </div>
            <div>
              <label htmlFor="pi-phone" className="block text-sm font-medium">{t("intake.petitionerPhone")}</label>
              <input id="pi-phone" name="petitionerPhone" type="tel" inputMode="tel" autoComplete="off" defaultValue={lastValue(state, "petitionerPhone", "")} aria-describedby={err("petitionerPhone")} className={inputClass} />
              <FieldError state={state} name="petitionerPhone" id={err("petitionerPhone")} />
            </div>
            <div>
              <label htmlFor="pi-address" className="block text-sm font-medium">{t("intake.petitionerAddress")}</label>
              <input id="pi-address" name="petitionerAddress" autoComplete="off" maxLength={300} defaultValue={lastValue(state, "petitionerAddress", "")} className={inputClass} />
            </div>
            <p className="text-xs text-stone-600 sm:col-span-2">{t("intake.personalNote")}</p>
          </div>
        )}
      </fieldset>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          {matched ? (
            <PlaceMatches matches={matched.places} more={matched.morePlaces} typed={lastValue(state, "unitIdText", "")} onPick={setUnitId} />
          ) : (
            <label htmlFor="pi-unit" className="block text-sm font-medium">{t("intake.unit")}</label>
          )}
          {villages === null ? (
            !matched && (
              <>
                <ChoiceBox
                  id="pi-unit"
                  name="unitId"
                  textName="unitIdText"
                  source="units"
                  levels={VILLAGE}
                  selected={place}
                  text={lastValue(state, "unitIdText", "")}
                  required
                  describedBy={`pi-unit-hint ${err("unitId")}`}
                  className={inputClass}
                  onChange={(choice) => {
                    setPlace(choice);
                    setUnitId(choice ? String(choice.id) : "");
                  }}
                />
                <p id="pi-unit-hint" className="mt-1 text-xs text-stone-600">{t("intake.unitSearchHint")}</p>
              </>
            )
          ) : villages.length === 0 ? (
            <p className="text-sm text-red-800">{t("intake.noUnits")}</p>
          ) : (
            <>
              <input
                type="search"
                aria-label={t("intake.unitFilter")}
                placeholder={t("intake.unitFilter")}
                value={unitFilter}
                onChange={(e) => setUnitFilter(e.target.value)}
                className={`${inputClass} mb-1`}
              />
              <select id="pi-unit" name="unitId" required value={unitId} onChange={(e) => setUnitId(e.target.value)} aria-describedby={err("unitId")} className={inputClass}>
                <option value="">{t("intake.choose")}</option>
                {shown.map((g) => (
                  <optgroup key={g.commune} label={g.commune}>
                    {g.villages.map((v) => (
                      <option key={v.id} value={v.id}>{`${v.label} — ${g.commune}`}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </>
          )}
          <FieldError state={state} name="unitId" id={err("unitId")} />
        </div>
        <div>
          <label htmlFor="pi-field" className="block text-sm font-medium">{t("intake.field")}</label>
          <select id="pi-field" name="fieldId" required defaultValue={lastValue(state, "fieldId", "")} aria-describedby={err("fieldId")} className={inputClass}>
            <option value="">{t("intake.choose")}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>{f.name}</option>
            ))}
          </select>
          <FieldError state={state} name="fieldId" id={err("fieldId")} />
        </div>
      </div>

      <div>
        <label htmlFor="pi-content" className="block text-sm font-medium">{t("intake.content")}</label>
        <textarea id="pi-content" name="content" required rows={6} maxLength={10000} value={content} onChange={(e) => setContent(e.target.value)} aria-describedby={err("content")} className={inputClass} />
        <FieldError state={state} name="content" id={err("content")} />
      </div>

      {similar.length > 0 && (
        <section aria-live="polite" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <h2 className="font-semibold">{t("intake.similarTitle")}</h2>
          <p className="text-stone-700">{t("intake.similarHint")}</p>
          <ul className="mt-2 space-y-1">
            {similar.map((s) => (
              <li key={s.id}>
                <a href={`/petitions/${s.id}`} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline underline-offset-2">{s.code}</a>{" "}
                <span className="text-stone-600">({t(`statuses.${s.status}` as "statuses.RECEIVED")})</span> — {s.excerpt}
              </li>
            ))}
          </ul>
        </section>
      )}

      <AttachmentsField id="pi-attachments" label={t("intake.attachments")} hint={t("intake.attachmentsHint")} state={state} />

      <ActionFeedback state={state} success={() => ""} />
      <button type="submit" disabled={pending} aria-busy={pending} className={`${buttonClass} w-full sm:w-auto`}>
        {pending ? t("intake.saving") : t("intake.submit")}
      </button>
    </form>
  );
}

const VILLAGE = ["VILLAGE"] as const;

/**
 * The villages that text typed for the place matched (no JavaScript, or typed and not picked): one to tick, or
 * the text to type again, more precisely. Plain radio buttons and a text field: they work without JavaScript.
 */
function PlaceMatches({ matches, more, typed, onPick }: { matches: Choice[]; more: boolean; typed: string; onPick: (id: string) => void }) {
  const t = useTranslations("petitions");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("intake.unit")}</legend>
      {matches.length > 0 && (
        <ul className="space-y-1">
          {matches.map((p) => (
            <li key={p.id}>
              <label className="flex items-start gap-2">
                <input type="radio" name="unitId" value={p.id} onChange={() => onPick(String(p.id))} className="mt-0.5 size-5" />
                <span>
                  {p.label}
                  {p.detail && <span className="block text-xs text-stone-600">{p.detail}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {more && <p className="text-xs text-stone-600">{t("intake.placesMore", { count: matches.length })}</p>}
      <label htmlFor="pi-unit" className="block text-sm">{t(matches.length > 0 ? "intake.placesRetry" : "intake.placesNone")}</label>
      <input id="pi-unit" name="unitIdText" type="text" autoComplete="off" defaultValue={typed} aria-describedby="pi-unit-hint" className={inputClass} />
      <p id="pi-unit-hint" className="text-xs text-stone-600">{t("intake.unitSearchHint")}</p>
    </fieldset>
  );
}
