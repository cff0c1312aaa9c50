"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { ConfirmBox, ActionFeedback, buttonClass, FieldError, inputClass, lastValue, useResetKey } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { createTokenAction, revokeTokenAction } from "@/lib/api/actions";
import { TOKEN_LIFETIMES } from "@/lib/api/lifetimes";

type Result<A> = A extends (prev: never, formData: FormData) => Promise<infer R> ? R | null : never;

const LIFETIME_KEYS = { "30": "lifetime30", "90": "lifetime90", "365": "lifetime365", never: "lifetimeNever" } as const;

/** ActionFeedback, with INVALID_STATE (too many live tokens) told in the words of this page. */
function TokenFeedback<T>({ state, success }: { state: ActionState<T>; success: (data: T) => string }) {
  const t = useTranslations("apiTokens");
  if (state && !state.ok && state.error === "INVALID_STATE") {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t("tooMany")}
      </p>
    );
  }
  return <ActionFeedback state={state} success={success} />;
}

/** The new token, shown once: a read-only field (selectable without JavaScript) and a copy button. */
function NewToken({ token }: { token: string }) {
  const t = useTranslations("apiTokens");
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor={`${id}-token`} className="block text-sm font-semibold">
        {t("newTokenLabel")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-token`}
          readOnly
          value={token}
          aria-describedby={`${id}-warning`}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
          data-testid="new-token"
        />
        <button
          type="button"
          className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-50"
          onClick={() =>
            navigator.clipboard.writeText(token).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            )
          }
        >
          {t("copy")}
        </button>
      </div>
      <p id={`${id}-warning`} className="text-sm text-amber-900">
        {t("newTokenWarning")}
      </p>
      <p role="status" className="text-sm">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}

/** "Tạo mã truy cập mới": name and lifetime; works as a plain form without JavaScript. */
export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(createTokenAction, null as Result<typeof createTokenAction>);
  const resetKey = useResetKey(state);
  return (
    <div className="space-y-3">
      {state?.ok && <NewToken key={state.data.id} token={state.data.token} />}
      <form key={resetKey} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t("createTitle")}
        </h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              {t("name")}
            </label>
            <input
              id={`${id}-name`}
              name="name"
              required
              maxLength={100}
              autoComplete="off"
              defaultValue={lastValue(state, "name", "")}
              aria-describedby={`${id}-name-hint ${id}-name-error`}
              className={inputClass}
            />
            <p id={`${id}-name-hint`} className="mt-1 text-sm text-stone-600">
              {t("nameHint")}
            </p>
            <FieldError state={state} name="name" id={`${id}-name-error`} />
          </div>
          <div>
            <label htmlFor={`${id}-lifetime`} className="block text-sm font-medium">
              {t("lifetime")}
            </label>
            <select
              id={`${id}-lifetime`}
              name="lifetime"
              required
              defaultValue={lastValue(state, "lifetime", "90")}
              aria-describedby={`${id}-lifetime-error`}
              className={inputClass}
            >
              {TOKEN_LIFETIMES.map((value) => (
                <option key={value} value={value}>
                  {t(LIFETIME_KEYS[value])}
                </option>
              ))}
            </select>
            <FieldError state={state} name="lifetime" id={`${id}-lifetime-error`} />
          </div>
        </div>
        <TokenFeedback state={state} success={(data) => t("created", { name: data.name })} />
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass}>
          {pending ? ta("pending") : t("create")}
        </button>
      </form>
    </div>
  );
}

/** "Thu hồi": behind a <details>, with a required confirmation box. */
export function RevokeTokenForm({ tokenId, name }: { tokenId: number; name: string }) {
  const t = useTranslations("apiTokens");
  const ta = useTranslations("actions");
  const id = useId();
  const [state, action, pending] = useActionState(revokeTokenAction, null as Result<typeof revokeTokenAction>);
  const resetKey = useResetKey(state);
  return (
    <details className="rounded-md border border-red-200 p-2" open={!!state && !state.ok}>
      <summary className="cursor-pointer text-sm font-semibold text-red-800">{t("revokeTitle")}</summary>
      <form key={resetKey} action={action} className="mt-2 space-y-2">
        <input type="hidden" name="tokenId" value={tokenId} />
        <ConfirmBox state={state} id={id} label={t("revokeConfirm", { name })} />
        <ActionFeedback state={state} success={(data) => t("revoked", { name: data.name })} />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded-md bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? ta("pending") : t("revoke")}
        </button>
      </form>
    </details>
  );
}
