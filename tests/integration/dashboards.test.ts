import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as rollupRoute } from "@/app/api/v1/rollup/route";
import { parseInput } from "@/lib/actions/result";
import { createToken } from "@/lib/api/tokens";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { lastDayOfMonth, monthsOf, parsePeriod, previousPeriod } from "@/lib/dashboards/period";
import type { Dashboard } from "@/lib/dashboards/types";
import { db } from "@/lib/db/client";
import { noteWrite } from "@/lib/http/writes";
import { reportPageFor } from "@/lib/dashboards/report-page";
import { liveFigures } from "@/lib/dashboards/live";
import { coverageFor, shares } from "@/lib/organisations/coverage";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { isoDay, todayInVietnam } from "@/lib/time";
import { seedDemo } from "@/prisma/seed/demo";
import { loadBase, oracleKpis } from "../support/dashboard-oracle";

// The demo seed is relative to "today": the dashboards read with the same clock.
const NOW = new Date();
const TODAY = isoDay(todayInVietnam(NOW));
const thisYear = Number(TODAY.slice(0, 4));
const PERIOD = parsePeriod(`${thisYear - 1}-07-01`, `${thisYear}-06-30`);

let admin: Actor;
let district: Actor;

const actorOf = async (username: string) => (await loadActor((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
const unit = (level: "PROVINCE" | "DISTRICT", code: string) => db.unit.findFirstOrThrow({ where: { level, code, validTo: null } });

beforeAll(async () => {
  await seedDemo(db, { today: NOW });
  admin = await actorOf("admin");
  district = await actorOf("huyen.lapthach");
}, 120_000);

/** Every figure of the dashboard and of each child row equals the count made row by row from the base tables. */
async function expectAgrees(d: Dashboard) {
  const base = await loadBase();
  expect(d.kpis).toEqual(oracleKpis(base, d.unit.id, d.period, TODAY));
  expect(d.previous).toEqual(oracleKpis(base, d.unit.id, d.previousPeriod, TODAY, { withOverdue: false }));
  for (const row of d.children) expect(row.kpis, row.unit.name).toEqual(oracleKpis(base, row.unit.id, d.period, TODAY));
  const asOf = d.period.to < TODAY ? d.period.to : TODAY;
  const coverage = await coverageFor(d.unit.id, new Date(`${asOf}T00:00:00Z`));
  const share = shares(coverage);
  expect(d.coverage).toEqual({
    villages: coverage.villages, villagesWithTeam: coverage.villagesWithTeam, teamCoverage: share.villagesWithTeam,
    teamHeads: coverage.teamHeads, teamHeadsPartyCellSecretary: coverage.teamHeadsPartyCellSecretary, teamHeadCoverage: share.teamHeadsPartyCellSecretary,
    blocs: coverage.blocs, blocsHeadedByStandingDeputy: coverage.blocsHeadedByStandingDeputy, blocHeadCoverage: share.blocsHeadedByStandingDeputy,
  });
  const trendReceived = d.charts.trend.reduce((n, p) => n + p.received, 0);
  expect(trendReceived).toBe(d.kpis.received);
  expect(d.charts.statusBreakdown.reduce((n, s) => n + s.count, 0)).toBe(d.kpis.received);
  expect(d.charts.trendByField.reduce((n, f) => n + f.points.reduce((k, p) => k + p.resolved, 0), 0)).toBe(d.kpis.resolved);
}

describe("dashboards on the demo data", () => {
  it("drills Vĩnh Phúc → Lập Thạch → a commune → a village, every figure as counted from the base tables", async () => {
    const province = await unit("PROVINCE", "26");
    const top = (await dashboardFor(admin, province.id, PERIOD, "restated", NOW))!;
    expect(top.kpis.received).toBeGreaterThan(0);
    expect(top.kpis.explained).toBeGreaterThan(0);
    expect(top.children.map((c) => c.unit.name)).toContain("Lập Thạch");
    await expectAgrees(top);

    const lapThach = top.children.find((c) => c.unit.name === "Lập Thạch")!;
    const districtView = (await dashboardFor(admin, lapThach.unit.id, PERIOD, "restated", NOW))!;
    expect(districtView.path.map((u) => u.name)).toEqual(["Việt Nam", "Vĩnh Phúc", "Lập Thạch"]);
    expect(districtView.kpis).toEqual(lapThach.kpis);
    expect(districtView.children).toHaveLength(19);
    await expectAgrees(districtView);

    const commune = districtView.children[0];
    const communeView = (await dashboardFor(admin, commune.unit.id, PERIOD, "restated", NOW))!;
    expect(communeView.kpis).toEqual(commune.kpis);
    expect(communeView.children.every((c) => c.unit.level === "VILLAGE" && !c.unit.hasChildren)).toBe(true);
    await expectAgrees(communeView);

    const village = communeView.children[0];
    const villageView = (await dashboardFor(admin, village.unit.id, PERIOD, "restated", NOW))!;
    expect(villageView.kpis).toEqual(village.kpis);
    expect(villageView.children).toEqual([]);
    expect(villageView.path).toHaveLength(5);
    await expectAgrees(villageView);
  }, 120_000);

  it("agrees with the base tables for short periods whose previous period shares a quarter with them (the quarter is read once)", async () => {
    const province = await unit("PROVINCE", "26");
    const month = (offset: number) => {
      const d = new Date(Date.UTC(thisYear, Number(TODAY.slice(5, 7)) - 1 + offset, 1));
      return isoDay(d);
    };
    const lastDay = (first: string) => isoDay(new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)));
    // Every one-month and two-month period of the last year: many have the month(s) before them in one of their quarters.
    for (let back = 1; back <= 12; back++) {
      for (const months of [1, 2]) {
        const from = month(-back - months + 1);
        const period = parsePeriod(from, lastDay(month(-back)));
        const d = (await dashboardFor(admin, province.id, period, "restated", NOW))!;
        await expectAgrees(d);
      }
    }
  }, 120_000);

  it("gives the same meeting compliance as a live count over the meetings, month by month and quarter by quarter", async () => {
    const lapThach = await unit("DISTRICT", "246");
    const d = (await dashboardFor(admin, lapThach.id, PERIOD, "historical", NOW))!;
    for (const point of d.charts.meetingCompliance) {
      const [y, m] = point.month.split("-").map(Number);
      const month = parsePeriod(`${point.month}-01`, isoDay(new Date(Date.UTC(y, m, 0))));
      const live = (await liveFigures([lapThach.id], month, TODAY)).get(lapThach.id)!;
      expect({ held: point.held, expected: point.expected }, point.month).toEqual({ held: live.teamsHeld, expected: live.teamsExpected });
    }
    // The period's four whole quarters, counted live in one go.
    const live = (await liveFigures([lapThach.id], PERIOD, TODAY)).get(lapThach.id)!;
    expect(live.briefingsExpected).toBeGreaterThan(0);
    expect({ held: d.kpis.briefingsHeld, expected: d.kpis.briefingsExpected }).toEqual({ held: live.briefingsHeld, expected: live.briefingsExpected });
  }, 120_000);

  it("counts a petition as soon as it is entered, and moves the figures with each step", async () => {
    const commune = await db.unit.findFirstOrThrow({ where: { level: "COMMUNE", ancestorIds: { has: district.unit.id } }, orderBy: { code: "asc" } });
    const village = await db.unit.findFirstOrThrow({ where: { parentId: commune.id }, orderBy: { id: "asc" } });
    const field = await db.petitionField.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } });
    const agency = await db.agency.findFirstOrThrow({ where: { unitId: district.unit.id, active: true } });
    const month = parsePeriod(`${TODAY.slice(0, 7)}-01`, isoDay(new Date(Date.UTC(thisYear, Number(TODAY.slice(5, 7)), 0))));
    const read = async () => (await dashboardFor(district, commune.id, month, "restated", NOW))!;
    const before = await read();

    const parsed = await parseInput(intakeSchema, {
      idempotencyKey: randomUUID(), receivedOn: TODAY, channel: "RECEPTION", petitionerKind: "PERSON", petitionerName: "Phan Văn Hùng",
      unitId: String(village.id), fieldId: String(field.id), content: "Đề nghị lắp đèn chiếu sáng đường liên thôn.",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const { id } = await createPetition(district, parsed.data, NOW);
    const entered = await read();
    expect(entered.kpis.received).toBe(before.kpis.received + 1);
    expect(entered.children.find((c) => c.unit.id === village.id)!.kpis.received).toBe(before.children.find((c) => c.unit.id === village.id)!.kpis.received + 1);
    expect(entered.charts.statusBreakdown.find((s) => s.status === "RECEIVED")!.count).toBe(before.charts.statusBreakdown.find((s) => s.status === "RECEIVED")!.count + 1);

    const step = async (raw: Record<string, string | number>) => {
      const input = await parseInput(stepSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
      if (!input.ok) throw new Error(JSON.stringify(input.fieldErrors));
      return takeStep(district, input.data, NOW);
    };
    let r = await step({ petitionId: id, version: 0, step: "assign", agencyId: agency.id });
    r = await step({ petitionId: id, version: r.version, step: "resolve", resolution: "EXPLAINED", note: "Đã giải thích kế hoạch lắp đèn năm sau." });
    const resolved = await read();
    expect(resolved.kpis.resolved).toBe(entered.kpis.resolved + 1);
    expect(resolved.kpis.explained).toBe(entered.kpis.explained + 1);
    expect(resolved.kpis.settled).toBe(entered.kpis.settled);
    expect(resolved.kpis.resolvedOnTime).toBe(entered.kpis.resolvedOnTime + 1);
    expect(resolved.charts.statusBreakdown.find((s) => s.status === "RESOLVED")!.count).toBe(entered.charts.statusBreakdown.find((s) => s.status === "RESOLVED")!.count + 1);

    r = await step({ petitionId: id, version: r.version, step: "reply", replyText: "Đã trả lời công dân.", satisfaction: "NOT_SATISFIED" });
    r = await step({ petitionId: id, version: r.version, step: "reopen", note: "Công dân chưa đồng ý." });
    const reopened = await read();
    // Reopening clears the resolution: it no longer counts as resolved, and the reopening is counted.
    expect(reopened.kpis.resolved).toBe(entered.kpis.resolved);
    expect(reopened.kpis.explained).toBe(entered.kpis.explained);
    expect(reopened.kpis.reopened).toBe(entered.kpis.reopened + 1);
    expect(reopened.kpis.replies).toBe(entered.kpis.replies);
    await expectAgrees(reopened);

    // Reopened a second time, it is still one petition reopened (decision 044): the list of the figure
    // holds it once. Escalated, it is counted as escalated.
    r = await step({ petitionId: id, version: r.version, step: "resolve", resolution: "SETTLED", note: "Đã lắp đèn." });
    r = await step({ petitionId: id, version: r.version, step: "reopen", note: "Đèn lại hỏng." });
    const again = await read();
    expect(again.kpis.reopened).toBe(reopened.kpis.reopened);
    await step({ petitionId: id, version: r.version, step: "escalate", escalatedTo: "Ban Dân vận Tỉnh ủy", note: "Vượt thẩm quyền." });
    const escalated = await read();
    expect(escalated.kpis.escalated).toBe(again.kpis.escalated + 1);
    expect(escalated.kpis.reopened).toBe(reopened.kpis.reopened);
    await expectAgrees(escalated);
    const petition = await db.petition.findUniqueOrThrow({ where: { id }, select: { reopenCount: true, reopenedAt: true, escalatedAt: true } });
    expect(petition).toEqual({ reopenCount: 2, reopenedAt: NOW, escalatedAt: NOW });
  }, 60_000);

  it("counts meetings only where they were due: none in the month in progress, briefings only in a month that closes a quarter (issue 14)", async () => {
    const lapThach = await unit("DISTRICT", "246");
    const month = (first: string) => parsePeriod(first, lastDayOfMonth(first));
    const thisMonth = month(`${TODAY.slice(0, 8)}01`);
    const now = (await dashboardFor(district, lapThach.id, thisMonth, "restated", NOW))!;
    expect(now.period).toMatchObject({ complete: false, meetingsDue: { months: [], quarters: [] } });
    expect(now.kpis).toMatchObject({ teamMeetingsHeld: 0, teamMeetingsExpected: 0, teamMeetingCompliance: null, briefingsHeld: 0, briefingsExpected: 0, briefingCompliance: null });
    for (const row of now.children) expect(row.kpis.teamMeetingCompliance, row.unit.name).toBeNull();
    expect(now.charts.meetingCompliance.at(-1)).toMatchObject({ expected: 0, rate: null });
    // Last year: September closes a quarter, November does not; both have ended.
    const september = (await dashboardFor(district, lapThach.id, month(`${thisYear - 1}-09-01`), "restated", NOW))!;
    const november = (await dashboardFor(district, lapThach.id, month(`${thisYear - 1}-11-01`), "restated", NOW))!;
    expect(september.period.meetingsDue).toEqual({ months: [`${thisYear - 1}-09-01`], quarters: [`${thisYear - 1}-07-01`] });
    expect(september.kpis.briefingsExpected).toBeGreaterThan(0);
    expect(september.kpis.teamMeetingsExpected).toBeGreaterThan(0);
    expect(november.kpis).toMatchObject({ briefingsExpected: 0, briefingCompliance: null });
    expect(november.kpis.teamMeetingsExpected).toBeGreaterThan(0);
    // The month before the one in progress is compared whole.
    expect(now.previousPeriod).toEqual(previousPeriod(thisMonth));
    await expectAgrees(now);
    await expectAgrees(september);
    await expectAgrees(november);
  }, 60_000);

  it("computes a dashboard once for requests that ask for it at the same time, but never one begun before a write (decision 048)", async () => {
    const lapThach = await unit("DISTRICT", "246");
    const ask = () => dashboardFor(district, lapThach.id, PERIOD, "restated");
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(second).toBe(first);
    await expectAgrees(first!);
    // Nothing is kept once computed: the next request computes afresh.
    const later = await ask();
    expect(later).not.toBe(first);
    expect(later!.kpis).toEqual(first!.kpis);
    // A request that may write, begun or ended while a computation runs: later requests do not join that computation.
    const before = ask();
    noteWrite();
    const after = ask();
    expect(await after).not.toBe(await before);
    // Another actor's home unit, another view or another period is another computation.
    const [mine, admins, historical] = await Promise.all([ask(), dashboardFor(admin, lapThach.id, PERIOD, "restated"), dashboardFor(district, lapThach.id, PERIOD, "historical")]);
    expect(admins).not.toBe(mine);
    expect(historical).not.toBe(mine);
    expect(admins!.kpis).toEqual(mine!.kpis);
    // Out of reach is not found however it is asked.
    const vinhTuong = await unit("DISTRICT", "252");
    expect(await Promise.all([dashboardFor(district, vinhTuong.id, PERIOD, "restated"), dashboardFor(district, vinhTuong.id, PERIOD, "restated")])).toEqual([null, null]);
  }, 60_000);

  it("reads the rest of the reports page once for requests that ask for it at the same time, and not out of reach (decision 048)", async () => {
    const lapThach = await unit("DISTRICT", "246");
    const ask = () => reportPageFor(district, lapThach.id, PERIOD, "restated");
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(second).toBe(first);
    expect(first!.dashboard.unit.id).toBe(lapThach.id);
    expect(first!.threshold.value).toBeGreaterThanOrEqual(0);
    const later = await ask();
    expect(later).not.toBe(first);
    expect(later!.dashboard.kpis).toEqual(first!.dashboard.kpis);
    const vinhTuong = await unit("DISTRICT", "252");
    expect(await reportPageFor(district, vinhTuong.id, PERIOD, "restated")).toBeNull();
  }, 60_000);

  it("keeps a district user out of another district's figures: not found, on the library and the API", async () => {
    const vinhTuong = await unit("DISTRICT", "252");
    expect(await dashboardFor(district, vinhTuong.id, PERIOD, "restated", NOW)).toBeNull();
    expect(await dashboardFor(district, vinhTuong.id, PERIOD, "historical", NOW)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { username: "huyen.lapthach" } });
    const { token } = await createToken(district, { name: "thử", lifetime: 30 });
    expect(user.id).toBe(district.userId);
    const get = (query: string) =>
      rollupRoute(new Request(`http://localhost/api/v1/rollup?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) } as never);
    const range = `from=${PERIOD.from}&to=${PERIOD.to}`;
    expect((await get(`unit=252&${range}`)).status).toBe(404);
    expect((await get(`unit=id:${vinhTuong.id}&${range}&view=historical`)).status).toBe(404);

    const own = await get(`unit=246&${range}`);
    expect(own.status).toBe(200);
    const body = await own.json();
    expect(body.unit).toMatchObject({ code: "246", name: "Lập Thạch" });
    expect(body.period).toMatchObject({ ...PERIOD, complete: true });
    expect(body.period.meetingsDue.months).toEqual(monthsOf(PERIOD));
    // This month has not ended: its figures are so far, and the answer says so (issue 14).
    const thisMonth = `${TODAY.slice(0, 8)}01`;
    const current = await get(`unit=246&from=${thisMonth}&to=${lastDayOfMonth(thisMonth)}`);
    expect((await current.json()).period).toEqual({ from: thisMonth, to: lastDayOfMonth(thisMonth), months: 1, complete: false, meetingsDue: { months: [], quarters: [] } });
    expect(body.path.map((u: { name: string }) => u.name)).toEqual(["Lập Thạch"]);
    expect(typeof body.kpis.received).toBe("number");
    expect(body.kpis).toHaveProperty("onTimeRate");
    expect(body.children).toHaveLength(19);
    expect(body.children[0]).toEqual({ unit: expect.objectContaining({ level: "COMMUNE" }), kpis: expect.objectContaining({ settled: expect.any(Number) }) });

    const bad = await get(`unit=246&from=${PERIOD.from.slice(0, 8)}15&to=${PERIOD.to}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.from[0]).toContain("ngày đầu tháng");
    expect((await get(`unit=246&from=${PERIOD.from}&to=${PERIOD.to}&view=both`)).status).toBe(400);
  }, 60_000);
});
