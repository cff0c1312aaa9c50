/**
 * `npm run bench -- load`: the whole app under load, on the generated national database
 * (decision 030). The built app is served by scripts/serve.ts (lib/bench/serve.ts); the bench
 * users sign in through the sign-in form; every page template and GET route of the
 * authorisation registry is measured (lib/bench/load-targets.ts), with the writes (intake, a
 * workflow step, a meeting), at each connection count, each beside `/api/health` measured at
 * the same connection count in the same run, with the server's memory sampled throughout.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { REGISTRY } from "../../tests/support/authz-registry";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { isoDay, todayInVietnam } from "../time";
import { BENCH_USERS } from "./generate";
import { signIn } from "./http-session";
import { expectStatus, runLoad, type LoadJob, type LoadRequest } from "./load-client";
import { benchIds, type BenchIds } from "./load-ids";
import { findProcess, RssSampler, treeRssMb } from "./load-memory";
import { summarize, type ResultRow } from "./load-stats";
import { loadPlan, type BenchUser, type LoadTarget, type ReadTarget, type WriteTarget } from "./load-targets";
import { formFields, intakeJob, meetingJob, readActionIds, stepJob, type OpenPetition } from "./load-writes";

export interface LoadBenchOptions {
  base: string;
  /** The process started by lib/bench/serve.ts: the server is the scripts/serve.ts process beneath it. */
  serverRoot: number;
  databaseUrl: string;
  /** The project's root (for the build's action ids). */
  root: string;
  connections: number[];
  durationMs: number;
  maxRequests?: number;
  /** Requests sent one at a time before each measure, not counted. */
  warmupRequests: number;
  /** Only the targets whose label or user matches. */
  only?: RegExp;
  writes: boolean;
  /** Seconds of idleness before the memory "after" is read. */
  settleSeconds: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface LoadBenchReport {
  rows: ResultRow[];
  skipped: { key: string; reason: string }[];
  warnings: string[];
  rssPeakMb: number;
  rssAfterMb: number;
  loadAverage: [number, number, number];
}

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-encoding": "gzip, deflate, br" };

/** A bench user's session is renewed at this age, well inside the 30 idle minutes after which it lapses. */
const SESSION_RENEWAL_MS = 20 * 60_000;

function readJob(base: string, target: ReadTarget, path: string, cookie: string | undefined): LoadJob {
  const headers: Record<string, string> = { ...BROWSER, ...(cookie ? { cookie } : {}) };
  let body: Buffer | undefined;
  if (target.form) {
    body = Buffer.from(new URLSearchParams(target.form).toString());
    Object.assign(headers, { "content-type": "application/x-www-form-urlencoded", origin: base });
  }
  const request: LoadRequest = { method: target.method, path, headers, body };
  return { next: () => request, check: expectStatus(target.expect, target.marker) };
}

async function openPetitions(client: pg.ClientBase, ids: BenchIds, exclude: string | null): Promise<OpenPetition[]> {
  const { rows } = await client.query<OpenPetition>(
    `SELECT id, status, version FROM "Petition"
      WHERE "unitId" IN (SELECT id FROM "Unit" WHERE "ancestorIds" @> ARRAY[$1]::int[] AND level = 'VILLAGE')
        AND status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED') AND id <> $2
      ORDER BY id DESC LIMIT 20000`,
    [ids.districtId, Number(exclude ?? 0)],
  );
  return rows;
}

/** The form of /meetings/new for a few teams of the district, as the admin's browser gets it. */
async function meetingForms(base: string, cookie: string, teams: readonly number[]) {
  const forms: { action: string; fields: [string, string | { emptyFile: true }][] }[] = [];
  for (const team of teams.slice(0, 20)) {
    const action = `/meetings/new?kind=TEAM_MONTHLY&target=org:${team}`;
    const res = await fetch(new URL(action, base), { headers: { cookie }, redirect: "manual" });
    const fields = res.status === 200 ? formFields(await res.text(), "/meetings/new?") : null;
    if (fields) forms.push({ action, fields });
  }
  return forms;
}

