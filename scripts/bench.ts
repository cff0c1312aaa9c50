/**
 * npm run bench [-- seed|catalogue|coverage|bundle|field|lighthouse]: measurements recorded in BENCHMARKS.md. Each benchmark runs
 * on a fresh in-memory PGlite and, when BENCH_DATABASE_URL or DATABASE_URL points at a
 * PostgreSQL server, on a fresh database there too.
 *
 * The built app, over HTTP: npm run bench -- bundle serves the app with `next start` on a fresh embedded
 * database (scripts/start.ts migrates, seeds the demo data, and builds first when the build is missing or
 * stale), signs in as xa.lapthach, and measures the first-load JavaScript of the meeting form and, for
 * comparison, of other pages, as a browser gets them (lib/bench/bundle.ts). BENCH_PORT picks the port
 * (default: the first free one from 3400).
 *
 * The field app: npm run bench -- field [--runs 5] [--base-url URL]: a first visit to the meeting form (every byte,
 * fonts included) and the offline open time from the field home to a usable form (lib/bench/field.ts).
 * A phone, in Lighthouse: npm run bench -- lighthouse [--runs 3] [--details] [--base-url URL] serves the app the same way (or
 * measures the demo app already running at URL) and runs
 * Lighthouse's performance category (mobile, simulated throttling) in Debian's Chromium on /reports and
 * /petitions signed in as tinh.vinhphuc and on /login signed out; it prints each figure's median
 * (lib/bench/lighthouse.ts). CHROMIUM_PATH picks another Chromium.
 *
 * National scale, PostgreSQL only (BENCH_DATABASE_URL, DATABASE_URL or --database-url):
 *   npm run bench -- generate --villages 100000 --petitions 5000000 [--months 24] [--database dv_bench]
 *   npm run bench -- generate-extras [--database dv_bench]
 *     the models, scoring sheets and periodic reports alone (generate makes them too), on a database generated before them; once.
 *   npm run bench -- petitions-list [--runs 30] [--explain] [--database dv_bench]
 *   npm run bench -- dashboard [--runs 50] [--live-runs 5] [--database dv_bench]
 *   npm run bench -- intake [--writers 20] [--spread] [--per-writer 20] [--database dv_bench_w]
 *     writes petitions, so on a copy: CREATE DATABASE dv_bench_w TEMPLATE dv_bench (then DROP DATABASE dv_bench_w).
 *     Without --writers: one writer, then 20 in one district, then 20 over 20 districts. DATABASE_POOL_SIZE sizes the pool.
 *   npm run bench -- load [--connections 20,50] [--duration 10] [--requests N] [--only REGEX] [--no-writes]
 *                         [--warmup 3] [--settle 10] [--timeout 60] [--database dv_bench]
 *     the built app (served by scripts/serve.ts) on the generated database, every page, route and
 *     write under load (lib/bench/load.ts); the writes add petitions, steps and meetings to it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closeDb, installDb } from "../lib/db/client";
import { loadEnvFile } from "../lib/env";
import { openAdapter } from "../lib/db/adapter";
import { DEFAULT_BENCH_DATABASE, generateBenchData, withDatabase } from "../lib/bench/generate";
import { generateExtras } from "../lib/bench/generate-extras";
import { serveBuiltApp } from "../lib/bench/serve";
import { firstLoadJs } from "../lib/bench/bundle";
import { benchField } from "../lib/bench/field";
import { lighthousePages, type LighthousePage } from "../lib/bench/lighthouse";
import { signIn } from "../lib/bench/http-session";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";
import { benchDashboard } from "../lib/bench/dashboard";
import { benchIntake, type IntakeBenchOptions } from "../lib/bench/intake";
import { benchPetitionList, explainPetitionList } from "../lib/bench/petition-list";
import { QueryRecorder, recordingFactory } from "../lib/db/query-capture";
import { runLoadBench, SERVER_APPLICATION_NAME } from "../lib/bench/load";
import { markdownTable } from "../lib/bench/load-stats";
import { seedDemo } from "../prisma/seed/demo";
import { importCatalogue } from "../lib/units/catalogue/import";
import { parseCatalogue } from "../lib/units/catalogue/parse";
import { readCatalogue } from "../lib/units/catalogue/read";
import { buildXlsx, spreadsheetRows } from "../lib/units/catalogue/fixtures";
import { coverageFor } from "../lib/organisations/coverage";
import { createTestDatabase } from "../tests/support/test-db";

const BENCHMARKS: Record<string, () => Promise<string>> = {
  /** The demo seed must take under a minute. */
  async seed() {
    const database = await createTestDatabase();
    try {
      const db = installDb(database.handle);
      const started = performance.now();
      const summary = await seedDemo(db, { today: new Date("2026-11-23T03:00:00Z"), log: () => {} });
      const seconds = (performance.now() - started) / 1000;
      return `${seconds.toFixed(1)} s for ${summary.petitions.total} petitions, ${summary.meetings.total} meetings, ${summary.meetings.attendance} attendance rows`;
    } finally {
      await closeDb();
      await database.drop();
    }
  },

  /**
   * The national GSO catalogue (63 + 696 + 10,047 units) must import in under 15 s on PostgreSQL:
   * the JSON form, then the spreadsheet form (an xlsx made from the same units), each into an empty database.
   */
  async catalogue() {
    // ../shared/data from the project root; SHARED_DATA_DIR when the project sits elsewhere (a git worktree).
    const dir = process.env.SHARED_DATA_DIR ? `file://${process.env.SHARED_DATA_DIR.replace(/\/?$/, "/")}` : new URL("../../shared/data/", import.meta.url);
    const file = new URL("gso-admin-units-2025-03.json", dir);
    if (!fs.existsSync(file)) return `bỏ qua / skipped: ${file.pathname} not found`;
    const json = fs.readFileSync(file);
    const parsedJson = parseCatalogue(json);
    if (!parsedJson.ok) throw new Error(`catalogue has errors: ${JSON.stringify(parsedJson.errors.slice(0, 3))}`);
    const xlsx = await buildXlsx(spreadsheetRows(parsedJson.units));
    const lines: string[] = [];
    for (const [form, bytes] of [["json", json], ["xlsx", xlsx]] as const) {
      const parseStarted = performance.now();
      const parsed = await readCatalogue(bytes);
      const parseSeconds = (performance.now() - parseStarted) / 1000;
      if (!parsed.ok) throw new Error(`${form}: catalogue has errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
      const database = await createTestDatabase();
      try {
        const db = installDb(database.handle);
        const asOf = new Date("2025-03-01T00:00:00Z");
        const timed = async () => {
          const started = performance.now();
          const { counts } = await importCatalogue(db, parsed.units, { actorId: null, asOf });
          const total = (k: "new" | "unchanged") => counts.PROVINCE[k] + counts.DISTRICT[k] + counts.COMMUNE[k];
          return { seconds: (performance.now() - started) / 1000, created: total("new"), unchanged: total("unchanged") };
        };
        const first = await timed();
        const second = await timed();
        lines.push(
          `${form} (${(bytes.length / 1024 / 1024).toFixed(1)} MB): parse ${parseSeconds.toFixed(2)} s; first import ${first.seconds.toFixed(1)} s ` +
            `(${first.created} new units); second import ${second.seconds.toFixed(1)} s (${second.unchanged} unchanged)`,
        );
      } finally {
        await closeDb();
        await database.drop();
      }
    }
    return lines.join("\n  ");
  },

  /** The coverage figures of the unit page, on the demo data: the nation, a province, a commune (median of 5 runs each). */
  async coverage() {
    const database = await createTestDatabase();
    try {
      const db = installDb(database.handle);
      const today = new Date("2026-11-23T03:00:00Z");
      await seedDemo(db, { today, log: () => {} });
      const asOf = new Date("2026-11-23T00:00:00Z");
      const pick = (level: "NATION" | "PROVINCE" | "COMMUNE", code?: string) =>
        db.unit.findFirstOrThrow({ where: { level, validTo: null, ...(code ? { code } : {}) }, orderBy: { id: "asc" } });
      const units = [
        ["nation", await pick("NATION")],
        ["province Vĩnh Phúc", await pick("PROVINCE", "26")],
        ["commune (first of Vĩnh Phúc)", await db.unit.findFirstOrThrow({ where: { level: "COMMUNE", validTo: null, ancestorIds: { has: (await pick("PROVINCE", "26")).id } }, orderBy: { code: "asc" } })],
      ] as const;
      const out: string[] = [];
      for (const [label, unit] of units) {
        const times: number[] = [];
        let villages = 0;
        for (let i = 0; i < 6; i++) {
          const started = performance.now();
          villages = (await coverageFor(unit.id, asOf)).villages;
          if (i > 0) times.push(performance.now() - started); // the first run warms the cache
        }
        times.sort((a, b) => a - b);
        out.push(`${label} (${villages} villages) ${times[2].toFixed(0)} ms`);
      }
      return out.join("; ");
    } finally {
      await closeDb();
      await database.drop();
    }
  },
};

/** The national-scale commands: a generated database on a PostgreSQL server. */
const NATIONAL: Record<string, (args: string[]) => Promise<void>> = {
  async generate(args) {
    const { values } = parseArgs({ args, options: { ...serverOptions, villages: { type: "string", default: "100000" }, petitions: { type: "string", default: "5000000" }, months: { type: "string", default: "24" } } });
    const started = performance.now();
    const report = await generateBenchData({
      serverUrl: postgresServer(values["database-url"]),
      database: values.database,
      villages: Number(values.villages),
      petitions: Number(values.petitions),
      months: Number(values.months),
      log: console.log,
    });
    const rows = Object.entries(report.rows).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ");
    console.log(`\n${new URL(report.url).pathname.slice(1)}: ${rows}`);
    console.log(report.phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join("; "));
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s, database ${(report.databaseBytes / 2 ** 30).toFixed(2)} GiB`);
  },

  /** The models, scoring and periodic reports, added to a database generated before the generator made them. */
  async "generate-extras"(args) {
    const { values } = parseArgs({ args, options: serverOptions });
    const started = performance.now();
    const report = await generateExtras(withDatabase(postgresServer(values["database-url"]), values.database), { log: console.log });
    console.log(`\n${values.database}: ${Object.entries(report.rows).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ")}`);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  },

  async "petitions-list"(args) {
    const { values } = parseArgs({ args, options: { ...serverOptions, runs: { type: "string", default: "30" }, explain: { type: "boolean", default: false } } });
    const url = withDatabase(postgresServer(values["database-url"]), values.database);
    const handle = openAdapter({ kind: "postgres", url });
    if (values.explain) {
      const recorder = new QueryRecorder();
      installDb({ ...handle, factory: recordingFactory(handle.factory, recorder) });
      const explainOn = await handle.factory.connect();
      try {
        const reads = await explainPetitionList(recorder, explainOn);
        console.log("| user | query | shared buffers | server ms | count |\n|---|---|---|---|---|");
        for (const r of reads) {
          const stopped = r.stopped ? ` (${r.stopped} stopped by its budget)` : "";
          console.log(`| ${r.user} | ${r.query} | ${r.buffers.toLocaleString("en")} | ${r.serverMs.toFixed(1)}${stopped} | ${r.totalExact ? "" : "> "}${r.total.toLocaleString("en")} |`);
        }
      } finally {
        await explainOn.dispose();
        await closeDb();
      }
      return;
    }
    installDb(handle);
    try {
      const timings = await benchPetitionList({ runs: Number(values.runs), log: console.log });
      console.log("\n| user | query | p50 ms | p95 ms | count |\n|---|---|---|---|---|");
      for (const t of timings) console.log(`| ${t.user} | ${t.query} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.total.toLocaleString("en")} |`);
    } finally {
      await closeDb();
    }
  },
};

