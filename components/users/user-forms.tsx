"use client";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ConfirmBox, ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import type { Choice } from "@/lib/choices/types";
import type { Duty } from "@/lib/generated/prisma/enums";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { USERNAME_MAX } from "@/lib/users/schemas";
import { DutyFields, useDutyChoice } from "./duty-fields";
import { UnitChoices, type UnitChoice } from "./unit-choices";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

/** ActionFeedback, with the codes of this page told in its own words. */
function UserFeedback<T>({ state, success }: { state: ActionState<T>; success: (data: T) => React.ReactNode }) {
  const t = useTranslations("users");
  if (state && !state.ok && ["DUPLICATE", "CONFLICT", "INVALID_STATE"].includes(state.error)) {
    const key = state.error === "DUPLICATE" ? "duplicate" : state.error === "CONFLICT" ? "conflict" : "selfRefused";
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t(key)}
      </p>
    );
  }
  if (state?.ok) {
    return (
      <div role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {success(state.data)}
      </div>
    );
  }
  return <ActionFeedback state={state} success={() => ""} />;
}

/** The one-time password, large and selectable. */
function TemporaryPassword({ password }: { password: string }) {
  const t = useTranslations("users");
  return (
    <div className="mt-2">
      <p className="font-medium">{t("temporaryPassword")}:</p>
      <p className="mt-1 inline-block rounded bg-white px-3 py-2 font-mono text-lg tracking-wider select-all" data-testid="temporary-password">
        {password}
      </p>
      <p className="mt-2">{t("temporaryPasswordNote")}</p>
    </div>
  );
}

