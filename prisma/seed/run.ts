/**
 * npm run db:seed — migrates DATABASE_URL's database and, when it is empty, fills it
 * with the demo data. The app's start script calls `migrateAndSeed` too.
 */
import { pathToFileURL } from "node:url";
import { openAdapter } from "../../lib/db/adapter";
import { closeDb, installDb } from "../../lib/db/client";
import { databaseConfig, describeDatabase } from "../../lib/db/config";
import { applyMigrations } from "../../lib/db/migrations";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { isEmpty, seedDemo, type SeedSummary } from "./demo";

function printSummary(s: SeedSummary, log: (msg: string) => void) {
  log(`Dữ liệu mẫu tính đến / demo data as of ${s.today}:`);
  log(`  Đơn vị / units: ${s.units.total} (${s.units.provinces} tỉnh, ${s.units.districts} huyện, ${s.units.communes} xã, ${s.units.villages} thôn/tổ dân phố)`);
  log(`  Khối dân vận / blocs: ${s.organisations.blocs}, tổ dân vận / teams: ${s.organisations.teams}`);
  log(`  Cán bộ / cadres: ${s.cadres}, thành viên / memberships: ${s.memberships}, tập huấn / trainings: ${s.trainings}`);
  log(`  Kiến nghị / petitions: ${s.petitions.total} (${Object.entries(s.petitions.byStatus).map(([k, v]) => `${k} ${v}`).join(", ")}), sự kiện / events: ${s.petitions.events}`);
  log(`  Cuộc họp / meetings: ${s.meetings.total} (tổ ${s.meetings.teamMonthly}, khối ${s.meetings.bloc}, giao ban ${s.meetings.quarterlyBriefing}), lượt dự / attendance: ${s.meetings.attendance}`);
  log(`  Tài khoản / accounts (mật khẩu / password "${DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) log(`    ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.description}`);
}

async function emptyAllTables(db: ReturnType<typeof installDb>) {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Applies pending migrations, then seeds the demo data if the database has no unit yet. */
export async function migrateAndSeed(opts: { log?: (msg: string) => void; today?: Date } = {}): Promise<{ seeded: boolean }> {
  const log = opts.log ?? console.log;
  const config = databaseConfig();
  const started = Date.now();
  // Migrate on a handle of its own: PGlite allows one open handle per data directory.
  const migrations = openAdapter(config, { forMigrations: true });
  try {
    const applied = await applyMigrations(migrations.factory);
    if (applied.length) log(`${describeDatabase(config)}: đã áp dụng / applied ${applied.join(", ")}`);
  } finally {
    await migrations.close();
  }
  const db = installDb(openAdapter(config));
  try {
    if (!(await isEmpty(db))) {
      log(`${describeDatabase(config)}: đã có dữ liệu, không tạo dữ liệu mẫu / data exists, not seeding`);
      return { seeded: false };
    }
    log(`${describeDatabase(config)}: đang tạo dữ liệu mẫu / seeding demo data…`);
    let summary: SeedSummary;
    try {
      summary = await seedDemo(db, { today: opts.today, log });
    } catch (error) {
      // The seed writes in batches, not in one transaction (PGlite would hold it all in
      // memory): on failure, empty the tables so that the next start seeds again.
      await emptyAllTables(db);
      throw error;
    }
    printSummary(summary, log);
    log(`Xong sau / done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { seeded: true };
  } finally {
    await closeDb();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // SEED_TODAY=YYYY-MM-DD pins the demo's "today", e.g. to compare two runs.
  const today = process.env.SEED_TODAY ? new Date(`${process.env.SEED_TODAY}T12:00:00+07:00`) : undefined;
  migrateAndSeed({ today }).catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
