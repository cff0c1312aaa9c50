/**
 * What the bench generator adds after the petitions and the rollups: "Dân vận khéo" models and their
 * replications (lib/bench/generate-practice.ts), the provinces' scoring templates and every standing village's
 * sheets (generate-scoring.ts), the periodic reports with their hotspots and comments (generate-reports.ts).
 * It reads what it needs (units, users) from the database, so that it runs as the last phases of
 * `generate` and on a database generated before it existed:
 *
 *   npm run bench -- generate-extras [--database dv_bench]
 *
 * It refuses a database without the generator's marker, and one that already holds models, scoring
 * templates or periodic reports; its rows commit together, so a run that fails may be run again. Nothing here is counted by a rollup or trigger (the dashboards read these
 * tables directly), so nothing is rebuilt after; the tables are analysed. Their indexes stay during the load:
 * the tables are small next to the petitions'.
 */
import pg from "pg";
import { loadActor } from "../auth/actor";
import { closeDb, installDb } from "../db/client";
import { openAdapter } from "../db/adapter";
import { todayInVietnam, isoDay, addDaysUtc } from "../time";
import { Random } from "../../prisma/seed/random";
import { copyRows, type CopyValue } from "./copy";
import { BENCH_MARKER, BENCH_USERS } from "./generate";
import { MODEL_COLUMNS, modelRows, REPLICATION_COLUMNS, type ExtrasUnit } from "./generate-practice";
import { COMMENT_COLUMNS, HOTSPOT_COLUMNS, REPORT_COLUMNS, reportRows } from "./generate-reports";
import { SCORING_TEMPLATE_COLUMNS, scoringRows, SHEET_COLUMNS } from "./generate-scoring";
import { phaseTimer } from "./phases";

export const EXTRA_TABLES = ["GoodPracticeModel", "GoodPracticeReplication", "ScoringTemplate", "ScoreSheet", "ReportTemplate", "PeriodicReport", "ReportHotspot", "PeriodicReportComment"];

/** About one model for every this many villages and communes. */
const UNITS_PER_MODEL = 15;

export interface ExtrasReport {
  rows: Record<string, number>;
  phases: { name: string; seconds: number }[];
}

/** Adds the models, scoring and periodic reports to the bench database at `url`. */
export async function generateExtras(url: string, options: { now?: Date; log?: (message: string) => void } = {}): Promise<ExtrasReport> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const phases: ExtrasReport["phases"] = [];
  const phase = phaseTimer(log, phases);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The app's own functions (templates, figures, automatic scores) read through its client, on this database.
  installDb(openAdapter({ kind: "postgres", url }));
  try {
    await refuseUnlessFresh(client);
    await client.query("SET synchronous_commit = off");
    const ctx = await readContext(client, now);
    // One transaction for the rows: a run that fails leaves none, and may be run again (the app's client,
    // reading meetings, petitions and rollups on its own connections, needs none of them; the report templates
    // it makes are kept, and found again).
    await client.query("BEGIN");
    const rows: Record<string, number> = {};

    await phase("good-practice models", async () => {
      const replications: CopyValue[][] = [];
      const count = Math.round((ctx.villages.length + ctx.communes.length) / UNITS_PER_MODEL);
      rows.GoodPracticeModel = await copyRows(
        client,
        "GoodPracticeModel",
        MODEL_COLUMNS,
        modelRows({ ...ctx, rng: new Random(0x6d_0de1), lastDay: addDaysUtc(ctx.today, -1), now, firstModelId: 1, firstReplicationId: 1 }, count, replications),
        { log },
      );
      rows.GoodPracticeReplication = await copyRows(client, "GoodPracticeReplication", REPLICATION_COLUMNS, replications, { log });
    });

    await phase("scoring templates and sheets", async () => {
      const villagesOf = new Map<number, ExtrasUnit[]>();
      for (const v of ctx.villages) {
        const list = villagesOf.get(v.ancestorIds[1]) ?? [];
        list.push(v);
        villagesOf.set(v.ancestorIds[1], list);
      }
      const scoring = scoringRows({ rng: new Random(0x5c_0e18), now, today: isoDay(ctx.today), provinces: ctx.provinces, villagesOf, adminId: ctx.adminId, authorOf: ctx.authorOf });
      rows.ScoringTemplate = await copyRows(client, "ScoringTemplate", SCORING_TEMPLATE_COLUMNS, scoring.templates);
      rows.ScoreSheet = 0;
      for (const province of ctx.provinces) rows.ScoreSheet += await copyRows(client, "ScoreSheet", SHEET_COLUMNS, await scoring.sheetsOf(province));
      log(`  ScoreSheet: ${rows.ScoreSheet.toLocaleString("en")} rows`);
    });

    await phase("periodic reports, hotspots", async () => {
      const admin = await loadActor(ctx.adminId);
      if (!admin) throw new Error("bench.admin cannot act");
      const made = await reportRows({ rng: new Random(0x7e_9066), now, today: ctx.today, admin, provinces: ctx.provinces, districts: ctx.districts, childrenOf: ctx.childrenOf, byId: ctx.byId, always: ctx.benchUnits, authorOf: ctx.authorOf, log });
      rows.PeriodicReport = await copyRows(client, "PeriodicReport", REPORT_COLUMNS, made.reports, { log });
      rows.ReportHotspot = await copyRows(client, "ReportHotspot", HOTSPOT_COLUMNS, made.hotspots, { log });
      rows.PeriodicReportComment = await copyRows(client, "PeriodicReportComment", COMMENT_COLUMNS, made.comments);
      rows.ReportTemplate = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "ReportTemplate"`)).rows[0].n);
    });

    await phase("sequences, analyze", async () => {
      for (const table of EXTRA_TABLES) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`);
      }
      await client.query("COMMIT");
      await client.query(`VACUUM (ANALYZE) ${EXTRA_TABLES.map((t) => `"${t}"`).join(", ")}`);
    });
    return { rows, phases };
  } finally {
    await closeDb();
    await client.end();
  }
}

