"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { placeVillageAction } from "@/lib/units/merger/actions";
import type { ActionState } from "@/lib/actions/result";
import { ActionFeedback, FieldError, useResetKey } from "@/components/units/action-feedback";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** One village awaiting placement: the successor communes it may go to, and "Xếp vào". */
export function PlaceVillageForm({ village, candidates }: { village: { id: number; version: number; fullName: string }; candidates: { id: number; label: string }[] }) {
  const t = useTranslations("mergers");
  const id = useId();
  const [state, action, pending] = useActionState(placeVillageAction, null as Result<typeof placeVillageAction>);
  const resetKey = useResetKey(state);
  return (
    <form key={resetKey} action={action} className="flex flex-wrap items-end gap-2" aria-label={t("target", { name: village.fullName })}>
      <input type="hidden" name="villageId" value={village.id} />
      <input type="hidden" name="version" value={village.version} />
      <div className="min-w-0 flex-1">
        <label htmlFor={`${id}-target`} className="block text-sm font-medium">
          {t("target", { name: village.fullName })}
        </label>
        <select id={`${id}-target`} name="targetCommuneId" required className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base">
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError state={state} name="targetCommuneId" id={`${id}-target-error`} />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {t("place")}
      </button>
      <div className="basis-full">
        <ActionFeedback state={state as ActionState<unknown>} success={() => t("placed", { name: village.fullName })} />
      </div>
    </form>
  );
}
