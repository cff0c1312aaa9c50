"use client";
import { useEffect } from "react";
import { clearDraft, draftStorageKey, readDraft } from "@/components/field/meeting-draft";

/**
 * On the page a saved meeting lands on: the device's draft of that form is done with. Only
 * the draft that carried this meeting's idempotency key is removed, never a newer one.
 */
export function DraftCleaner({ kind, target, idempotencyKey }: { kind: string; target: string; idempotencyKey: string }) {
  useEffect(() => {
    const key = draftStorageKey(kind, target);
    if (readDraft(key)?.values.idempotencyKey === idempotencyKey) clearDraft(key);
  }, [kind, target, idempotencyKey]);
  return null;
}
