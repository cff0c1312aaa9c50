/**
 * The job queue: pg-boss on the app's own database (decision 060). Its tables live in the `pgboss`
 * schema of the same database, and it sends every statement through the adapter the app already
 * holds (`AdapterHandle.executeSql`): the pool on PostgreSQL, the one PGlite instance of the process
 * on the embedded database, where no second connection exists.
 */
import crypto from "node:crypto";
import PgBoss from "pg-boss";
import { currentDbHandle, db } from "../db/client";
import type { AdapterHandle } from "../db/adapter";

export const JOB_SCHEMA = "pgboss";

/** The queues, with their retry policy: five tries, waits doubling from 30 s (pg-boss's back-off). */
export const QUEUES = {
  /** The daily reminder sweep (lib/notifications/sweep.ts), one job per day. */
  sweep: "reminders-sweep",
  /** One delivery per notification, on the channels its user chose (e-mail, Zalo, SMS). */
  deliver: "notification-deliver",
  /** One e-mail per agency link issued to an agency with an address (decision 075): the job holds the link's id only. */
  agencyLinkEmail: "agency-link-email",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const QUEUE_OPTIONS: PgBoss.Queue = {
  name: "",
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  retentionDays: 7,
};

/**
 * A job's id made from what it is about ("email:42"): pg-boss inserts with ON CONFLICT DO
 * NOTHING on (queue, id), so sending the same work twice makes one job, however often a sweep runs.
 */
export function jobId(key: string): string {
  const h = crypto.createHash("sha256").update(key).digest("hex");
  // The form of a UUID (version 5's bits), which pg-boss's uuid column requires.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const globalForQueue = globalThis as unknown as { __danVanQueue?: Promise<PgBoss> };

function handleNow(): AdapterHandle {
  void db.$connect; // opens the app's database on first use
  const handle = currentDbHandle();
  if (!handle) throw new Error("job queue: the database is not open");
  return handle;
}

/**
 * The queue of this process, started once (its schema installed or migrated by pg-boss on
 * first start), on the app's database.
 */
export function jobQueue(): Promise<PgBoss> {
  globalForQueue.__danVanQueue ??= (async () => {
    const handle = handleNow();
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
      schema: JOB_SCHEMA,
      // Maintenance and the cron clock every minute: enough for a daily sweep, quiet on PGlite.
      maintenanceIntervalSeconds: 120,
      monitorStateIntervalSeconds: 120,
    } as PgBoss.ConstructorOptions);
    boss.on("error", (error) => console.error(`[jobs] ${error instanceof Error ? error.message : String(error)}`));
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { ...QUEUE_OPTIONS, name });
    }
    return boss;
  })().catch((error) => {
    globalForQueue.__danVanQueue = undefined;
    throw error;
  });
  return globalForQueue.__danVanQueue;
}

/** Stops the process's queue (tests, the worker's shutdown); its jobs stay in the database. */
export async function stopJobQueue(): Promise<void> {
  const pending = globalForQueue.__danVanQueue;
  globalForQueue.__danVanQueue = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
}

/** Sends a job once for its key (see `jobId`); null when it was sent before. */
export async function sendOnce(queue: QueueName, key: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await jobQueue();
  return boss.send(queue, data, { ...options, id: jobId(`${queue}:${key}`) });
}
