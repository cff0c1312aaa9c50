/**
 * Lighthouse on a phone (issue 14): `npm run bench -- lighthouse` runs Lighthouse's performance category,
 * mobile form factor with its default simulated throttling (a mid-range phone on a slow 4G link), against
 * pages of the running app, in Debian's Chromium, headless. Each page is run `runs` times and each figure's
 * median is reported (Lighthouse's own advice: one run varies by several points).
 *
 * Offline: only the performance category runs (no plugin, no audit that fetches anything but the page's own
 * resources), Chromium is started with its background networking, updates and sync turned off, and the app
 * uses no external resource. A signed-in page gets the session cookie as an extra request header (Lighthouse
 * sends it with every request of the page, as a browser sends its cookie to the same site).
 * Free of Next imports: it measures any server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LighthouseRun {
  /** 0–100. */
  performance: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  firstContentfulPaintMs: number;
  /** Bytes transferred (headers and bodies as sent), Lighthouse's total-byte-weight. */
  bytes: number;
  /** The scripts that kept the main thread busiest (bootup-time): URL, total ms, scripting ms. */
  bootup: { url: string; totalMs: number; scriptingMs: number }[];
  /** Main-thread time by kind of work (mainthread-work-breakdown), in ms. */
  mainThread: { group: string; ms: number }[];
  /**
   * Lighthouse's measure of this machine's speed at the time (higher is faster). Simulated throttling scales
   * the tasks it observed here, so a machine busy with other work reports a slower phone.
   */
  benchmarkIndex: number;
}

export interface LighthousePage {
  label: string;
  url: string;
  /** The `cookie` header of a session; none: signed out. */
  cookie?: string;
}

export interface LighthouseResult {
  page: LighthousePage;
  runs: LighthouseRun[];
  median: Omit<LighthouseRun, "bootup" | "mainThread">;
  /** The run whose performance score is the median one, for its diagnostics. */
  medianRun: LighthouseRun;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Chromium {
  port: number;
  stop(): Promise<void>;
}

/** Starts Chromium with a DevTools port of its choosing, read from its "DevTools listening on ws://…" line. */
async function startChromium(executable: string): Promise<Chromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "dv-lighthouse-"));
  const child: ChildProcess = spawn(executable, [...CHROMIUM_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = "";
      const timer = setTimeout(() => reject(new Error(`Chromium không mở cổng DevTools / no DevTools port after 30 s: ${seen.slice(-500)}`)), 30_000);
      child.stderr!.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium đã dừng / exited (code ${code}): ${seen.slice(-500)}`));
      });
      child.once("error", reject);
    });
    child.stderr!.resume(); // keep draining its log
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Audits = Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[] } } | undefined>;

function numeric(audits: Audits, id: string): number {
  const value = audits[id]?.numericValue;
  if (typeof value !== "number") throw new Error(`Lighthouse gave no ${id}`);
  return value;
}

async function runOnce(port: number, page: LighthousePage): Promise<LighthouseRun> {
  const result = await lighthouse(
    page.url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      formFactor: "mobile",
      throttlingMethod: "simulate",
      disableFullPageScreenshot: true,
      extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
    },
    // The default config: mobile screen emulation and Lighthouse's default mobile throttling.
    undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new LighthouseRuntimeError(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A redirect (to /login, when the cookie is not a session) would silently measure another page.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname) {
    throw new Error(`${page.url} ended at ${lhr.finalDisplayedUrl}`);
  }
  const audits = lhr.audits as unknown as Audits;
  const score = lhr.categories.performance?.score;
  if (typeof score !== "number") throw new Error(`Lighthouse gave no performance score for ${page.url}`);
  const bootup = (audits["bootup-time"]?.details?.items ?? []).map((item) => ({
    url: String(item.url),
    totalMs: Number(item.total),
    scriptingMs: Number(item.scripting),
  }));
  const mainThread = (audits["mainthread-work-breakdown"]?.details?.items ?? []).map((item) => ({
    group: String(item.groupLabel ?? item.group),
    ms: Number(item.duration),
  }));
  return {
    performance: Math.round(score * 100),
    totalBlockingTimeMs: numeric(audits, "total-blocking-time"),
    largestContentfulPaintMs: numeric(audits, "largest-contentful-paint"),
    firstContentfulPaintMs: numeric(audits, "first-contentful-paint"),
    bytes: numeric(audits, "total-byte-weight"),
    bootup,
    mainThread,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/** Lighthouse's own failures to record a load (NO_NAVSTART, NO_FCP …) happen now and then: tried up to 3 times. */
class LighthouseRuntimeError extends Error {}

async function withRetries<T>(run: () => Promise<T>, onRetry: (error: Error) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt === 3) throw error;
      onRetry(error);
    }
  }
}

/**
 * Runs each page `runs` times (Lighthouse clears the cache and storage before each run), each page in a
 * Chromium of its own: Lighthouse turns a `Cookie` extra header into cookies of the browser, which its
 * storage reset keeps, so a signed-out page after a signed-in one would be visited signed in.
 */
export async function lighthousePages(
  pages: LighthousePage[],
  options: { runs: number; chromium?: string; log?: (line: string) => void },
): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const page of pages) {
    const chromium = await startChromium(options.chromium ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
    try {
      const runs: LighthouseRun[] = [];
      for (let i = 0; i < options.runs; i++) {
        const run = await withRetries(() => runOnce(chromium.port, page), (error) => options.log?.(`  ${page.label} run ${i + 1}: ${error.message}; again`));
        options.log?.(`  ${page.label} run ${i + 1}: performance ${run.performance}, TBT ${run.totalBlockingTimeMs.toFixed(0)} ms, LCP ${run.largestContentfulPaintMs.toFixed(0)} ms, benchmark index ${run.benchmarkIndex.toFixed(0)}, load ${os.loadavg()[0].toFixed(1)}`);
        runs.push(run);
      }
      const m = (pick: (r: LighthouseRun) => number) => median(runs.map(pick));
      const score = m((r) => r.performance);
      results.push({
        page,
        runs,
        median: {
          performance: score,
          totalBlockingTimeMs: m((r) => r.totalBlockingTimeMs),
          largestContentfulPaintMs: m((r) => r.largestContentfulPaintMs),
          firstContentfulPaintMs: m((r) => r.firstContentfulPaintMs),
          bytes: m((r) => r.bytes),
          benchmarkIndex: m((r) => r.benchmarkIndex),
        },
        medianRun: runs.reduce((best, r) => (Math.abs(r.performance - score) < Math.abs(best.performance - score) ? r : best)),
      });
    } finally {
      await chromium.stop();
    }
  }
  return results;
}
