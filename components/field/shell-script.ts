/**
 * The field app's part of the header (decisions 070, 071): registers the service worker (public/sw.js),
 * shows "N chưa gửi" with the list of what this phone keeps unsent, sends it when the page opens, when the
 * connection returns and on a tap, offers to install the app on a phone, and asks what to do with unsent
 * items before signing out. Both routers run this one function: inlined with the page's nonce on the
 * Pages Router (no React there, decision 019), called after hydration on the App Router
 * (./field-status.tsx). So it stays self-contained: no imports, browser APIs only.
 * The service worker owns the queue; this talks to it by messages.
 */
export interface FieldShellOptions {
  user: number;
  t: {
    count: string;
    countSignIn: string;
    kindMeeting: string;
    kindPetition: string;
    stateQueued: string;
    stateSignIn: string;
    stateRefused: string;
    reopen: string;
    discard: string;
    discardConfirm: string;
    sendNow: string;
    sending: string;
    empty: string;
    queued: string;
    signInLink: string;
    signOutText: string;
  };
}

type QueueItem = {
  key: string;
  kind: "meeting" | "petition";
  summary: string;
  createdAt: number;
  state: "queued" | "signin" | "refused";
  formUrl: string | null;
  failure: { message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> } | null;
};

export function fieldShell(root: HTMLElement | null, o: FieldShellOptions): void {
  if (!root || !("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;
  const badge = root.querySelector<HTMLButtonElement>("[data-queue-badge]")!;
  const panel = root.querySelector<HTMLDialogElement>("[data-queue-panel]")!;
  const list = panel.querySelector<HTMLElement>("[data-queue-list]")!;
  const sendButton = panel.querySelector<HTMLButtonElement>("[data-queue-send]")!;
  const notice = root.querySelector<HTMLElement>("[data-queue-notice]")!;
  const install = root.querySelector<HTMLButtonElement>("[data-install]")!;
  const signOutDialog = root.querySelector<HTMLDialogElement>("[data-sign-out-dialog]")!;
  let items: QueueItem[] = [];

  const registration = sw.register("/sw.js", { scope: "/" }).then(() => sw.ready);
  /** A question to the service worker, answered through a channel; null when there is none yet. */
  const ask = <T,>(message: Record<string, unknown>): Promise<T | null> =>
    registration
      .then(
        (r) =>
          new Promise<T | null>((resolve) => {
            const worker = sw.controller ?? r.active;
            if (!worker) return resolve(null);
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(event.data as T);
            worker.postMessage(message, [channel.port2]);
          }),
      )
      .catch(() => null);

  const render = () => {
    const mine = items.length;
    badge.hidden = mine === 0;
    const signIn = items.some((i) => i.state === "signin");
    badge.textContent = (signIn ? o.t.countSignIn : o.t.count).replace("{count}", String(mine));
    list.replaceChildren();
    if (!mine) {
      const p = document.createElement("p");
      p.textContent = o.t.empty;
      list.append(p);
    }
    for (const item of items) {
      const li = document.createElement("li");
      li.className = "space-y-1 border-b border-stone-200 py-2";
      li.dataset.queueItem = item.kind;
      const title = document.createElement("p");
      title.className = "font-medium";
      title.textContent = `${item.kind === "meeting" ? o.t.kindMeeting : o.t.kindPetition}: ${item.summary || "—"}`;
      const state = document.createElement("p");
      state.className = item.state === "refused" ? "text-sm text-red-800" : "text-sm text-stone-600";
      state.textContent = item.state === "refused" ? o.t.stateRefused : item.state === "signin" ? o.t.stateSignIn : o.t.stateQueued;
      li.append(title, state);
      if (item.state === "refused" && item.failure) {
        const messages = document.createElement("ul");
        messages.className = "list-disc pl-5 text-sm text-red-800";
        for (const text of [item.failure.message, ...Object.values(item.failure.fieldErrors ?? {}).flat()]) {
          if (!text) continue;
          const m = document.createElement("li");
          m.textContent = text;
          messages.append(m);
        }
        li.append(messages);
      }
      const actions = document.createElement("div");
      actions.className = "flex flex-wrap gap-3";
      if (item.state === "refused" && item.formUrl) {
        const reopen = document.createElement("button");
        reopen.type = "button";
        reopen.className = "min-h-11 font-medium text-brand-700 underline underline-offset-2";
        reopen.textContent = o.t.reopen;
        reopen.addEventListener("click", () => void reopenForm(item));
        actions.append(reopen);
      }
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "min-h-11 text-red-800 underline underline-offset-2";
      discard.textContent = o.t.discard;
      discard.addEventListener("click", () => {
        if (confirm(o.t.discardConfirm)) void ask<{ items: QueueItem[] }>({ type: "discard", key: item.key }).then(update);
      });
      actions.append(discard);
      li.append(actions);
      list.append(li);
    }
    if (signIn) {
      const link = document.createElement("a");
      link.href = `/login?expired=1&callbackUrl=${encodeURIComponent(location.pathname + location.search)}`;
      link.className = "font-medium text-brand-700 underline underline-offset-2";
      link.textContent = o.t.signInLink;
      list.append(link);
    }
  };
  const update = (status: { items: QueueItem[] } | null) => {
    if (!status) return;
    items = status.items;
    render();
  };

  /** A refused item back as its form, with the server's messages: the meeting form answers a post of it; intake reads it. */
  const reopenForm = async (item: QueueItem) => {
    panel.close();
    if (item.kind === "petition") {
      // No router here (this runs without React on the Pages Router): a full load of the intake page.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.href = `/petitions/new#queued=${item.key}`;
      return;
    }
    const full = await ask<{ entries: [string, string | File][] }>({ type: "item", key: item.key });
    if (!full) return;
    const form = document.createElement("form");
    form.method = "post";
    form.enctype = "multipart/form-data";
    form.action = item.formUrl!;
    form.hidden = true;
    const files = new DataTransfer();
    for (const [name, value] of full.entries) {
      if (typeof value === "string") {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      } else if (value.size) files.items.add(value);
    }
    if (files.files.length) {
      const input = document.createElement("input");
      input.type = "file";
      input.name = "attachments";
      input.multiple = true;
      input.files = files.files;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  };

  const flush = async () => {
    sendButton.disabled = true;
    sendButton.textContent = o.t.sending;
    update(await ask<{ items: QueueItem[] }>({ type: "flush" }));
    sendButton.disabled = false;
    sendButton.textContent = o.t.sendNow;
  };

  badge.addEventListener("click", () => panel.showModal());
  panel.querySelector("[data-queue-close]")!.addEventListener("click", () => panel.close());
  sendButton.addEventListener("click", () => void flush());
  sw.addEventListener("message", (event) => {
    if ((event.data as { type?: string })?.type === "queue-changed") void ask<{ items: QueueItem[] }>({ type: "status" }).then(update);
  });
  window.addEventListener("online", () => void flush());

  // A form kept offline a moment ago (the service worker answered it with a new form, #queued).
  // Once the page is read: the meeting form's own script looks at the address first (it drops its draft then).
  const queuedNotice = () => {
    if (location.hash !== "#queued") return;
    notice.textContent = o.t.queued;
    notice.hidden = false;
    history.replaceState(null, "", location.pathname + location.search);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", queuedNotice);
  else queuedNotice();

  // Signing out with unsent items: send them first, or remove them from this phone, or stay.
  const signOutForm = root.ownerDocument.querySelector<HTMLFormElement>('form[action="/sign-out"]');
  let leaving = false;
  const leave = async (discard: boolean) => {
    leaving = true;
    await Promise.race([ask({ type: "sign-out", discard }), new Promise((resolve) => setTimeout(resolve, 2000))]);
    signOutForm?.submit();
  };
  signOutForm?.addEventListener("submit", (event) => {
    if (leaving) return;
    event.preventDefault();
    if (!items.length) return void leave(false);
    signOutDialog.querySelector("[data-sign-out-text]")!.textContent = o.t.signOutText.replace("{count}", String(items.length));
    signOutDialog.showModal();
  });
  signOutDialog.querySelector("[data-sign-out-send]")!.addEventListener("click", async () => {
    await flush();
    if (!items.length) void leave(false);
    else {
      signOutDialog.close();
      panel.showModal();
    }
  });
  signOutDialog.querySelector("[data-sign-out-discard]")!.addEventListener("click", () => void leave(true));
  signOutDialog.querySelector("[data-sign-out-stay]")!.addEventListener("click", () => signOutDialog.close());

  // The install hint, on phones only (a coarse pointer): Chromium's own prompt, when it offers one.
  window.addEventListener("beforeinstallprompt", (event) => {
    if (!matchMedia("(pointer: coarse)").matches) return;
    event.preventDefault();
    install.hidden = false;
    install.addEventListener("click", () => {
      install.hidden = true;
      void (event as Event & { prompt: () => Promise<void> }).prompt();
    }, { once: true });
  });

  void ask<{ items: QueueItem[] }>({ type: "hello", user: o.user }).then((status) => {
    update(status);
    if (navigator.onLine && items.length) void flush();
  });
}