export async function runLoadBench(o: LoadBenchOptions): Promise<LoadBenchReport> {
  const plan = loadPlan(REGISTRY);
  for (const w of plan.warnings) o.log(`⚠⚠ KHÔNG ĐO / NOT MEASURED: ${w}`);
  const serverPid = findProcess(o.serverRoot, "scripts/serve.ts") ?? o.serverRoot;
  const sampler = new RssSampler(serverPid);
  const client = new pg.Client({ connectionString: o.databaseUrl });
  await client.connect();
  try {
    const ids = await benchIds(client);
    const cookies = {} as Record<BenchUser, string>;
    // A session lapses after 30 idle minutes (IDLE_TIMEOUT_SECONDS) and the load client keeps no sliding cookie: a run
    // at 20 and 50 connections lasts longer, so each user signs in again once its session is 20 minutes old.
    const signedInAt = {} as Record<BenchUser, number>;
    const cookieOf = async (user: BenchUser): Promise<string> => {
      if (Date.now() - signedInAt[user] > SESSION_RENEWAL_MS) {
        cookies[user] = await signIn(o.base, BENCH_USERS[user], DEMO_PASSWORD);
        signedInAt[user] = Date.now();
      }
      return cookies[user];
    };
    for (const user of ["admin", "province", "district", "agency"] as const) {
      cookies[user] = await signIn(o.base, BENCH_USERS[user], DEMO_PASSWORD);
      signedInAt[user] = Date.now();
      // A bench user sent elsewhere (to set up a second factor…) would measure that page instead of every other.
      // An agency's account is at home on its list (decision 064).
      const home = await fetch(new URL(user === "agency" ? "/agency" : "/", o.base), { headers: { cookie: cookies[user] }, redirect: "manual" });
      if (home.status !== 200) {
        throw new Error(
          `${BENCH_USERS[user]}: GET / answers ${home.status} → ${home.headers.get("location")}. The bench users must reach their pages in one step: ` +
            `a database made before the generator turned the second-factor policy off needs UPDATE "TwoFactorPolicy" SET required = false (as the demo data does), or a new generation`,
        );
      }
    }
    const actions = readActionIds(o.root);
    const actionId = (name: string) => {
      const id = actions.get(name);
      if (!id) throw new Error(`The build has no server action ${name}: rebuild (npm run build)`);
      return id;
    };
    const today = isoDay(todayInVietnam());
    const warnings = [...plan.warnings];
    const skipped = [...plan.skipped];
    const rows: ResultRow[] = [];
    const selected = plan.targets.filter((t) => (o.writes || t.kind === "read") && (!o.only || o.only.test(`${t.label} ${t.user ?? ""}`)));
    if (!o.writes) skipped.push({ key: "writes", reason: "--no-writes" });

    const jobFor = async (t: LoadTarget): Promise<LoadJob | string> => {
      if (t.kind === "read") {
        const ref = await ids.pick(t.target, t.user);
        if (ref === null) return `no "${t.target}" record in the database`;
        let url = t.url.replace("{target}", ref);
        for (const [placeholder, value] of Object.entries(ids.periods)) {
          if (!url.includes(placeholder)) continue;
          if (value === null) return `no ${placeholder} in the database (npm run bench -- generate-extras adds them)`;
          url = url.replace(placeholder, value);
        }
        return readJob(o.base, t, url, t.user ? await cookieOf(t.user) : undefined);
      }
      return writeJob(t);
    };
    const writeJob = async (t: WriteTarget): Promise<LoadJob | string> => {
      const session = { base: o.base, cookie: await cookieOf(t.user) };
      switch (t.write) {
        case "intake-district":
          return intakeJob({ ...session, actionId: actionId(t.key), villages: ids.districtVillages, fieldIds: ids.fieldIds, today });
        case "intake-spread":
          return intakeJob({ ...session, actionId: actionId(t.key), villages: ids.nationVillages, fieldIds: ids.fieldIds, today });
        case "step": {
          const pool = await openPetitions(client, ids, await ids.pick("petition-received", "district"));
          if (!pool.length) return "no open petition in the bench district";
          return stepJob({ ...session, actionId: actionId(t.key), pool, agencies: ids.districtAgencies });
        }
        case "meeting": {
          const forms = await meetingForms(o.base, session.cookie, ids.districtTeams);
          if (!forms.length) return "no team of the bench district shows a meeting form";
          return meetingJob({ ...session, forms });
        }
      }
    };

    const measure = async (t: LoadTarget, level: number, baselineP95: number): Promise<ResultRow | string> => {
      const connections = t.kind === "read" && t.maxConnections ? Math.min(level, t.maxConnections) : level;
      const warm = await jobFor(t);
      if (typeof warm === "string") return warm;
      // One at a time, and no longer than one timeout: a page that times out is not warmed up three times.
      if (o.warmupRequests > 0) await runLoad(o.base, warm, { connections: 1, durationMs: o.timeoutMs, maxRequests: o.warmupRequests, timeoutMs: o.timeoutMs });
      const job = t.kind === "write" ? await jobFor(t) : warm; // a write's pool is read afresh after the warm-up
      if (typeof job === "string") return job;
      const mark = Date.now();
      const sample = await runLoad(o.base, job, { connections, durationMs: o.durationMs, maxRequests: o.maxRequests, timeoutMs: o.timeoutMs });
      for (const [reason, body] of Object.entries(sample.examples ?? {})) o.log(`  ${t.label} → ${reason}: ${errorExample(body)}`);
      return {
        target: t.label,
        user: t.user ?? "—",
        connections,
        summary: summarize(sample),
        baselineP95,
        rssPeakMb: Math.max(sampler.peakSince(mark), sampler.sample()),
      };
    };

    const notes = new Map<string, string>();
    for (const connections of o.connections) {
      const base = await measure(plan.baseline, connections, Number.NaN);
      if (typeof base === "string") throw new Error(`/api/health: ${base}`);
      base.baselineP95 = base.summary.p95;
      rows.push(base);
      o.log(line(base));
      for (const t of selected) {
        const started = performance.now();
        const row = await measure(t, connections, base.summary.p95);
        if (typeof row === "string") {
          notes.set(`${t.label} (${t.user ?? "—"})`, row);
          continue;
        }
        rows.push(row);
        o.log(`${line(row)}  [${((performance.now() - started) / 1000).toFixed(0)} s]`);
        // Requests abandoned at their timeout go on in the server: the next target waits for them.
        if (row.summary.errors) await settleDatabase(client, o.timeoutMs, o.log);
      }
      const end = await measure(plan.baseline, connections, base.summary.p95);
      if (typeof end !== "string") {
        end.target = `${end.target} (again, at the end)`;
        rows.push(end);
        o.log(line(end));
      }
    }
    for (const [target, why] of notes) warnings.push(`${target}: not measured, ${why}`);
    const rssPeakMb = sampler.peakSince(0);
    o.log(`settling ${o.settleSeconds} s before the memory "after"…`);
    await new Promise((resolve) => setTimeout(resolve, o.settleSeconds * 1000));
    const rssAfterMb = treeRssMb(serverPid);
    const loadavg = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number) as [number, number, number];
    return { rows, skipped, warnings, rssPeakMb, rssAfterMb, loadAverage: loadavg };
  } finally {
    sampler.stop();
    await client.end();
  }
}

