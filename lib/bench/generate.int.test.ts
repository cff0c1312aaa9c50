import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApiRollup, rollupQuery } from "../api/rollup";
import { loadActor, type Actor } from "../auth/actor";
import { openAdapter } from "../db/adapter";
import { closeDb, db, installDb } from "../db/client";
import { GOOD_PRACTICE_STATUSES } from "../good-practice/workflow";
import { liveFigures } from "../periodic-reports/mutations";
import { dueOnOf, parseReportPeriod } from "../periodic-reports/period";
import { criteriaOf, readSections, totalsOf } from "../scoring/rules";
import { templateFor } from "../scoring/template";
import { toSearchText } from "../text/search";
import { isoDay } from "../time";
import { demoScoringPeriods } from "../../prisma/seed/scoring";
import { serverUrl, testBackend } from "../../tests/support/test-db";
import { BENCH_USERS, generateBenchData, withDatabase } from "./generate";
import { generateExtras } from "./generate-extras";

/**
 * A small generation on the test PostgreSQL server (TEST_BACKEND=postgres): the models, scoring sheets and
 * periodic reports it adds read through the app's own functions as the app's own writes would. A test reads
 * dashboards and every row: seconds each. In the integration project, so that the PostgreSQL tier of `npm test` runs it.
 */
