"use client";

/** Opens the browser's print dialog; the page's print styles lay the report out on A4. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
      {label}
    </button>
  );
}
