/**
 * Tests that read the real reference files beside the project (../shared/data: the GSO
 * catalogue, the 2025 mergers, the Vĩnh Phúc boundaries). Those files are never copied into
 * the project, so a developer's machine may lack them: there the tests skip, loudly, naming
 * the file. CI has the folder, so with `CI` set a missing file never skips: the test runs and
 * fails on the missing file (a skipped test would read as a pass in the closing count).
 */
import fs from "node:fs";
import path from "node:path";
import { sharedDataDir } from "../../lib/shared-data";

export { sharedDataDir };

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export interface SharedData {
  /** Absolute paths of the files, in the order asked. */
  files: string[];
  /** True only off CI, when a file is missing: then the caller skips. */
  skip: boolean;
}

/**
 * Where the named files are, and whether the tests that need them must skip. `testFile` names
 * the test in the warning (pass `import.meta.filename`).
 */
export function sharedData(
  names: string[],
  testFile: string,
  options: { env?: Record<string, string | undefined>; warn?: (message: string) => void } = {},
): SharedData {
  const env = options.env ?? process.env;
  const dir = sharedDataDir(env);
  const files = names.map((name) => path.join(dir, name));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length === 0) return { files, skip: false };
  const test = path.relative(PROJECT_ROOT, testFile);
  const ci = !!env.CI && env.CI !== "false" && env.CI !== "0";
  const warn = options.warn ?? ((message: string) => console.warn(message));
  warn(
    ci
      ? `\n!!! ${test}: CI is set but ${missing.join(", ")} is missing; the tests that need it run and FAIL (CI must have ../shared/data).\n`
      : `\n!!! SKIPPED in ${test}: ${missing.join(", ")} is not on this machine (../shared/data or SHARED_DATA_DIR). CI runs these tests.\n`,
  );
  return { files, skip: !ci };
}

/** Reads a shared file, failing with a message that says what is missing and why it matters. */
export function readSharedFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: this test needs ../shared/data (set SHARED_DATA_DIR if it is elsewhere).`);
  return fs.readFileSync(file);
}
