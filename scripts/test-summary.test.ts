import { describe, expect, it } from "vitest";
import { playwrightCounts, summaryLines } from "./test-summary";

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
});