/** "Tạo tài khoản": works as a plain form without JavaScript; the temporary password is shown once. */
export function CreateUserForm({ units, selectedUnitId }: { units: UnitChoice[]; selectedUnitId: string }) {
  const t = useTranslations("users");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(createUserAction, null as Result<typeof createUserAction>);
  const resetKey = useResetKey(state);
  const created = state?.ok ? state.data : null;
  const duties = useDutyChoice([]);
  return (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("createTitle")}
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-username`} className="block text-sm font-medium">
            {t("username")}
          </label>
          <input
            id={`${id}-username`}
            name="username"
            required
            maxLength={USERNAME_MAX}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={lastValue(state, "username", "")}
            aria-describedby={`${id}-username-hint ${id}-username-error`}
            className={inputClass}
          />
          <p id={`${id}-username-hint`} className="mt-1 text-sm text-stone-600">
            {t("usernameHint")}
          </p>
          <FieldError state={state} name="username" id={`${id}-username-error`} />
        </div>
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            {t("displayName")}
          </label>
          <input
            id={`${id}-name`}
            name="displayName"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={lastValue(state, "displayName", "")}
            aria-describedby={`${id}-name-error`}
            className={inputClass}
          />
          <FieldError state={state} name="displayName" id={`${id}-name-error`} />
        </div>
        <DutyFields id={id} state={state} choice={duties} />
      </div>
      <UnitChoices idPrefix={id} legend={t("unitChoices")} choices={units} selected={lastValue(state, "unitId", selectedUnitId)} describedBy={`${id}-unit-error`} />
      <FieldError state={state} name="unitId" id={`${id}-unit-error`} />
      <UserFeedback
        state={state}
        success={(data) => (
          <>
            <p className="font-medium">{t("created", { username: data.username })}</p>
            <TemporaryPassword password={data.temporaryPassword} />
            <Link href={`/admin/users/${data.id}`} className="mt-2 inline-block font-medium text-brand-700 underline underline-offset-2">
              {t("openCreated")}
            </Link>
          </>
        )}
      />
      {!created && (
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
          {pending ? ta("pending") : t("submitCreate")}
        </button>
      )}
    </form>
  );
}

/** Display name, duties, home unit. The row's `updatedAt` goes along: a stale form is refused. */
export function EditUserForm({
  user,
  units,
  self,
  agency,
}: {
  user: { id: number; displayName: string; duties: Duty[]; unitId: number; updatedAt: string };
  units: UnitChoice[];
  self: boolean;
  /** The agency an agency's account answers for (decision 064). */
  agency: Choice | null;
}) {
  const t = useTranslations("users");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(updateUserAction, null as Result<typeof updateUserAction>);
  const resetKey = useResetKey(state);
  const duties = useDutyChoice(user.duties);
  return (
    <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("editTitle")}
      </h2>
      <p className="text-sm text-stone-600">{t("editHint")}</p>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="updatedAt" value={user.updatedAt} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            {t("displayName")}
          </label>
          <input
            id={`${id}-name`}
            name="displayName"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={lastValue(state, "displayName", user.displayName)}
            aria-describedby={`${id}-name-error`}
            className={inputClass}
          />
          <FieldError state={state} name="displayName" id={`${id}-name-error`} />
        </div>
        {self ? (
          user.duties.map((d) => <input key={d} type="hidden" name="duties" value={d} />)
        ) : (
          <DutyFields id={id} state={state} choice={duties} current={user.duties} agency={agency} />
        )}
      </div>
      {self ? (
        <input type="hidden" name="unitId" value={user.unitId} />
      ) : (
        <>
          <UnitChoices
            idPrefix={id}
            legend={t("unitChoices")}
            choices={units}
            selected={lastValue(state, "unitId", String(user.unitId))}
            currentId={user.unitId}
            currentLabel={t("unitCurrent")}
            describedBy={`${id}-unit-error`}
          />
          <FieldError state={state} name="unitId" id={`${id}-unit-error`} />
        </>
      )}
      <UserFeedback state={state} success={(data) => t(data.sessionsEnded ? "savedSessionsEnded" : "saved")} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("save")}
      </button>
    </form>
  );
}

const dangerButton = "rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70";

/** "Đặt lại mật khẩu": behind a <details>, with a required confirmation box. */
export function ResetPasswordForm({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations("users");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(resetPasswordAction, null as Result<typeof resetPasswordAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-amber-300 p-3" open={!!state}>
      <summary className="cursor-pointer font-semibold">{t("resetTitle")}</summary>
      <form key={resetKey} action={action} className="mt-2 space-y-2">
        <p className="text-sm">{t("resetText", { name })}</p>
        <input type="hidden" name="userId" value={userId} />
        <ConfirmBox state={state} id={id} label={t("resetConfirm", { name })} />
        <UserFeedback
          state={state}
          success={(data) => (
            <>
              <p className="font-medium">{t("resetDone", { username: data.username })}</p>
              <TemporaryPassword password={data.temporaryPassword} />
            </>
          )}
        />
        <button type="submit" disabled={pending} aria-busy={pending} className={dangerButton}>
          {pending ? ta("pending") : t("reset")}
        </button>
      </form>
    </details>
  );
}

/** "Khóa / Mở khóa tài khoản", with a required confirmation box. */
export function SetActiveForm({ userId, name, active }: { userId: number; name: string; active: boolean }) {
  const t = useTranslations("users");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(setUserActiveAction, null as Result<typeof setUserActiveAction>);
  const resetKey = useResetKey(state);
  const verb = active ? "disable" : "enable";
  return (
    <details className="rounded-md border border-red-200 p-3" open={!!state}>
      <summary className="cursor-pointer font-semibold text-red-800">{t(`${verb}Title`)}</summary>
      <form key={resetKey} action={action} className="mt-2 space-y-2">
        <p className="text-sm">{t(`${verb}Text`, { name })}</p>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={String(!active)} />
        <ConfirmBox state={state} id={id} label={t(`${verb}Confirm`, { name })} />
        <UserFeedback state={state} success={(data) => t(data.active ? "enabled" : "disabled")} />
        <button type="submit" disabled={pending} aria-busy={pending} className={dangerButton}>
          {pending ? ta("pending") : t(verb)}
        </button>
      </form>
    </details>
  );
}