/** The `application_name` of the served app's connections (scripts/bench.ts sets it in the server's DATABASE_URL). */
export const SERVER_APPLICATION_NAME = "dan-van-bench-load";

/**
 * Waits (up to `maxMs`) until the served app runs no query: what it still works on for requests
 * the client gave up on would slow the next target's requests and pass for theirs. What is still
 * running then is cancelled, and said: only the app's own connections (by their application
 * name), never another user's of the same database.
 */
async function settleDatabase(client: pg.ClientBase, maxMs: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const active = `FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND application_name = '${SERVER_APPLICATION_NAME}'`;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n ${active}`);
    if (rows[0].n === 0) break;
    if (Date.now() - started > maxMs) {
      const { rows: cancelled } = await client.query<{ n: number }>(`SELECT count(*) FILTER (WHERE pg_cancel_backend(pid))::int AS n ${active}`);
      log(`  ⚠ ${cancelled[0].n} queries of abandoned requests still ran after ${Math.round(maxMs / 1000)} s: cancelled`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 1) log(`  (waited ${waited.toFixed(0)} s for the queries of abandoned requests to end)`);
}

/** What to show of a failed answer: a server action's result row, or the start of the body. */
function errorExample(body: string): string {
  const outcome = /^[0-9a-f]+:(\{"ok":false.*)$/m.exec(body);
  return (outcome ? outcome[1] : body).replace(/\s+/g, " ").slice(0, 240);
}

function line(r: ResultRow): string {
  const s = r.summary;
  return `${r.target} [${r.user}] ×${r.connections}: ${s.rps.toFixed(1)} req/s, p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} ms, ${s.errors} errors${s.errors ? ` (${s.errorReasons.slice(0, 3).join(", ")})` : ""}, RSS ${Math.round(r.rssPeakMb)} MB`;
}
