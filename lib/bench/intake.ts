/**
 * Intake under load: the real `createPetition`, on the real Prisma client and adapter-pg (its
 * pool as the app sizes it, DATABASE_POOL_SIZE), against a copy of the national database made
 * by `npm run bench -- generate`. One writer for the latency of a single intake; then several
 * writers at once, all in one district or each in its own district, for throughput and
 * failures. It writes petitions: run it on a copy (scripts/bench.ts says how), never on the
 * database other benchmarks read.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { loadActor, type Actor } from "../auth/actor";
import { db } from "../db/client";
import { createPetition } from "../petitions/intake";
import type { IntakeInput } from "../petitions/schemas";
import { todayInVietnam } from "../time";
import { BENCH_USERS } from "./generate";

export interface IntakeBenchOptions {
  writers: number;
  /** Intakes each writer makes, one after another. */
  perWriter: number;
  /** Each writer in its own district (bench.admin), instead of all in bench.district's district. */
  spread: boolean;
  log?: (message: string) => void;
}

export interface IntakeBenchReport {
  writers: number;
  spread: boolean;
  districts: number;
  saved: number;
  failed: number;
  /** Failures by error code (or message), to see what failed. */
  failures: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

async function benchActor(username: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { username }, select: { id: true } });
  const actor = user && (await loadActor(user.id));
  if (!actor) throw new Error(`Không có người dùng / no user ${username}: run npm run bench -- generate first`);
  return actor;
}

/** Open villages of a district, for the petitions' places. */
async function villagesOf(districtId: number): Promise<number[]> {
  const rows = await db.unit.findMany({ where: { ancestorIds: { has: districtId }, level: "VILLAGE", validTo: null }, select: { id: true }, take: 200 });
  if (!rows.length) throw new Error(`district ${districtId} has no villages`);
  return rows.map((r) => r.id);
}

/** The districts the writers work in: bench.district's own, or one distinct district per writer. */
async function places(options: IntakeBenchOptions): Promise<{ actor: Actor; villages: number[][] }> {
  if (!options.spread) {
    const actor = await benchActor(BENCH_USERS.district);
    const villages = await villagesOf(actor.unit.id);
    return { actor, villages: Array.from({ length: options.writers }, () => villages) };
  }
  const actor = await benchActor(BENCH_USERS.admin);
  // Districts spread over the country: every n-th by id.
  const all = await db.unit.findMany({ where: { level: "DISTRICT", validTo: null }, select: { id: true }, orderBy: { id: "asc" } });
  const step = Math.max(1, Math.floor(all.length / options.writers));
  const districts = Array.from({ length: options.writers }, (_, i) => all[(i * step) % all.length].id);
  return { actor, villages: await Promise.all(districts.map(villagesOf)) };
}

export async function benchIntake(options: IntakeBenchOptions): Promise<IntakeBenchReport> {
  const log = options.log ?? (() => {});
  const { actor, villages } = await places(options);
  const fields = (await db.petitionField.findMany({ where: { active: true }, select: { id: true } })).map((f) => f.id);
  const receivedOn = todayInVietnam();
  let n = 0;
  const input = (writer: number): IntakeInput => {
    n++;
    const places = villages[writer];
    return {
      idempotencyKey: randomUUID(),
      receivedOn,
      channel: "RECEPTION",
      petitionerKind: "PERSON",
      petitionerName: "Nguyễn Văn Thử",
      petitionerPhone: "0912345678",
      petitionerAddress: undefined,
      unitId: places[n % places.length],
      fieldId: fields[n % fields.length],
      content: `Đề nghị sửa chữa đường liên thôn bị xuống cấp (thử tải ${n}).`,
      attachments: [],
    };
  };

  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.writers }, async (_, writer) => {
      for (let i = 0; i < options.perWriter; i++) {
        const one = input(writer);
        const t0 = performance.now();
        try {
          await createPetition(actor, one);
          latencies.push(performance.now() - t0);
        } catch (error) {
          const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message.split("\n")[0].slice(0, 80) : String(error));
          failures[code] = (failures[code] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  const report: IntakeBenchReport = {
    writers: options.writers,
    spread: options.spread,
    districts: new Set(villages).size,
    saved: latencies.length,
    failed,
    failures,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
  log(`${options.writers} writer(s)${options.spread ? `, ${report.districts} districts` : ", one district"}: ${report.saved} saved, ${failed} failed in ${seconds.toFixed(1)} s`);
  return report;
}
