/**
 * Bulk inserts for the large tables. Prisma's createMany spends about 60 µs per bound
 * value in JavaScript (measured: 4,000 meetings in 2.3 s even on a local PostgreSQL),
 * which alone would take the seed past a minute. Sending each chunk as one JSON
 * parameter and letting PostgreSQL expand it with json_to_recordset is 3–4 times
 * faster on both PGlite and PostgreSQL. Rows keep Prisma's CreateManyInput types, so
 * the compiler still checks every column.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** How a column is declared for json_to_recordset; enums travel as text and are cast. */
export type ColumnType = "int" | "text" | "boolean" | "date" | "timestamp" | "jsonb" | { enum: string };

export type Columns<T> = { [K in keyof T]?: ColumnType };

const DECLARED: Record<Exclude<ColumnType, { enum: string }>, string> = {
  int: "int",
  text: "text",
  boolean: "boolean",
  date: "date",
  // Prisma stores DateTime as UTC wall time in timestamp(3); an ISO string's "Z" is dropped on input, which is that.
  timestamp: "timestamp(3)",
  jsonb: "jsonb",
};

/**
 * Inserts `rows` into `table` in chunks. Table and column names come from the seed's
 * own code, never from data, so building the statement text is safe.
 */
export async function bulkInsert<T extends object>(
  db: PrismaClient,
  table: string,
  columns: Columns<T>,
  rows: readonly T[],
  chunkSize = 5000,
): Promise<void> {
  const names = Object.keys(columns) as (keyof T & string)[];
  const quoted = names.map((n) => `"${n}"`).join(", ");
  const declared = names.map((n) => {
    const t = columns[n] as ColumnType;
    return `"${n}" ${typeof t === "string" ? DECLARED[t] : "text"}`;
  });
  const selected = names.map((n) => {
    const t = columns[n] as ColumnType;
    return typeof t === "string" ? `x."${n}"` : `x."${n}"::"${t.enum}"`;
  });
  const sql = `INSERT INTO "${table}" (${quoted}) SELECT ${selected.join(", ")} FROM json_to_recordset($1::json) AS x(${declared.join(", ")})`;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    // Only the declared columns travel; undefined becomes null like a missing key.
    const json = JSON.stringify(chunk.map((r) => Object.fromEntries(names.map((n) => [n, (r as Record<string, unknown>)[n] ?? null]))));
    const inserted = await db.$executeRawUnsafe(sql, json);
    if (inserted !== chunk.length) throw new Error(`bulkInsert(${table}): inserted ${inserted} of ${chunk.length} rows`);
  }
}