/** Only a database the generator made, and only once. */
async function refuseUnlessFresh(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ marker: string | null; name: string }>(
    "SELECT shobj_description(oid, 'pg_database') AS marker, datname AS name FROM pg_database WHERE datname = current_database()",
  );
  if (rows[0]?.marker !== BENCH_MARKER) {
    throw new Error(`Cơ sở dữ liệu "${rows[0]?.name}" không do trình sinh dữ liệu tạo / database "${rows[0]?.name}" was not made by npm run bench -- generate: refusing to add to it`);
  }
  const { rows: made } = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM "GoodPracticeModel" LIMIT 1) a) + (SELECT count(*) FROM (SELECT 1 FROM "ScoringTemplate" LIMIT 1) b)
          + (SELECT count(*) FROM (SELECT 1 FROM "PeriodicReport" LIMIT 1) c) AS n`,
  );
  if (Number(made[0].n) > 0) {
    throw new Error("Cơ sở dữ liệu đã có mô hình, bảng chấm điểm hoặc báo cáo định kỳ / the database already holds good-practice models, scoring templates or periodic reports: generate-extras runs once");
  }
}

interface ExtrasContext {
  today: Date;
  adminId: number;
  villages: ExtrasUnit[];
  communes: ExtrasUnit[];
  districts: ExtrasUnit[];
  provinces: ExtrasUnit[];
  childrenOf: Map<number, ExtrasUnit[]>;
  byId: Map<number, ExtrasUnit>;
  benchUnits: Set<number>;
  authorOf: (unit: ExtrasUnit) => number;
  regionOf: (unit: ExtrasUnit) => "delta" | "upland";
}

/** The standing units and the bench users, from the database. */
async function readContext(client: pg.Client, now: Date): Promise<ExtrasContext> {
  const { rows: units } = await client.query<ExtrasUnit>(
    `SELECT id, level, "parentId", "ancestorIds", "typeLabel", name FROM "Unit" WHERE "validTo" IS NULL ORDER BY id`,
  );
  const { rows: users } = await client.query<{ id: number; username: string; unitId: number }>(`SELECT id, username, "unitId" FROM "User" WHERE username LIKE 'bench.%' ORDER BY id`);
  const admin = users.find((u) => u.username === BENCH_USERS.admin);
  if (!admin) throw new Error(`no user ${BENCH_USERS.admin}`);
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<number, ExtrasUnit[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = childrenOf.get(u.parentId) ?? [];
    list.push(u);
    childrenOf.set(u.parentId, list);
  }
  const of = (level: string) => units.filter((u) => u.level === level);
  const provinces = of("PROVINCE");
  // Each district's staff account enters its records (as the petitions' and meetings' do); the admin the provinces'.
  const staff = new Map(users.filter((u) => u.username.startsWith("bench.staff.")).map((u) => [u.unitId, u.id]));
  const upland = new Set(provinces.filter((_, i) => i % 4 === 3).map((p) => p.id));
  return {
    today: todayInVietnam(now),
    adminId: admin.id,
    villages: of("VILLAGE"),
    communes: of("COMMUNE"),
    districts: of("DISTRICT"),
    provinces,
    childrenOf,
    byId,
    // The units the load run reads reports of: the bench province's and district's.
    benchUnits: new Set(users.filter((u) => u.username === BENCH_USERS.province || u.username === BENCH_USERS.district).map((u) => u.unitId)),
    authorOf: (unit) => staff.get(unit.ancestorIds[2]) ?? admin.id,
    // As the generator's tree: one province in four is upland.
    regionOf: (unit) => (upland.has(unit.ancestorIds[1]) ? "upland" : "delta"),
  };
}
