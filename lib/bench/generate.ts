/**
 * National-scale data for benchmarks and dashboards: a fresh PostgreSQL database with a
 * full unit tree (nation → 63 provinces → districts → communes → villages), a team per
 * village and a bloc per commune with their cadres, memberships and trainings, their
 * meetings with attendance (lib/bench/generate-people.ts), agencies, users, and millions of
 * petitions with their timelines, loaded through COPY. The words come from the demo seed
 * (names, contents, replies, agencies); the petitions' fates follow the workflow
 * (lib/petitions/workflow.ts), each step a timeline event as lib/petitions/steps.ts writes it,
 * simplified so that a row costs a few microseconds: working days come from tables computed
 * once. A table's rows that depend on another's (events, attendance, memberships) go through a
 * second COPY on another connection while the first is written. Rollup triggers are off during
 * the load; the rollups are rebuilt once at the end (lib/rollup/rebuild.ts). Last, "Dân vận khéo" models, the
 * villages' scoring sheets and the periodic reports with their hotspots (lib/bench/generate-extras.ts, which
 * also runs alone on a database generated before it: npm run bench -- generate-extras).
 *
 *   npm run bench -- generate --villages 100000 --petitions 5000000 [--months 24]
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { addDays, calendarForYears, isWorkingDay, type CalendarDate } from "../calendar";
import { applyMigrations } from "../db/migrations";
import { openAdapter } from "../db/adapter";
import { hashPassword } from "../auth/password";
import { PRESETS, type Preset } from "../auth/roles";
import { petitionSearchColumns } from "../petitions/search";
import { toSearchText } from "../text/search";
import type { PetitionChannel, PetitionerKind, PetitionEventKind, PetitionStatus, Satisfaction, UnitLevel } from "../generated/prisma/enums";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { BAN_NAMES, THON_NAMES, TO_DAN_PHO_NAMES } from "../../prisma/seed/data";
import { mobilePhone, personName, type Region } from "../../prisma/seed/names";
import { CONTENT, REJECTION_REASONS, fill, replyText } from "../../prisma/seed/petition-texts";
import { FIELD_WEIGHTS, SEASON } from "../../prisma/seed/petitions";
import { Random } from "../../prisma/seed/random";
import { AGENCY_BY_FIELD, FIELDS, agencyNames, type AgencyKey } from "../../prisma/seed/reference";
import { DEFAULT_ASSIGNMENT_DAYS } from "../petitions/deadline";
import { monthsUpTo, vietnamDate } from "../../prisma/seed/util";
import { rebuildStatements, ROLLUP_TABLES } from "../rollup/rebuild";
import { generateExtras } from "./generate-extras";
import { copyFeed, copyField, CopyFeed, copyRows, type CopyValue } from "./copy";
import { phaseTimer } from "./phases";
import {
  ATTENDANCE_COLUMNS, CADRE_COLUMNS, cadreRows, MEETING_COLUMNS, MEMBERSHIP_COLUMNS, meetingRows, TRAINING_COLUMNS,
  type MeetingIndex, type PeopleCommune, type Rosters,
} from "./generate-people";

export const DEFAULT_BENCH_DATABASE = "dv_bench";
/** Written on the database the generator makes: it drops no other. */
export const BENCH_MARKER = "dan-van bench data: npm run bench -- generate";
/** The users the list benchmark signs in as. */
export const BENCH_USERS = { admin: "bench.admin", province: "bench.province", district: "bench.district", agency: "bench.agency" } as const;

export interface GenerateOptions {
  villages: number;
  petitions: number;
  /** Months of petitions, the current one included. */
  months: number;
  /** Any database on the target server: the generator connects there to create its own. */
  serverUrl: string;
  database?: string;
  now?: Date;
  log?: (message: string) => void;
}

export interface GenerateReport {
  url: string;
  rows: Record<string, number>;
  phases: { name: string; seconds: number }[];
  databaseBytes: number;
}

/** Tables whose secondary indexes and foreign keys are dropped during the load. */
const BIG_TABLES = ["Unit", "Organisation", "Cadre", "Membership", "TrainingRecord", "Meeting", "MeetingAttendance", "Petition", "PetitionEvent"];
/** Tables whose rollup triggers are off during the load: the rollups are rebuilt once at the end. */
const TRIGGERED_TABLES = ["Unit", "Organisation", "Membership", "Cadre", "TrainingRecord", "Petition", "PetitionEvent", "Meeting"];

