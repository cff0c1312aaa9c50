"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

const LOGIN_ERRORS = ["INVALID", "LOCKED", "DISABLED", "REQUIRED", "CODE_REQUIRED", "CODE_INVALID", "CODE_LOCKED"];
const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base";

/**
 * Shown in place of a form's message when its save found the session lapsed (UNAUTHENTICATED):
 * the user signs in again right here (POST /sign-in asked for JSON), without leaving the page,
 * so the form keeps everything typed and is saved with the next press of its button. The fields
 * have no `name` and Enter is caught, so nothing of this is sent with the form around it.
 */
export function SignInAgain({ message }: { message: string }) {
  const t = useTranslations("signInAgain");
  const tl = useTranslations("login");
  const id = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  // Shown once the answer says the account has a second factor (decision 025); sent with the password.
  const [code, setCode] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function signIn() {
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      const res = await fetch("/sign-in", {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ username, password, ...(code !== null ? { code } : {}) }),
      });
      const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string };
      if (body.ok) {
        setPassword("");
        setCode(null);
        setDone(true);
      } else {
        setError(body.error && LOGIN_ERRORS.includes(body.error) ? body.error : "UNKNOWN");
        if (body.error?.startsWith("CODE_")) setCode("");
      }
    } catch {
      setError("UNKNOWN");
    }
    setPending(false);
  }

  const onEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void signIn();
  };

  if (done) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {t("done")}
      </p>
    );
  }
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p role="alert" className="text-sm text-amber-950">
        {message}
      </p>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("legend")}</legend>
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {tl(`errors.${error}`)}
          </p>
        )}
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-u`} className="block text-sm font-medium">
              {tl("username")}
            </label>
            <input id={`${id}-u`} value={username} onChange={(e) => setUsername(e.target.value)} onKeyDown={onEnter} autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={100} className={inputClass} />
          </div>
          <div>
            <label htmlFor={`${id}-p`} className="block text-sm font-medium">
              {tl("password")}
            </label>
            <input id={`${id}-p`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} onKeyDown={onEnter} autoComplete="current-password" maxLength={200} className={inputClass} />
          </div>
          {code !== null && (
            <div>
              <label htmlFor={`${id}-c`} className="block text-sm font-medium">
                {tl("code.label")}
              </label>
              <input id={`${id}-c`} value={code} onChange={(e) => setCode(e.target.value)} onKeyDown={onEnter} autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} maxLength={20} className={inputClass} />
            </div>
          )}
        </div>
        <button type="button" onClick={() => void signIn()} disabled={pending} aria-busy={pending} className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-50 disabled:opacity-70">
          {pending ? t("submitting") : t("submit")}
        </button>
      </fieldset>
    </div>
  );
}
