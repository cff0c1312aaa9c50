"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

const KNOWN_ERRORS = ["INVALID", "LOCKED", "DISABLED", "REQUIRED"] as const;
type ErrorCode = (typeof KNOWN_ERRORS)[number] | "UNKNOWN";

function toErrorCode(error: string | null | undefined): ErrorCode | undefined {
  if (!error) return undefined;
  if (error === "CredentialsSignin") return "INVALID";
  return (KNOWN_ERRORS as readonly string[]).includes(error) ? (error as ErrorCode) : "UNKNOWN";
}

export function LoginForm({ callbackUrl, initialError, notice }: { callbackUrl: string; initialError?: string; notice?: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<ErrorCode | undefined>(toErrorCode(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("REQUIRED");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so that the server renders the signed-in shell.
        window.location.assign(callbackUrl);
        return;
      }
      setError(toErrorCode(result?.error) ?? "UNKNOWN");
    } catch {
      setError("UNKNOWN");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
      {notice && !error && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t(`errors.${error}`)}
        </p>
      )}
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          {t("username")}
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