export async function generateBenchData(options: GenerateOptions): Promise<GenerateReport> {
  const log = options.log ?? (() => {});
  const name = options.database ?? DEFAULT_BENCH_DATABASE;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Tên cơ sở dữ liệu không hợp lệ / invalid database name: ${name}`);
  if (options.villages < 1000) throw new Error("--villages: ít nhất / at least 1000");
  if (options.petitions < 1) throw new Error("--petitions: ít nhất / at least 1");
  const url = withDatabase(options.serverUrl, name);
  const phases: GenerateReport["phases"] = [];
  const phase = phaseTimer(log, phases);

  await phase("create database", () => recreateDatabase(options.serverUrl, name));
  await phase("migrations", async () => {
    const handle = openAdapter({ kind: "postgres", url }, { forMigrations: true });
    try {
      await applyMigrations(handle.factory);
    } finally {
      await handle.close();
    }
  });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    const dropped = await phase("drop indexes and foreign keys", () => dropIndexes(client));
    for (const table of TRIGGERED_TABLES) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    const now = options.now ?? new Date();
    const tree = buildTree(new Random(0x0b_e4c4), options.villages);
    const rows: Record<string, number> = {};
    await phase("units, organisations, fields, agencies, users", async () => {
      Object.assign(rows, await loadReference(client, tree, log));
    });
    const today = vietnamDate(now);
    const months = monthsUpTo(today, options.months - 1);
    const table = new DayTable(months[0].first, months.length * 31 + 400);
    const lastIdx = table.days.indexOf(today) - 1;
    const people = peopleOf(tree);
    const rosters: Rosters = { blocs: [], teams: [] };
    await phase("cadres, memberships, trainings", async () => {
      const memberships = new CopyFeed();
      const trainings = new CopyFeed();
      const [cadres, m, t] = await withFeeds(url, [["Membership", MEMBERSHIP_COLUMNS, memberships], ["TrainingRecord", TRAINING_COLUMNS, trainings]], () =>
        copyRows(client, "Cadre", CADRE_COLUMNS, cadreRows(new Random(0xca_d2e), people, table, lastIdx, tree.villages.length, { memberships, trainings }, rosters, now), {
          log,
          pace: () => memberships.pace() ?? trainings.pace(),
        }),
      );
      Object.assign(rows, { Cadre: cadres, Membership: m, TrainingRecord: t });
    });
    const meetings: MeetingIndex = { teamMeetingId: new Int32Array(tree.villages.length * months.length), teamMeetingDay: new Int32Array(tree.villages.length * months.length), months: months.length };
    await phase("meetings, attendance", async () => {
      const attendance = new CopyFeed();
      const [held, a] = await withFeeds(url, [["MeetingAttendance", ATTENDANCE_COLUMNS, attendance]], () =>
        copyRows(client, "Meeting", MEETING_COLUMNS, meetingRows(new Random(0x3e_e71), people, rosters, table, months, lastIdx, attendance, meetings), {
          log,
          pace: () => attendance.pace(),
        }),
      );
      Object.assign(rows, { Meeting: held, MeetingAttendance: a });
    });
    const counters = new Map<string, number>();
    await phase("petitions, timeline events", async () => {
      const events = new CopyFeed();
      const [petitions, e] = await withFeeds(url, [["PetitionEvent", EVENT_COLUMNS, events]], () =>
        copyRows(client, "Petition", PETITION_COLUMNS, petitionRows(tree, options, { table, months, lastIdx }, counters, events, meetings), { log, pace: () => events.pace() }),
      );
      Object.assign(rows, { Petition: petitions, PetitionEvent: e });
      rows.PetitionCodeCounter = await copyRows(
        client,
        "PetitionCodeCounter",
        ["areaCode", "year", "last"],
        [...counters].map(([key, last]) => [key.split("|")[0], Number(key.split("|")[1]), last]),
      );
      // The agencies that have held each petition (decision 064), as the assign step writes them: the same
      // statement as the migration that made the table (20261207121508_agency_accounts) fills it from the timeline.
      const holds = await client.query(`
        INSERT INTO "AgencyHold" ("agencyId", "petitionId", "firstAssignedAt")
        SELECT h."agencyId", h."petitionId", MIN(h.at) FROM (
          SELECT (e.data->>'agencyId')::int AS "agencyId", e."petitionId", e.at FROM "PetitionEvent" e
           WHERE e.kind = 'ASSIGNED' AND jsonb_typeof(e.data->'agencyId') = 'number'
          UNION ALL
          SELECT p."agencyId", p.id, COALESCE(p."assignedAt", p."createdAt") FROM "Petition" p WHERE p."agencyId" IS NOT NULL
        ) h JOIN "Agency" ag ON ag.id = h."agencyId"
        GROUP BY h."agencyId", h."petitionId"`);
      rows.AgencyHold = holds.rowCount ?? 0;
      // The bench agency's account is bound to the agency holding the most open petitions, the bench district's
      // first (a small generation may leave that district none), and homed at the agency's unit.
      await client.query(
        `UPDATE "User" u SET "agencyId" = best.id, "unitId" = best."unitId" FROM (
           SELECT a.id, a."unitId" FROM "Petition" p JOIN "Agency" a ON a.id = p."agencyId"
            WHERE p.status IN ('ASSIGNED', 'IN_PROGRESS')
            GROUP BY a.id, a."unitId" ORDER BY (a."unitId" = $2) DESC, count(*) DESC, a.id LIMIT 1) best
         WHERE u.username = $1`,
        [BENCH_USERS.agency, tree.districts[0].unit.id],
      );
    });
    await phase("sequences", () => resetSequences(client));
    await phase("indexes and foreign keys", () => recreateIndexes(url, dropped, log));
    await phase("rollups", async () => {
      for (const table of TRIGGERED_TABLES) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
      await client.query("SET work_mem = '256MB'");
      await client.query("BEGIN");
      for (const sql of rebuildStatements()) await client.query(sql);
      await client.query("COMMIT");
      const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "RollupPetition"`);
      rows.RollupPetition = Number(counted[0].n);
    });
    // Models, scoring, periodic reports: read the units and users back, and the rollups (the automatic scores, the reports' figures).
    const extras = await generateExtras(url, { now, log });
    Object.assign(rows, extras.rows);
    phases.push(...extras.phases);
    await phase("vacuum analyze", async () => {
      await client.query(`VACUUM (ANALYZE) ${[...BIG_TABLES, "Agency", "AgencyHold", "User", "PetitionCodeCounter", "TwoFactorPolicy", ...ROLLUP_TABLES].map((t) => `"${t}"`).join(", ")}`);
    });
    const { rows: size } = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
    return { url, rows, phases, databaseBytes: Number(size[0].bytes) };
  } finally {
    await client.end();
  }
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Drops and recreates the bench database, refusing any database it did not make. */
async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  const own = new URL(serverUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, own && own !== name ? own : "postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ marker: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = $1",
      [name],
    );
    if (rows.length && rows[0].marker !== BENCH_MARKER) {
      throw new Error(`Cơ sở dữ liệu "${name}" không do trình sinh dữ liệu tạo, không xóa / database "${name}" was not made by the generator: refusing to drop it`);
    }
    if (rows.length) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS '${BENCH_MARKER}'`);
  } finally {
    await admin.end();
  }
}

interface DroppedDefinitions {
  indexes: string[];
  foreignKeys: string[];
}

/** Secondary indexes and foreign keys of the big tables, dropped; their definitions are kept as the migrations made them. */
async function dropIndexes(client: pg.Client): Promise<DroppedDefinitions> {
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relname = ANY($1)`,
    [BIG_TABLES],
  );
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [BIG_TABLES],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  return {
    indexes: indexes.map((i) => i.def),
    foreignKeys: fks.map((fk) => `ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`),
  };
}

