import { getTranslations } from "next-intl/server";

const KNOWN_ERRORS = ["INVALID", "LOCKED", "DISABLED", "REQUIRED", "UNKNOWN", "EXPIRED"] as const;
type ErrorCode = (typeof KNOWN_ERRORS)[number];

function toErrorCode(error: string | undefined): ErrorCode | undefined {
  if (!error) return undefined;
  return (KNOWN_ERRORS as readonly string[]).includes(error) ? (error as ErrorCode) : "UNKNOWN";
}

/**
 * The sign-in form: a plain POST to /sign-in (lib/auth/sign-in-form.ts), the same with or
 * without JavaScript, so the password never goes into an address, and a phone on a slow
 * connection can sign in before any script has loaded. A refusal comes back as `?error=`.
 */
export async function LoginForm({ callbackUrl, error: rawError, notice }: { callbackUrl: string; error?: string; notice?: string }) {
  const t = await getTranslations("login");
  const error = toErrorCode(rawError);
  return (
    <form method="post" action="/sign-in" className="mt-5 space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
          maxLength={100}
          autoFocus
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
          maxLength={200}
          className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base"
        />
      </div>
      <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
        {t("submit")}
      </button>
    </form>
  );
}
