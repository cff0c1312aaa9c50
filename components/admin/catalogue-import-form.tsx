"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { uploadCatalogueAction } from "@/lib/units/catalogue/actions";
import type { CatalogueSummary } from "@/lib/units/catalogue/import";
import type { CatalogueLevel } from "@/lib/units/catalogue/parse";
import { ActionFeedback, buttonClass, FieldError, inputClass, lastValue } from "@/components/units/action-feedback";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

const LEVELS: CatalogueLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

function sum(counts: CatalogueSummary) {
  const out = { new: 0, changed: 0, unchanged: 0 };
  for (const level of LEVELS) {
    out.new += counts[level].new;
    out.changed += counts[level].changed;
    out.unchanged += counts[level].unchanged;
  }
  return out;
}

function CountsTable({ counts, caption }: { counts: CatalogueSummary; caption: string }) {
  const t = useTranslations("admin");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-2">
              {t("level")}
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              {t("new")}
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              {t("changed")}
            </th>
            <th scope="col" className="py-2 pl-2 text-right">
              {t("unchanged")}
            </th>
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((level) => (
            <tr key={level} className="border-b border-stone-200">
              <th scope="row" className="py-2 pr-2 font-medium">
                {t(level)}
              </th>
              <td className="px-2 py-2 text-right tabular-nums">{counts[level].new.toLocaleString("vi-VN")}</td>
              <td className="px-2 py-2 text-right tabular-nums">{counts[level].changed.toLocaleString("vi-VN")}</td>
              <td className="py-2 pl-2 text-right tabular-nums">{counts[level].unchanged.toLocaleString("vi-VN")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Two steps in one form: "Xem trước" parses and compares (writes nothing), then the import
 * button re-posts the same file with intent=import. With JavaScript the submission is
 * dispatched by hand so that React does not reset the form (the chosen file stays); without
 * it the form posts as usual and the file must be chosen again before importing.
 */
export function CatalogueImportForm({ today, maxMb }: { today: string; maxMb: number }) {
  const t = useTranslations("admin");
  const id = useId();
  const [state, action, pending] = useActionState(uploadCatalogueAction, null as Result<typeof uploadCatalogueAction>);
  const [stale, setStale] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    setStale(false);
    startTransition(() => action(formData));
  }

  const outcome = state?.ok ? state.data : null;
  const preview = outcome?.status === "preview" && !stale ? outcome : null;
  const previewTotals = preview ? sum(preview.counts) : null;

  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" aria-labelledby={`${id}-title`} aria-busy={pending}>
      <h2 id={`${id}-title`} className="sr-only">
        {t("importTitle")}
      </h2>
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium">
          {t("file")}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          onChange={() => setStale(true)}
          aria-describedby={`${id}-file-hint ${id}-file-error`}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-stone-100 file:px-3 file:py-1`}
        />
        <p id={`${id}-file-hint`} className="mt-1 text-sm text-stone-600">
          {t("fileHint", { mb: maxMb })}
        </p>
        <FieldError state={state} name="file" id={`${id}-file-error`} />
      </div>
      <div>
        <label htmlFor={`${id}-asOf`} className="block text-sm font-medium">
          {t("asOf")}
        </label>
        <input
          id={`${id}-asOf`}
          type="date"
          name="asOf"
          required
          defaultValue={lastValue(state, "asOf", today)}
          onChange={() => setStale(true)}
          aria-describedby={`${id}-asOf-hint ${id}-asOf-error`}
          className={`${inputClass} sm:w-56`}
        />
        <p id={`${id}-asOf-hint`} className="mt-1 text-sm text-stone-600">
          {t("asOfHint")}
        </p>
        <FieldError state={state} name="asOf" id={`${id}-asOf-error`} />
      </div>

      {pending && <progress aria-label={t("working")} className="block h-2 w-full" />}

      {state && !state.ok && <ActionFeedback state={state} success={() => ""} />}

      {outcome?.status === "invalid" && (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          <p className="font-semibold">{t("invalidTitle")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {outcome.errors.map((e, i) => (
              <li key={i}>
                <span className="font-medium">{e.at}</span>: {e.message}
              </li>
            ))}
          </ul>
          {outcome.truncated && <p className="mt-2">{t("truncated")}</p>}
        </div>
      )}

      {outcome?.status === "preview" && stale && <p className="text-sm text-stone-700">{t("stale")}</p>}

      {preview && previewTotals && (
        <section aria-labelledby={`${id}-preview`} className="space-y-2 rounded-md border border-stone-200 p-3">
          <h3 id={`${id}-preview`} className="font-semibold">
            {t("previewTitle", { fileName: preview.fileName, total: preview.total })}
          </h3>
          <p role="status" className="text-sm text-stone-700">
            {previewTotals.new + previewTotals.changed === 0 ? t("nothingToDo") : t("previewNote")}
          </p>
          <CountsTable counts={preview.counts} caption={t("previewTitle", { fileName: preview.fileName, total: preview.total })} />
        </section>
      )}

      {outcome?.status === "imported" && (
        <section className="space-y-2">
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
            {t("imported", { total: outcome.total, seconds: outcome.seconds, ...sum(outcome.counts) })}
          </p>
          <CountsTable counts={outcome.counts} caption={t("importTitle")} />
        </section>
      )}

      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" name="intent" value="preview" disabled={pending} className={preview ? `${buttonClass} bg-stone-600 hover:bg-stone-700` : buttonClass}>
          {t("preview")}
        </button>
        {preview && previewTotals && previewTotals.new + previewTotals.changed > 0 && (
          <button type="submit" name="intent" value="import" disabled={pending} className={buttonClass}>
            {t("import", { total: preview.total, new: previewTotals.new, changed: previewTotals.changed })}
          </button>
        )}
      </div>
    </form>
  );
}
