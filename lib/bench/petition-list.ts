/**
 * Times `listPetitions` (the real function, on the real Prisma client and adapter-pg)
 * against a database made by `npm run bench -- generate`, for a district, a province
 * and the nation, over the filters people actually use.
 */
import { performance } from "node:perf_hooks";
import { loadActor, type Actor } from "../auth/actor";
import { db } from "../db/client";
import { listPetitions, parsePetitionFilters, type PetitionFilters } from "../petitions/list";
import { addDaysUtc, isoDay, todayInVietnam } from "../time";
import { BENCH_USERS } from "./generate";

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

export async function benchPetitionList(options: { runs?: number; warmups?: number; log?: (message: string) => void } = {}): Promise<ListTiming[]> {
  const { runs = 30, warmups = 3, log = () => {} } = options;
  const out: ListTiming[] = [];
  for (const username of [BENCH_USERS.district, BENCH_USERS.province, BENCH_USERS.admin]) {
    const user = await db.user.findUnique({ where: { username }, select: { id: true } });
    const actor = user && (await loadActor(user.id));
    if (!actor) throw new Error(`Không có người dùng / no user ${username}: run npm run bench -- generate first`);
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
