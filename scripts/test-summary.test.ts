import { describe, expect, it } from "vitest";
import { playwrightCounts, playwrightFailures, summaryLines, vitestFailures } from "./test-summary";

describe("the closing summary of npm test", () => {
  it("does not count a test that passed only on a retry as passed: it is flaky, on the last line", () => {
    const counts = playwrightCounts({ stats: { expected: 40, unexpected: 0, flaky: 2, skipped: 1 } }, 0);
    expect(counts).toEqual({ passed: 40, failed: 0, flaky: 2, skipped: 1 });
    const lines = summaryLines([
      { step: "unit", counts: { passed: 100, failed: 0, flaky: 0, skipped: 0 } },
      { step: "end-to-end", counts },
    ]);
    expect(lines.at(-1)).toBe("140 passed, 0 failed, 2 flaky");
    expect(lines.join("\n")).toMatch(/end-to-end\s+40 passed, 0 failed, 2 flaky, 1 skipped/);
  });

  it("ends with exactly `N passed, N failed` when nothing was flaky", () => {
    const lines = summaryLines([{ step: "unit", counts: { passed: 3, failed: 1, flaky: 0, skipped: 0 } }]);
    expect(lines.at(-1)).toBe("3 passed, 1 failed");
  });

  it("fails the step when the runner failed without a failed test (a crash, no report)", () => {
    expect(playwrightCounts(undefined, 1)).toEqual({ passed: 0, failed: 1, flaky: 0, skipped: 0 });
    expect(playwrightCounts({ stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 0 } }, 1)).toEqual({ passed: 5, failed: 1, flaky: 0, skipped: 0 });
  });

  it("names each failed test, with the first line of its error, just above the last line (a CI log's tail then says what failed)", () => {
    const vitest = vitestFailures({
      testResults: [
        {
          name: "/repo/tests/integration/a.test.ts",
          assertionResults: [
            { status: "passed", fullName: "a works", failureMessages: [] },
            { status: "failed", fullName: "a > fails under load", failureMessages: ["Error: P2028 transaction expired\n    at x (y.ts:1)"] },
          ],
        },
        { name: "/repo/tests/integration/b.test.ts", message: "Cannot find module", assertionResults: [] },
      ],
    }, "/repo");
    expect(vitest).toEqual(["tests/integration/a.test.ts › a > fails under load: Error: P2028 transaction expired", "tests/integration/b.test.ts: Cannot find module"]);
    const e2e = playwrightFailures({
      suites: [
        {
          file: "x.spec.ts",
          specs: [],
          suites: [{ file: "x.spec.ts", specs: [{ title: "saves", file: "x.spec.ts", line: 3, tests: [{ projectName: "phone", status: "unexpected", results: [{ status: "failed", error: { message: "expect(received).toBe(expected)\nmore" } }] }] }] }],
        },
      ],
    });
    expect(e2e).toEqual(["x.spec.ts:3 › saves [phone]: expect(received).toBe(expected)"]);
    const lines = summaryLines([
      { step: "integration (PostgreSQL)", counts: { passed: 1, failed: 2, flaky: 0, skipped: 0 }, failures: vitest },
      { step: "end-to-end", counts: { passed: 0, failed: 1, flaky: 0, skipped: 0 }, failures: e2e },
    ]);
    expect(lines.at(-1)).toBe("1 passed, 3 failed");
    const text = lines.join("\n");
    expect(text).toContain("Lỗi / failed:");
    expect(text).toContain("  integration (PostgreSQL) › tests/integration/a.test.ts › a > fails under load: Error: P2028 transaction expired");
    expect(text).toContain("  end-to-end › x.spec.ts:3 › saves [phone]: expect(received).toBe(expected)");
  });
});
