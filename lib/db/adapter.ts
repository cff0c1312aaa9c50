import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseConfig } from "./config";

/**
 * Opens the embedded database with the extensions our migrations enable; `loadDataDir` fills
 * a new folder from a back-up (lib/db/backup.ts).
 */
export function openPglite(dataDir: string | null, opts: { loadDataDir?: Blob } = {}): PGlite {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  return new PGlite({ dataDir: dataDir ?? undefined, extensions: { pg_trgm, unaccent }, loadDataDir: opts.loadDataDir });
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The schema engine's introspection reads catalog columns of PostgreSQL's internal
 * `"char"` type, which adapter-pg cannot decode. Their text form is plain text, so we
 * relabel them as text on the way back.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const f of res?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
        return res;
      });
    }
    return result;
  }
}

/**
 * adapter-pg runs a migration script by splitting it on every ";", which cuts the body of a
 * plpgsql function (the rollup triggers' migration has them). PostgreSQL takes a whole
 * script in one simple-protocol query, as PGlite's adapter sends it: do that instead.
 */
function wholeScripts<A extends SqlDriverAdapter>(adapter: A): A {
  const inner = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script);
    } catch (error) {
      inner.onError(error);
    }
  };
  return adapter;
}

class WholeScriptPg extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

export interface AdapterHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the connection pool or closes the embedded database. */
  close(): Promise<void>;
  /**
   * A statement sent past Prisma, on the same pool or embedded database: the job queue's
   * (pg-boss's `db.executeSql`, decision 060). Without values the text may hold several statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Builds the Prisma driver adapter for a database. */
export function openAdapter(config: DatabaseConfig, opts: { forMigrations?: boolean } = {}): AdapterHandle {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      Client: opts.forMigrations ? CharAsTextClient : pg.Client,
    });
    // An idle connection the server ends (a restart, a dropped database) emits an error on the
    // pool; unheard, it would crash the process. The next query simply opens a new connection.
    pool.on("error", (error) => console.error(`[db] idle connection closed: ${error.message}`));
    const factory = opts.forMigrations ? new WholeScriptPg(pool) : new PrismaPg(pool);
    return { factory, close: () => pool.end(), executeSql: (text, values) => pool.query(text, values as unknown[] | undefined) };
  }
  return pgliteHandle(openPglite(config.dataDir));
}

export function pgliteHandle(client: PGlite): AdapterHandle {
  const base = new PrismaPGlite(client);
  // PGlite's own shadow database lacks our extensions: give it a fresh one that has them.
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async (): Promise<SqlDriverAdapter> => new PrismaPGlite(openPglite(null)).connect(),
  };
  return { factory, close: () => client.close(), executeSql: (text, values) => pgliteSql(client, text, values) };
}

/**
 * PGlite runs a parameterised statement through `query` (one statement) and a script without
 * parameters through `exec` (several, as pg-boss installs its schema); either waits for a
 * transaction Prisma holds open, since PGlite serialises them.
 */
async function pgliteSql(client: PGlite, text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
  if (values && values.length > 0) return client.query(text, values as unknown[]);
  const results = await client.exec(text);
  return results[results.length - 1] ?? { rows: [] };
}
