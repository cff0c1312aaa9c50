"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionFeedback, buttonClass, FieldError, inputClass, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { changePasswordAction } from "@/lib/users/actions";
import type { ChangePasswordResult } from "@/lib/users/mutations";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/users/schemas";

/** On success the action re-issues the session and goes to the home page; failures come back here. */
export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("profile");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(changePasswordAction, null as ActionState<ChangePasswordResult>);
  const resetKey = useResetKey(state);
  const field = (name: "currentPassword" | "newPassword" | "confirmPassword", autoComplete: string, hint?: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {t(name)}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        type="password"
        required
        minLength={name === "currentPassword" ? undefined : PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        autoComplete={autoComplete}
        aria-describedby={`${hint ? `${id}-${name}-hint ` : ""}${id}-${name}-error`}
        className={inputClass}
      />
      {hint && (
        <p id={`${id}-${name}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      )}
      <FieldError state={state} name={name} id={`${id}-${name}-error`} />
    </div>
  );
  return (
    <form key={resetKey} action={action} className="max-w-md space-y-3">
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password", t("newPasswordHint"))}
      {field("confirmPassword", "new-password")}
      <ActionFeedback state={state} success={() => t("changed")} />
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
        {pending ? ta("pending") : t("submit")}
      </button>
    </form>
  );
}
