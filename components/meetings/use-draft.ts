"use client";
import { useCallback, useEffect, useRef, useState } from "react";

/** What a draft keeps: the form's text fields (files cannot be kept), and when. */
export interface Draft {
  savedAt: number;
  values: Record<string, string>;
}

const PREFIX = "dv:meeting-draft:";

export function draftStorageKey(kind: string, target: string): string {
  return `${PREFIX}${kind}:${target}`;
}

export function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return typeof draft.savedAt === "number" && draft.values && typeof draft.values === "object" ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, quota): there is nothing to clear.
  }
}

/** The form's text fields; a radio or checkbox only when checked. */
function snapshot(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

/** Puts a draft's values back into the form's fields. */
export function applyDraft(form: HTMLFormElement, values: Record<string, string>): void {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
    if (!element.name || (element instanceof HTMLInputElement && element.type === "file")) continue;
    const value = values[element.name];
    if (element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox")) {
      element.checked = element.type === "radio" ? value === element.value : value !== undefined;
    } else if (value !== undefined) {
      element.value = value;
    }
  }
}

/**
 * Keeps the form on the device while the user types (localStorage), so that a reload or a
 * lost connection loses nothing. The draft holds the form's idempotency key too: sending a
 * restored draft again can only ever make the one meeting.
 */
export function useDraft(key: string, { enabled }: { enabled: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [found, setFound] = useState<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    // Reading storage only after hydration keeps the server's and the browser's first render equal.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFound(readDraft(key));
  }, [key, enabled]);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const draft: Draft = { savedAt: Date.now(), values: snapshot(form) };
      try {
        window.localStorage.setItem(key, JSON.stringify(draft));
        setSavedAt(draft.savedAt);
      } catch {
        // Storage full or refused: the form still works, only without a draft.
      }
    }, 300);
  }, [key]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { formRef, save, savedAt, found, forget: () => setFound(null) };
}
