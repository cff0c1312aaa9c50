/** What the unit import commands share: reading the file, reporting its errors, the database. */
import fs from "node:fs";
import { isCalendarDate } from "../lib/calendar/date";
import { openAdapter } from "../lib/db/adapter";
import { closeDb, installDb } from "../lib/db/client";
import { databaseConfig, describeDatabase } from "../lib/db/config";
import { migrateDatabase } from "../lib/db/migrations";
import { loadEnvFile } from "../lib/env";
import type { PrismaClient } from "../lib/generated/prisma/client";

export interface ImportArgs {
  file: string;
  /** The day given with the date option ("YYYY-MM-DD"), or the default. */
  dayText: string;
  day: Date;
  dryRun: boolean;
}

/**
 * `<file> [--<dateOption> YYYY-MM-DD] [--dry-run]` from the command line; a mistake prints
 * `usageLine` and exits 2.
 */
export function parseImportArgs(usageLine: string, options: { dateOption: string; defaultDay: Date; dryRun: boolean }): ImportArgs {
  const usage = (message?: string): never => {
    if (message) console.error(message);
    console.error(`Cách dùng / usage: ${usageLine}`);
    process.exit(2);
  };
  const flag = `--${options.dateOption}`;
  const args = process.argv.slice(2).filter((a) => a !== "--");
  let file: string | undefined;
  let dayText = options.defaultDay.toISOString().slice(0, 10);
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (options.dryRun && arg === "--dry-run") dryRun = true;
    else if (arg === flag) dayText = args[++i] ?? usage(`${flag} cần một ngày / needs a date`);
    else if (arg.startsWith(`${flag}=`)) dayText = arg.slice(flag.length + 1);
    else if (arg.startsWith("--")) usage(`Tùy chọn không rõ / unknown option ${arg}`);
    else if (file) usage("Chỉ nhận một tệp / one file only");
    else file = arg;
  }
  if (!file) return usage();
  if (!isCalendarDate(dayText)) usage(`Ngày không hợp lệ / invalid date: ${dayText}`);
  return { file, dayText, day: new Date(`${dayText}T00:00:00Z`), dryRun };
}

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

/**
 * Runs `fn` on DATABASE_URL's database (from the environment or `.env`), migrated first so
 * that a command works on a fresh database, then closes it (PGlite allows one process at a time).
 */
export async function withDatabase<T>(fn: (db: PrismaClient, description: string) => Promise<T>): Promise<T> {
  loadEnvFile();
  const config = databaseConfig();
  const applied = await migrateDatabase(config);
  if (applied.length) console.log(`${describeDatabase(config)}: đã áp dụng / applied ${applied.join(", ")}`);
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
