import { db } from "./client";

export type DbHealth = { ok: true } | { ok: false; reason: string };

/** One round trip to the database, bounded in time. */
export async function checkDatabase(timeoutMs = 5000): Promise<DbHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DbHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const probe = db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.then(
    (rows): DbHealth => (rows[0]?.ok === 1 ? { ok: true } : { ok: false, reason: "unexpected answer" }),
    (error: unknown): DbHealth => ({ ok: false, reason: error instanceof Error ? error.message.split("\n")[0] : String(error) }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
