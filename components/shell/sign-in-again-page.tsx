import { useTranslations } from "next-intl";
import { SIGN_IN_AGAIN_FIELDS } from "@/lib/auth/sign-in-again";

/**
 * What a page posting to itself (the meeting form, decision 019) answers when its form arrives
 * after the session lapsed: everything typed, carried in hidden fields, and a username and
 * password to sign in with (and, after a CODE_REQUIRED answer, the second factor's code). One
 * press signs in and saves. Works without JavaScript; files
 * cannot be carried back, and the page says so.
 */
export function SignInAgainPage({ action, fields, error, hadFiles }: { action: string; fields: [string, string][]; error?: string; hadFiles: boolean }) {
  const t = useTranslations("signInAgain");
  const tl = useTranslations("login");
  const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base";
  return (
    <main id="main" className="mx-auto max-w-md p-4 py-10">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <form method="post" action={action} encType="multipart/form-data" className="mt-4 space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        {fields.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
          {t("lapsed")}
        </p>
        {hadFiles && <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">{t("filesLost")}</p>}
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("legend")}</legend>
          {error && (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              {tl(`errors.${error}`)}
            </p>
          )}
          <div>
            <label htmlFor="sign-in-again-username" className="block text-sm font-medium">
              {tl("username")}
            </label>
            <input id="sign-in-again-username" name={SIGN_IN_AGAIN_FIELDS.username} required autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={100} className={input} />
          </div>
          <div>
            <label htmlFor="sign-in-again-password" className="block text-sm font-medium">
              {tl("password")}
            </label>
            <input id="sign-in-again-password" name={SIGN_IN_AGAIN_FIELDS.password} type="password" required autoComplete="current-password" maxLength={200} className={input} />
          </div>
          {/* The account has a second factor (decision 025): its code goes with the password in the same post. */}
          {error?.startsWith("CODE_") && (
            <div>
              <label htmlFor="sign-in-again-code" className="block text-sm font-medium">
                {tl("code.label")}
              </label>
              <input id="sign-in-again-code" name={SIGN_IN_AGAIN_FIELDS.code} required autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} maxLength={20} aria-describedby="sign-in-again-code-hint" className={input} />
              <p id="sign-in-again-code-hint" className="mt-1 text-sm text-stone-600">
                {t("codeNeeded")}
              </p>
            </div>
          )}
        </fieldset>
        <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t("submitAndSave")}
        </button>
      </form>
    </main>
  );
}
