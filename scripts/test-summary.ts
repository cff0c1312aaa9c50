/**
 * The closing summary of `npm test` (scripts/test.ts), pure so that it is unit-tested. The last
 * line starts `N passed, N failed`, the form CI reads. A Playwright test that passed only on a
 * retry is flaky, not passed: it is counted apart and named on that same last line
 * (`…, N flaky`), so that a retry can never turn a failing test into a silent pass.
 */
export interface Counts {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
}

export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

/** Counts from Playwright's JSON report; a failing run without a failed test (a crash) still fails. */
export function playwrightCounts(report: PlaywrightReport | undefined, status: number): Counts {
  const counts = report
    ? { passed: report.stats.expected, failed: report.stats.unexpected, flaky: report.stats.flaky, skipped: report.stats.skipped }
    : { passed: 0, failed: 1, flaky: 0, skipped: 0 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function line(c: Counts, withSkipped: boolean): string {
  return `${c.passed} passed, ${c.failed} failed${c.flaky ? `, ${c.flaky} flaky` : ""}${withSkipped && c.skipped ? `, ${c.skipped} skipped` : ""}`;
}

/** The lines printed after the run; the last one is the total CI reads. */
export function summaryLines(results: { step: string; counts: Counts }[]): string[] {
  const lines = ["Kết quả / results:"];
  for (const r of results) lines.push(`  ${r.step.padEnd(28)} ${line(r.counts, true)}`);
  const total = results.reduce(
    (a, r) => ({ passed: a.passed + r.counts.passed, failed: a.failed + r.counts.failed, flaky: a.flaky + r.counts.flaky, skipped: a.skipped + r.counts.skipped }),
    { passed: 0, failed: 0, flaky: 0, skipped: 0 },
  );
  if (total.flaky) lines.push("", `(${total.flaky} flaky: end-to-end tests that failed, then passed on a retry; not counted as passed)`);
  if (total.skipped) {
    lines.push("", `(${total.skipped} skipped: on the embedded database, the tests that need PostgreSQL, run in the PostgreSQL step; tests whose input files are not on this machine, named in the warnings above; the rest of a serial group after a failure)`);
  }
  lines.push("", line(total, false));
  return lines;
}
