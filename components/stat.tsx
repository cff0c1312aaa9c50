export function Stat({ label, value, tone = "default" }: { label: string; value: string; tone?: "default" | "alert" }) {
  return (
    <div className={`rounded-lg border p-4 ${tone === "alert" ? "border-red-200 bg-red-50" : "border-stone-200 bg-white"}`}>
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "alert" ? "text-red-800" : ""}`}>{value}</dd>
    </div>
  );
}
