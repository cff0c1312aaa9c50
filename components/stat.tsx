import Link from "@/components/link";

/** A figure with its label; with `href`, the figure opens the list it counts. */
export function Stat({ label, value, tone = "default", href }: { label: string; value: string; tone?: "default" | "alert"; href?: string }) {
  return (
    <div className={`rounded-lg border p-4 ${tone === "alert" ? "border-red-200 bg-red-50" : "border-stone-200 bg-white"}`}>
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "alert" ? "text-red-800" : ""}`}>
        {href ? (
          <Link href={href} className="underline decoration-stone-400 underline-offset-4 hover:decoration-stone-700">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}
