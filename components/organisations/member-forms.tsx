"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ConfirmBox, ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { addMemberAction, endMembershipAction } from "@/lib/organisations/actions";
import { AFFILIATION_LABELS, AFFILIATIONS, MEMBERSHIP_ROLES, membershipRoleLabel } from "@/lib/organisations/labels";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** ActionFeedback, with DUPLICATE told in the words of this page. */
function MemberFeedback<T>({ state, success }: { state: ActionState<T>; success: (data: T) => string }) {
  const t = useTranslations("members");
  if (state && !state.ok && state.error === "DUPLICATE") {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t("duplicate")}
      </p>
    );
  }
  return <ActionFeedback state={state} success={success} />;
}

/** "Thêm thành viên": works as a plain form without JavaScript. */
export function AddMemberForm({
  organisationId,
  kind,
  candidates,
  today,
}: {
  organisationId: number;
  kind: "BLOC" | "TEAM";
  candidates: { id: number; fullName: string; position: string | null }[];
  today: string;
}) {
  const t = useTranslations("members");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(addMemberAction, null as Result<typeof addMemberAction>);
  const resetKey = useResetKey(state);
  return (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t("addTitle")}
      </h3>
      <input type="hidden" name="organisationId" value={organisationId} />
      {candidates.length === 0 && <p className="text-sm text-stone-600">{t("noCandidates")}</p>}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-cadre`} className="block text-sm font-medium">
            {t("cadre")}
          </label>
          <select
            id={`${id}-cadre`}
            name="cadreId"
            required
            defaultValue={lastValue(state, "cadreId", "")}
            aria-describedby={`${id}-cadre-error`}
            className={inputClass}
          >
            <option value="">{t("chooseCadre")}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.position ? `${c.fullName} — ${c.position}` : c.fullName}
              </option>
            ))}
          </select>
          <FieldError state={state} name="cadreId" id={`${id}-cadre-error`} />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            {t("role")}
          </label>
          <select
            id={`${id}-role`}
            name="role"
            required
            defaultValue={lastValue(state, "role", "MEMBER")}
            aria-describedby={`${id}-role-hint ${id}-role-error`}
            className={inputClass}
          >
            {MEMBERSHIP_ROLES.map((role) => (
              <option key={role} value={role}>
                {membershipRoleLabel(kind, role)}
              </option>
            ))}
          </select>
          <p id={`${id}-role-hint`} className="mt-1 text-sm text-stone-600">
            {t("headHint")}
          </p>
          <FieldError state={state} name="role" id={`${id}-role-error`} />
        </div>
        <div>
          <label htmlFor={`${id}-rep`} className="block text-sm font-medium">
            {t("representing")}
          </label>
          <select
            id={`${id}-rep`}
            name="representing"
            required
            defaultValue={lastValue(state, "representing", kind === "BLOC" ? "PARTY_STANDING_DEPUTY" : "PARTY_CELL_SECRETARY")}
            aria-describedby={`${id}-rep-error`}
            className={inputClass}
          >
            {AFFILIATIONS.map((a) => (
              <option key={a} value={a}>
                {AFFILIATION_LABELS[a]}
              </option>
            ))}
          </select>
          <FieldError state={state} name="representing" id={`${id}-rep-error`} />
        </div>
        <div>
          <label htmlFor={`${id}-start`} className="block text-sm font-medium">
            {t("termStart")}
          </label>
          <input
            id={`${id}-start`}
            type="date"
            name="termStart"
            required
            defaultValue={lastValue(state, "termStart", today)}
            aria-describedby={`${id}-start-error`}
            className={inputClass}
          />
          <FieldError state={state} name="termStart" id={`${id}-start-error`} />
        </div>
      </div>
      <MemberFeedback state={state} success={(data) => t(data.endedHeads > 0 ? "addedHead" : "added", { name: data.fullName })} />
      <button type="submit" disabled={pending || candidates.length === 0} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("add")}
      </button>
    </form>
  );
}

/** "Kết thúc nhiệm kỳ": behind a <details>, with a date and a required confirmation box. */
export function EndMembershipForm({ membershipId, fullName, today }: { membershipId: number; fullName: string; today: string }) {
  const t = useTranslations("members");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(endMembershipAction, null as Result<typeof endMembershipAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-red-200 p-2" open={!!state && !state.ok}>
      <summary className="cursor-pointer text-sm font-semibold text-red-800">{t("endTitle")}</summary>
      <form key={resetKey} action={action} className="mt-2 space-y-2">
        <input type="hidden" name="membershipId" value={membershipId} />
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            {t("termEnd")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            name="termEnd"
            required
            defaultValue={lastValue(state, "termEnd", today)}
            aria-describedby={`${id}-date-error`}
            className={inputClass}
          />
          <FieldError state={state} name="termEnd" id={`${id}-date-error`} />
        </div>
        <ConfirmBox state={state} id={id} label={t("endConfirm", { name: fullName })} />
        <MemberFeedback state={state} success={() => t("ended")} />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? ta("pending") : t("end")}
        </button>
      </form>
    </details>
  );
}
