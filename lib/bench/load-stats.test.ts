import { describe, expect, it } from "vitest";
import { markdownTable, percentile, ratio, summarize, type ResultRow } from "./load-stats";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("takes the nearest rank: a value that was measured", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it("answers the one value of one sample, and NaN for none", () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("shows the slow tail: 5 slow requests in 100 are the p95 and above, not the p50", () => {
    const sorted = [...Array(95).fill(10), ...Array(5).fill(1000)];
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(10);
    expect(percentile(sorted, 96)).toBe(1000);
    expect(percentile(sorted, 99)).toBe(1000);
  });
});

describe("summarize", () => {
  it("counts requests per second over the run's wall clock and sorts the latencies itself", () => {
    const s = summarize({ latencies: [30, 10, 20, 40], ok: 3, errors: { "500": 1 }, seconds: 2, bytes: 4000 });
    expect(s).toMatchObject({ requests: 4, rps: 2, p50: 20, p95: 40, p99: 40, max: 40, errors: 1, meanBytes: 1000 });
    expect(s.errorReasons).toEqual(["500×1"]);
  });

  it("lists the commonest error first", () => {
    const s = summarize({ latencies: [1, 1, 1, 1, 1, 1], ok: 0, errors: { timeout: 1, "ok:false CONFLICT": 3, "502": 2 }, seconds: 1, bytes: 0 });
    expect(s.errors).toBe(6);
    expect(s.errorReasons).toEqual(["ok:false CONFLICT×3", "502×2", "timeout×1"]);
  });

  it("gives a run with no answer no rate and no percentile", () => {
    const s = summarize({ latencies: [], ok: 0, errors: {}, seconds: 0, bytes: 0 });
    expect(s.rps).toBe(0);
    expect(s.p95).toBeNaN();
  });
});

describe("markdownTable", () => {
  const row = (target: string, p95: number, errors: Record<string, number> = {}): ResultRow => ({
    target,
    user: "admin",
    connections: 20,
    summary: summarize({ latencies: Array(100).fill(p95), ok: 100, errors, seconds: 4, bytes: 100 * 20_480 }),
    baselineP95: 5,
    rssPeakMb: 612.4,
  });

  it("writes one line per row, with the p95 beside the health check's", () => {
    const table = markdownTable([row("GET /petitions", 120), row("GET /reports?unit={unit}", 4)]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| target \| user \| conn\. \| req\/s \| p50 ms \| p95 ms \| p99 ms \| p95 ÷ health p95 \| errors \| body \| server RSS peak MB \|$/);
    expect(lines[2]).toBe("| GET /petitions | admin | 20 | 25 | 120 | 120 | 120 | 24× | 0 | 20 KB | 612 |");
    expect(lines[3]).toBe("| GET /reports?unit={unit} | admin | 20 | 25 | 4.0 | 4.0 | 4.0 | 0.8× | 0 | 20 KB | 612 |");
  });

  it("puts errors in bold with their reasons, and escapes a pipe", () => {
    const line = markdownTable([row("GET /a|b", 10, { "500": 7, timeout: 2 })]).split("\n")[2];
    expect(line).toContain("GET /a\\|b");
    expect(line).toContain("**9** (500×7, timeout×2)");
  });
});

describe("ratio", () => {
  it("has one decimal under 10× and none above; a dash without a baseline", () => {
    expect(ratio(12, 4)).toBe("3.0×");
    expect(ratio(400, 4)).toBe("100×");
    expect(ratio(10, 0)).toBe("—");
    expect(ratio(Number.NaN, 4)).toBe("—");
  });
});
