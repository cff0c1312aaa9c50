/**
 * Issue 14: no rate on the reports can pass 100 %. On the demo data, every unit's figures (each unit with
 * children read as its own dashboard, which shows its children too) for every month, quarter and year
 * with petitions, as /api/v1/rollup gives them: each rate is a share of a set that holds its numerator.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { periodContaining } from "@/lib/dashboards/period";
import type { Kpis } from "@/lib/dashboards/types";
import { db } from "@/lib/db/client";
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
