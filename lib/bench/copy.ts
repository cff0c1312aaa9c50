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
}

/** Streams `rows` into `table`; returns the number of rows written. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyValue[]>,
  { log, every = 500_000 }: CopyProgress = {},
): Promise<number> {
  const started = performance.now();
  let count = 0;
  const rate = () => Math.round(count / ((performance.now() - started) / 1000 || 1e-3));
  function* chunks() {
    let chunk = "";
    for (const row of rows) {
      chunk += row.map(copyField).join("\t") + "\n";
      count++;
      if (log && count % every === 0) log(`  ${table}: ${count.toLocaleString("en")} rows, ${rate().toLocaleString("en")} rows/s`);
      if (chunk.length > 65_536) {
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
