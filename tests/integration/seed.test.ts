import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/sign-in";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { periodContaining } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import { coverageFor } from "@/lib/organisations/coverage";
import { addDaysUtc, isoDay } from "@/lib/time";
import { boundariesOf } from "@/lib/units/boundaries/queries";
import { unitPageCoverage } from "@/lib/units/coverage";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { isEmpty, seedDemo } from "@/prisma/seed/demo";
import { readSharedFile, sharedData } from "../support/shared-data";
import { PRESETS } from "@/lib/auth/roles";

const TODAY = new Date("2026-11-23T03:00:00Z");
const GSO = sharedData(["gso-admin-units-2025-03.json"], import.meta.filename);
const [GSO_FILE] = GSO.files;
const MAP = sharedData(["gis-districts-26-vinh-phuc.json"], import.meta.filename);

beforeAll(async () => {
  expect(await isEmpty(db)).toBe(true);
  await seedDemo(db, { today: TODAY });
});

describe("the demo seed", () => {
  it("holds Lập Thạch's 19 real communes, as in the official catalogue", async () => {
    const district = await db.unit.findFirstOrThrow({ where: { level: "DISTRICT", code: "246" } });
    expect(`${district.typeLabel} ${district.name}`).toBe("Huyện Lập Thạch");
    const communes = await db.unit.findMany({ where: { parentId: district.id }, orderBy: { code: "asc" } });
    expect(communes).toHaveLength(19);
    // The catalogue is reference data beside the project; check against it where it is present.
    if (!GSO.skip) {
      type Gso = { data: { level1_id: string; level2s: { level2_id: string; level3s: { level3_id: string; name: string }[] }[] }[] };
      const gso = JSON.parse(readSharedFile(GSO_FILE).toString("utf8")) as Gso;
      const official = gso.data.find((p) => p.level1_id === "26")!.level2s.find((d) => d.level2_id === "246")!.level3s;
      expect(communes.map((c) => [c.code, `${c.typeLabel} ${c.name}`])).toEqual(
        official.map((c) => [c.level3_id, c.name]).sort((a, b) => a[0].localeCompare(b[0])),
      );
    }
  });

  it("has 8–15 villages under every commune, each with a team, and a bloc in every commune", async () => {
    const communes = await db.unit.findMany({ where: { level: "COMMUNE" }, include: { _count: { select: { children: true } }, organisations: true } });
    for (const c of communes) {
      expect(c._count.children, c.name).toBeGreaterThanOrEqual(8);
      expect(c._count.children, c.name).toBeLessThanOrEqual(15);
      expect(c.organisations.map((o) => o.kind), c.name).toContain("BLOC");
    }
    const villagesWithoutTeam = await db.unit.count({ where: { level: "VILLAGE", organisations: { none: { kind: "TEAM" } } } });
    expect(villagesWithoutTeam).toBe(0);
  });

  it("lays a second province out in the post-2025 shape: communes directly under it", async () => {
    const province = await db.unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "12" } });
    const children = await db.unit.findMany({ where: { parentId: province.id } });
    expect(children.length).toBeGreaterThan(0);
    expect(new Set(children.map((c) => c.level))).toEqual(new Set(["COMMUNE"]));
  });

  it("has two years of petitions with overdue, reopened and explained-only ones", async () => {
    expect(await db.petition.count()).toBeGreaterThanOrEqual(5000);
    const oldest = await db.petition.findFirstOrThrow({ orderBy: { receivedOn: "asc" } });
    expect(oldest.receivedOn.getTime()).toBeLessThan(new Date("2025-01-01").getTime());
    expect(await db.petition.count({ where: { status: { in: ["RECEIVED", "ASSIGNED", "IN_PROGRESS"] }, dueOn: { lt: new Date("2026-11-23") } } })).toBeGreaterThan(0);
    expect(await db.petition.count({ where: { reopenCount: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await db.petition.count({ where: { resolution: "EXPLAINED" } })).toBeGreaterThan(0);
    expect(await db.petition.count({ where: { receivedOn: { gt: new Date("2026-11-23") } } })).toBe(0);
    // every petition has its timeline
    expect(await db.petition.count({ where: { events: { none: {} } } })).toBe(0);
  });

  it("has monthly team meetings with attendance, and some villages missing months", async () => {
    const teams = await db.organisation.count({ where: { kind: "TEAM" } });
    const meetings = await db.meeting.count({ where: { kind: "TEAM_MONTHLY" } });
    expect(meetings).toBeGreaterThan(teams * 12);
    expect(await db.meetingAttendance.count()).toBeGreaterThan(meetings);
    const october = await db.meeting.count({ where: { kind: "TEAM_MONTHLY", heldOn: { gte: new Date("2026-10-01"), lt: new Date("2026-11-01") } } });
    expect(october).toBeLessThan(teams);
  });

  it.skipIf(MAP.skip)("draws the map: the boundaries of Vĩnh Phúc and of its districts come from ../shared/data (issue 14)", async () => {
    const leader = await loadActor((await db.user.findUniqueOrThrow({ where: { username: "tinh.vinhphuc" } })).id);
    const province = await db.unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "26" } });
    // The province's report, as its leader opens it, in both views: every district on it has its shape.
    for (const view of ["historical", "restated"] as const) {
      const dashboard = await dashboardFor(leader!, province.id, periodContaining(TODAY, "month"), view, TODAY);
      const shapes = await boundariesOf(db, dashboard!.children.map((c) => c.unit.id));
      expect(dashboard!.children.map((c) => [c.unit.code, shapes.has(c.unit.id)]), view).toEqual([
        ["246", true],
        ["252", true],
      ]);
    }
    // The nation's map draws Vĩnh Phúc; Lai Châu has no boundary file, and nothing else was written.
    const stored = await db.unitBoundary.findMany({ select: { unit: { select: { level: true, code: true } } } });
    expect(stored.map((b) => `${b.unit.level} ${b.unit.code}`).sort()).toEqual(["DISTRICT 246", "DISTRICT 252", "PROVINCE 26"]);
  });

  it("creates every demo account, and each signs in with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await authenticate(account.username, DEMO_PASSWORD, { now: TODAY });
      expect(result, account.username).toMatchObject({ ok: true });
      const user = await db.user.findUniqueOrThrow({ where: { username: account.username }, include: { unit: true } });
      expect(user.duties).toEqual([...PRESETS[account.preset]]);
      expect(user.unit.code).toBe(account.unit.code);
    }
  });

  it("gives the unit pages the coverage figures counted live, today and on past days, closed units on their last day", async () => {
    const units = await db.unit.findMany({ where: { level: { not: "VILLAGE" } }, select: { id: true, validTo: true }, orderBy: { id: "asc" } });
    const villages = await db.unit.findMany({ where: { level: "VILLAGE" }, select: { id: true, validTo: true }, orderBy: { id: "asc" } });
    // Every unit above the villages, a village in 20, and the closed ones.
    const checked = [...units, ...villages.filter((v, i) => i % 20 === 0 || v.validTo !== null)];
    const today = new Date(`${isoDay(TODAY)}T00:00:00Z`);
    let withMembers = 0;
    for (const u of checked) {
      for (const viewDate of [today, addDaysUtc(today, -100), addDaysUtc(today, -500)]) {
        const shown = await unitPageCoverage(u, viewDate);
        const live = await coverageFor(u.id, shown.asOf);
        expect(shown.coverage, `unit ${u.id} on ${isoDay(viewDate)}`).toEqual(live);
        if (live.members > 0) withMembers++;
      }
    }
    expect(withMembers).toBeGreaterThan(checked.length);
  }, 300_000);
});

