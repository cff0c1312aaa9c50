import { FieldError } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";

/**
 * The file input of a form that takes attachments (the meeting form, petition intake): the kinds the
 * server accepts (lib/files/sniff.ts checks the bytes), its hint and its message. Plain markup, so the
 * meeting form's page draws it without React in the browser.
 */
export function AttachmentsField({ id, label, hint, state }: { id: string; label: string; hint: string; state: ActionState<unknown> }) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input id={id} name="attachments" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" aria-describedby={`${id}-hint ${errorId}`} className="mt-1 block w-full text-sm" />
      <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">{hint}</p>
      <FieldError state={state} name="attachments" id={errorId} />
    </div>
  );
}
