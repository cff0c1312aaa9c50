import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { complianceOf, monthPeriod, quarterPeriod, villagesWithoutTeamMeeting, type Period } from "@/lib/meetings/compliance";
import { seedDemo } from "@/prisma/seed/demo";

const TODAY = new Date("2026-11-23T03:00:00Z");
// The figures as the compliance page reads them: from the rollups the triggers keep.
const teamMeetingCompliance = async (unitId: number, month: Period) => (await complianceOf([unitId], month)).get(unitId)!.teams;
const briefingCompliance = async (unitId: number, quarter: Period) => (await complianceOf([unitId], quarter)).get(unitId)!.briefings;
let communeId: number;

beforeAll(async () => {
  await seedDemo(db, { today: TODAY });
  communeId = (await db.unit.findFirstOrThrow({ where: { level: "COMMUNE", code: "08761", validTo: null } })).id;
});

const within = (from: Date | null, to: Date | null, p: Period) => (!from || from <= p.last) && (!to || to >= p.first);

/** The same figure counted another way: every team of the commune read with Prisma, the rules applied here. */
async function countByHand(unitId: number, p: Period) {
  const teams = await db.organisation.findMany({
    where: { kind: "TEAM", unit: { ancestorIds: { has: unitId } } },
    select: { id: true, establishedOn: true, dissolvedOn: true, unit: { select: { validFrom: true, validTo: true } }, meetings: { where: { kind: "TEAM_MONTHLY", heldOn: { gte: p.first, lte: p.last } }, select: { id: true } } },
  });
  const expected = teams.filter((t) => within(t.establishedOn, t.dissolvedOn, p) && within(t.unit.validFrom, t.unit.validTo, p));
  const held = expected.filter((t) => t.meetings.length > 0);
  return { expected: expected.length, held: held.length, missing: expected.filter((t) => t.meetings.length === 0).map((t) => t.id).sort((a, b) => a - b) };
}

describe("compliance on the demo data: Thị trấn Lập Thạch", () => {
  for (const [year, month] of [[2026, 10], [2026, 11], [2026, 6], [2025, 12]] as const) {
    it(`matches a count by hand for ${month}/${year}`, async () => {
      const p = monthPeriod(year, month);
      const byHand = await countByHand(communeId, p);
      expect(byHand.expected).toBeGreaterThanOrEqual(8);
      expect(await teamMeetingCompliance(communeId, p)).toEqual({ expected: byHand.expected, held: byHand.held });
      expect((await villagesWithoutTeamMeeting(communeId, p)).map((v) => v.organisationId).sort((a, b) => a - b)).toEqual(byHand.missing);
    });
  }

  it("shows the gaps the demo plants in October and November", async () => {
    for (const month of [10, 11]) {
      const figure = await teamMeetingCompliance(communeId, monthPeriod(2026, month));
      expect(figure.held).toBeLessThan(figure.expected);
    }
  });

  it("counts quarterly briefings per commune of the district", async () => {
    const district = await db.unit.findFirstOrThrow({ where: { level: "DISTRICT", code: "246", validTo: null } });
    const q = quarterPeriod(2026, 3);
    const communes = await db.unit.findMany({
      where: { level: "COMMUNE", ancestorIds: { has: district.id } },
      select: { validFrom: true, validTo: true, meetings: { where: { kind: "QUARTERLY_BRIEFING", heldOn: { gte: q.first, lte: q.last } }, select: { id: true } } },
    });
    const expected = communes.filter((c) => within(c.validFrom, c.validTo, q));
    expect(await briefingCompliance(district.id, q)).toEqual({ expected: expected.length, held: expected.filter((c) => c.meetings.length > 0).length });
    expect(expected.length).toBe(19);
  });
});