describe("the demo's periodic reports (issue 17)", () => {
  it("hold the last three months in every state, each with the dashboards' figures, and leave the accounts' own last month to write", async () => {
    const reports = await db.periodicReport.findMany({ include: { unit: true } });
    expect(new Set(reports.map((r) => r.period))).toEqual(new Set(["2026-08", "2026-09", "2026-10", "2026-Q3", "2026-H1", "2025"]));
    // Every kind of period in every state (decision 080: not only months).
    for (const kind of ["MONTH", "QUARTER", "HALF", "YEAR"]) {
      expect(new Set(reports.filter((r) => r.periodKind === kind).map((r) => r.status)), kind).toEqual(new Set(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"]));
    }
    // Hotspots in some reports, each placed in its report's unit's subtree, with the report's period.
    const hotspots = await db.reportHotspot.findMany({ include: { report: true } });
    expect(hotspots.length).toBeGreaterThan(0);
    for (const h of hotspots.slice(0, 200)) {
      expect(h.placePath.at(-1)).toBe(h.placeUnitId);
      expect(h.placePath).toContain(h.report.unitId);
      expect(h.periodFrom).toEqual(h.report.periodFrom);
    }
    expect(new Set(hotspots.map((h) => h.report.status)).has("APPROVED")).toBe(true);
    // Some sent after their deadline, and some units with none for a past month.
    expect(reports.some((r) => r.submittedAt && r.submittedAt.getTime() > r.dueOn.getTime() + 86_400_000)).toBe(true);
    const communesOfSeptember = await db.unit.count({ where: { level: "COMMUNE", OR: [{ validTo: null }, { validTo: { gte: new Date("2026-09-01") } }] } });
    expect(reports.filter((r) => r.period === "2026-09" && r.unit.level === "COMMUNE").length).toBeLessThan(communesOfSeptember);
    const admin = (await loadActor((await db.user.findUniqueOrThrow({ where: { username: "admin" } })).id))!;
    const sample = reports.find((r) => r.status === "APPROVED")!;
    const dashboard = (await dashboardFor(admin, sample.unitId, { from: isoDay(sample.periodFrom), to: isoDay(sample.periodTo), months: 1 }, "historical", TODAY))!;
    expect((sample.figures as Record<string, number>).received).toBe(dashboard.kpis.received);
    const accounts = await db.user.findMany({ where: { username: { in: ["xa.lapthach", "xa.binhlu"] } } });
    for (const a of accounts) expect(reports.some((r) => r.unitId === a.unitId && r.period === "2026-10")).toBe(false);
  });
});
