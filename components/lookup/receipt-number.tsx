"use client";
import { useActionState } from "react";
import { issueLookupNumberAction, type IssueLookupNumberState } from "@/lib/lookup/actions";
import { formatLookupNumberText } from "@/lib/lookup/format";

/** The browser's print dialog; the receipt's page is laid out for it (print:hidden leaves the rest out). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
      {label}
    </button>
  );
}

/**
 * The lookup number of a petition without a phone (decision 058): shown only in the answer of the action
 * that issued it, as only its hash is kept. Before that, the receipt says how to get one and offers to.
 */
export function ReceiptNumber({
  petitionId,
  issuedAt,
  mayIssue,
  text,
}: {
  petitionId: number;
  issuedAt: string | null;
  mayIssue: boolean;
  text: { byNumber: string; number: string; notShown: string; issue: string; issuing: string; cannotIssue: string; failed: string };
}) {
  const [state, action, pending] = useActionState(issueLookupNumberAction, null as IssueLookupNumberState);
  if (state?.ok) {
    return (
      <div>
        <p>{text.byNumber}</p>
        <p className="mt-1">
          {text.number}: <strong className="font-mono text-lg tracking-widest" data-testid="receipt-number">{formatLookupNumberText(state.data.number)}</strong>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p>{text.byNumber}</p>
      <p className="text-stone-700 print:hidden" data-testid="receipt-number-missing">{issuedAt === null && !mayIssue ? text.cannotIssue : text.notShown}</p>
      {mayIssue && (
        <form action={action} className="print:hidden">
          <input type="hidden" name="petitionId" value={petitionId} />
          <button type="submit" disabled={pending} aria-busy={pending} className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">
            {pending ? text.issuing : text.issue}
          </button>
        </form>
      )}
      {state && !state.ok && <p role="alert" className="text-sm text-red-800">{text.failed}</p>}
    </div>
  );
}
