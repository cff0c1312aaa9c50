import { PrismaClient } from "../generated/prisma/client";
import { databaseConfig } from "./config";
import { openAdapter, type AdapterHandle } from "./adapter";

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbState {
  client: PrismaClient;
  handle: AdapterHandle;
}

const globalForDb = globalThis as unknown as { __danVanDb?: DbState };

function current(): PrismaClient {
  if (!globalForDb.__danVanDb) {
    const handle = openAdapter(databaseConfig());
    globalForDb.__danVanDb = { client: new PrismaClient({ adapter: handle.factory }), handle };
  }
  return globalForDb.__danVanDb.client;
}

/**
 * The one Prisma client of the process, on the database DATABASE_URL names. It is
 * opened on first use; tests and scripts may install another with `installDb`.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = current();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Installs a client on a database opened elsewhere (tests, scripts). */
export function installDb(handle: AdapterHandle): PrismaClient {
  const client = new PrismaClient({ adapter: handle.factory });
  globalForDb.__danVanDb = { client, handle };
  return client;
}

/** The adapter the client runs on, once opened (tests that wrap or explain what it sends). */
export function currentDbHandle(): AdapterHandle | undefined {
  return globalForDb.__danVanDb?.handle;
}

export async function closeDb(): Promise<void> {
  const state = globalForDb.__danVanDb;
  globalForDb.__danVanDb = undefined;
  if (!state) return;
  await state.client.$disconnect();
  await state.handle.close();
}
