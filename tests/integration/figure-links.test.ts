/**
 * Issue 14: every figure opens its list, and the list counts what the figure says. On the demo data, each
 * unit's dashboard (restated) for this month, last quarter and this year: each figure's link is followed
 * as the petition list reads it, and its count (the page's, and the list's filters counted row by row)
 * must be the figure.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { figureLists, type FigureWithList } from "@/lib/dashboards/links";
import { periodContaining, previousPeriod } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { scopeSummary } from "@/lib/home/queries";
import { listPetitions, parsePetitionFilters, petitionListHref, petitionListWhere } from "@/lib/petitions/list";
import { OPEN_STATUSES } from "@/lib/petitions/status";
import { seedDemo } from "@/prisma/seed/demo";
import { actorAt } from "../support/factories";

const TODAY = new Date("2026-12-06T03:00:00Z");

beforeAll(async () => {
  await seedDemo(db, { today: TODAY });
}, 300_000);

describe("every figure opens its list (issue 14)", () => {
  it("links received, resolved of those received, and overdue to petition lists that count the same", { timeout: 600_000 }, async () => {
    const nation = await db.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const admin = actorAt(nation, "ADMIN", 0);
    const units = await db.unit.findMany({ where: { level: { in: ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"] }, validTo: null }, select: { id: true }, orderBy: { id: "asc" } });
    const periods = [periodContaining(TODAY, "month"), previousPeriod(periodContaining(TODAY, "quarter")), periodContaining(TODAY, "year")];
    const wrong: string[] = [];
    let followed = 0;
    for (const period of periods) {
      for (const { id } of units) {
        const dashboard = await dashboardFor(admin, id, period, "restated", TODAY);
        if (!dashboard) continue;
        const links = figureLists(id, period, "restated");
        for (const [figure, href] of Object.entries(links) as [FigureWithList, string][]) {
          const url = new URL(href, "http://localhost");
          expect(url.pathname).toBe("/petitions");
          const filters = parsePetitionFilters(Object.fromEntries(url.searchParams));
          const page = await listPetitions(admin, filters, TODAY);
          const counted = await db.petition.count({ where: petitionListWhere(admin, filters, TODAY) });
          const expected = dashboard.kpis[figure];
          followed++;
          if (page.total !== expected || !page.totalExact || counted !== expected) {
            wrong.push(`${dashboard.unit.name} ${period.from}…${period.to} ${figure}: figure ${expected}, list ${page.total}${page.totalExact ? "" : "+"}, counted ${counted}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(followed).toBeGreaterThan(100);
    // The historical view counts records where their units were: its figures link to nothing.
    expect(figureLists(nation.id, periods[0], "historical")).toEqual({});
  });

  it("links the home page's open and overdue counts to lists that count the same, for every demo user who may read petitions", async () => {
    const users = await db.user.findMany({ where: { active: true }, select: { id: true, username: true } });
    let followed = 0;
    for (const user of users) {
      const actor = await loadActor(user.id);
      if (!actor || !can(actor.role, "petition:read:subtree")) continue;
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