/** Measured over HTTP against the built app, served by next start on its own fresh database. */
const BUILT_APP: Record<string, (args: string[]) => Promise<void>> = {
  async bundle() {
    await serveBuiltApp({ name: "bench-bundle" }, async (base) => {
      const cookie = await signIn(base, "xa.lapthach", DEMO_PASSWORD);
      const formUrl = await meetingFormUrl(base, cookie);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log("| page | first-load JS, gzipped (files + inline) | script files | inline scripts | files |\n|---|---|---|---|---|");
      const pages: [string, string | undefined][] = [[formUrl, cookie], ["/meetings", cookie], ["/petitions/new", cookie], ["/login", undefined]];
      for (const [url, pageCookie] of pages) {
        const load = await firstLoadJs(new URL(url, base).href, { cookie: pageCookie });
        const label = `${url}${pageCookie ? "" : " (signed out)"}`;
        console.log(`| ${label} | ${kb(load.gzipBytes)} | ${kb(load.filesGzipBytes)} | ${kb(load.inlineGzipBytes)} (${load.inline.length}) | ${load.files.length} |`);
      }
    });
  },
};

/**
 * The field app (issue 19): a first visit to a team's meeting form, every byte that crossed the network, fonts
 * included; and the time from the field home to a usable form, offline, on a 4× slower CPU (lib/bench/field.ts).
 */
