/**
 * The records a load run points its addresses at, picked from the bench database: the bench
 * users' own units, and records of the bench district (`bench.district`'s, inside the bench
 * province), which every bench user may read, so that a record page costs each user the same.
 * A kind the database has none of (attachments: the generator makes none) is null, and the run reports the
 * targets it could not point anywhere. The periods the pages of a report or a scoring sheet are read for are the
 * latest the database holds (`periods`: lib/bench/load-targets.ts writes them into those addresses).
 */
import type pg from "pg";
import type { Target } from "../../tests/support/authz-registry";
import { BENCH_USERS } from "./generate";
import { PERIOD_PLACEHOLDERS, type BenchUser } from "./load-targets";

export interface BenchIds {
  users: Record<BenchUser, { id: number; unitId: number }>;
  districtId: number;
  /** Ids by record kind; filled on demand (a meeting written by the run appears mid-run). */
  pick(target: Target, user: BenchUser | null): Promise<string | null>;
  /** What the writes need. */
  districtVillages: number[];
  nationVillages: number[];
  fieldIds: number[];
  districtAgencies: number[];
  districtTeams: number[];
  /**
   * Placeholders of the addresses (lib/bench/load-targets.ts PERIOD_PLACEHOLDERS) and their values: the bench
   * district's latest monthly report's period, its first village's latest scored period; null without one.
   */
  periods: Record<string, string | null>;
}

async function one<T extends pg.QueryResultRow>(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await client.query<T>(sql, params)).rows[0];
}