/** Rebuilds indexes, then foreign keys, on two connections: one per core. */
async function recreateIndexes(url: string, dropped: DroppedDefinitions, log: (message: string) => void): Promise<void> {
  const run = async (statements: string[]) => {
    const queue = [...statements];
    const worker = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("SET maintenance_work_mem = '512MB'");
        for (let sql = queue.shift(); sql; sql = queue.shift()) {
          const started = performance.now();
          await client.query(sql);
          log(`  ${((performance.now() - started) / 1000).toFixed(1)} s  ${sql.replace(/ USING btree| ON DELETE .*$/g, "").slice(0, 110)}`);
        }
      } finally {
        await client.end();
      }
    };
    await Promise.all([worker(), worker()]);
  };
  // The trigram indexes take longest: start them first so the two workers finish together.
  await run([...dropped.indexes].sort((a, b) => Number(b.includes("gin_trgm_ops")) - Number(a.includes("gin_trgm_ops"))));
  await run(dropped.foreignKeys);
}

/**
 * Runs `main` (the COPY of a first table) while each feed's rows go into their own table by a
 * COPY on a connection of their own; returns main's count, then each feed's.
 */
async function withFeeds(url: string, feeds: [string, readonly string[], CopyFeed][], main: () => Promise<number>): Promise<number[]> {
  const clients = feeds.map(() => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await Promise.all(clients.map((c) => c.query("SET synchronous_commit = off")));
    const copies = feeds.map(([table, columns, feed], i) => copyFeed(clients[i], table, columns, feed));
    let first: number;
    try {
      first = await main();
    } catch (error) {
      for (const [, , feed] of feeds) feed.end();
      await Promise.allSettled(copies);
      throw error;
    }
    return [first, ...(await Promise.all(copies))];
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function resetSequences(client: pg.Client): Promise<void> {
  for (const table of ["Unit", "Organisation", "PetitionField", "Agency", "User", "Cadre", "Membership", "TrainingRecord", "Meeting", "MeetingAttendance", "Petition", "PetitionEvent"]) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`);
  }
}

// ─── The unit tree ───────────────────────────────────────────────────────────

interface UnitRow {
  id: number;
  code: string | null;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  parentId: number | null;
  ancestorIds: number[];
}

interface District {
  unit: UnitRow;
  province: UnitRow;
  region: Region;
  /** The staff user who enters its petitions. */
  staffId: number;
  agencyIds: Record<AgencyKey, number>;
  agencyNames: Record<AgencyKey, string>;
}

interface Village {
  id: number;
  /** Its place in `Tree.villages`. */
  index: number;
  district: District;
  communeId: number;
  /** "thôn Đình", "xã Quang Sơn": as the petition texts write them. */
  places: { village: string; commune: string };
  address: string;
}

interface Tree {
  units: UnitRow[];
  provinces: UnitRow[];
  districts: District[];
  communes: UnitRow[];
  villages: Village[];
  /** By commune index: its district and villages. */
  communeDistricts: District[];
  communeVillages: Village[][];
  /** The organisation of each commune (its bloc) and village (its team), by unit id. */
  orgOf: Map<number, number>;
}

const PROVINCES = 63;

const inline = (u: UnitRow) => `${u.typeLabel.toLowerCase()} ${u.name}`;

/** 63 provinces of 8–14 districts, ~14 communes each (fewer for small runs), villages spread evenly. */
function buildTree(rng: Random, villageCount: number): Tree {
  const units: UnitRow[] = [];
  const add = (parent: UnitRow | null, level: UnitLevel, typeLabel: string, name: string, code: string | null): UnitRow => {
    const id = units.length + 1;
    const row = { id, code, level, typeLabel, name, parentId: parent?.id ?? null, ancestorIds: [...(parent?.ancestorIds ?? []), id] };
    units.push(row);
    return row;
  };
  const nation = add(null, "NATION", "Cả nước", "Việt Nam", null);
  const names = [...THON_NAMES, ...TO_DAN_PHO_NAMES, ...BAN_NAMES];
  const provinceNames = rng.sample(names, PROVINCES);
  const perDistrict = Math.max(1, Math.min(14, Math.round(villageCount / (PROVINCES * 11 * 10))));
  const tree: Tree = { units, provinces: [], districts: [], communes: [], villages: [], communeDistricts: [], communeVillages: [], orgOf: new Map() };
  const communeDistrict: District[] = [];
  for (let p = 0; p < PROVINCES; p++) {
    const region: Region = p % 4 === 3 ? "upland" : "delta";
    const province = add(nation, "PROVINCE", p % 12 === 0 ? "Thành phố" : "Tỉnh", provinceNames[p], String(p + 1).padStart(2, "0"));
    tree.provinces.push(province);
    const districtCount = rng.int(8, 14);
    for (let d = 0; d < districtCount; d++) {
      const code = String(tree.districts.length + 1).padStart(3, "0");
      const unit = add(province, "DISTRICT", d === 0 ? "Thành phố" : d % 7 === 6 ? "Thị xã" : "Huyện", rng.pick(names), code);
      const district: District = { unit, province, region, staffId: 0, agencyIds: {} as District["agencyIds"], agencyNames: agencyNames({ unit }) };
      tree.districts.push(district);
      const communeCount = Math.max(1, perDistrict + rng.int(-3, 3));
      for (let c = 0; c < communeCount; c++) {
        const typeLabel = c === 0 ? "Thị trấn" : c % 9 === 8 ? "Phường" : "Xã";
        tree.communes.push(add(unit, "COMMUNE", typeLabel, rng.pick(names), String(tree.communes.length + 1).padStart(5, "0")));
        communeDistrict.push(district);
      }
    }
  }
  tree.communes.forEach((commune, i) => {
    const district = communeDistrict[i];
    const count = Math.floor(((i + 1) * villageCount) / tree.communes.length) - Math.floor((i * villageCount) / tree.communes.length);
    const [typeLabel, pool]: [string, readonly string[]] =
      commune.typeLabel !== "Xã" ? ["Tổ dân phố", TO_DAN_PHO_NAMES] : district.region === "upland" ? ["Bản", BAN_NAMES] : ["Thôn", THON_NAMES];
    const picked = rng.sample(pool, count);
    tree.communeDistricts.push(district);
    tree.communeVillages.push([]);
    for (let v = 0; v < count; v++) {
      const village = add(commune, "VILLAGE", typeLabel, picked[v] ?? `số ${v + 1}`, null);
      tree.communeVillages[i].push({
        id: village.id,
        index: tree.villages.length,
        district,
        communeId: commune.id,
        places: { village: inline(village), commune: inline(commune) },
        address: `${typeLabel} ${village.name}, ${inline(commune)}, ${inline(district.unit)}, ${inline(district.province)}`,
      });
      tree.villages.push(tree.communeVillages[i][v]);
    }
  });
  // Organisations in unit order: a bloc per commune, a team per village.
  for (const u of units) if (u.level === "COMMUNE" || u.level === "VILLAGE") tree.orgOf.set(u.id, tree.orgOf.size + 1);
  return tree;
}

/** What lib/bench/generate-people.ts needs of each commune (after the users: the staff's ids). */
function peopleOf(tree: Tree): PeopleCommune[] {
  const byId = new Map(tree.units.map((u) => [u.id, u]));
  return tree.communes.map((commune, i) => {
    const district = tree.communeDistricts[i];
    return {
      unit: commune,
      blocId: tree.orgOf.get(commune.id)!,
      region: district.region,
      staffId: district.staffId,
      districtName: district.unit.name,
      provinceName: district.province.name,
      provinceIndex: tree.provinces.indexOf(district.province),
      villages: tree.communeVillages[i].map((v) => {
        const unit = byId.get(v.id)!;
        return { id: v.id, index: v.index, teamId: tree.orgOf.get(v.id)!, typeLabel: unit.typeLabel, name: unit.name };
      }),
    };
  });
}

async function loadReference(client: pg.Client, tree: Tree, log: (message: string) => void): Promise<Record<string, number>> {
  const now = new Date();
  const rows: Record<string, number> = {};
  rows.Unit = await copyRows(
    client,
    "Unit",
    ["id", "code", "level", "typeLabel", "name", "searchName", "parentId", "ancestorIds", "depth", "updatedAt"],
    (function* () {
      for (const u of tree.units) yield [u.id, u.code, u.level, u.typeLabel, u.name, toSearchText(`${u.typeLabel} ${u.name}`), u.parentId, u.ancestorIds, u.ancestorIds.length - 1, now];
    })(),
    { log },
  );
  rows.Organisation = await copyRows(
    client,
    "Organisation",
    ["id", "kind", "unitId", "name", "updatedAt"],
    (function* () {
      for (const u of tree.units) {
        if (u.level === "COMMUNE") yield [tree.orgOf.get(u.id)!, "BLOC", u.id, `Khối dân vận ${u.typeLabel} ${u.name}`, now];
        if (u.level === "VILLAGE") yield [tree.orgOf.get(u.id)!, "TEAM", u.id, `Tổ dân vận ${u.typeLabel} ${u.name}`, now];
      }
    })(),
    { log },
  );
  rows.PetitionField = await copyRows(
    client,
    "PetitionField",
    ["id", "code", "name", "defaultDeadlineDays", "assignmentDeadlineDays", "sortOrder"],
    FIELDS.map((f, i) => [i + 1, f.code, f.name, f.defaultDeadlineDays, DEFAULT_ASSIGNMENT_DAYS, (i + 1) * 10]),
  );
  const agencies: CopyValue[][] = [];
  for (const d of tree.districts) {
    const ids = new Map<string, number>();
    for (const [key, name] of Object.entries(d.agencyNames) as [AgencyKey, string][]) {
      if (!ids.has(name)) {
        ids.set(name, agencies.length + 1);
        agencies.push([agencies.length + 1, name, d.unit.id]);
      }
      d.agencyIds[key] = ids.get(name)!;
    }
  }
  rows.Agency = await copyRows(client, "Agency", ["id", "name", "unitId"], agencies);
  // The bench users sign in in one step, as the demo accounts do (prisma/seed/demo.ts): the
  // load benchmark measures the pages, not the second factor's enrolment page.
  await client.query(`UPDATE "TwoFactorPolicy" SET required = false`);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = new Random(0x05e4);
  // Each user holds a ready-made combination of duties (decision 049), written as a PostgreSQL array.
  const users: [string, Preset, number][] = [
    [BENCH_USERS.admin, "ADMIN", tree.units[0].id],
    [BENCH_USERS.province, "PROVINCE_LEADER", tree.provinces[0].id],
    [BENCH_USERS.district, "DISTRICT_STAFF", tree.districts[0].unit.id],
    ...tree.districts.map((d): [string, Preset, number] => [`bench.staff.${d.unit.code}`, "DISTRICT_STAFF", d.unit.id]),
  ];
  tree.districts.forEach((d, i) => (d.staffId = i + 4));
  // An agency's own account (decision 064), bound to one of the bench district's agencies (the one holding the
  // most open petitions, once they are written).
  const benchAgency = Object.values(tree.districts[0].agencyIds)[0];
  const agencyOf = new Map<string, number>([[BENCH_USERS.agency, benchAgency]]);
  users.push([BENCH_USERS.agency, "AGENCY", tree.districts[0].unit.id]);
  rows.User = await copyRows(
    client,
    "User",
    ["id", "username", "displayName", "passwordHash", "duties", "unitId", "agencyId", "updatedAt"],
    users.map(([username, preset, unitId], i) => [
      i + 1, username, personName(rng, rng.chance(0.5) ? "MALE" : "FEMALE").fullName, passwordHash, `{${PRESETS[preset].join(",")}}`, unitId, agencyOf.get(username) ?? null, now,
    ]),
  );
  return rows;
}

// ─── Petitions ───────────────────────────────────────────────────────────────

const PETITION_COLUMNS = [
  "id", "code", "unitId", "provinceId", "districtId", "communeId", "receivedOn", "channel", "petitionerKind", "petitionerName", "petitionerPhone", "petitionerAddress",
  "fieldId", "content", "searchText", "petitionerSearch", "status", "agencyId", "assignedAt", "dueOn", "resolvedAt", "resolution",
  "replyText", "satisfaction", "closedAt", "rejectionReason", "escalatedTo", "escalatedAt", "mergedIntoId", "meetingId", "createdById", "createdAt", "updatedAt", "version",
];

export const EVENT_COLUMNS = ["id", "petitionId", "kind", "fromStatus", "toStatus", "actorId", "note", "data", "at"];

const KINDS: [PetitionerKind, number][] = [["PERSON", 79], ["GROUP", 11], ["ANONYMOUS", 10]];
const CHANNELS: [PetitionChannel, number][] = [
  ["RECEPTION", 28], ["LETTER", 16], ["TEAM_MEETING", 18], ["VOTER_MEETING", 8], ["CONFERENCE", 7], ["HOTLINE", 7], ["ONLINE", 8], ["OTHER", 3],
];
const ANONYMOUS_CHANNELS: [PetitionChannel, number][] = [["LETTER", 5], ["HOTLINE", 3], ["ONLINE", 2]];
const SATISFACTIONS: [Satisfaction, number][] = [["SATISFIED", 75], ["PARTLY", 15], ["NOT_SATISFIED", 10]];

/**
 * Every day from the window's start to well past today, with working-day arithmetic by
 * table lookup: `addWorkingDays(i, n)` is the n-th working day strictly after day i.
 */
export class DayTable {
  readonly days: CalendarDate[] = [];
  readonly midnight: number[] = [];
  private readonly ordinal: number[] = [];
  private readonly working: number[] = [];

  constructor(first: CalendarDate, count: number) {
    const firstYear = Number(first.slice(0, 4));
    // The app's calendar: the published schedules where there are, else the estimate (decision 047).
    const calendar = calendarForYears(firstYear, firstYear + Math.ceil(count / 365) + 1);
    for (let i = 0, day = first; i < count; i++, day = addDays(day, 1)) {
      this.days.push(day);
      this.midnight.push(Date.parse(`${day}T00:00:00Z`));
      if (isWorkingDay(day, calendar)) this.working.push(i);
      this.ordinal.push(this.working.length);
    }
  }

  addWorkingDays(i: number, n: number): number {
    return n === 0 ? i : this.working[this.ordinal[i] + n - 1];
  }

  workingDaysBetween(from: number, to: number): number {
    return to <= from ? 0 : this.ordinal[to] - this.ordinal[from];
  }

  isWorking(i: number): boolean {
    return this.ordinal[i] > (i > 0 ? this.ordinal[i - 1] : 0);
  }

  /** The instant `minutes` after midnight, Vietnam time (UTC+7), on day i. */
  at(i: number, minutes: number): Date {
    return new Date(this.midnight[i] + (minutes - 420) * 60_000);
  }
}

/** Relative busyness of each village: a few are far busier than the rest (log-normal). */
function villageSampler(rng: Random, villages: Village[]): () => Village {
  const cumulative = new Float64Array(villages.length);
  let total = 0;
  villages.forEach((_, i) => {
    const gaussian = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    total += Math.exp(0.9 * gaussian);
    cumulative[i] = total;
  });
  return () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = villages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return villages[lo];
  };
}

/**
 * The petitions, oldest first, so that ids and codes run with the dates. `counters`
 * receives the last number given per district code and year ("areaCode|year", decision 027); `events` each
 * petition's timeline, as lib/petitions/intake.ts and steps.ts write it: CREATED, then one
 * event per step (assign, start, resolve, reply; or reject, merge, escalate) with its note and
 * data, and the petition's columns as the last step left them. A petition brought up at its
 * village's team meeting (channel TEAM_MEETING, the meeting held on or before the day) points
 * at that meeting.
 */
function* petitionRows(
  tree: Tree,
  options: GenerateOptions,
  window: { table: DayTable; months: readonly { first: string }[]; lastIdx: number },
  counters: Map<string, number>,
  events: CopyFeed,
  meetings: MeetingIndex,
): Generator<CopyValue[]> {
  const rng = new Random(0x5e_7171);
  const { table, lastIdx } = window;
  const monthOfDay = new Int16Array(table.days.length);
  window.months.forEach((m, i) => monthOfDay.fill(i, table.days.indexOf(m.first)));
  const pickVillage = villageSampler(rng, tree.villages);
  const fields = FIELDS.map((f, i) => ({ ...f, id: i + 1, weight: FIELD_WEIGHTS[f.code] }));
  const byWeight = fields.map((f) => [f, f.weight] as const);

  // Petitions per day: season, a slow upward trend, fewer at weekends; rounded so the total is exact.
  const weights = table.days.slice(0, lastIdx + 1).map((day, i) => {
    const month = Number(day.slice(5, 7));
    return SEASON[month] * (0.92 + (0.16 * i) / (lastIdx + 1)) * (table.isWorking(i) ? 1 : 0.3);
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  let id = 0;
  let eventId = 0;
  let cumulative = 0;
  /** The last petition of each district still open to being duplicated. */
  const recent = new Map<District, { id: number; code: string; day: number }>();
  for (let day = 0; day <= lastIdx; day++) {
    cumulative += weights[day];
    const target = Math.round((cumulative / totalWeight) * options.petitions);
    const year = Number(table.days[day].slice(0, 4));
    while (id < target) {
      id++;
      const village = pickVillage();
      const district = village.district;
      const counterKey = `${district.unit.code}|${year}`;
      const number = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, number);
      const code = `${district.unit.code}-${year}-${String(number).padStart(5, "0")}`;

      const kind = rng.weighted(KINDS);
      const channel = rng.weighted(kind === "ANONYMOUS" ? ANONYMOUS_CHANNELS : CHANNELS);
      const petitionerName =
        kind === "PERSON" ? personName(rng, rng.chance(0.55) ? "MALE" : "FEMALE", district.region).fullName : kind === "GROUP" ? `Nhóm hộ dân ${village.places.village}` : null;
      const petitionerPhone = kind === "ANONYMOUS" || rng.chance(0.2) ? null : mobilePhone(rng, ["09", "03", "08", "07"]);
      const field = rng.weighted(byWeight);
      const content = fill(rng.pick(CONTENT[field.code]), rng, village.places);
      const search = petitionSearchColumns({ code, content, petitionerName, petitionerPhone });
      const slot = village.index * meetings.months + monthOfDay[day];
      const meetingId = channel === "TEAM_MEETING" && meetings.teamMeetingId[slot] && meetings.teamMeetingDay[slot] <= day ? meetings.teamMeetingId[slot] : null;

      // The fate, as the workflow walks it, up to yesterday; each step an event.
      let steps = 0;
      let lastAt = table.at(day, rng.int(450, 960));
      const createdAt = lastAt;
      let status: PetitionStatus = "RECEIVED";
      const actor = district.staffId;
      const event = (kind: PetitionEventKind, to: PetitionStatus, at: Date, note: string | null, data: string | null) => {
        events.line(`${++eventId}\t${id}\t${kind}\t${kind === "CREATED" ? "\\N" : status}\t${to}\t${actor}\t${copyField(note)}\t${copyField(data)}\t${at.toISOString()}`);
        status = to;
      };
      const step = (d: number, kind: PetitionEventKind, to: PetitionStatus, note: string | null = null, data: string | null = null) => {
        const at = table.at(d, rng.int(450, 990));
        lastAt = at > lastAt ? at : new Date(lastAt.getTime() + 5 * 60_000);
        steps++;
        event(kind, to, lastAt, note, data);
        return lastAt;
      };
      event("CREATED", "RECEIVED", createdAt, null, null);
      let agencyId: number | null = null;
      let assignedAt: Date | null = null;
      // Until an agency holds it, the deadline to assign it (decision 051); assigning replaces it.
      let dueOn: string | null = table.days[table.addWorkingDays(day, DEFAULT_ASSIGNMENT_DAYS)];
      let resolvedAt: Date | null = null;
      let resolution: "SETTLED" | "EXPLAINED" | null = null;
      let reply: string | null = null;
      let satisfaction: Satisfaction | null = null;
      let closedAt: Date | null = null;
      let rejectionReason: string | null = null;
      let escalatedTo: string | null = null;
      let escalatedAt: Date | null = null;
      let mergedIntoId: number | null = null;
      const u = rng.next();
      const earlier = recent.get(district);
      if (u < 0.03) {
        const d = table.addWorkingDays(day, rng.int(1, 5));
        if (d <= lastIdx) {
          rejectionReason = rng.pick(REJECTION_REASONS);
          closedAt = step(d, "REJECTED", "REJECTED", rejectionReason);
        }
      } else if (u < 0.05 && earlier && day - earlier.day <= 90) {
        const d = table.addWorkingDays(day, rng.int(0, 3));
        if (d <= lastIdx) {
          mergedIntoId = earlier.id;
          closedAt = step(d, "MERGED", "MERGED", null, JSON.stringify({ mergedIntoId, mergedIntoCode: earlier.code }));
        }
      } else {
        recent.set(district, { id, code, day });
        const assign = table.addWorkingDays(day, rng.int(0, 3));
        if (assign <= lastIdx) {
          const due = table.addWorkingDays(day, field.defaultDeadlineDays);
          const agencyKey = rng.weighted(AGENCY_BY_FIELD[field.code]);
          agencyId = district.agencyIds[agencyKey];
          dueOn = table.days[due];
          assignedAt = step(assign, "ASSIGNED", "ASSIGNED", null, JSON.stringify({ agencyId, agency: district.agencyNames[agencyKey], dueOn }));
          const start = table.addWorkingDays(assign, rng.int(1, 3));
          if (start <= lastIdx) {
            step(start, "STATUS_CHANGED", "IN_PROGRESS");
            if (u < 0.07) {
              const d = table.addWorkingDays(start, rng.int(3, 12));
              if (d <= lastIdx) {
                escalatedTo = `Ban Dân vận Tỉnh ủy ${district.province.name}`;
                closedAt = escalatedAt = step(d, "ESCALATED", "ESCALATED", "Vụ việc phức tạp, vượt thẩm quyền; chuyển cấp trên xem xét, chỉ đạo", JSON.stringify({ escalatedTo }));
              }
            } else if (!(field.code === "dat-dai" && rng.chance(0.05))) {
              const room = table.workingDaysBetween(start, due);
              const resolveDay = rng.chance(0.2) || room < 1 ? table.addWorkingDays(Math.max(due, start), rng.int(1, 25)) : table.addWorkingDays(start, rng.int(1, room));
              if (resolveDay <= lastIdx) {
                const settled = rng.chance(0.75);
                const kindOf = settled ? "SETTLED" : "EXPLAINED";
                // The reply is written now and sent with the citizen's answer (the reply step).
                const text = replyText(field.code, settled, district.agencyNames[agencyKey], rng, village.places);
                resolution = kindOf;
                resolvedAt = step(resolveDay, "STATUS_CHANGED", "RESOLVED", settled ? "Đã giải quyết dứt điểm" : "Đã giải trình với công dân", JSON.stringify({ resolution }));
                const close = table.addWorkingDays(resolveDay, rng.int(2, 8));
                if (close <= lastIdx) {
                  satisfaction = rng.weighted(SATISFACTIONS);
                  reply = text;
                  closedAt = step(close, "REPLIED", "CLOSED", text, JSON.stringify({ satisfaction }));
                }
              }
            }
          }
        }
      }
      yield [
        id, code, village.id, district.province.id, district.unit.id, village.communeId, table.days[day], channel, kind, petitionerName, petitionerPhone, kind === "ANONYMOUS" ? null : village.address,
        field.id, content, search.searchText, search.petitionerSearch, status, agencyId, assignedAt, dueOn, resolvedAt, resolution,
        reply, satisfaction, closedAt, rejectionReason, escalatedTo, escalatedAt, mergedIntoId, meetingId, district.staffId, createdAt, lastAt, steps,
      ];
    }
  }
  events.end();
}
