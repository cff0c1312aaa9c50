/**
 * Issue 14, figures a leader can trust, on the demo data:
 * - no rate passes 100 %: every unit's figures (each unit with children read as its own dashboard, which
 *   shows its children too) for every month, quarter and year with petitions, as /api/v1/rollup gives them;
 * - every figure opens its list, and the list counts what the figure says;
 * - a period not yet ended is compared by the months of it that have ended, with the same months before.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/roles";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { FIGURES_WITH_LISTS, figureLists, type FigureWithList } from "@/lib/dashboards/links";
import { lastDayOfMonth, periodContaining, previousPeriod } from "@/lib/dashboards/period";
import type { Kpis, Period } from "@/lib/dashboards/types";
import { db } from "@/lib/db/client";
import { scopeSummary } from "@/lib/home/queries";
import { getCompliancePage } from "@/lib/meetings/compliance-page";
import { listPetitions, parsePetitionFilters, petitionListHref, petitionListWhere } from "@/lib/petitions/list";
import { OPEN_STATUSES } from "@/lib/petitions/status";
import { seedDemo } from "@/prisma/seed/demo";
import { actorAt } from "../support/factories";

const TODAY = new Date("2026-12-06T03:00:00Z");

const RATES = ["resolvedRate", "settledRate", "explainedRate", "onTimeRate", "satisfactionRate", "teamMeetingCompliance", "briefingCompliance"] as const;

/** Each rate with its numerator and denominator: [numerator, denominator, rate]. */
const ratesOf = (k: Kpis): Record<(typeof RATES)[number], [number, number, number | null]> => ({
  resolvedRate: [k.receivedResolved, k.received, k.resolvedRate],
  settledRate: [k.settled, k.resolved, k.settledRate],
  explainedRate: [k.explained, k.resolved, k.explainedRate],
  onTimeRate: [k.resolvedOnTime, k.resolved, k.onTimeRate],
  satisfactionRate: [k.satisfied, k.replies, k.satisfactionRate],
  teamMeetingCompliance: [k.teamMeetingsHeld, k.teamMeetingsExpected, k.teamMeetingCompliance],
  briefingCompliance: [k.briefingsHeld, k.briefingsExpected, k.briefingCompliance],
});

beforeAll(async () => {
  await seedDemo(db, { today: TODAY });
}, 300_000);

const adminActor = async () => actorAt(await db.unit.findFirstOrThrow({ where: { level: "NATION" } }), "ADMIN", 0);

describe("rates on the demo data (issue 14)", () => {
  it("never pass 100 %, for any unit, month, quarter or year, and each holds its numerator", { timeout: 600_000 }, async () => {
    const nation = await db.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const admin = actorAt(nation, "ADMIN", 0);
    const parents = await db.unit.findMany({ where: { children: { some: {} } }, select: { id: true }, orderBy: { id: "asc" } });
    const span = await db.petition.aggregate({ _min: { receivedOn: true } });
    const periods = [];
    for (let d = new Date(span._min.receivedOn!); d <= TODAY; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      periods.push(periodContaining(d, "month"));
      if (d.getUTCMonth() % 3 === 0) periods.push(periodContaining(d, "quarter"));
      if (d.getUTCMonth() === 0) periods.push(periodContaining(d, "year"));
    }
    periods.push(periodContaining(TODAY, "quarter"), periodContaining(TODAY, "year"));
    const over: string[] = [];
    let checked = 0;
    let resolvedSeen = 0;
    for (const period of periods) {
      for (const { id } of parents) {
        const dashboard = await dashboardFor(admin, id, period, "restated", TODAY);
        if (!dashboard) continue;
        for (const [name, kpis] of [[dashboard.unit.name, dashboard.kpis], ...dashboard.children.map((c) => [c.unit.name, c.kpis] as const)] as const) {
          for (const rate of RATES) {
            const [numerator, denominator, value] = ratesOf(kpis)[rate];
            checked++;
            if (rate === "resolvedRate" && numerator > 0) resolvedSeen++;
            if (value !== null && (value > 100 || numerator > denominator)) over.push(`${name} ${period.from}…${period.to} ${rate} ${numerator}/${denominator} = ${value}`);
          }
        }
      }
    }
    expect(over).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    expect(resolvedSeen).toBeGreaterThan(100);
  });
});

