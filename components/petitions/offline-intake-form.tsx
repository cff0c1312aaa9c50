"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { IntakeState } from "@/lib/petitions/actions";
import { IntakeForm, type VillageGroup } from "./intake-form";

type Refusal = { ok: false; error: string; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

/** A question to the field app's service worker (public/sw.js), answered through a channel; null without one. */
async function askWorker<T>(message: Record<string, unknown>): Promise<T | null> {
  const worker = "serviceWorker" in navigator ? (navigator.serviceWorker.controller ?? (await navigator.serviceWorker.ready).active) : null;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as T);
    worker.postMessage(message, [channel.port2]);
  });
}

const asState = (refusal: Refusal): IntakeState => ({ ok: false, error: refusal.error as "VALIDATION", fieldErrors: refusal.fieldErrors ?? {}, values: refusal.values ?? {} });

/**
 * The intake form in the field app (decision 071). Online it is the intake form as it always was (a
 * server action). Offline, with the service worker in charge, a press of "save" posts the form to
 * /field/petitions; the service worker keeps it in the queue (answering 202) and the form starts again,
 * empty, with a new idempotency key. A kept petition the server refused comes back here
 * (`#queued=<key>`, from the header's list) as this form with its messages and what was typed.
 */
export function OfflineIntakeForm({ idempotencyKey, ...props }: { idempotencyKey: string; today: string; fields: { id: number; name: string }[]; villages: VillageGroup[] | null }) {
  const t = useTranslations("field");
  // `form` numbers the form's showings, for React's key: a form shown again starts afresh. Never the idempotency key,
  // which the page draws anew each time it is rendered: without JavaScript the page rendered after a post must find
  // the form under the same key, or React drops the action's answer (the message and what was typed).
  const [showing, setShowing] = useState<{ form: number; key: string; state: IntakeState; queued: boolean }>({ form: 0, key: idempotencyKey, state: null, queued: false });

  const router = useRouter();

  useEffect(() => {
    const open = () => {
      const key = /^#queued=([0-9a-f-]{36})$/.exec(location.hash)?.[1];
      if (!key) return;
      void askWorker<{ key: string; failure: Refusal | null } | null>({ type: "item", key }).then((item) => {
        if (item?.failure) setShowing((now) => ({ form: now.form + 1, key: item.key, state: asState(item.failure!), queued: false }));
      });
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);

  const keepOffline = (event: React.FormEvent<HTMLFormElement>) => {
    if (navigator.onLine || !navigator.serviceWorker?.controller) return;
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    void fetch("/field/petitions", { method: "POST", body })
      .then(async (response) => {
        if (response.status === 202) return setShowing((now) => ({ form: now.form + 1, key: crypto.randomUUID(), state: null, queued: true }));
        const answer = (await response.json()) as { ok: true; url: string; created: boolean } | Refusal;
        if (answer.ok) router.push(`${answer.url}?${answer.created ? "created" : "resubmitted"}=1`);
        else setShowing((now) => ({ form: now.form + 1, key: String(body.get("idempotencyKey")), state: asState(answer), queued: false }));
      })
      .catch(() => undefined);
  };

  return (
    <>
      {showing.queued && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("petitionQueued")}
        </p>
      )}
      <IntakeForm key={showing.form} idempotencyKey={showing.key} initialState={showing.state} onSubmit={keepOffline} {...props} />
    </>
  );
}
