import { useTranslations } from "next-intl";
import type { FieldShellOptions } from "@/components/field/shell-script";
import { fieldShell } from "@/components/field/shell-script";
import { FieldShellStarter } from "./field-shell-starter";

const KEYS = ["count", "countSignIn", "kindMeeting", "kindPetition", "stateQueued", "stateSignIn", "stateRefused", "reopen", "discard", "discardConfirm", "sendNow", "sending", "empty", "queued", "signInLink", "signOutText"] as const;

const dialogClass = "w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-stone-200 p-4 shadow-lg backdrop:bg-black/30";
const smallButton = "min-h-11 rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100";

/**
 * The header's field app part (decisions 070, 071): "N chưa gửi" and its list, the install hint, and the
 * question before signing out with unsent items. Hidden until its script (./shell-script.ts) finds
 * something to show: without JavaScript, or without a service worker, nothing of it appears.
 * `nonce`: on the Pages Router (no React in the browser) the script is inlined with it; without one (the
 * App Router) a client component starts the same script after hydration.
 */
export function FieldStatus({ userId, nonce }: { userId: number; nonce?: string }) {
  const t = useTranslations("field");
  const options: FieldShellOptions = { user: userId, t: Object.fromEntries(KEYS.map((k) => [k, t(k, k === "count" || k === "countSignIn" || k === "signOutText" ? { count: "{count}" } : {})])) as FieldShellOptions["t"] };
  return (
    <div data-field-shell="" className="contents">
      <button type="button" hidden data-queue-badge="" className="rounded-md bg-amber-100 px-3 py-1.5 text-sm font-semibold text-amber-900 hover:bg-amber-200" />
      <button type="button" hidden data-install="" className={smallButton}>
        {t("install")}
      </button>
      <p hidden role="status" data-queue-notice="" className="basis-full rounded-md bg-amber-50 p-2 text-sm text-amber-900" />
      <dialog data-queue-panel="" aria-labelledby="field-queue-title" className={dialogClass}>
        <h2 id="field-queue-title" className="text-lg font-semibold">{t("panelTitle")}</h2>
        <ul data-queue-list="" className="my-2" />
        <div className="flex flex-wrap gap-2">
          <button type="button" data-queue-send="" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
            {t("sendNow")}
          </button>
          <button type="button" data-queue-close="" className={smallButton}>
            {t("close")}
          </button>
        </div>
      </dialog>
      <dialog data-sign-out-dialog="" aria-labelledby="field-sign-out-title" className={dialogClass}>
        <h2 id="field-sign-out-title" className="text-lg font-semibold">{t("signOutTitle")}</h2>
        <p className="my-2" data-sign-out-text="" />
        <div className="flex flex-wrap gap-2">
          <button type="button" data-sign-out-send="" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
            {t("signOutSend")}
          </button>
          <button type="button" data-sign-out-discard="" className="min-h-11 rounded-md border border-red-800 px-3 py-1.5 text-sm font-medium text-red-800">
            {t("signOutDiscard")}
          </button>
          <button type="button" data-sign-out-stay="" className={smallButton}>
            {t("signOutStay")}
          </button>
        </div>
      </dialog>
      {nonce === undefined ? (
        <FieldShellStarter options={options} />
      ) : (
        // Left out under `next dev`, which hydrates the Pages Router page (as the meeting form's script, decision 019).
        process.env.NODE_ENV === "production" && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `(${fieldShell.toString()})(document.currentScript.closest("[data-field-shell]"),${JSON.stringify(options).replace(/</g, "\\u003c")})` }} />
      )}
    </div>
  );
}
