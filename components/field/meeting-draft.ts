/**
 * The meeting form's draft on the device (localStorage): one per kind and team, bloc or unit,
 * `{ savedAt, values }` with the form's text fields, its idempotency key included. Written by the
 * form's script (./meeting-form-script.ts); removed by the saved meeting's page (DraftCleaner).
 */
export interface Draft {
  savedAt: number;
  values: Record<string, string>;
}

export const DRAFT_PREFIX = "dv:meeting-draft:";

export function draftStorageKey(kind: string, target: string): string {
  return `${DRAFT_PREFIX}${kind}:${target}`;
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