describe.skipIf(testBackend() !== "postgres")("a small generation's models, scoring and periodic reports", { timeout: 60_000 }, () => {
  const now = new Date("2026-11-23T03:00:00Z");
  const name = `dv_gen_test_${process.pid}`;
  const plain = `${name}_plain`;
  let url = "";
  let admin: Actor;
  const one = async <T,>(sql: string, params: unknown[] = []) => (await db.$queryRawUnsafe<T[]>(sql, ...params))[0];

  beforeAll(async () => {
    const report = await generateBenchData({ serverUrl: serverUrl(), database: name, villages: 1000, petitions: 3000, months: 24, now });
    url = report.url;
    for (const table of ["GoodPracticeModel", "GoodPracticeReplication", "ScoringTemplate", "ScoreSheet", "PeriodicReport", "ReportHotspot", "PeriodicReportComment"]) {
      expect(report.rows[table], table).toBeGreaterThan(0);
    }
    installDb(openAdapter({ kind: "postgres", url }));
    const user = await db.user.findUniqueOrThrow({ where: { username: BENCH_USERS.admin }, select: { id: true } });
    admin = (await loadActor(user.id))!;
  }, 600_000);

  afterAll(async () => {
    await closeDb();
    const client = new pg.Client({ connectionString: serverUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${plain}" WITH (FORCE)`);
    await client.end();
  });

  it("carries each model along the life cycle: every state, dates in order, recognised by the unit at its level, replicated elsewhere", async () => {
    const models = await db.goodPracticeModel.findMany({ include: { unit: { select: { level: true, ancestorIds: true } }, replications: { include: { unit: { select: { level: true } } } } } });
    expect(new Set(models.map((m) => m.status))).toEqual(new Set(GOOD_PRACTICE_STATUSES));
    const rank = { VILLAGE: 0, COMMUNE: 1, DISTRICT: 2, PROVINCE: 3, NATION: 4 };
    const yesterday = "2026-11-22";
    for (const m of models) {
      const at = GOOD_PRACTICE_STATUSES.indexOf(m.status);
      const days = [m.registeredOn, m.buildingOn, m.assessedOn, m.recognisedOn].map((d) => (d ? isoDay(d) : null));
      expect(days.map((d) => d !== null), `model ${m.id} ${m.status}`).toEqual([true, at >= 1, at >= 2, at >= 3]);
      const given = days.filter((d): d is string => d !== null);
      expect([...given].sort(), `model ${m.id}`).toEqual(given);
      expect(given.at(-1)! <= yesterday).toBe(true);
      expect(m.year).toBe(m.registeredOn.getUTCFullYear());
      expect(m.effective === null).toBe(at < 2);
      if (at >= 3) {
        expect(m.effective).toBe(true);
        expect(rank[m.recognitionLevel!]).toBeGreaterThanOrEqual(rank[m.unit.level]);
        expect(m.recognisedByUnitId).toBe(m.unit.ancestorIds[{ PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 }[m.recognitionLevel!]]);
      } else expect([m.recognitionLevel, m.recognisedByUnitId]).toEqual([null, null]);
      expect(m.replications.length > 0).toBe(m.status === "REPLICATED");
      for (const r of m.replications) {
        expect(["VILLAGE", "COMMUNE"]).toContain(r.unit.level);
        expect(r.unitId).not.toBe(m.unitId);
        expect(isoDay(r.adoptedOn) >= days[3]! && isoDay(r.adoptedOn) <= yesterday).toBe(true);
      }
      expect(m.searchText).toBe(toSearchText(`${m.title} ${m.inCharge}`));
    }
  });

  it("gives /api/v1/rollup the models registered and the average village score that the rows hold", async () => {
    const province = await db.unit.findFirstOrThrow({ where: { level: "PROVINCE" }, orderBy: { id: "asc" }, select: { id: true } });
    for (const [from, to] of [["2025-01-01", "2025-12-31"], ["2026-01-01", "2026-06-30"]]) {
      const rollup = await getApiRollup(admin, rollupQuery.parse({ unit: `id:${province.id}`, from, to }));
      const models = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "GoodPracticeModel" m JOIN "Unit" u ON u.id = m."unitId" WHERE $1 = ANY(u."ancestorIds") AND m."registeredOn" BETWEEN $2::date AND $3::date`,
        [province.id, from, to],
      );
      const score = await one<{ avg: number; n: number }>(
        `SELECT avg(s.percent)::float8 AS avg, count(*)::int AS n FROM "ScoreSheet" s JOIN "Unit" v ON v.id = s."villageId"
          WHERE $1 = ANY(v."ancestorIds") AND s."periodFrom" <= $3::date AND s."periodTo" >= $2::date`,
        [province.id, from, to],
      );
      expect(models.n + score.n, `${from}…${to}`).toBeGreaterThan(0);
      expect(rollup!.kpis.modelsRegistered).toBe(models.n);
      expect(rollup!.kpis.villageScoreSheets).toBe(score.n);
      expect(rollup!.kpis.averageVillageScore).toBe(Math.round(score.avg * 10) / 10);
    }
  });

  it("scores every standing village for the two periods, each criterion within its maximum, totals as the app sums them", async () => {
    const villages = await db.unit.count({ where: { level: "VILLAGE", validTo: null } });
    const sheets = await db.scoreSheet.findMany({ include: { template: true, village: { select: { ancestorIds: true } } } });
    expect(sheets.length).toBe(villages * 2);
    expect(new Set(sheets.map((s) => s.period))).toEqual(new Set(demoScoringPeriods("2026-11-23")));
    for (const s of sheets) {
      const criteria = criteriaOf(readSections(s.template.sections));
      const scores = s.scores as Record<string, number>;
      expect(Object.keys(scores).sort()).toEqual(criteria.map((c) => c.key).sort());
      for (const c of criteria) expect(scores[c.key] >= 0 && scores[c.key] <= c.max, `sheet ${s.id} ${c.key}`).toBe(true);
      expect({ total: s.total, maxTotal: s.maxTotal, percent: s.percent }).toEqual(totalsOf(criteria, scores));
      expect(s.template.frozenAt).not.toBeNull();
      expect(s.template.ownerUnitId).toBe(s.village.ancestorIds[1]);
    }
    // The latest period is scored on the template that applies now (a province that changed it: its version 2).
    const latest = sheets.filter((s) => s.period === demoScoringPeriods("2026-11-23")[1]).slice(0, 50);
    for (const s of latest) expect((await templateFor(db, s.village))!.id).toBe(s.templateId);
    expect(new Set(sheets.map((s) => s.template.version))).toEqual(new Set([1, 2]));
  });

  it("writes the periodic reports in every state, figures as the app reads them, hotspots inside the unit", async () => {
    const reports = await db.periodicReport.findMany({ include: { unit: { select: { level: true, parentId: true, ancestorIds: true } }, template: true, hotspots: { include: { place: { select: { ancestorIds: true } } } } } });
    expect(new Set(reports.map((r) => r.status))).toEqual(new Set(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"]));
    expect(new Set(reports.map((r) => r.period))).toEqual(new Set(["2026-10", "2026-09", "2026-08", "2026-Q3"]));
    for (const r of reports) {
      const period = parseReportPeriod(r.period)!;
      expect(["COMMUNE", "DISTRICT", "PROVINCE"]).toContain(r.unit.level);
      expect(r.approverUnitId).toBe(r.unit.parentId);
      expect([isoDay(r.periodFrom), isoDay(r.periodTo), r.periodKind]).toEqual([period.from, period.to, period.kind]);
      expect(r.dueOn).toEqual(dueOnOf(period, r.template.deadlineDay));
      expect(r.template.frozenAt).not.toBeNull();
      expect(r.submittedAt !== null).toBe(r.status !== "DRAFT");
      expect(r.approvedAt !== null).toBe(r.status === "APPROVED");
      expect(r.submittedAt === null || r.submittedAt < now).toBe(true);
      if (r.hotspots.length) expect(r.status).not.toBe("DRAFT");
      for (const h of r.hotspots) {
        expect(h.placePath).toEqual(h.place.ancestorIds);
        expect(h.placePath).toContain(r.unitId);
        expect([isoDay(h.periodFrom), isoDay(h.periodTo)]).toEqual([period.from, period.to]);
      }
    }
    expect(reports.some((r) => r.hotspots.length)).toBe(true);
    // The stored figures are what the app's own report would hold: a commune's, a district's, a province's.
    for (const level of ["COMMUNE", "DISTRICT", "PROVINCE"] as const) {
      for (const r of reports.filter((x) => x.unit.level === level && x.period === "2026-Q3").slice(0, 3)) {
        const live = await liveFigures(admin, r.unitId, parseReportPeriod(r.period)!, r.template.figureKeys, now);
        expect(r.figures, `${level} ${r.unitId}`).toEqual(JSON.parse(JSON.stringify(live.figures)));
      }
    }
  });

  it("refuses to run twice, and refuses a database it did not make", async () => {
    // It installs the app's client on the database it is given: the test's own is closed first.
    await closeDb();
    await expect(generateExtras(url, { now })).rejects.toThrow(/runs once/);
    const client = new pg.Client({ connectionString: serverUrl() });
    await client.connect();
    await client.query(`CREATE DATABASE "${plain}"`);
    await client.end();
    await expect(generateExtras(withDatabase(serverUrl(), plain), { now })).rejects.toThrow(/not made by/);
    installDb(openAdapter({ kind: "postgres", url }));
  });
});
