import { db } from "./client";

/**
 * What /api/health may say. The driver's own words (host, port, role, database names) go to
 * the server log only: the endpoint answers anyone.
 */
export type DbHealth = { ok: true } | { ok: false; reason: "database unavailable" | "database timeout" | "unexpected answer" };

/** One round trip to the database, bounded in time; a failure's detail is logged, not returned. */
export async function checkDatabase(timeoutMs = 5000): Promise<DbHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DbHealth>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[health] database: no answer within ${timeoutMs} ms`);
      resolve({ ok: false, reason: "database timeout" });
    }, timeoutMs);
  });
  const probe = db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.then(
    (rows): DbHealth => (rows[0]?.ok === 1 ? { ok: true } : { ok: false, reason: "unexpected answer" }),
    (error: unknown): DbHealth => {
      console.error(`[health] database: ${describeError(error)}`);
      return { ok: false, reason: "database unavailable" };
    },
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first useful line of a driver error (adapter errors often carry their text in `cause`). */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { message?: string; code?: string; kind?: string; name?: string };
    // Prisma prefixes "Invalid `prisma.…()` invocation:"; the driver's own words come last.
    const lines = (err.message ?? "").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("Invalid `prisma"));
    const text = lines.at(-1) || err.code || err.kind;
    if (text) parts.push(text);
  }
  return parts[0] ?? (error instanceof Error ? error.name : "database unreachable");
}
