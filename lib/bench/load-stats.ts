/**
 * The figures of a load run (pure): percentiles of the latencies, requests per second, the
 * errors, and the markdown table that goes into BENCHMARKS.md. Every row is read beside the
 * `/api/health` row of the same run and connection count (the goal: a page's p95 within 10×
 * the health check's).
 */

/** The q-th percentile (0 < q ≤ 100) of `sorted` (ascending), nearest-rank: a value that was measured. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (q <= 0) return sorted[0];
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** What one target's run counted. */
export interface Sample {
  /** Latency of each completed request, in milliseconds (errors included: they took time too). */
  latencies: number[];
  /** Requests that answered what the target expects. */
  ok: number;
  /** Answers other than the expected ones, by reason ("500", "ok:false CONFLICT", "ECONNRESET", "timeout" …). */
  errors: Record<string, number>;
  /** Wall-clock seconds from the first request sent to the last answer. */
  seconds: number;
  /** Bytes of the response bodies, as sent (compressed when the server compresses). */
  bytes: number;
  /** The first answer (its first 64 KB) of each error reason, to tell what went wrong. */
  examples?: Record<string, string>;
}

export interface Summary {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** The most frequent error reasons, "reason×count", most frequent first. */
  errorReasons: string[];
  /** Mean body size, bytes. */
  meanBytes: number;
}

export function summarize(sample: Sample): Summary {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  const requests = sorted.length;
  const errors = Object.values(sample.errors).reduce((a, b) => a + b, 0);
  return {
    requests,
    rps: sample.seconds > 0 ? requests / sample.seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: requests ? sorted[requests - 1] : Number.NaN,
    errors,
    errorReasons: Object.entries(sample.errors)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([reason, n]) => `${reason}×${n}`),
    meanBytes: requests ? sample.bytes / requests : 0,
  };
}

/** One row of the table: a target at one connection count. */
export interface ResultRow {
  /** What was measured: "GET /petitions/{petition}", "intake (one district)" … */
  target: string;
  /** The bench user it ran as ("admin", "province", "district"), or "—" for a public address. */
  user: string;
  connections: number;
  summary: Summary;
  /** The p95 of `/api/health` at the same connection count in the same run. */
  baselineP95: number;
  /** The server's resident memory, MB: the highest sample while this target ran. */
  rssPeakMb: number;
}

const ms = (n: number) => (Number.isNaN(n) ? "—" : n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en"));
const kb = (bytes: number) => (bytes < 1024 ? `${Math.round(bytes)} B` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`);

/** The cell "a p95 is this many times the health check's": 1 decimal under 10, whole above. */
export function ratio(p95: number, baselineP95: number): string {
  if (!(baselineP95 > 0) || Number.isNaN(p95)) return "—";
  const r = p95 / baselineP95;
  return `${r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString("en")}×`;
}

/** Escapes a table cell: a pipe would split it. */
const cell = (text: string) => text.replace(/\|/g, "\\|");

/**
 * The markdown table, one line per target and connection count, in the order given. The
 * errors column shows the count and its commonest reasons, so a row of failures cannot pass
 * for a fast one.
 */
export function markdownTable(rows: readonly ResultRow[]): string {
  const lines = [
    "| target | user | conn. | req/s | p50 ms | p95 ms | p99 ms | p95 ÷ health p95 | errors | body | server RSS peak MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const s = r.summary;
    const errors = s.errors === 0 ? "0" : `**${s.errors.toLocaleString("en")}** (${s.errorReasons.slice(0, 3).join(", ")})`;
    lines.push(
      `| ${cell(r.target)} | ${r.user} | ${r.connections} | ${s.rps.toFixed(s.rps < 10 ? 1 : 0)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ratio(s.p95, r.baselineP95)} | ${cell(errors)} | ${kb(s.meanBytes)} | ${Math.round(r.rssPeakMb).toLocaleString("en")} |`,
    );
  }
  return lines.join("\n");
}
