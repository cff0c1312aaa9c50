import { describe, expect, it } from "vitest";
import { readSharedFile, sharedData } from "./shared-data";

const MISSING = { SHARED_DATA_DIR: "/nonexistent/shared/data" };

describe("tests that need ../shared/data", () => {
  it("skip off CI when a file is missing, with a warning that names the test and the file", () => {
    const warnings: string[] = [];
    const result = sharedData(["gso.json"], "/x/tests/integration/units-catalogue.test.ts", { env: MISSING, warn: (m) => warnings.push(m) });
    expect(result.skip).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("SKIPPED");
    expect(warnings[0]).toContain("units-catalogue.test.ts");
    expect(warnings[0]).toContain("/nonexistent/shared/data/gso.json");
  });

  it("never skip on CI: the test runs and fails on the missing file", () => {
    const warnings: string[] = [];
    const result = sharedData(["gso.json"], "/x/a.test.ts", { env: { ...MISSING, CI: "true" }, warn: (m) => warnings.push(m) });
    expect(result.skip).toBe(false);
    expect(warnings[0]).toContain("FAIL");
    expect(() => readSharedFile(result.files[0])).toThrow(/gso\.json is missing/);
  });

  it("run quietly when the files are there", () => {
    const warnings: string[] = [];
    const result = sharedData(["shared-data.ts"], "/x/a.test.ts", { env: { SHARED_DATA_DIR: import.meta.dirname }, warn: (m) => warnings.push(m) });
    expect(result).toEqual({ files: [`${import.meta.dirname}/shared-data.ts`], skip: false });
    expect(warnings).toEqual([]);
  });
});
