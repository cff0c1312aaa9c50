"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass } from "@/components/units/action-feedback";
import { importCadresAction } from "@/lib/cadres/actions";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** Upload → either "Đã nhập N cán bộ" or the errors by row (nothing saved). */
export function CadreImportForm({ maxMb, maxRows }: { maxMb: number; maxRows: number }) {
  const t = useTranslations("cadres");
  const id = useId();
  const [state, action, pending] = useActionState(importCadresAction, null as Result<typeof importCadresAction>);
  const outcome = state?.ok ? state.data : null;
  return (
    <form action={action} className="space-y-4" aria-busy={pending}>
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium">
          {t("file")}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          aria-describedby={`${id}-file-hint ${id}-file-error`}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-stone-100 file:px-3 file:py-1`}
        />
        <p id={`${id}-file-hint`} className="mt-1 text-sm text-stone-600">
          {t("fileHint", { mb: maxMb, rows: maxRows.toLocaleString("vi-VN") })}
        </p>
        <FieldError state={state} name="file" id={`${id}-file-error`} />
      </div>

      {pending && <progress aria-label={t("working")} className="block h-2 w-full" />}
      {state && !state.ok && <ActionFeedback state={state} success={() => ""} />}

      {outcome?.status === "invalid" && (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          <p className="font-semibold">{t("invalidTitle")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {outcome.errors.map((e, i) => (
              <li key={i}>
                <span className="font-medium">
                  {e.row === null ? t("errorFile") : t("errorRow", { row: e.row })}
                  {e.column ? ` – ${e.column}` : ""}
                </span>
                : {e.message}
              </li>
            ))}
          </ul>
          {outcome.more > 0 && <p className="mt-2">{t("more", { count: outcome.more })}</p>}
        </div>
      )}
      {outcome?.status === "imported" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("imported", { count: outcome.count })}
        </p>
      )}

      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? t("working") : t("submitImport")}
      </button>
    </form>
  );
}
