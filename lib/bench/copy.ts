/**
 * COPY … FROM STDIN in PostgreSQL's text format, fed from a row generator: rows are
 * written in 64 KiB chunks as the server takes them, never held all in memory.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import copyStreams from "pg-copy-streams";

export type CopyValue = string | number | boolean | Date | number[] | null | undefined;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format: `\N` for null, `{1,2}` for an int array. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(",")}}`;
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

export interface CopyProgress {
  /** Logs "<table>: n rows, r rows/s" every `every` rows and at the end. */
  log?: (message: string) => void;
  every?: number;
  /** Awaited (when it returns a promise) before each chunk is sent: a feed written meanwhile catches up. */
  pace?: () => Promise<void> | undefined;
}

/** Streams `rows` into `table`; returns the number of rows written. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyValue[]>,
  { log, every = 500_000, pace }: CopyProgress = {},
): Promise<number> {
  const started = performance.now();
  let count = 0;
  const rate = () => Math.round(count / ((performance.now() - started) / 1000 || 1e-3));
  async function* chunks() {
    let chunk = "";
    for (const row of rows) {
      chunk += row.map(copyField).join("\t") + "\n";
      count++;
      if (log && count % every === 0) log(`  ${table}: ${count.toLocaleString("en")} rows, ${rate().toLocaleString("en")} rows/s`);
      if (chunk.length > 65_536) {
        const wait = pace?.();
        if (wait) await wait;
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  await pipeline(Readable.from(chunks()), client.query(copyStreams.from(sql)));
  log?.(`  ${table}: ${count.toLocaleString("en")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (${rate().toLocaleString("en")} rows/s)`);
  return count;
}

/**
 * Rows of a second table written while the rows of a first are generated (a petition's
 * timeline events, a meeting's attendance), sent by a COPY of their own on another connection
 * (`copyFeed`), so that the server parses both tables at once. The feed holds at most
 * `maxChunks` chunks of 64 KiB: the first table's COPY waits on `pace()` until it has caught up.
 */
export class CopyFeed {
  count = 0;
  private chunk = "";
  private readonly queue: string[] = [];
  private ended = false;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly maxChunks = 64) {}

  row(values: readonly CopyValue[]): void {
    this.line(values.map(copyField).join("\t"));
  }

  /** A row already in COPY's text format, without its line break. */
  line(text: string): void {
    this.chunk += text + "\n";
    this.count++;
    if (this.chunk.length > 65_536) {
      this.queue.push(this.chunk);
      this.chunk = "";
      this.wake?.();
    }
  }

  end(): void {
    if (this.chunk) this.queue.push(this.chunk);
    this.chunk = "";
    this.ended = true;
    this.wake?.();
  }

  /** A promise while the feed is full (it settles once the reader has caught up, or failed). */
  pace(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.queue.length < this.maxChunks) return undefined;
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  fail(error: unknown): void {
    this.failure = error;
    for (const w of this.waiting.splice(0)) w.reject(error);
  }

  async *chunks(): AsyncGenerator<string> {
    for (;;) {
      const next = this.queue.shift();
      if (next !== undefined) {
        if (this.queue.length <= this.maxChunks / 2) for (const w of this.waiting.splice(0)) w.resolve();
        yield next;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}

/** Sends what `feed` receives into `table`, until the feed ends; returns the rows written. */
export async function copyFeed(client: pg.ClientBase, table: string, columns: readonly string[], feed: CopyFeed): Promise<number> {
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  try {
    await pipeline(Readable.from(feed.chunks()), client.query(copyStreams.from(sql)));
  } catch (error) {
    feed.fail(error);
    throw error;
  }
  return feed.count;
}
