/**
 * npm run db:migrate                      apply pending migrations to DATABASE_URL's database
 * npm run db:migrate:create -- <name>     write a new migration from the schema changes
 * npm run db:migrate -- status            say whether the migrations match the schema
 */
import { createMigration, migrateDatabase, pendingSchemaChange } from "../lib/db/migrations";
import { databaseConfig, describeDatabase } from "../lib/db/config";
import { loadEnvFile } from "../lib/env";

const [command = "deploy", ...rest] = process.argv.slice(2);

async function main() {
  loadEnvFile();
  if (command === "create") {
    const name = rest.join("_");
    if (!name) throw new Error("Cần tên migration / a name is required: npm run db:migrate:create -- <name>");
    const folder = await createMigration(name);
    console.log(folder ? `Đã tạo / created ${folder}` : "Lược đồ không đổi / no schema change");
    return;
  }
  if (command === "status") {
    const sql = await pendingSchemaChange();
    console.log(sql ? `Lược đồ có thay đổi chưa có migration / schema changes without a migration:\n${sql}` : "Khớp / in step");
    process.exitCode = sql ? 1 : 0;
    return;
  }
  if (command !== "deploy") throw new Error(`Lệnh không rõ / unknown command: ${command}`);
  const config = databaseConfig();
  const applied = await migrateDatabase(config);
  console.log(`${describeDatabase(config)}: ${applied.length ? `đã áp dụng / applied ${applied.join(", ")}` : "không có migration mới / up to date"}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
