/**
 * npm test: typecheck, lint, unit tests, integration tests (embedded PGlite, and the
 * PostgreSQL server too when TEST_DATABASE_URL or DATABASE_URL points at one) and
 * end-to-end tests in Chromium. Ends with "N passed, N failed" (and ", N flaky" when a test passed
 * only on a retry: see ./test-summary.ts).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { loadEnvFile } from "../lib/env";
import { playwrightCounts, playwrightFailures, summaryLines, vitestFailures, type Counts, type PlaywrightReport, type PlaywrightSuite, type VitestReport } from "./test-summary";

const results: { step: string; counts: Counts; failures?: string[] }[] = [];
const outDir = path.resolve(".data/test-results");
fs.mkdirSync(outDir, { recursive: true });

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): number {
  const res = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function check(step: string, command: string, args: string[]) {
  console.log(`\n▶ ${step}`);
  const ok = run(command, args) === 0;
  results.push({ step, counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, flaky: 0, skipped: 0 } });
}

function vitest(step: string, project: string, env: Record<string, string | undefined> = {}) {
  console.log(`\n▶ ${step}`);
  const file = path.join(outDir, `${step.replace(/\W+/g, "-")}.json`);
  fs.rmSync(file, { force: true });
  const status = run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], env);
  const report = readJson<VitestReport & { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(file);
  const counts = report
    ? { passed: report.numPassedTests, failed: report.numFailedTests, flaky: 0, skipped: report.numPendingTests + report.numTodoTests }
    : { passed: 0, failed: 1, flaky: 0, skipped: 0 };
  // A crash outside any test still fails the step.
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ step, counts, failures: vitestFailures(report, process.cwd()) });
}

function postgresServer(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

async function withE2eDatabase<T>(fn: (url: string) => T): Promise<T> {
  const server = postgresServer();
  if (!server) {
    const dir = `.data/e2e-${Date.now()}`;
    try {
      return fn(`pglite:${dir}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = `dve2e_${crypto.randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  try {
    return fn(u.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function main() {
  loadEnvFile(); // TEST_DATABASE_URL / DATABASE_URL may come from .env, as for every command
  check("typecheck", "npx", ["tsc", "--noEmit"]);
  check("lint", "npx", ["eslint", "--max-warnings=0", "."]);
  vitest("unit", "unit");
  vitest("integration (PGlite)", "integration", { TEST_BACKEND: "pglite" });
  if (postgresServer()) vitest("integration (PostgreSQL)", "integration", { TEST_BACKEND: "postgres", TEST_DATABASE_URL: postgresServer() });
  else console.log("\n(no PostgreSQL server given: integration tests ran on PGlite only)");

  console.log("\n▶ end-to-end (Chromium)");
  const file = path.join(outDir, "e2e.json");
  fs.rmSync(file, { force: true });
  await withE2eDatabase((url) => {
    console.log(`  database: ${url.replace(/\/\/[^@]*@/, "//")}`);
    const status = run("npx", ["playwright", "test"], { E2E_DATABASE_URL: url, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    const report = readJson<PlaywrightReport & { suites?: PlaywrightSuite[] }>(file);
    results.push({ step: "end-to-end", counts: playwrightCounts(report, status), failures: playwrightFailures(report) });
  });

  // The last line, in the form CI reads.
  console.log(`\n${summaryLines(results).join("\n")}`);
  process.exitCode = results.some((r) => r.counts.failed) ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log("\n0 passed, 1 failed");
  process.exit(1);
});
