/**
 * Serves the built app for a benchmark that measures it over HTTP, the way the e2e suite does
 * (playwright.config.ts): `npx tsx scripts/start.ts` on a fresh embedded database, which migrates,
 * seeds the demo data, and builds first when the build is missing or stale; or, with
 * `databaseUrl`, on that database as it is (the load benchmark on the generated national data:
 * no demo data, the server's request log written to `logFile`). Either way the app is served by
 * scripts/serve.ts, the production server. The server runs in a
 * process group of its own, so that stopping it also stops `next start` (and a build in progress)
 * beneath npx and tsx; the group is stopped and the database folder removed however the benchmark ends.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIRST_PORT = 3400;
const LAST_PORT = 3499;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (let port = FIRST_PORT; port <= LAST_PORT; port++) if (await portIsFree(port)) return port;
  throw new Error(`Không còn cổng trống / no free port in ${FIRST_PORT}–${LAST_PORT}: set BENCH_PORT`);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops the whole process group: SIGTERM, then SIGKILL for what is still there after 15 s. */
async function stopGroup(pid: number): Promise<void> {
  for (const [signal, waitMs] of [["SIGTERM", 15_000], ["SIGKILL", 5_000]] as const) {
    if (!groupAlive(pid)) return;
    try {
      process.kill(-pid, signal);
    } catch {
      return; // gone meanwhile
    }
    for (let waited = 0; waited < waitMs && groupAlive(pid); waited += 100) await sleep(100);
  }
}

/**
 * Starts the app (name: the database folder's prefix, `.data/<name>-<timestamp>`), waits for
 * `GET /api/health` to answer 200 (up to 10 minutes, a build included), runs `measure` with the base URL,
 * then stops the server and removes the database, also when `measure` throws or the script is interrupted.
 */
export async function serveBuiltApp<T>(
  options: { name: string; databaseUrl?: string; logFile?: string },
  measure: (baseUrl: string, server: { pid: number }) => Promise<T>,
): Promise<T> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = path.join(ROOT, ".data", `${options.name}-${Date.now()}`);
  const log = options.logFile ? fs.openSync(options.logFile, "a") : 2;
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: ROOT,
    detached: true, // its own process group
    stdio: ["ignore", log, log], // the server's log stays out of the benchmark's output
    // DEMO_DATA=on: the measures sign in as demo accounts, whatever the developer's .env says.
    env: {
      ...process.env,
      PORT: String(port),
      NEXTAUTH_URL: base,
      // On the national database the worker stays off (JOBS_WORKER=off): its first sweep on a fresh copy reminds
      // 94,000 petitions (42 s, measured on its own in BENCHMARKS.md) and would run inside the pages' figures.
      ...(options.databaseUrl
        ? { DATABASE_URL: options.databaseUrl, DEMO_DATA: "off", JOBS_WORKER: "off" }
        : { DATABASE_URL: `pglite:${path.relative(ROOT, dataDir)}`, DEMO_DATA: "on" }),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      if (child.pid !== undefined) await stopGroup(child.pid);
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    await waitForHealth(`${base}/api/health`, exited);
    return await measure(base, { pid: child.pid! });
  } finally {
    await cleanUp();
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}

async function waitForHealth(url: string, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`Máy chủ đã dừng / the server exited (code ${exitCode}) before it was ready`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`Máy chủ không sẵn sàng sau 10 phút / the server was not ready after 10 minutes: ${url}`);
}
