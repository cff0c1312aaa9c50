/**
 * npm run db:backup -- <file>
 *
 * Backs up DATABASE_URL's database (environment or `.env`) into one file: the embedded
 * database's folder as a .tar.gz (stop the app first), a PostgreSQL server's with
 * pg_dump --format=custom (the app may keep running). lib/db/backup.ts.
 */
import fs from "node:fs";
import { backupDatabase, BackupError, tableRowCounts } from "../lib/db/backup";
import { runBackupCommand } from "./backup-cli";
import { databaseConfig, describeDatabase } from "../lib/db/config";
import { loadEnvFile } from "../lib/env";

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const force = args.includes("--force");
  const files = args.filter((a) => a !== "--force");
  if (files.length !== 1 || files[0].startsWith("--")) {
    console.error("Cách dùng / usage: npm run db:backup -- <tệp/file> [--force]");
    process.exit(2);
  }
  const [file] = files;
  if (fs.existsSync(file) && !force) throw new BackupError(`${file} đã có; thêm --force để ghi đè / ${file} exists; add --force to overwrite it`);
  loadEnvFile();
  const config = databaseConfig();
  console.log(`Sao lưu / backing up ${describeDatabase(config)} → ${file}`);
  const { bytes } = await backupDatabase(config, file);
  const counts = await tableRowCounts(config);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Xong / done: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${Object.keys(counts).length} bảng / tables, ${rows} dòng / rows`);
}

runBackupCommand(main);
