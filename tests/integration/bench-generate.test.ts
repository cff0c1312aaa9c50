/**
 * The national-scale generator (lib/bench/generate.ts) at a small scale, on PostgreSQL (it
 * refuses PGlite): its meetings, rosters, trainings and petition timelines must be data the app
 * could have written, and its rollups what a rebuild and the live figures say.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { generateBenchData, withDatabase } from "@/lib/bench/generate";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { liveFigures } from "@/lib/dashboards/live";
import { parsePeriod } from "@/lib/dashboards/period";
import { openAdapter } from "@/lib/db/adapter";
import { closeDb, installDb } from "@/lib/db/client";
import type { PetitionStatus } from "@/lib/generated/prisma/enums";
import type { PetitionStep } from "@/lib/petitions/workflow";
import { nextStatus } from "@/lib/petitions/workflow";
import { rebuildStatements, ROLLUP_TABLES } from "@/lib/rollup/rebuild";
import { isoDay, todayInVietnam } from "@/lib/time";
import { serverUrl, testBackend } from "../support/test-db";
import { PRESETS } from "@/lib/auth/roles";

const onPostgres = testBackend() === "postgres";
const NOW = new Date();
const name = `dv_gen_test_${process.pid}_${Date.now() % 100_000}`;
let client: pg.Client;
let url: string;
let rows: Record<string, number> = {};

beforeAll(async () => {
  if (!onPostgres) return;
  const report = await generateBenchData({ serverUrl: serverUrl(), database: name, villages: 1000, petitions: 20_000, months: 24, now: NOW });
  rows = report.rows;
  url = report.url;
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 300_000);

afterAll(async () => {
  if (!onPostgres) return;
  await client?.end();
  await closeDb();
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl(), "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);

describe.skipIf(!onPostgres)("the bench generator, small", () => {
  it("makes every kind of record the pages show", () => {
    for (const table of ["Cadre", "Membership", "TrainingRecord", "Meeting", "MeetingAttendance", "Petition", "PetitionEvent"]) expect(rows[table], table).toBeGreaterThan(0);
  });

  it("holds each meeting at its organisation's unit: a team's at its village, a bloc's and a briefing at a commune", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Meeting" m JOIN "Organisation" o ON o.id = m."organisationId" WHERE o."unitId" <> m."unitId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Meeting" m JOIN "Organisation" o ON o.id = m."organisationId" WHERE (m.kind = 'TEAM_MONTHLY') <> (o.kind = 'TEAM')`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Meeting" m JOIN "Unit" u ON u.id = m."unitId" WHERE m.kind = 'TEAM_MONTHLY' AND u.level <> 'VILLAGE' OR m.kind IN ('BLOC', 'QUARTERLY_BRIEFING') AND u.level <> 'COMMUNE'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Meeting" WHERE "heldOn" >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`)).toBe(0);
    // Most teams meet most months: between 75 and 100 % of team-months.
    const teams = await count(`SELECT count(*) AS n FROM "Organisation" WHERE kind = 'TEAM'`);
    const held = await count(`SELECT count(*) AS n FROM "Meeting" WHERE kind = 'TEAM_MONTHLY'`);
    expect(held / (teams * 24)).toBeGreaterThan(0.75);
    expect(held / (teams * 25)).toBeLessThanOrEqual(1);
  });

  it("takes attendance from the roster on the day: members of the team or bloc then, never more than it had", async () => {
    // A team's or bloc's attendee was its member on the day.
    expect(
      await count(`SELECT count(*) AS n FROM "MeetingAttendance" a JOIN "Meeting" m ON m.id = a."meetingId" WHERE m."organisationId" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Membership" s WHERE s."organisationId" = m."organisationId" AND s."cadreId" = a."cadreId" AND s."termStart" <= m."heldOn" AND (s."termEnd" IS NULL OR s."termEnd" >= m."heldOn"))`),
    ).toBe(0);
    // A briefing's attendee was a member, then, of the commune's bloc or of one of its teams.
    expect(
      await count(`SELECT count(*) AS n FROM "MeetingAttendance" a JOIN "Meeting" m ON m.id = a."meetingId" WHERE m.kind = 'QUARTERLY_BRIEFING' AND NOT EXISTS (
        SELECT 1 FROM "Membership" s JOIN "Organisation" o ON o.id = s."organisationId" JOIN "Unit" u ON u.id = o."unitId"
         WHERE s."cadreId" = a."cadreId" AND (u.id = m."unitId" OR u."parentId" = m."unitId") AND s."termStart" <= m."heldOn" AND (s."termEnd" IS NULL OR s."termEnd" >= m."heldOn"))`),
    ).toBe(0);
    // Every team has one head at any time, and its cadres live in its village.
    expect(
      await count(`SELECT count(*) AS n FROM "Organisation" o WHERE o.kind = 'TEAM' AND (SELECT count(*) FROM "Membership" s WHERE s."organisationId" = o.id AND s.role = 'HEAD' AND s."termEnd" IS NULL) <> 1`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Membership" s JOIN "Organisation" o ON o.id = s."organisationId" JOIN "Cadre" c ON c.id = s."cadreId" WHERE c."unitId" <> o."unitId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Membership" s JOIN "Cadre" c ON c.id = s."cadreId" WHERE (s."termEnd" IS NULL) <> (c."endedOn" IS NULL)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "TrainingRecord" t WHERE t."endOn" < t."startOn"`)).toBe(0);
    // Some heads changed during the window: coverage has dated changes to follow.
    expect(await count(`SELECT count(*) AS n FROM "Membership" WHERE "termEnd" IS NOT NULL`)).toBeGreaterThan(0);
  });

  it("gives each petition the timeline the workflow would have written, ending in its status", async () => {
    const { rows: events } = await client.query<{
      petitionId: number; kind: string; fromStatus: PetitionStatus | null; toStatus: PetitionStatus; at: Date; data: Record<string, unknown> | null;
    }>(`SELECT "petitionId", kind, "fromStatus", "toStatus", at, data FROM "PetitionEvent" ORDER BY "petitionId", at, id`);
    const { rows: petitions } = await client.query<{
      id: number; status: PetitionStatus; version: number; createdAt: Date; assignedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null; updatedAt: Date;
      agencyId: number | null; replyText: string | null; satisfaction: string | null; mergedIntoId: number | null;
    }>(`SELECT id, status, version, "createdAt", "assignedAt", "resolvedAt", "closedAt", "updatedAt", "agencyId", "replyText", satisfaction, "mergedIntoId" FROM "Petition" ORDER BY id`);
    const byPetition = new Map<number, typeof events>();
    for (const e of events) byPetition.set(e.petitionId, [...(byPetition.get(e.petitionId) ?? []), e]);
    const STEP: Record<string, PetitionStep> = { ASSIGNED: "assign", REPLIED: "reply", REJECTED: "reject", MERGED: "merge", ESCALATED: "escalate" };
    const problems: string[] = [];
    for (const p of petitions) {
      const timeline = byPetition.get(p.id) ?? [];
      const say = (what: string) => problems.length < 10 && problems.push(`petition ${p.id}: ${what}`);
      if (timeline.length !== p.version + 1) say(`${timeline.length} events, version ${p.version}`);
      const [created, ...steps] = timeline;
      if (created?.kind !== "CREATED" || created.fromStatus !== null || created.toStatus !== "RECEIVED" || created.at.getTime() !== p.createdAt.getTime()) say("no CREATED event at its creation");
      let status: PetitionStatus = "RECEIVED";
      let agencyId: number | null = null;
      let last = created?.at.getTime() ?? 0;
      for (const e of steps) {
        const step: PetitionStep = STEP[e.kind] ?? (e.toStatus === "IN_PROGRESS" ? "start" : "resolve");
        if (e.fromStatus !== status) say(`${e.kind} from ${e.fromStatus}, was ${status}`);
        if (nextStatus(PRESETS.ADMIN, { status, agencyId }, step) !== e.toStatus) say(`${step} from ${status} cannot lead to ${e.toStatus}`);
        if (e.at.getTime() < last) say(`${e.kind} before the step before it`);
        if (e.kind === "ASSIGNED") agencyId = Number(e.data?.agencyId);
        status = e.toStatus;
        last = e.at.getTime();
      }
      if (status !== p.status) say(`timeline ends ${status}, petition is ${p.status}`);
      if (last !== p.updatedAt.getTime()) say("updatedAt is not its last event");
      const at = (kind: string, to?: string) => timeline.find((e) => e.kind === kind && (!to || e.toStatus === to))?.at.getTime() ?? null;
      if ((p.assignedAt?.getTime() ?? null) !== at("ASSIGNED")) say("assignedAt is not its ASSIGNED event");
      if ((p.resolvedAt?.getTime() ?? null) !== at("STATUS_CHANGED", "RESOLVED")) say("resolvedAt is not its resolve step");
      const closing = at("REPLIED") ?? at("REJECTED") ?? at("MERGED") ?? at("ESCALATED");
      if ((p.closedAt?.getTime() ?? null) !== closing) say("closedAt is not its closing step");
      if ((p.replyText !== null || p.satisfaction !== null) !== (p.status === "CLOSED")) say("a reply without the reply step, or the reverse");
      if ((p.mergedIntoId !== null) !== (p.status === "MERGED")) say("mergedIntoId and status disagree");
    }
    expect(problems).toEqual([]);
  });

  it("gives each petition no agency holds its deadline to assign: 5 working days after receipt (decision 051)", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Petition" WHERE "agencyId" IS NULL`)).toBeGreaterThan(0);
    // Five working days are at least five days and, across Tết and its weekends, at most twenty.
    expect(await count(`SELECT count(*) AS n FROM "Petition" WHERE "agencyId" IS NULL AND ("dueOn" IS NULL OR "dueOn" < "receivedOn" + 5 OR "dueOn" > "receivedOn" + 20)`)).toBe(0);
  });

  it("makes an agency's account, and records every agency that held a petition, as the assign step does (decision 064)", async () => {
    const [user] = (await client.query<{ duties: string; agencyId: number | null; unitId: number; agencyUnit: number }>(
      `SELECT u.duties::text, u."agencyId", u."unitId", a."unitId" AS "agencyUnit" FROM "User" u JOIN "Agency" a ON a.id = u."agencyId" WHERE u.username = 'bench.agency'`,
    )).rows;
    expect(user).toMatchObject({ duties: "{AGENCY}" });
    expect(user.agencyUnit).toBe(user.unitId);
    // The current holder of every assigned petition, and every agency its timeline assigned it to, hold it.
    expect(await count(`SELECT count(*) AS n FROM "Petition" p WHERE p."agencyId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "AgencyHold" h WHERE h."agencyId" = p."agencyId" AND h."petitionId" = p.id)`)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM "PetitionEvent" e WHERE e.kind = 'ASSIGNED' AND NOT EXISTS (SELECT 1 FROM "AgencyHold" h WHERE h."agencyId" = (e.data->>'agencyId')::int AND h."petitionId" = e."petitionId")`),
    ).toBe(0);
    expect(rows.AgencyHold).toBe(await count(`SELECT count(*) AS n FROM "AgencyHold"`));
    // The account has petitions to list, some of them held now.
    expect(await count(`SELECT count(*) AS n FROM "Petition" WHERE "agencyId" = ${user.agencyId} AND status IN ('ASSIGNED', 'IN_PROGRESS')`)).toBeGreaterThan(0);
  });

  it("gives each petition its province, district and commune, as PostgreSQL's trigger would (decision 039)", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Petition" WHERE "districtId" IS NULL OR "communeId" IS NULL`)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM "Petition" t JOIN "Unit" u ON u.id = t."unitId" CROSS JOIN LATERAL unit_places(u."ancestorIds") p
        WHERE (t."provinceId", t."districtId", t."communeId") IS DISTINCT FROM (p.province, p.district, p.commune)`),
    ).toBe(0);
  });

  it("points a petition raised at a team meeting at its village's meeting, held on or before it", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Petition" WHERE "meetingId" IS NOT NULL`)).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM "Petition" p JOIN "Meeting" m ON m.id = p."meetingId" WHERE m."unitId" <> p."unitId" OR m."heldOn" > p."receivedOn" OR m.kind <> 'TEAM_MONTHLY' OR p.channel <> 'TEAM_MEETING'`),
    ).toBe(0);
  });

  it("leaves rollups equal to a rebuild, and the nation's dashboard equal to the live figures", async () => {
    const snapshot = async () => {
      const out: Record<string, string[]> = {};
      for (const table of ROLLUP_TABLES) out[table] = (await client.query(`SELECT * FROM "${table}"`)).rows.map((r) => JSON.stringify(r)).sort();
      return out;
    };
    const generated = await snapshot();
    expect(generated.RollupTeamMonth.length).toBeGreaterThan(0);
    expect(generated.RollupCoverage.length).toBeGreaterThan(0);
    expect(generated.RollupTraining.length).toBeGreaterThan(0);
    await client.query("BEGIN");
    for (const sql of rebuildStatements()) await client.query(sql);
    await client.query("COMMIT");
    expect(await snapshot()).toEqual(generated);

    await closeDb();
    installDb(openAdapter({ kind: "postgres", url }));
    const admin = (await loadActor(1))!;
    const today = todayInVietnam(NOW);
    const period = parsePeriod(isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 12, 1))), isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0))));
    const nation = (await dashboardFor(admin, admin.unit.id, period, "restated", NOW))!;
    const live = (await liveFigures([admin.unit.id], period, isoDay(today))).get(admin.unit.id)!;
    expect(nation.kpis).toMatchObject({
      received: live.received, resolved: live.resolved, explained: live.explained, overdue: live.overdue,
      teamMeetingsHeld: live.teamsHeld, teamMeetingsExpected: live.teamsExpected, briefingsHeld: live.briefingsHeld, cadresTrained: live.cadresTrained,
    });
    expect(live.teamsHeld).toBeGreaterThan(0);
    expect(live.cadresTrained).toBeGreaterThan(0);
  });
});
