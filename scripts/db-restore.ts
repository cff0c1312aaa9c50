/**
 * npm run db:restore -- <file> [--force]
 *
 * Restores a back-up made by `npm run db:backup` into DATABASE_URL's database (environment or
 * `.env`). The file is checked first; a database that already has tables is replaced only with
 * --force (PostgreSQL: in one transaction; embedded: the old folder is kept beside the new one).
 * Stop the app first. lib/db/backup.ts.
 */
import { restoreDatabase, tableRowCounts } from "../lib/db/backup";
import { runBackupCommand } from "./backup-cli";
import { databaseConfig, describeDatabase } from "../lib/db/config";
import { loadEnvFile } from "../lib/env";

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const force = args.includes("--force");
  const files = args.filter((a) => a !== "--force");
  if (files.length !== 1 || files[0].startsWith("--")) {
    console.error("Cách dùng / usage: npm run db:restore -- <tệp/file> [--force]");
    process.exit(2);
  }
  const [file] = files;
  loadEnvFile();
  const config = databaseConfig();
  console.log(`Khôi phục / restoring ${file} → ${describeDatabase(config)}`);
  const { keptAside } = await restoreDatabase(config, file, { force });
  if (keptAside) console.log(`Thư mục cũ được giữ ở / the old folder is kept at ${keptAside}`);
  const counts = await tableRowCounts(config);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Xong / done: ${Object.keys(counts).length} bảng / tables, ${rows} dòng / rows`);
}

runBackupCommand(main);
