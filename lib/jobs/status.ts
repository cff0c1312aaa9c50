/**
 * What administrators see of the job queue (/admin/jobs, decision 060): per queue, the jobs waiting,
 * retrying, running, done and failed, the last run, and the latest failures with their error's first
 * line. Read from pg-boss's own tables (its `job` and `archive`), in the app's database.
 */
import { db } from "../db/client";
import { JOB_SCHEMA, QUEUES } from "./queue";

export interface QueueStatus {
  name: string;
  waiting: number;
  retrying: number;
  active: number;
  completed: number;
  failed: number;
  lastCompletedAt: Date | null;
  lastFailedAt: Date | null;
}

export interface FailedJob {
  queue: string;
  id: string;
  retryCount: number;
  at: Date | null;
  error: string;
}

export interface JobsOverview {
  /** False until a worker has started once on this database (pg-boss makes its tables then). */
  installed: boolean;
  queues: QueueStatus[];
  failures: FailedJob[];
}

const NAMES = Object.values(QUEUES) as string[];

export async function jobsOverview(): Promise<JobsOverview> {
  const [{ installed }] = await db.$queryRaw<{ installed: boolean }[]>`SELECT to_regclass(${`${JOB_SCHEMA}.archive`}) IS NOT NULL AS installed`;
  if (!installed) return { installed: false, queues: NAMES.map((name) => empty(name)), failures: [] };
  const counts = await db.$queryRawUnsafe<{ name: string; state: string; n: number; last: Date | null }[]>(
    `SELECT name, state::text AS state, count(*)::int AS n, max(completed_on) AS last
       FROM (SELECT name, state, completed_on FROM ${JOB_SCHEMA}.job WHERE name = ANY($1)
             UNION ALL SELECT name, state, completed_on FROM ${JOB_SCHEMA}.archive WHERE name = ANY($1)) j
      GROUP BY name, state`,
    NAMES,
  );
  const failures = await db.$queryRawUnsafe<{ queue: string; id: string; retryCount: number; at: Date | null; output: unknown }[]>(
    `SELECT name AS queue, id::text AS id, retry_count AS "retryCount", completed_on AS at, output
       FROM ${JOB_SCHEMA}.job WHERE name = ANY($1) AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 20`,
    NAMES,
  );
  const queues = NAMES.map((name) => {
    const q = empty(name);
    for (const row of counts.filter((c) => c.name === name)) {
      if (row.state === "created") q.waiting += row.n;
      else if (row.state === "retry") q.retrying += row.n;
      else if (row.state === "active") q.active += row.n;
      else if (row.state === "completed") {
        q.completed += row.n;
        q.lastCompletedAt = row.last;
      } else if (row.state === "failed") {
        q.failed += row.n;
        q.lastFailedAt = row.last;
      }
    }
    return q;
  });
  return { installed: true, queues, failures: failures.map((f) => ({ queue: f.queue, id: f.id, retryCount: f.retryCount, at: f.at, error: firstLine(f.output) })) };
}

function empty(name: string): QueueStatus {
  return { name, waiting: 0, retrying: 0, active: 0, completed: 0, failed: 0, lastCompletedAt: null, lastFailedAt: null };
}

/** The error's first line only: a stack or a message may carry more than an administrator needs. */
function firstLine(output: unknown): string {
  const message = output && typeof output === "object" && "message" in output ? String((output as { message: unknown }).message) : output ? String(output) : "";
  return message.split("\n")[0].slice(0, 200);
}
