/**
 * The meeting form's only JavaScript (decision 019). The page is served without React in the
 * browser, and this function is inlined into it as `(${enhanceMeetingForm})(form, options)`, so
 * it must stay self-contained: no imports, nothing from this module's scope, browser APIs only.
 * Everything it does is an improvement on a form that already works without it:
 * - a draft of the text fields on the device while the user types (the idempotency key
 *   included, so a restored draft sent again makes no second meeting), restored on the next
 *   visit unless the page shows a refused submission;
 * - raised-petition rows added from the form's `<template>` and removed, numbered again;
 * - the attendance count kept up to date; a notice while the device is offline;
 * - the submit button busy after the first press; after a refusal, the first field with a message focused.
 * The draft's shape is the one ./meeting-draft.ts reads.
 */
export interface FormScriptOptions {
  draftKey: string;
  restore: boolean;
  maxRows: number;
  /** What stands for a new row's id, and for its number, in the template. */
  row: string;
  ordinal: string;
  /** Messages with `{time}`, `{n}` left to fill. */
  savedText: string;
  restoredText: string;
  rowTitle: string;
  savingText: string;
}

/**
 * `countPresent` is lib/meetings/attendance-count.ts's `presentCountText`, passed in as text beside this
 * function (it cannot be imported): the count the script keeps is the server's, by the same rule.
 */
export function enhanceMeetingForm(form: HTMLFormElement | null, o: FormScriptOptions, countPresent: (template: string, from: HTMLFormElement) => string): void {
  if (!form) return;
  const one = <T extends HTMLElement>(selector: string) => form.querySelector<T>(selector) as T;
  // Absent where the meeting takes no raised petitions (a province's own conference, decision 053).
  const list = form.querySelector<HTMLElement>("[data-raised-rows]");
  const template = form.querySelector<HTMLTemplateElement>("[data-row-template]");
  const addButton = form.querySelector<HTMLButtonElement>("[data-add-row]");
  const status = one("[data-draft-status]");
  const submit = one<HTMLButtonElement>("[data-submit]");
  const counter = form.querySelector<HTMLElement>("[data-present-count]");
  const time = (ms: number) => new Date(ms).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });

  const rows = () => (list ? Array.from(list.querySelectorAll<HTMLElement>("[data-raised-row]")) : []);
  const rowId = (row: HTMLElement) => Number(/^raised\.(\d+)\./.exec(row.querySelector("[name]")?.getAttribute("name") ?? "")?.[1]);
  const renumber = () => {
    const all = rows();
    all.forEach((row, i) => {
      const title = o.rowTitle.replace("{n}", String(i + 1));
      row.setAttribute("aria-label", title);
      row.querySelector("[data-row-title]")!.textContent = title;
      row.querySelector<HTMLElement>("[data-remove-row]")!.hidden = all.length < 2;
    });
    if (addButton) addButton.hidden = all.length >= o.maxRows;
  };
  /** A new empty row with the smallest id not in use (ids are at most two digits). */
  const addRow = (id?: number): HTMLElement | null => {
    const used = new Set(rows().map(rowId));
    let next = id ?? 0;
    if (id === undefined) while (used.has(next)) next++;
    if (used.has(next) || next > 99 || !list || !template) return null;
    list.insertAdjacentHTML("beforeend", template.innerHTML.split(o.row).join(String(next)).split(o.ordinal).join(""));
    return list.lastElementChild as HTMLElement;
  };
  const recount = () => {
    if (counter) counter.textContent = countPresent(counter.dataset.presentCount!, form);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    const values: Record<string, string> = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === "string") values[name] = value;
    });
    const savedAt = Date.now();
    try {
      localStorage.setItem(o.draftKey, JSON.stringify({ savedAt, values }));
      status.textContent = o.savedText.replace("{time}", time(savedAt));
    } catch {
      // Storage full or refused: the form still works, only without a draft.
    }
  };
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, 300);
  };

  const restore = () => {
    let draft: { savedAt?: unknown; values?: Record<string, string> } | null = null;
    try {
      draft = JSON.parse(localStorage.getItem(o.draftKey) ?? "null");
    } catch {
      return;
    }
    if (!draft || typeof draft.savedAt !== "number" || !draft.values || typeof draft.values !== "object") return;
    const values = draft.values;
    // The draft's rows, in order: drop the others, add the missing.
    const ids = new Set(Object.keys(values).map((k) => /^raised\.(\d{1,2})\./.exec(k)?.[1]).filter(Boolean).map(Number));
    if (ids.size) {
      for (const row of rows()) if (!ids.has(rowId(row))) row.remove();
      for (const id of [...ids].sort((a, b) => a - b)) {
        const row = rows().find((r) => rowId(r) === id) ?? addRow(id);
        if (row) list?.append(row);
      }
    }
    for (const element of Array.from(form.elements) as HTMLInputElement[]) {
      if (!element.name || element.type === "file" || !("value" in element)) continue;
      const value = values[element.name];
      if (element.type === "radio" || element.type === "checkbox") element.checked = element.type === "radio" ? value === element.value : value !== undefined;
      else if (value !== undefined) element.value = value;
    }
    const banner = one("[data-draft-restored]");
    banner.querySelector("span")!.textContent = o.restoredText.replace("{time}", time(draft.savedAt));
    banner.hidden = false;
  };

  list?.addEventListener("click", (event) => {
    const button = (event.target as Element).closest("[data-remove-row]");
    if (!button) return;
    button.closest("[data-raised-row]")!.remove();
    renumber();
    save();
  });
  addButton?.addEventListener("click", () => {
    addRow()?.querySelector("textarea")?.focus();
    renumber();
    save();
  });
  one("[data-draft-discard]").addEventListener("click", () => {
    try {
      localStorage.removeItem(o.draftKey);
    } catch {
      // nothing kept, nothing to remove
    }
    location.replace(location.href);
  });
  form.addEventListener("input", save);
  form.addEventListener("change", () => {
    recount();
    save();
  });
  // Sent once: the button waits for the answer (the idempotency key covers a second send anyway).
  form.addEventListener("submit", () => {
    saveNow();
    submit.disabled = true;
    submit.setAttribute("aria-busy", "true");
    submit.textContent = o.savingText;
  });
  const label = submit.textContent;
  // Back to a page kept in the browser's cache: the button works again.
  window.addEventListener("pageshow", () => {
    submit.disabled = false;
    submit.removeAttribute("aria-busy");
    submit.textContent = label;
  });
  const offline = one("[data-offline]");
  const online = () => (offline.hidden = navigator.onLine);
  window.addEventListener("online", online);
  window.addEventListener("offline", online);
  online();

  // The service worker kept the last form offline and answered with this new one (decision 071): its draft
  // (and the idempotency key in it) belongs to the kept meeting, not to the next.
  if (location.hash === "#queued") {
    try {
      localStorage.removeItem(o.draftKey);
    } catch {
      // nothing kept
    }
  } else if (o.restore) restore();
  renumber();
  recount();
  // A refused submission: straight to the first field with a message (on a phone it may be far down).
  const error = o.restore ? null : form.querySelector<HTMLElement>('[id^="mf-"][id$="-error"]');
  if (error) {
    const field = form.querySelector<HTMLElement>(`[aria-describedby~="${error.id}"]`);
    (field ?? error).scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
  }
}
