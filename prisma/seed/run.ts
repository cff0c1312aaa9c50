/**
 * npm run db:seed — migrates DATABASE_URL's database and, when it holds no unit and no
 * account, fills it with the demo data. The app's start script calls `migrateAndSeed` too,
 * with the demo switch (lib/demo/switch.ts).
 */
import { pathToFileURL } from "node:url";
import { verifyPassword } from "../../lib/auth/password";
import { openAdapter } from "../../lib/db/adapter";
import { closeDb, installDb } from "../../lib/db/client";
import { databaseConfig, describeDatabase } from "../../lib/db/config";
import { migrateDatabase } from "../../lib/db/migrations";
import { withStartLock } from "../../lib/db/start-lock";
import { decideDemoSeed, type DemoSwitch } from "../../lib/demo/switch";
import { loadEnvFile } from "../../lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsFor, type DemoAccount } from "./accounts";
import { DEMO_SHAPES, seedDemo, type DemoShape, type SeedSummary } from "./demo";

/**
 * The demo's shape (decision 056): `reform` unless DEMO_SHAPE=three-level (the end-to-end
 * tests' fixture, where Vĩnh Phúc's districts are current).
 */
export function demoShapeFromEnv(env: NodeJS.ProcessEnv = process.env): DemoShape {
  const value = env.DEMO_SHAPE?.trim() || "reform";
  if (!(DEMO_SHAPES as readonly string[]).includes(value)) {
    throw new Error(`DEMO_SHAPE phải là ${DEMO_SHAPES.join(" hoặc ")} / DEMO_SHAPE must be one of ${DEMO_SHAPES.join(", ")}: "${value}"`);
  }
  return value as DemoShape;
}

function printSummary(s: SeedSummary, log: (msg: string) => void) {
  log(`Dữ liệu mẫu tính đến / demo data as of ${s.today} (${s.shape === "reform" ? "qua sắp xếp 1/7/2025 / across the 2025 reform" : "còn cấp huyện / districts current"}):`);
  log(`  Đơn vị / units: ${s.units.total} (${s.units.provinces} tỉnh, ${s.units.districts} huyện, ${s.units.communes} xã, ${s.units.villages} thôn/tổ dân phố)`);
  log(`  Khối dân vận / blocs: ${s.organisations.blocs}, tổ dân vận / teams: ${s.organisations.teams}`);
  log(`  Cán bộ / cadres: ${s.cadres}, thành viên / memberships: ${s.memberships}, tập huấn / trainings: ${s.trainings}`);
  log(`  Kiến nghị / petitions: ${s.petitions.total} (${Object.entries(s.petitions.byStatus).map(([k, v]) => `${k} ${v}`).join(", ")}), sự kiện / events: ${s.petitions.events}`);
  log(`  Cuộc họp / meetings: ${s.meetings.total} (tổ ${s.meetings.teamMonthly}, khối ${s.meetings.bloc}, giao ban ${s.meetings.quarterlyBriefing}), lượt dự / attendance: ${s.meetings.attendance}`);
  log(`  Tài khoản / accounts (mật khẩu / password "${DEMO_PASSWORD}"):`);
  for (const a of demoAccountsFor(s.shape)) log(`    ${a.username.padEnd(16)} ${a.preset.padEnd(18)} ${a.description}`);
}

async function emptyAllTables(db: ReturnType<typeof installDb>) {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/**
 * The demo accounts this database really holds, still active and still with the demo
 * password: the only ones worth printing. A real administrator who happens to be called
 * "admin" is never announced.
 */
async function liveDemoAccounts(db: ReturnType<typeof installDb>): Promise<DemoAccount[]> {
  const users = await db.user.findMany({
    where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) }, active: true },
    select: { username: true, passwordHash: true },
  });
  const live = new Set<string>();
  for (const u of users) if (await verifyPassword(u.passwordHash, DEMO_PASSWORD)) live.add(u.username);
  if (!live.size) return [];
  // The seed's own audit row says which shape it made (a demo seeded before decision 056 had districts current).
  const seeded = await db.auditLog.findFirst({ where: { action: "seed.demo" }, orderBy: { id: "desc" }, select: { data: true } });
  const shape = (seeded?.data as { shape?: DemoShape } | null)?.shape === "reform" ? "reform" : "three-level";
  return demoAccountsFor(shape).filter((a) => live.has(a.username));
}

export interface MigrateAndSeedResult {
  seeded: boolean;
  /** The demo accounts that can sign in with the demo password (empty on a real database). */
  demoAccounts: DemoAccount[];
}

/**
 * Applies pending migrations, then seeds the demo data when `decideDemoSeed` says so: only
 * on a database with no unit and no account, and only with the demo switch on.
 */
export async function migrateAndSeed(opts: { log?: (msg: string) => void; today?: Date; demo?: DemoSwitch; shape?: DemoShape } = {}): Promise<MigrateAndSeedResult> {
  const log = opts.log ?? console.log;
  const config = databaseConfig();
  const started = Date.now();
  const applied = await migrateDatabase(config);
  if (applied.length) log(`${describeDatabase(config)}: đã áp dụng / applied ${applied.join(", ")}`);
  const db = installDb(openAdapter(config));
  try {
    const decision = decideDemoSeed({ units: await db.unit.count(), users: await db.user.count(), demo: opts.demo ?? "on" });
    if (!decision.seed) {
      log(
        decision.reason === "has-data"
          ? `${describeDatabase(config)}: đã có dữ liệu, không tạo dữ liệu mẫu / data exists, not seeding`
          : `${describeDatabase(config)}: DEMO_DATA=off, cơ sở dữ liệu để trống / left empty, no demo data`,
      );
      return { seeded: false, demoAccounts: decision.reason === "has-data" ? await liveDemoAccounts(db) : [] };
    }
    log(`${describeDatabase(config)}: đang tạo dữ liệu mẫu / seeding demo data…`);
    let summary: SeedSummary;
    try {
      summary = await seedDemo(db, { today: opts.today, log, shape: opts.shape ?? demoShapeFromEnv() });
    } catch (error) {
      // The seed writes in batches, not in one transaction (PGlite would hold it all in
      // memory): on failure, empty the tables so that the next start seeds again.
      await emptyAllTables(db);
      throw error;
    }
    printSummary(summary, log);
    log(`Xong sau / done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { seeded: true, demoAccounts: demoAccountsFor(summary.shape) };
  } finally {
    await closeDb();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (async () => {
    loadEnvFile();
    // SEED_TODAY=YYYY-MM-DD pins the demo's "today", e.g. to compare two runs.
    const today = process.env.SEED_TODAY ? new Date(`${process.env.SEED_TODAY}T12:00:00+07:00`) : undefined;
    // Several processes started together (npm run db:seed, npm start) go through one at a time.
    await withStartLock(databaseConfig(), () => migrateAndSeed({ today }));
  })().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
