/** What the unit import commands share: reading the file, reporting its errors, the database. */
import fs from "node:fs";
import { openAdapter } from "../lib/db/adapter";
import { closeDb, installDb } from "../lib/db/client";
import { databaseConfig, describeDatabase } from "../lib/db/config";
import type { PrismaClient } from "../lib/generated/prisma/client";

/** The file's bytes, or exit 1 with a message when it is missing or over the limit. */
export function readImportFile(file: string, maxBytes: number): Buffer {
  if (!fs.existsSync(file)) {
    console.error(`${file}: không có tệp này / no such file`);
    process.exit(1);
  }
  const size = fs.statSync(file).size;
  if (size > maxBytes) {
    console.error(`${file}: tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB); giới hạn là ${maxBytes / 1024 / 1024} MB`);
    process.exit(1);
  }
  return fs.readFileSync(file);
}

/** Prints each problem by its row and exits 1: nothing is imported from a file with errors. */
export function exitWithFileErrors(file: string, errors: { at: string; message: string }[], truncated: boolean): never {
  console.error(`${file}: tệp có lỗi, không nhập gì / the file has errors, nothing imported:`);
  for (const e of errors) console.error(`  ${e.at}: ${e.message}`);
  if (truncated) console.error("  … và còn lỗi khác / and more");
  process.exit(1);
}

/** Runs `fn` on DATABASE_URL's database, then closes it (PGlite allows one process at a time). */
export async function withDatabase<T>(fn: (db: PrismaClient, description: string) => Promise<T>): Promise<T> {
  const config = databaseConfig();
  const db = installDb(openAdapter(config));
  try {
    return await fn(db, describeDatabase(config));
  } finally {
    await closeDb();
  }
}

/** Expected refusals are plain Errors whose message says it all; anything else shows its stack. */
export function exitOnError(error: unknown): never {
  const plain = error instanceof Error && error.constructor === Error;
  console.error(error instanceof Error ? (plain ? error.message : (error.stack ?? error.message)) : error);
  process.exit(1);
}
