import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInFrame } from "@/components/sign-in-frame";
import { authSecret } from "@/lib/auth/secret";
import { pendingCookieName, readPendingSignIn } from "@/lib/auth/two-factor/pending";
import { sameSitePath } from "@/lib/http/safe-path";

export async function generateMetadata() {
  const t = await getTranslations("login.code");
  return { title: t("title") };
}

const KNOWN_ERRORS = ["CODE_REQUIRED", "CODE_INVALID", "CODE_LOCKED", "UNKNOWN"];

/**
 * The second step of a sign-in (decision 025): a plain form posting the code to /sign-in/code,
 * shown only while the pending cookie of a right password lasts (5 minutes).
 */
export default async function SignInCodePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = sameSitePath(params.callbackUrl);
  if (!readPendingSignIn((await cookies()).get(pendingCookieName())?.value, authSecret())) {
    const query = new URLSearchParams({ error: "EXPIRED" });
    if (callbackUrl !== "/") query.set("callbackUrl", callbackUrl);
    redirect(`/login?${query}`);
  }
  const t = await getTranslations();
  const error = params.error ? (KNOWN_ERRORS.includes(params.error) ? params.error : "UNKNOWN") : undefined;
  return (
    <SignInFrame title={t("login.code.title")} intro={t("login.code.intro")}>
      <form method="post" action="/sign-in/code" className="mt-5 space-y-4">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {error && (
          <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {t(`login.errors.${error}`)}
          </p>
        )}
        <div>
          <label htmlFor="code" className="block text-sm font-medium">
            {t("login.code.label")}
          </label>
          <input
            id="code"
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={20}
            autoFocus
            aria-describedby="code-hint"
            className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 font-mono text-lg tracking-widest"
          />
          <p id="code-hint" className="mt-1 text-sm text-stone-600">
            {t("login.code.hint")}
          </p>
        </div>
        <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t("login.code.submit")}
        </button>
      </form>
      <p className="mt-4 text-center text-sm">
        <a href="/login" className="text-brand-700 underline underline-offset-2">
          {t("login.code.back")}
        </a>
      </p>
    </SignInFrame>
  );
}