BUILT_APP.field = async (args) => {
  const { values } = parseArgs({ args, options: { runs: { type: "string", default: "5" }, "base-url": { type: "string" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${values.runs}`);
  const measure = async (base: string) => {
    const cookie = await signIn(base, "xa.lapthach", DEMO_PASSWORD);
    const formUrl = await meetingFormUrl(base, cookie);
    // One unmeasured visit: the server's first render is not what a phone waits for.
    await fetch(new URL(formUrl, base), { headers: { cookie } });
    const result = await benchField(base, formUrl, { username: "xa.lapthach", password: DEMO_PASSWORD }, runs);
    const sorted = [...result.offlineOpenMs].sort((a, b) => a - b);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
    console.log("| measure | value |\n|---|---|");
    console.log(`| first visit to ${formUrl}: all responses (headers + bodies as sent) | ${kb(result.firstVisit.bytes)} in ${result.firstVisit.requests.length} requests (${result.firstVisit.requests.join(", ")}), fonts ${kb(result.firstVisit.fontBytes)} |`);
    console.log(`| offline, field home → usable form, CPU 4× slower: median of ${runs} (min–max) | ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)}) |`);
  };
  if (values["base-url"]) await measure(values["base-url"]);
  else await serveBuiltApp({ name: "bench-field" }, measure);
};

/**
 * Lighthouse mobile (simulated throttling) on /reports and /petitions signed in as a province leader
 * (tinh.vinhphuc) and on /login signed out; the median of `--runs` runs per page. `--details` adds, for
 * the median run, the scripts that kept the main thread busiest and the main thread's work by kind.
 */
BUILT_APP.lighthouse = async (args) => {
  const { values } = parseArgs({
    args,
    options: { runs: { type: "string", default: "3" }, details: { type: "boolean", default: false }, "base-url": { type: "string" } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${values.runs}`);
  const measure = async (base: string) => {
    const cookie = await signIn(base, "tinh.vinhphuc", DEMO_PASSWORD);
    const pages: LighthousePage[] = [
      { label: "/reports", url: new URL("/reports", base).href, cookie },
      { label: "/petitions", url: new URL("/petitions", base).href, cookie },
      { label: "/login (signed out)", url: new URL("/login", base).href },
    ];
    // One unmeasured visit each: the server's first render of a page (and the embedded database's first
    // reads) are not what a phone waits for on the next visit.
    for (const page of pages) await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {} });
    const results = await lighthousePages(pages, { runs, log: console.log });
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;
    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; median of ${runs} runs\n`);
    console.log("| page | performance | total blocking time | largest contentful paint | first contentful paint | transferred | benchmark index |\n|---|---|---|---|---|---|---|");
    for (const { page, median: m } of results) {
      console.log(`| ${page.label} | ${m.performance} | ${ms(m.totalBlockingTimeMs)} | ${ms(m.largestContentfulPaintMs)} | ${ms(m.firstContentfulPaintMs)} | ${kb(m.bytes)} | ${m.benchmarkIndex.toFixed(0)} |`);
    }
    if (!values.details) return;
    for (const { page, medianRun } of results) {
      console.log(`\n${page.label}, median run: main thread ${medianRun.mainThread.map((g) => `${g.group} ${ms(g.ms)}`).join(", ")}`);
      for (const s of medianRun.bootup.slice(0, 8)) console.log(`  ${ms(s.totalMs)} (scripting ${ms(s.scriptingMs)})  ${s.url.replace(base, "")}`);
    }
  };
  // --base-url: an app already running with the demo data (while working on a page), as it is.
  if (values["base-url"]) await measure(values["base-url"]);
  else await serveBuiltApp({ name: "bench-lighthouse" }, measure);
};

/** The form itself: the first team the step "2. Chọn tổ dân vận" offers on /meetings/new?kind=TEAM_MONTHLY. */
async function meetingFormUrl(base: string, cookie: string): Promise<string> {
  const res = await fetch(new URL("/meetings/new?kind=TEAM_MONTHLY", base), { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`GET /meetings/new?kind=TEAM_MONTHLY: ${res.status}`);
  const match = /href="(\/meetings\/new\?kind=TEAM_MONTHLY&(?:amp;)?target=org:\d+)"/.exec(await res.text());
  if (!match) throw new Error("/meetings/new?kind=TEAM_MONTHLY links to no team (target=org:…)");
  return match[1].replace(/&amp;/g, "&");
}

NATIONAL.dashboard = async (args) => {
  const { values } = parseArgs({ args, options: { ...serverOptions, runs: { type: "string", default: "50" }, "live-runs": { type: "string", default: "5" } } });
  const url = withDatabase(postgresServer(values["database-url"]), values.database);
  installDb(openAdapter({ kind: "postgres", url }));
  try {
    const timings = await benchDashboard({ runs: Number(values.runs), liveRuns: Number(values["live-runs"]), log: console.log });
    console.log("\n| user | dashboard | children | rollups p50 / p95 ms | historical view p50 / p95 ms | live p50 / p95 ms | rollups ÷ live (p95) |\n|---|---|---|---|---|---|---|");
    for (const t of timings) {
      console.log(`| ${t.user} | ${t.unit} | ${t.children} | ${t.rollup.p50.toFixed(1)} / ${t.rollup.p95.toFixed(1)} | ${t.historical.p50.toFixed(1)} / ${t.historical.p95.toFixed(1)} | ${t.live.p50.toFixed(0)} / ${t.live.p95.toFixed(0)} | 1/${(t.live.p95 / t.rollup.p95).toFixed(0)} |`);
    }
  } finally {
    await closeDb();
  }
};

NATIONAL.intake = async (args) => {
  const { values } = parseArgs({
    args,
    options: { ...serverOptions, database: { type: "string", default: "dv_bench_w" }, writers: { type: "string" }, spread: { type: "boolean", default: false }, "per-writer": { type: "string" } },
  });
  if (values.database === DEFAULT_BENCH_DATABASE) {
    throw new Error(`intake ghi dữ liệu / intake writes: run it on a copy, e.g. CREATE DATABASE dv_bench_w TEMPLATE ${DEFAULT_BENCH_DATABASE}`);
  }
  const url = withDatabase(postgresServer(values["database-url"]), values.database);
  installDb(openAdapter({ kind: "postgres", url }));
  const perWriter = values["per-writer"] ? Number(values["per-writer"]) : undefined;
  const runs: Omit<IntakeBenchOptions, "log">[] = values.writers
    ? [{ writers: Number(values.writers), spread: values.spread, perWriter: perWriter ?? 20 }]
    : [
        { writers: 1, spread: false, perWriter: perWriter ?? 200 },
        { writers: 20, spread: false, perWriter: perWriter ?? 20 },
        { writers: 20, spread: true, perWriter: perWriter ?? 20 },
      ];
  try {
    // A few intakes first, so that the pool's connections and the plans are warm.
    await benchIntake({ writers: 1, spread: false, perWriter: 10 });
    const rows: string[] = [];
    for (const run of runs) {
      const r = await benchIntake({ ...run, log: console.log });
      const failures = r.failed ? ` (${Object.entries(r.failures).map(([code, n]) => `${code} ×${n}`).join(", ")})` : "";
      rows.push(
        `| ${r.writers} | ${r.writers === 1 ? "one" : r.spread ? `${r.districts} districts` : "one district"} | ${r.saved} | ${r.failed}${failures} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${os.loadavg()[0].toFixed(1)} |`,
      );
    }
    console.log(`\npool ${process.env.DATABASE_POOL_SIZE ?? 10} connections\n| writers | where | saved | failed | petitions/s | p50 ms | p95 ms | p99 ms | load (1 min) |\n|---|---|---|---|---|---|---|---|---|`);
    for (const row of rows) console.log(row);
  } finally {
    await closeDb();
  }
};

NATIONAL.load = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      ...serverOptions,
      connections: { type: "string", default: "20,50" },
      duration: { type: "string", default: "10" },
      requests: { type: "string" },
      only: { type: "string" },
      "no-writes": { type: "boolean", default: false },
      warmup: { type: "string", default: "3" },
      settle: { type: "string", default: "10" },
      timeout: { type: "string", default: "60" },
    },
  });
  const databaseUrl = withDatabase(postgresServer(values["database-url"]), values.database);
  const root = fileURLToPath(new URL("../", import.meta.url));
  const logFile = path.join(root, ".data", `bench-load-${Date.now()}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  console.log(`máy chủ / server log: ${logFile}`);
  // The app's connections carry a name of their own: the run waits for (and at worst cancels) only their queries.
  const serverDatabaseUrl = new URL(databaseUrl);
  serverDatabaseUrl.searchParams.set("application_name", SERVER_APPLICATION_NAME);
  const report = await serveBuiltApp({ name: "bench-load", databaseUrl: serverDatabaseUrl.toString(), logFile }, (base, server) =>
    runLoadBench({
      base,
      serverRoot: server.pid,
      databaseUrl,
      root,
      connections: values.connections.split(",").map(Number).filter((n) => n > 0),
      durationMs: Number(values.duration) * 1000,
      maxRequests: values.requests ? Number(values.requests) : undefined,
      warmupRequests: Number(values.warmup),
      only: values.only ? new RegExp(values.only) : undefined,
      writes: !values["no-writes"],
      settleSeconds: Number(values.settle),
      timeoutMs: Number(values.timeout) * 1000,
      log: console.log,
    }),
  );
  const [l1, l5, l15] = report.loadAverage;
  console.log(`\n${new URL(databaseUrl).pathname.slice(1)}, ${new Date().toISOString().slice(0, 16)}Z, load average ${l1} / ${l5} / ${l15}; ` +
    `server RSS peak ${Math.round(report.rssPeakMb)} MB, ${Math.round(report.rssAfterMb)} MB after ${values.settle} s idle\n`);
  console.log(markdownTable(report.rows));
  if (report.skipped.length) {
    console.log("\nNot under load:");
    const byReason = new Map<string, string[]>();
    for (const s of report.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.key]);
    for (const [reason, keys] of byReason) console.log(`- ${keys.length > 3 ? `${keys.length} server actions` : keys.join(", ")}: ${reason}`);
  }
  for (const w of report.warnings) console.error(`⚠⚠ ${w}`);
};

const serverOptions = {
  "database-url": { type: "string" },
  database: { type: "string", default: DEFAULT_BENCH_DATABASE },
} as const;

function postgresServer(flag: string | undefined): string {
  const server = flag || process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!server?.startsWith("postgres")) {
    throw new Error(
      "Cần PostgreSQL / PostgreSQL only: PGlite cannot hold national-scale data. Set BENCH_DATABASE_URL or pass --database-url postgres://…",
    );
  }
  return server;
}

async function main() {
  loadEnvFile();
  const [first, ...rest] = process.argv.slice(2).filter((a) => a !== "--");
  if (first && NATIONAL[first]) return NATIONAL[first](rest);
  if (first && BUILT_APP[first]) return BUILT_APP[first](rest);
  const names = [first, ...rest].filter(Boolean);
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const backends = server?.startsWith("postgres") ? ["pglite", "postgres"] : ["pglite"];
  for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
    const bench = BENCHMARKS[name];
    if (!bench) throw new Error(`Không có benchmark / no benchmark named "${name}"`);
    for (const backend of backends) {
      process.env.TEST_BACKEND = backend;
      if (backend === "postgres") process.env.TEST_DATABASE_URL = server;
      console.log(`${name} (${backend}): ${await bench()}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
