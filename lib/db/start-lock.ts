/**
 * One process at a time through start-up's migrations, demo seed and build, when several app
 * processes start together on one PostgreSQL database (README, "Several app processes"): the
 * seed's emptiness check and a `next build` must not run twice at once. A session advisory lock
 * on a connection of its own, released when done or when the process dies. The embedded PGlite
 * serves one process only: nothing to lock.
 */
import pg from "pg";
import type { DatabaseConfig } from "./config";

/** An arbitrary constant: "dv start" in the advisory lock space of this database. */
const START_LOCK_KEY = 0x64_76_73_74;

export async function withStartLock<T>(config: DatabaseConfig, fn: () => Promise<T>): Promise<T> {
  if (config.kind !== "postgres") return fn();
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [START_LOCK_KEY]);
    return await fn();
  } finally {
    // Closing the session releases the lock, whatever happened.
    await client.end().catch(() => undefined);
  }
}
