/**
 * Times `dashboardFor` (the real function, on the real Prisma client and adapter-pg) against
 * a database made by `npm run bench -- generate`: a province's dashboard with its full child
 * table, and the nation's, for the last twelve whole months. In the same run it times the
 * same figures computed live over the base tables (lib/dashboards/live.ts), for the ratio.
 */
import { performance } from "node:perf_hooks";
import { loadActor } from "../auth/actor";
import { db } from "../db/client";
import { dashboardFor } from "../dashboards/dashboard";
import { liveFigures } from "../dashboards/live";
import { parsePeriod } from "../dashboards/period";
import { isoDay, todayInVietnam } from "../time";
import { BENCH_USERS } from "./generate";

export interface DashboardTiming {
  user: string;
  unit: string;
  children: number;
  received: number;
  rollup: { p50: number; p95: number };
  /** The same dashboard "as the units were". */
  historical: { p50: number; p95: number };
  live: { p50: number; p95: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(runs: number, warmups: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const started = performance.now();
    await fn();
    if (i >= warmups) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function benchDashboard(options: { runs?: number; liveRuns?: number; log?: (message: string) => void } = {}): Promise<DashboardTiming[]> {
  const { runs = 50, liveRuns = 5, log = () => {} } = options;
  const now = new Date();
  const today = todayInVietnam(now);
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const period = parsePeriod(isoDay(new Date(Date.UTC(last.getUTCFullYear() - 1, last.getUTCMonth() + 1, 1))), isoDay(last));
  const out: DashboardTiming[] = [];
  for (const username of [BENCH_USERS.province, BENCH_USERS.admin]) {
    const user = await db.user.findUnique({ where: { username }, select: { id: true } });
    const actor = user && (await loadActor(user.id));
    if (!actor) throw new Error(`Không có người dùng / no user ${username}: run npm run bench -- generate first`);
    const dashboard = await dashboardFor(actor, actor.unit.id, period, "restated", now);
    if (!dashboard) throw new Error(`no dashboard for ${username}`);
    const display = [actor.unit.id, ...dashboard.children.map((c) => c.unit.id)];
    const rollup = await time(runs, 3, () => dashboardFor(actor, actor.unit.id, period, "restated", now));
    const historical = await time(runs, 3, () => dashboardFor(actor, actor.unit.id, period, "historical", now));
    const live = await time(liveRuns, 1, () => liveFigures(display, period, isoDay(today)));
    const row = {
      user: username,
      unit: `${dashboard.unit.typeLabel} ${dashboard.unit.name}`,
      children: dashboard.children.length,
      received: dashboard.kpis.received,
      rollup,
      historical,
      live,
    };
    log(
      `${username.padEnd(15)} ${row.unit} (${row.children} children, ${row.received.toLocaleString("en")} received ${period.from}…${period.to}): ` +
        `rollups p50 ${rollup.p50.toFixed(1)} ms p95 ${rollup.p95.toFixed(1)} ms (historical ${historical.p50.toFixed(1)} / ${historical.p95.toFixed(1)}); live p50 ${live.p50.toFixed(0)} ms p95 ${live.p95.toFixed(0)} ms; ` +
        `ratio p95 1/${(live.p95 / rollup.p95).toFixed(0)}`,
    );
    out.push(row);
  }
  return out;
}
