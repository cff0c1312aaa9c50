/**
 * Records every statement the app sends to the database, with its parameters, by wrapping the
 * Prisma driver adapter (the one layer every query goes through: Prisma's own, `$queryRaw`,
 * `$executeRaw`, transactions), and explains them on a database of choice. Used by
 * tests/integration/query-plans.test.ts (decision 028) and by `npm run bench -- petitions-list
 * --explain` (what each list's statements read, decision 039).
 */
import type { ArgType, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";

export interface CapturedQuery {
  sql: string;
  args: unknown[];
  argTypes: ArgType[];
  /** What was running when it was sent (a page, a route, an action, and who). */
  source: string;
  /** The planner settings its transaction had made (`SET LOCAL …`) when it was sent. */
  settings: string[];
}

export class QueryRecorder {
  source = "";
  readonly queries: CapturedQuery[] = [];
  /** Set when the database refused a write because the session is read-only (the national database). */
  refusedWrite = false;
  private paused = 0;

  record(query: SqlQuery, settings: readonly string[] = []): void {
    if (this.paused === 0) this.queries.push({ sql: query.sql, args: query.args, argTypes: query.argTypes, source: this.source, settings: [...settings] });
  }

  /** Runs `fn` with `source` as the label of what it sends. */
  async during<T>(source: string, fn: () => Promise<T>): Promise<T> {
    const before = this.source;
    this.source = source;
    try {
      return await fn();
    } finally {
      this.source = before;
    }
  }

  /** Runs `fn` without recording (fixtures, look-ups of the test itself). */
  async without<T>(fn: () => Promise<T>): Promise<T> {
    this.paused++;
    try {
      return await fn();
    } finally {
      this.paused--;
    }
  }
}

/**
 * The object with queryRaw/executeRaw recorded; every other member passes through. A
 * transaction's `SET LOCAL` settings are kept with the statements sent after them in it.
 */
function recorded<T extends SqlQueryable>(inner: T, recorder: QueryRecorder, wrapTransactions: boolean): T {
  const settings: string[] = [];
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) => {
          recorder.record(query, settings);
          const setting = /^\s*SET\s+LOCAL\s+(.+?)\s*;?\s*$/is.exec(query.sql);
          if (setting && !wrapTransactions) settings.push(setting[1]);
          return (target[prop] as (q: SqlQuery) => Promise<unknown>).call(target, query).catch((error: unknown) => {
            if (/read-only transaction|25006/.test(`${String(error)} ${JSON.stringify(error)}`)) recorder.refusedWrite = true;
            throw error;
          });
        };
      }
      if (prop === "startTransaction" && wrapTransactions) {
        return async (...args: unknown[]) => {
          const tx = await (target as unknown as SqlDriverAdapter).startTransaction(...(args as [])); // isolation level, if any
          return recorded(tx as Transaction, recorder, false);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A driver adapter factory whose connections record what they send. */
export function recordingFactory<F extends SqlDriverAdapterFactory>(inner: F, recorder: QueryRecorder): F {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => recorded(await target.connect(), recorder, true);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Statements a plan means something for (not BEGIN, SET, SAVEPOINT …). */
export function isExplainable(sql: string): boolean {
  return /^\s*(\(?\s*SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(sql);
}

/** One node of PostgreSQL's JSON plan. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** A statement's plan; run (`analyze`), also its time and the shared buffers its plan touched. */
export interface Explained {
  query: CapturedQuery;
  plan: PlanNode | null;
  error?: string;
  executionMs?: number;
  buffers?: number;
}

/**
 * The plans of the statements, explained in one transaction on `adapter` (then rolled back),
 * with `settings` applied first (e.g. `enable_seqscan = off`). Each statement is explained as
 * sent, with its parameters bound, so PostgreSQL plans it for those values. With `analyze`, each
 * is run too, under its own time budget (a count stopped by it is an error, as in the app).
 */
export async function explainAll(adapter: SqlDriverAdapter, queries: readonly CapturedQuery[], settings: readonly string[] = [], options: { analyze?: boolean } = {}): Promise<Explained[]> {
  const tx = await adapter.startTransaction();
  const out: Explained[] = [];
  const explain = options.analyze ? "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)" : "EXPLAIN (FORMAT JSON)";
  try {
    for (const setting of settings) await tx.executeRaw({ sql: `SET LOCAL ${setting}`, args: [], argTypes: [] });
    let n = 0;
    for (const query of queries) {
      // A statement that cannot be explained (it refers to something made and dropped in its own
      // transaction…) must not end the others: each one under its own savepoint.
      const savepoint = `explain_${++n}`;
      await tx.executeRaw({ sql: `SAVEPOINT ${savepoint}`, args: [], argTypes: [] });
      try {
        // The statement's own planner settings (a time budget is no planner setting, but bounds a run).
        for (const setting of query.settings) {
          if (options.analyze || !/^statement_timeout\b/i.test(setting)) await tx.executeRaw({ sql: `SET LOCAL ${setting}`, args: [], argTypes: [] });
        }
        const result = await tx.queryRaw({ sql: `${explain} ${query.sql}`, args: query.args, argTypes: query.argTypes });
        const cell = result.rows[0]?.[0];
        const json = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: PlanNode; "Execution Time"?: number }[];
        const plan = json[0].Plan;
        const buffers = options.analyze ? Number(plan["Shared Hit Blocks"] ?? 0) + Number(plan["Shared Read Blocks"] ?? 0) : undefined;
        out.push({ query, plan, executionMs: json[0]["Execution Time"], buffers });
        // Back to the settings before it (ROLLBACK TO undoes its SET LOCALs).
        await tx.executeRaw({ sql: `ROLLBACK TO SAVEPOINT ${savepoint}`, args: [], argTypes: [] });
        await tx.executeRaw({ sql: `RELEASE SAVEPOINT ${savepoint}`, args: [], argTypes: [] });
      } catch (error) {
        out.push({ query, plan: null, error: String((error as Error).message ?? error) });
        await tx.executeRaw({ sql: `ROLLBACK TO SAVEPOINT ${savepoint}`, args: [], argTypes: [] });
        await tx.executeRaw({ sql: `RELEASE SAVEPOINT ${savepoint}`, args: [], argTypes: [] });
      }
    }
  } finally {
    // adapter-pg leaves BEGIN/ROLLBACK to its caller; PGlite's adapter ends the transaction itself.
    if (!tx.options.usePhantomQuery) await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => {});
    await tx.rollback();
  }
  return out;
}