describe("every figure opens its list (issue 14)", () => {
  it("links received, resolved (settled, explained only), reopened, escalated and overdue to petition lists that count the same", { timeout: 600_000 }, async () => {
    const nation = await db.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const admin = actorAt(nation, "ADMIN", 0);
    const units = await db.unit.findMany({ where: { level: { in: ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"] }, validTo: null }, select: { id: true }, orderBy: { id: "asc" } });
    const periods = [periodContaining(TODAY, "month"), previousPeriod(periodContaining(TODAY, "quarter")), periodContaining(TODAY, "year")];
    const wrong: string[] = [];
    let followed = 0;
    const nonZero = new Set<FigureWithList>();
    for (const period of periods) {
      for (const { id } of units) {
        const dashboard = await dashboardFor(admin, id, period, "restated", TODAY);
        if (!dashboard) continue;
        const links = figureLists(id, period, "restated");
        expect(Object.keys(links).sort()).toEqual([...FIGURES_WITH_LISTS].sort());
        for (const [figure, href] of Object.entries(links) as [FigureWithList, string][]) {
          const url = new URL(href, "http://localhost");
          expect(url.pathname).toBe("/petitions");
          const filters = parsePetitionFilters(Object.fromEntries(url.searchParams));
          const page = await listPetitions(admin, filters, TODAY);
          const counted = await db.petition.count({ where: petitionListWhere(admin, filters, TODAY) });
          const expected = dashboard.kpis[figure] ?? 0;
          followed++;
          if (expected > 0) nonZero.add(figure);
          if (page.total !== expected || !page.totalExact || counted !== expected) {
            wrong.push(`${dashboard.unit.name} ${period.from}…${period.to} ${figure}: figure ${expected}, list ${page.total}${page.totalExact ? "" : "+"}, counted ${counted}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(followed).toBeGreaterThan(100);
    // Each kind of figure was compared with a list that holds something.
    expect([...nonZero].sort()).toEqual([...FIGURES_WITH_LISTS].sort());
    // The historical view counts records where their units were: its figures link to nothing.
    expect(figureLists(nation.id, periods[0], "historical")).toEqual({});
  });

  it("links the home page's open and overdue counts to lists that count the same, for every demo user who may read petitions", async () => {
    const users = await db.user.findMany({ where: { active: true }, select: { id: true, username: true } });
    let followed = 0;
    for (const user of users) {
      const actor = await loadActor(user.id);
      if (!actor || !allows(actor, "petition:read:subtree")) continue;
      const summary = await scopeSummary(actor, TODAY);
      for (const [figure, href] of [
        [summary.openPetitions, petitionListHref({ status: [...OPEN_STATUSES] })],
        [summary.overduePetitions, petitionListHref({ overdue: true })],
      ] as const) {
        const filters = parsePetitionFilters(Object.fromEntries(new URL(href, "http://localhost").searchParams));
        const page = await listPetitions(actor, filters, TODAY);
        expect({ user: user.username, href, total: page.total, exact: page.totalExact }).toEqual({ user: user.username, href, total: figure, exact: true });
        followed++;
      }
    }
    expect(followed).toBeGreaterThan(4);
  });
});

describe("teams that have not met this month (issue 14)", () => {
  it("link from the home page to the compliance page, whose list names as many teams as the figure says", async () => {
    const users = await db.user.findMany({ where: { active: true }, select: { id: true, username: true } });
    let listed = 0;
    let followed = 0;
    for (const user of users) {
      const actor = await loadActor(user.id);
      if (!actor) continue;
      const summary = await scopeSummary(actor, TODAY);
      if (!allows(actor, "meeting:read:subtree")) {
        expect(summary.teamsNotMetThisMonth, user.username).toBeNull();
        continue;
      }
      // The home page links to /meetings/compliance: the actor's unit, this month.
      const page = (await getCompliancePage(actor, { month: TODAY.toISOString().slice(0, 7) }))!;
      expect({ user: user.username, figure: summary.teamsNotMetThisMonth }).toEqual({ user: user.username, figure: page.teams.expected - page.teams.held });
      followed++;
      if (page.missingVillages) {
        expect(page.missingVillages.length, user.username).toBe(summary.teamsNotMetThisMonth);
        listed++;
      } else {
        // Above a district the page lists the units below, whose figures add up to it.
        const sum = page.children.reduce((total, c) => total + c.teams.expected - c.teams.held, 0);
        expect(sum, user.username).toBe(summary.teamsNotMetThisMonth);
      }
    }
    expect(followed).toBeGreaterThan(2);
    expect(listed).toBeGreaterThan(0);
  });
});

describe("a period not yet ended (issue 14)", () => {
  /** The figures a stretch compares: all but cadres trained (a distinct count), overdue (today's), the models' (decision 076) and the village scores (by their periods, decision 078). */
  const compared = ({ overdue: _o, cadresTrained: _c, modelsRegistered: _r, modelsRecognised: _m, villageScoreSheets: _s, averageVillageScore: _a, ...rest }: Kpis) => rest;
  const months = (from: string, k: number): Period => {
    const first = new Date(`${from}T00:00:00Z`);
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + k - 1, 1));
    return { from, to: lastDayOfMonth(last.toISOString().slice(0, 10)), months: k };
  };

  it("is compared by its months that have ended with the same months before, each as a whole period of those months reads", { timeout: 300_000 }, async () => {
    const admin = await adminActor();
    const units = await db.unit.findMany({ where: { level: { in: ["NATION", "PROVINCE", "DISTRICT"] }, validTo: null }, select: { id: true } });
    for (const { id } of units) {
      for (const view of ["restated", "historical"] as const) {
        // The year on 6 December: January to November against January to November 2025.
        const year = (await dashboardFor(admin, id, periodContaining(TODAY, "year"), view, TODAY))!;
        expect(year.comparison.stretch).toBe("sameMonths");
        if (year.comparison.stretch !== "sameMonths") continue;
        expect([year.comparison.currentMonths, year.comparison.previousMonths]).toEqual([["2026-01-01", "2026-11-01"], ["2025-01-01", "2025-11-01"]]);
        const thisStretch = (await dashboardFor(admin, id, months("2026-01-01", 11), view, TODAY))!;
        const lastStretch = (await dashboardFor(admin, id, months("2025-01-01", 11), view, TODAY))!;
        expect(compared(year.comparison.current), `${id} ${view} this year`).toEqual(compared(thisStretch.kpis));
        expect(compared(year.comparison.previous), `${id} ${view} last year`).toEqual(compared(lastStretch.kpis));
        // The quarter: October and November against July and August.
        const quarter = (await dashboardFor(admin, id, periodContaining(TODAY, "quarter"), view, TODAY))!;
        if (quarter.comparison.stretch !== "sameMonths") throw new Error("quarter");
        expect(compared(quarter.comparison.previous)).toEqual(compared((await dashboardFor(admin, id, months("2026-07-01", 2), view, TODAY))!.kpis));
        // The month in progress: nothing to compare yet. A month that has ended: the month before, whole.
        expect((await dashboardFor(admin, id, periodContaining(TODAY, "month"), view, TODAY))!.comparison).toEqual({ stretch: "none" });
        expect((await dashboardFor(admin, id, months("2026-11-01", 1), view, TODAY))!.comparison).toEqual({ stretch: "whole" });
      }
    }
  });
});
