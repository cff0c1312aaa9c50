"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { presentCountText } from "@/lib/meetings/attendance-count";
import { ATTENDANCE_STATUSES } from "@/lib/meetings/labels";

export interface RosterRow {
  cadreId: number;
  fullName: string;
  role: string;
}

const TONE: Record<(typeof ATTENDANCE_STATUSES)[number], string> = {
  PRESENT: "peer-checked:bg-green-700 peer-checked:text-white peer-checked:border-green-700",
  ABSENT: "peer-checked:bg-red-700 peer-checked:text-white peer-checked:border-red-700",
  EXCUSED: "peer-checked:bg-amber-600 peer-checked:text-white peer-checked:border-amber-600",
};

/**
 * The attendance checklist: one row per member, three large choices each (present, absent,
 * excused), easy to hit with a thumb. Plain radios, so it works without JavaScript;
 * `statusOf` gives each row's first value (what was typed before a refusal, or saved). The
 * correction form (App Router) hydrates it; the meeting form (Pages Router, no React in the
 * browser) keeps the count with components/field/meeting-form-script.ts, from `data-present-count`; both
 * count by `presentCountText`, as the server did for the first showing.
 */
export function AttendanceFields({ roster, statusOf }: { roster: RosterRow[]; statusOf: (cadreId: number) => string }) {
  const t = useTranslations("meetings");
  const ref = useRef<HTMLFieldSetElement>(null);
  const template = t("form.presentCount", { present: "{present}", total: roster.length });
  const [count, setCount] = useState(() => presentCountText(template, roster.map((r) => statusOf(r.cadreId))));
  const recount = () => {
    const form = ref.current?.form;
    if (form) setCount(presentCountText(template, form));
  };
  return (
    <fieldset ref={ref} onChange={recount} className="space-y-2">
      <legend className="text-lg font-semibold">{t("form.attendance")}</legend>
      {roster.length === 0 ? (
        <p className="text-stone-600">{t("form.noRoster")}</p>
      ) : (
        <>
          {/* Counted by one rule (lib/meetings/attendance-count.ts): here on the server, again by React where the
              form is hydrated, by the meeting form's script (from `data-present-count`) where it is not. */}
          <p className="text-sm text-stone-600" aria-live="polite" data-present-count={template}>
            {count}
          </p>
          <ul className="divide-y divide-stone-100">
            {roster.map((r) => {
              const initial = statusOf(r.cadreId);
              return (
                <li key={r.cadreId} className="py-2">
                  <div role="radiogroup" aria-labelledby={`att-${r.cadreId}-name`}>
                    <p id={`att-${r.cadreId}-name`} className="font-medium">
                      {r.fullName}
                    </p>
                    <p className="text-xs text-stone-600">{r.role}</p>
                    <div className="mt-1 grid grid-cols-3 gap-1">
                      {ATTENDANCE_STATUSES.map((s) => (
                        <label key={s} className="relative">
                          <input type="radio" name={`att.${r.cadreId}`} value={s} defaultChecked={initial === s} className="peer sr-only" />
                          <span
                            className={`flex min-h-11 items-center justify-center rounded-md border border-stone-300 px-1 text-center text-sm font-medium peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 ${TONE[s]}`}
                          >
                            {t(`attendance.${s}`)}
                          </span>
                        </label>
                      ))}
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </fieldset>
  );
}