async function ids(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<number[]> {
  return (await client.query<{ id: number }>(sql, params)).rows.map((r) => r.id);
}

/** The district's villages, by the unit tree's GIN index on ancestorIds. */
const IN_DISTRICT = `SELECT id FROM "Unit" WHERE "ancestorIds" @> ARRAY[$1]::int[] AND level = 'VILLAGE' AND "validTo" IS NULL`;

export async function benchIds(client: pg.ClientBase): Promise<BenchIds> {
  const users = {} as BenchIds["users"];
  for (const kind of ["admin", "province", "district", "agency"] as const) {
    const row = await one<{ id: number; unitId: number }>(client, `SELECT id, "unitId" FROM "User" WHERE username = $1`, [BENCH_USERS[kind]]);
    if (!row) throw new Error(`Không có người dùng / no user ${BENCH_USERS[kind]}: is this a database made by npm run bench -- generate?`);
    users[kind] = row;
  }
  const districtId = users.district.unitId;
  const districtVillages = await ids(client, `${IN_DISTRICT} ORDER BY id`, [districtId]);
  // 500 villages drawn over the whole nation (the same ones each run): writers that rarely meet.
  const nationVillages = await ids(client, `SELECT id FROM "Unit" WHERE level = 'VILLAGE' AND "validTo" IS NULL ORDER BY md5(id::text) LIMIT 500`);
  const fieldIds = await ids(client, `SELECT id FROM "PetitionField" WHERE active ORDER BY id`);
  const districtAgencies = await ids(client, `SELECT id FROM "Agency" WHERE "unitId" = $1 AND active ORDER BY id`, [districtId]);
  const districtTeams = await ids(
    client,
    `SELECT o.id FROM "Organisation" o WHERE o.kind = 'TEAM' AND o."dissolvedOn" IS NULL AND o."unitId" IN (${IN_DISTRICT}) ORDER BY o.id`,
    [districtId],
  );

  const periods: BenchIds["periods"] = {
    [PERIOD_PLACEHOLDERS.report]:
      (await one<{ period: string }>(client, `SELECT period FROM "PeriodicReport" WHERE "unitId" = $1 AND "periodKind" = 'MONTH' ORDER BY "periodFrom" DESC LIMIT 1`, [districtId]))?.period ?? null,
    [PERIOD_PLACEHOLDERS.scoring]:
      districtVillages[0] === undefined
        ? null
        : ((await one<{ period: string }>(client, `SELECT period FROM "ScoreSheet" WHERE "villageId" = $1 ORDER BY "periodTo" DESC, period LIMIT 1`, [districtVillages[0]]))?.period ?? null),
  };

  const fixed = new Map<Target, string | null>();
  const once = async (target: Target, sql: string, params: unknown[] = []) => {
    if (!fixed.has(target)) fixed.set(target, (await one<{ ref: string }>(client, sql, params))?.ref ?? null);
    return fixed.get(target)!;
  };
  const inDistrict = `"unitId" IN (${IN_DISTRICT})`;

  const pick = async (target: Target, user: BenchUser | null): Promise<string | null> => {
    const home = users[user ?? "admin"].unitId;
    switch (target) {
      case "none":
        return "";
      case "unit":
        return String(home);
      case "unit-ref":
        return `id:${home}`;
      // The district's first village (a scoring sheet's page, decision 078).
      case "village":
        return districtVillages[0] === undefined ? null : String(districtVillages[0]);
      // The district's latest closed petition: a full timeline, as most are.
      case "petition":
        return once(target, `SELECT id::text AS ref FROM "Petition" WHERE ${inDistrict} AND status = 'CLOSED' ORDER BY id DESC LIMIT 1`, [districtId]);
      // The latest petition the bench agency's account holds now (decision 064).
      case "held-petition":
        return once(
          target,
          `SELECT p.id::text AS ref FROM "Petition" p JOIN "User" u ON u."agencyId" = p."agencyId" WHERE u.id = $1 AND p.status IN ('ASSIGNED', 'IN_PROGRESS') ORDER BY p.id DESC LIMIT 1`,
          [users.agency.id],
        );
      // Its oldest received one: the workflow step's writes take the newest first.
      case "petition-received":
        return once(target, `SELECT id::text AS ref FROM "Petition" WHERE ${inDistrict} AND status = 'RECEIVED' ORDER BY id LIMIT 1`, [districtId]);
      case "petition-attachment":
        return once(
          target,
          `SELECT a."petitionId" || '/attachments/' || a.id AS ref FROM "Attachment" a JOIN "Petition" p ON p.id = a."petitionId" WHERE p.${inDistrict} ORDER BY a.id LIMIT 1`,
          [districtId],
        );
      case "meeting":
        return once(target, `SELECT id::text AS ref FROM "Meeting" WHERE ${inDistrict} AND kind = 'TEAM_MONTHLY' ORDER BY "heldOn" DESC, id DESC LIMIT 1`, [districtId]);
      // Logged by this user in the last 7 days (the run's own meeting writes): its author may still correct it.
      case "meeting-recent":
        return (
          (await one<{ ref: string }>(
            client,
            `SELECT id::text AS ref FROM "Meeting" WHERE "createdById" = $1 AND "createdAt" > now() - interval '6 days' ORDER BY id DESC LIMIT 1`,
            [users[user ?? "admin"].id],
          ))?.ref ?? null
        );
      case "meeting-attachment":
        return once(
          target,
          `SELECT a."meetingId" || '/attachments/' || a.id AS ref FROM "Attachment" a JOIN "Meeting" m ON m.id = a."meetingId" WHERE m.${inDistrict} ORDER BY a.id LIMIT 1`,
          [districtId],
        );
      case "organisation":
        return districtTeams.length ? String(districtTeams[0]) : null;
      case "cadre":
        return once(target, `SELECT id::text AS ref FROM "Cadre" WHERE ${inDistrict} AND "endedOn" IS NULL ORDER BY id LIMIT 1`, [districtId]);
      // The staff account of the bench district: a user the admin manages.
      case "user":
        return once(target, `SELECT id::text AS ref FROM "User" WHERE "unitId" = $1 AND username <> $2 ORDER BY id LIMIT 1`, [districtId, BENCH_USERS.district]);
      // "Dân vận khéo" models of the district (decision 076), and an evidence file of one (the generator makes no files: none).
      case "good-practice-model":
        // The district's (its province's, in a small generation that gave the district none), a replicated one where
        // there is: its page lists the adoptions too.
        return once(
          target,
          `SELECT m.id::text AS ref FROM "GoodPracticeModel" m JOIN "Unit" u ON u.id = m."unitId" WHERE u."ancestorIds" @> ARRAY[$2]::int[]
            ORDER BY (u."ancestorIds" @> ARRAY[$1]::int[]) DESC, (m.status = 'REPLICATED') DESC, m.id LIMIT 1`,
          [districtId, users.province.unitId],
        );
      case "good-practice-attachment":
        return once(
          target,
          `SELECT a."goodPracticeModelId" || '/attachments/' || a.id AS ref FROM "Attachment" a JOIN "GoodPracticeModel" m ON m.id = a."goodPracticeModelId" WHERE m.${inDistrict} ORDER BY a.id LIMIT 1`,
          [districtId],
        );
      default:
        return null;
    }
  };

  return { users, districtId, pick, districtVillages, nationVillages, fieldIds, districtAgencies, districtTeams, periods };
}
