import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { CitizenView } from "@/lib/lookup/lookup";
import { SATISFACTIONS } from "@/lib/petitions/labels";

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";
const buttonClass = "w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2";

/**
 * The lookup form: a plain POST to /tra-cuu/xem (lib/lookup/routes.ts), labelled fields, no script. A
 * refusal comes back as `?loi=`: one text for a code that names no petition and for digits that are not its own.
 */
export async function LookupForm({ code, error, hasResult }: { code: string; error?: "format" | "notFound" | "expired"; hasResult: boolean }) {
  const t = await getTranslations("lookup");
  return (
    <form method="post" action="/tra-cuu/xem" className="mt-5 space-y-4">
      {hasResult && <h2 className="text-base font-semibold">{t("another")}</h2>}
      {error && (
        <p role="alert" data-testid="lookup-error" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t(`errors.${error}`)}
        </p>
      )}
      <div>
        <label htmlFor="lookup-code" className="block text-sm font-medium">{t("code")}</label>
        <input id="lookup-code" name="ma" defaultValue={code} required maxLength={40} autoCapitalize="characters" autoComplete="off" spellCheck={false} aria-describedby="lookup-code-hint" className={inputClass} />
        <p id="lookup-code-hint" className="mt-1 text-xs text-stone-600">{t("codeHint")}</p>
      </div>
      <div>
        <label htmlFor="lookup-digits" className="block text-sm font-medium">{t("digits")}</label>
        <input id="lookup-digits" name="so" type="text" inputMode="numeric" autoComplete="off" required maxLength={20} pattern="[0-9 .\-]{4,20}" aria-describedby="lookup-digits-hint" autoFocus={code !== ""} className={inputClass} />
        <p id="lookup-digits-hint" className="mt-1 text-xs text-stone-600">{t("digitsHint")}</p>
      </div>
      <button type="submit" className={buttonClass}>{t("submit")}</button>
      <p className="text-xs text-stone-600">{t("privacy")}</p>
    </form>
  );
}

/** What a lookup shows: status, dates, the reply, and the one-tap rating. No names, no agency, no staff. */
export async function LookupResult({ view, rated }: { view: CitizenView; rated?: "saved" | "already" }) {
  const t = await getTranslations("lookup");
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex justify-between gap-3 border-b border-stone-100 py-1.5 last:border-0">
      <dt className="text-stone-600">{label}</dt>
      <dd className="text-right font-medium">{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="lookup-result" data-testid="lookup-result" className="mt-5 space-y-3 rounded-lg border border-stone-200 bg-stone-50 p-4">
      <h2 id="lookup-result" className="text-lg font-semibold">{t("resultTitle", { code: view.code })}</h2>
      <p className="text-base font-semibold" data-testid="lookup-status">
        {view.status === "CLOSED" && view.resolution ? t(`statuses.CLOSED_${view.resolution}`) : t(`statuses.${view.status}`)}
      </p>
      <dl className="text-sm">
        {row(t("receivedOn"), formatDate(view.receivedOn))}
        {view.deadline && row(t("deadline"), <>{formatDate(view.deadline)}{view.overdue && <span className="block text-xs font-normal text-red-800">{t("overdue")}</span>}</>)}
        {view.resolvedAt && row(t("resolvedOn"), formatDate(view.resolvedAt))}
        {view.closedAt && view.status === "CLOSED" && row(t("repliedOn"), formatDate(view.closedAt))}
      </dl>
      {view.reply && (
        <div>
          <h3 className="text-sm font-semibold">{t("reply")}</h3>
          <p className="mt-1 whitespace-pre-line text-sm" data-testid="lookup-reply">{view.reply}</p>
        </div>
      )}
      {rated && <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">{t(rated === "saved" ? "rated" : "alreadyRated")}</p>}
      {view.mayRate ? (
        <form method="post" action="/tra-cuu/danh-gia" className="space-y-2">
          <fieldset>
            <legend className="text-sm font-semibold">{t("rateQuestion")}</legend>
            <div className="mt-2 grid gap-2">
              {SATISFACTIONS.map((s) => (
                <button key={s} type="submit" name="muc" value={s} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 text-left font-medium hover:bg-stone-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
                  {t(`satisfactions.${s}`)}
                </button>
              ))}
            </div>
          </fieldset>
        </form>
      ) : (
        view.satisfaction && <p className="text-sm">{t("yourRating", { rating: t(`satisfactions.${view.satisfaction}`) })}</p>
      )}
      <form method="post" action="/tra-cuu/xem">
        <button type="submit" name="dong" value="1" className="text-sm text-brand-700 underline underline-offset-2">{t("close")}</button>
      </form>
    </section>
  );
}
