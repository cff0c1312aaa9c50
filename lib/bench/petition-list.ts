/**
 * Times `listPetitions` (the real function, on the real Prisma client and adapter-pg)
 * against a database made by `npm run bench -- generate`, for a district, a province
 * and the nation, over the filters people actually use; or, with `--explain`, says what the
 * server does for one call: every statement it sends, run with `EXPLAIN (ANALYZE, BUFFERS)`.
 * Buffers are a count that the machine's load does not change: the measure of decision 039's
 * "a page costs what it shows, at any size".
 */
import { performance } from "node:perf_hooks";
import { loadActor, type Actor } from "../auth/actor";
import { db } from "../db/client";
import { listPetitions, parsePetitionFilters, type PetitionFilters } from "../petitions/list";
import { addDaysUtc, isoDay, todayInVietnam } from "../time";
import { BENCH_USERS } from "./generate";
import { explainAll, isExplainable, type QueryRecorder } from "../db/query-capture";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

export interface ListTiming {
  user: string;
  query: string;
  p50: number;
  p95: number;
  total: number;
}

type Params = Record<string, string>;

async function queries(actor: Actor): Promise<[string, () => Promise<PetitionFilters>][]> {
  const today = todayInVietnam();
  const land = await db.petitionField.findUniqueOrThrow({ where: { code: "dat-dai" }, select: { id: true } });
  const plain = (params: Params) => async () => parsePetitionFilters(params);
  return [
    ["first page", plain({})],
    ["status open", plain({ status: "RECEIVED,ASSIGNED,IN_PROGRESS" })],
    ["overdue", plain({ overdue: "1" })],
    ["field + 3 months", plain({ field: String(land.id), from: isoDay(addDaysUtc(today, -91)), to: isoDay(today) })],
    ['search "nguyen van"', plain({ q: "nguyen van" })],
    ["sort by due date", plain({ sort: "dueOn", dir: "asc" })],
    ["sort by code", plain({ sort: "code", dir: "asc" })],
    [
      "page 21 (keyset)",
      async () => {
        // The cursor after 20 pages, followed once, then timed as it stands.
        let filters = parsePetitionFilters({});
        for (let i = 0; i < 20; i++) {
          const page = await listPetitions(actor, filters);
          if (!page.nextCursor) break;
          filters = { ...filters, cursor: page.nextCursor };
        }
        return filters;
      },
    ],
  ];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function benchActor(username: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { username }, select: { id: true } });
  const actor = user && (await loadActor(user.id));
  if (!actor) throw new Error(`Không có người dùng / no user ${username}: run npm run bench -- generate first`);
  return actor;
}

const BENCH_LIST_USERS = [BENCH_USERS.district, BENCH_USERS.province, BENCH_USERS.admin];

export async function benchPetitionList(options: { runs?: number; warmups?: number; log?: (message: string) => void } = {}): Promise<ListTiming[]> {
  const { runs = 30, warmups = 3, log = () => {} } = options;
  const out: ListTiming[] = [];
  for (const username of BENCH_LIST_USERS) {
    const actor = await benchActor(username);
    for (const [query, make] of await queries(actor)) {
      const filters = await make();
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < warmups + runs; i++) {
        const started = performance.now();
        const page = await listPetitions(actor, filters);
        if (i >= warmups) times.push(performance.now() - started);
        total = page.total;
      }
      times.sort((a, b) => a - b);
      const row = { user: username, query, p50: percentile(times, 50), p95: percentile(times, 95), total };
      log(`${username.padEnd(15)} ${query.padEnd(20)} p50 ${row.p50.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  (${total} counted)`);
      out.push(row);
    }
  }
  return out;
}

export interface ListReads {
  user: string;
  query: string;
  /** Shared buffers touched by all the statements of one call. */
  buffers: number;
  /** Their execution times, summed, in the server; a count stopped by its budget counts its budget. */
  serverMs: number;
  /** Statements stopped by their time budget (the list's count, decision 010). */
  stopped: number;
  total: number;
  totalExact: boolean;
}

/**
 * One call of `listPetitions` per user and query, after one to warm the caches: its statements,
 * recorded by `recorder` (installed on the app's client), run again with `EXPLAIN (ANALYZE,
 * BUFFERS)` on `explainOn` under the settings each was sent with.
 */
export async function explainPetitionList(recorder: QueryRecorder, explainOn: SqlDriverAdapter): Promise<ListReads[]> {
  const out: ListReads[] = [];
  for (const username of BENCH_LIST_USERS) {
    const actor = await benchActor(username);
    for (const [query, make] of await queries(actor)) {
      const filters = await make();
      await listPetitions(actor, filters);
      recorder.queries.length = 0;
      const page = await listPetitions(actor, filters);
      const explained = await explainAll(explainOn, recorder.queries.filter((q) => isExplainable(q.sql)), [], { analyze: true });
      const stopped = explained.filter((e) => e.error).length;
      const budget = (e: (typeof explained)[number]) => Number(/statement_timeout\s*=\s*(\d+)/.exec(e.query.settings.join(";"))?.[1] ?? 0);
      out.push({
        user: username,
        query,
        buffers: explained.reduce((n, e) => n + (e.buffers ?? 0), 0),
        serverMs: explained.reduce((n, e) => n + (e.error ? budget(e) : (e.executionMs ?? 0)), 0),
        stopped,
        total: page.total,
        totalExact: page.totalExact,
      });
    }
  }
  return out;
}
