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

/** The parts of Playwright's JSON report that name a failed test. */
export interface PlaywrightSuite {
  file: string;
  title?: string;
  specs: { title: string; file: string; line: number; tests: { projectName: string; status: string; results: { status: string; error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}

/** The parts of Vitest's JSON report that name a failed test (a file that failed to load has a message and no tests). */
export interface VitestReport {
  testResults: { name: string; message?: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[];
}

const firstLine = (text: string | undefined) => (text ?? "").split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 300) ?? "";
const named = (where: string, message: string | undefined) => (firstLine(message) ? `${where}: ${firstLine(message)}` : where);

/** Each failed test of a Vitest run, as "file › test: first line of the error", paths relative to `root`. */
export function vitestFailures(report: VitestReport | undefined, root: string): string[] {
  if (!report) return [];
  const out: string[] = [];
  for (const file of report.testResults) {
    const rel = file.name.startsWith(`${root}/`) ? file.name.slice(root.length + 1) : file.name;
    const failed = file.assertionResults.filter((a) => a.status === "failed");
    for (const a of failed) out.push(named(`${rel} › ${a.fullName}`, a.failureMessages[0]));
    if (failed.length === 0 && file.message) out.push(named(rel, file.message));
  }
  return out;
}

/** Each end-to-end test that failed (not one that passed on a retry), as "file:line › title [project]: first line of the error". */
export function playwrightFailures(report: { suites?: PlaywrightSuite[] } | undefined): string[] {
  const out: string[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs) {
      for (const test of spec.tests) {
        if (test.status !== "unexpected") continue;
        const error = [...test.results].reverse().find((r) => r.error)?.error?.message;
        out.push(named(`${spec.file}:${spec.line} › ${spec.title} [${test.projectName}]`, error));
      }
    }
    suite.suites?.forEach(walk);
  };
  report?.suites?.forEach(walk);
  return out;
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
export function summaryLines(results: { step: string; counts: Counts; failures?: string[] }[]): string[] {
  const lines = ["Kết quả / results:"];
  for (const r of results) lines.push(`  ${r.step.padEnd(28)} ${line(r.counts, true)}`);
  const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  ${r.step} › ${f}`));
  if (failures.length) lines.push("", "Lỗi / failed:", ...failures);
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
