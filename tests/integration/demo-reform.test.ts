/**
 * The demo that spans the reform of 1 July 2025 (issue 15 part 5, decision 056): Vĩnh Phúc's
 * districts until 30 June 2025, the real merger into Tỉnh Phú Thọ's new communes, today's work
 * in the new shape, and the same figures on the units as they were and on today's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getUnitRoute } from "@/app/api/v1/units/[code]/route";
import { createToken } from "@/lib/api/tokens";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { PRESETS } from "@/lib/auth/roles";
import { meetingWhereFor, unitWhereFor } from "@/lib/auth/scope";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { parsePeriod } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import { officeName } from "@/lib/units/labels";
import { isEmpty, seedDemo, type SeedSummary } from "@/prisma/seed/demo";
import { parseHeldListParams } from "@/lib/agency-accounts/list-params";
import { listHeldPetitions } from "@/lib/agency-accounts/queries";

const TODAY = new Date("2026-12-07T03:00:00Z");
const REFORM = new Date("2025-07-01T00:00:00Z");
/** The new communes of Tỉnh Phú Thọ that took in the former Huyện Lập Thạch (the real merger list). */
const FORMER_LAP_THACH = [
  ["08761", "Xã Lập Thạch"],
  ["08770", "Xã Hợp Lý"],
  ["08788", "Xã Thái Hòa"],
  ["08812", "Xã Liên Hòa"],
  ["08842", "Xã Tiên Lữ"],
  ["08866", "Xã Sơn Đông"],
];

let summary: SeedSummary;
let admin: Actor;
const actorOf = async (username: string) => loadActor((await db.user.findUniqueOrThrow({ where: { username } })).id);
const unitOf = (level: "PROVINCE" | "DISTRICT" | "COMMUNE", code: string, current: boolean) =>
  db.unit.findFirstOrThrow({ where: { level, code, validTo: current ? null : { not: null } } });

beforeAll(async () => {
  expect(await isEmpty(db)).toBe(true);
  summary = await seedDemo(db, { today: TODAY, shape: "reform" });
  admin = (await actorOf("admin"))!;
});

describe("the demo across the reform", () => {
  it("gives the agency's account (decision 064) the Phú Thọ department's petitions, some still its to answer", async () => {
    const account = (await actorOf("coquan.lapthach"))!;
    expect(account).toMatchObject({ duties: ["AGENCY"], displayName: "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", unit: { code: "25", validTo: null } });
    const list = (await listHeldPetitions(account, parseHeldListParams({})))!;
    expect(list.agency.name).toBe("Sở Nông nghiệp và Môi trường tỉnh Phú Thọ");
    expect(list.total).toBeGreaterThan(10);
    expect((await listHeldPetitions(account, parseHeldListParams({ state: "dang-giu" })))!.total).toBeGreaterThan(0);
    // Every listed petition was assigned to its agency, and none is another agency's today.
    for (const item of list.items) expect(await db.agencyHold.count({ where: { petitionId: item.id, agencyId: account.agencyId! } })).toBe(1);
    expect(list.items.every((i) => i.agencyId === account.agencyId)).toBe(true);
  });

  it("/api/v1/units/26 says Vĩnh Phúc ended on 2025-06-30, and its successor Phú Thọ lists the new communes of the former Lập Thạch", async () => {
    const { token } = await createToken(admin, { name: "Kiểm tra sắp xếp", lifetime: 30 });
    const call = async (code: string) => {
      const res = await getUnitRoute(new Request(`http://localhost/api/v1/units/${code}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ code }),
      });
      expect(res.status, code).toBe(200);
      return res.json();
    };
    const vinhPhuc = await call("26");
    expect(vinhPhuc).toMatchObject({ code: "26", typeLabel: "Tỉnh", name: "Vĩnh Phúc", level: "PROVINCE", validTo: "2025-06-30", asOf: "2025-06-30" });
    expect(vinhPhuc.children.map((c: { name: string }) => c.name)).toEqual(["Lập Thạch", "Vĩnh Tường"]);
    expect(vinhPhuc.successors).toEqual([expect.objectContaining({ code: "25", typeLabel: "Tỉnh", name: "Phú Thọ", kind: "FULL", effectiveOn: "2025-07-01" })]);

    const phuTho = await call("25");
    expect(phuTho).toMatchObject({ name: "Phú Thọ", validFrom: "2025-07-01", validTo: null });
    expect(phuTho.predecessors).toEqual([expect.objectContaining({ code: "26", name: "Vĩnh Phúc" })]);
    const children = phuTho.children.map((c: { code: string; typeLabel: string; name: string; level: string }) => [c.code, `${c.typeLabel} ${c.name}`, c.level]);
    for (const [code, name] of FORMER_LAP_THACH) expect(children).toContainEqual([code, name, "COMMUNE"]);
    expect(phuTho.children.every((c: { hasBloc: boolean }) => c.hasBloc)).toBe(true);

    // The old district names its successors too: the six communes.
    const lapThach = await call("246");
    expect(lapThach).toMatchObject({ validTo: "2025-06-30" });
    const oldTown = await unitOf("COMMUNE", "08761", false);
    expect(`${oldTown.typeLabel} ${oldTown.name}`).toBe("Thị trấn Lập Thạch");
  });

  it("the rollup of the former Lập Thạch area over a period that crosses the reform is the same on the units as they were and on today's", async () => {
    const period = parsePeriod("2025-01-01", "2025-12-31");
    const district = await unitOf("DISTRICT", "246", false);
    const communes = await Promise.all(FORMER_LAP_THACH.map(([code]) => unitOf("COMMUNE", code, true)));
    const read = async (id: number, view: "historical" | "restated") => (await dashboardFor(admin, id, period, view, TODAY))!.kpis;

    const before = await read(district.id, "historical");
    const afterHistorical = await Promise.all(communes.map((c) => read(c.id, "historical")));
    const restated = await Promise.all(communes.map((c) => read(c.id, "restated")));
    const sum = (rows: { received: number; resolved: number; settled: number }[], key: "received" | "resolved" | "settled") => rows.reduce((s, r) => s + r[key], 0);

    // Both halves of the year hold petitions: the district's until June, the new communes' since July.
    expect(before.received).toBeGreaterThan(100);
    expect(sum(afterHistorical, "received")).toBeGreaterThan(100);
    for (const key of ["received", "resolved", "settled"] as const) {
      expect(before[key] + sum(afterHistorical, key), key).toBe(sum(restated, key));
    }
    // On today's units the closed district holds nothing of its own.
    expect((await read(district.id, "restated")).received).toBe(0);
  });

  it("records Vĩnh Phúc's work until 30 June 2025 and today's on the new communes, coded with the new province's code", async () => {
    const after = await db.petition.findMany({ where: { receivedOn: { gte: REFORM }, unit: { ancestorIds: { has: (await unitOf("PROVINCE", "25", true)).id } } }, select: { code: true, communeId: true, districtId: true } });
    expect(after.length).toBeGreaterThan(1000);
    expect(after.every((p) => /^25-20(25|26)-\d{5}$/.test(p.code) && p.districtId === null)).toBe(true);
    expect(await db.petition.count({ where: { receivedOn: { gte: REFORM }, code: { startsWith: "246-" } } })).toBe(0);
    expect(await db.petition.count({ where: { receivedOn: { lt: REFORM }, code: { startsWith: "246-2025-" } } })).toBeGreaterThan(0);

    // Open petitions of before the reform were carried over: their places are the new communes.
    const newCommuneIds = new Set((await db.unit.findMany({ where: { level: "COMMUNE", validFrom: REFORM }, select: { id: true } })).map((u) => u.id));
    const carried = await db.petition.findMany({ where: { receivedOn: { lt: REFORM }, code: { startsWith: "2" }, isOpen: true, NOT: { code: { startsWith: "12" } } }, select: { communeId: true } });
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((p) => newCommuneIds.has(p.communeId!))).toBe(true);

    // Meetings since the reform are the new communes' blocs' and the teams their villages brought.
    const blocMeetings = await db.meeting.findMany({ where: { kind: "BLOC", heldOn: { gte: REFORM } }, select: { unitId: true, organisation: { select: { establishedOn: true, dissolvedOn: true } } } });
    const vinhPhucAfter = blocMeetings.filter((m) => newCommuneIds.has(m.unitId));
    expect(vinhPhucAfter.length).toBeGreaterThan(100);
    expect(vinhPhucAfter.every((m) => m.organisation!.dissolvedOn === null && m.organisation!.establishedOn!.getTime() === REFORM.getTime())).toBe(true);
    const oldCommuneIds = (await db.unit.findMany({ where: { level: "COMMUNE", validTo: new Date("2025-06-30T00:00:00Z") }, select: { id: true } })).map((u) => u.id);
    expect(await db.meeting.count({ where: { unitId: { in: oldCommuneIds }, heldOn: { gte: REFORM } } })).toBe(0);
    expect(await db.meeting.count({ where: { unitId: { in: oldCommuneIds }, heldOn: { lt: REFORM } } })).toBeGreaterThan(0);
    expect(summary.merger).toMatchObject({ communesClosed: 39, communesCreated: 12, provincesClosed: 1, districtsClosed: 2, blocsFounded: 12, blocsDissolved: 39 });
  });

  it("moves the accounts as the reform moved their people; district staff keep their district's period", async () => {
    const today = "2026-12-07";
    const home = async (username: string) => {
      const u = await db.user.findUniqueOrThrow({ where: { username }, include: { unit: true } });
      return { office: officeName(u.unit, today), duties: [...u.duties].sort(), validTo: u.unit.validTo };
    };
    expect(await home("tinh.vinhphuc")).toMatchObject({ office: "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ", duties: [...PRESETS.PROVINCE_LEADER].sort() });
    const communeHome = await home("xa.lapthach");
    expect(communeHome).toMatchObject({ duties: [...PRESETS.COMMUNE_COMMITTEE].sort(), validTo: null });
    // officeName (decision 052) keeps the unit's type as written ("Xã").
    expect(communeHome.office).toMatch(/^Đảng ủy xã Lập Thạch$/i);
    expect((await home("admin.vinhphuc")).office).toBe("Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ");
    expect((await home("xem.vinhphuc")).office).toBe("Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ");
    const district = await home("huyen.lapthach");
    expect(district).toMatchObject({ office: "Ban Dân vận Huyện ủy Lập Thạch", duties: [...PRESETS.DISTRICT_STAFF].sort() });
    expect(district.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    expect((await home("xa.binhlu")).office).toMatch(/^Đảng ủy xã Bình Lư$/i);

    // The commune user sees today's commune: its petitions since the reform and those carried over.
    const commune = (await actorOf("xa.lapthach"))!;
    const communeUnit = await unitOf("COMMUNE", "08761", true);
    expect(commune.unit.id).toBe(communeUnit.id);
    expect(await db.petition.count({ where: { communeId: communeUnit.id, receivedOn: { gte: REFORM } } })).toBeGreaterThan(100);
    // The head of the new commune's bloc is the account's cadre, the secretary of before.
    const bloc = await db.organisation.findFirstOrThrow({ where: { unitId: communeUnit.id, kind: "BLOC", dissolvedOn: null }, include: { memberships: { where: { role: "HEAD", termEnd: null } } } });
    expect(bloc.memberships.map((m) => m.cadreId)).toEqual([(await db.user.findUniqueOrThrow({ where: { username: "xa.lapthach" } })).cadreId]);
  });

  it("moved accounts reach the units that closed into theirs (decision 057): the province its former provinces, a commune its former communes, and no further", async () => {
    const province = (await actorOf("tinh.vinhphuc"))!;
    const vinhPhuc = await unitOf("PROVINCE", "26", false);
    const firstHalf = parsePeriod("2025-01-01", "2025-06-30");
    // Vĩnh Phúc's reports as the units were read the same for the province leader moved to Phú Thọ as for the national admin.
    const asWere = await dashboardFor(province, vinhPhuc.id, firstHalf, "historical", TODAY);
    expect(asWere).not.toBeNull();
    expect(asWere!.kpis).toEqual((await dashboardFor(admin, vinhPhuc.id, firstHalf, "historical", TODAY))!.kpis);
    expect(asWere!.kpis.received).toBeGreaterThan(100);
    expect(asWere!.children.map((c) => c.unit.name).sort()).toEqual(["Lập Thạch", "Vĩnh Tường"]);

    // The old communes' bloc meetings.
    const oldCommuneIds = (await db.unit.findMany({ where: { level: "COMMUNE", validTo: new Date("2025-06-30T00:00:00Z") }, select: { id: true } })).map((u) => u.id);
    const oldMeetings = { kind: "BLOC" as const, unitId: { in: oldCommuneIds } };
    const all = await db.meeting.count({ where: oldMeetings });
    expect(all).toBeGreaterThan(0);
    expect(await db.meeting.count({ where: { AND: [oldMeetings, meetingWhereFor(province)] } })).toBe(all);

    // The commune user reaches the communes merged into theirs, and not those merged into the neighbours.
    const commune = (await actorOf("xa.lapthach"))!;
    const predecessors = await db.unitSuccession.findMany({ where: { successorId: commune.unit.id }, select: { predecessorId: true } });
    const own = new Set(predecessors.map((p) => p.predecessorId));
    expect(own.size).toBeGreaterThan(1);
    const reached = await db.unit.findMany({ where: { AND: [{ id: { in: oldCommuneIds } }, unitWhereFor(commune)] }, select: { id: true } });
    expect(new Set(reached.map((u) => u.id))).toEqual(own);
    // Their villages went to the new communes with their petitions; what stays on the old communes is their blocs' meetings.
    const theirs = await db.meeting.count({ where: { unitId: { in: [...own] } } });
    expect(theirs).toBeGreaterThan(0);
    expect(await db.meeting.count({ where: { AND: [{ unitId: { in: oldCommuneIds } }, meetingWhereFor(commune)] } })).toBe(theirs);
    expect(await dashboardFor(commune, vinhPhuc.id, firstHalf, "historical", TODAY)).toBeNull();

    // Nobody else gains: Lai Châu's commune reaches nothing of Vĩnh Phúc, a stranded district account only its own district.
    const laiChau = (await actorOf("xa.binhlu"))!;
    expect(await db.unit.count({ where: { AND: [{ ancestorIds: { has: vinhPhuc.id } }, unitWhereFor(laiChau)] } })).toBe(0);
    const vinhTuong = (await actorOf("huyen.vinhtuong"))!;
    const lapThach = await unitOf("DISTRICT", "246", false);
    expect(await db.unit.count({ where: { AND: [{ ancestorIds: { has: lapThach.id } }, unitWhereFor(vinhTuong)] } })).toBe(0);
    expect(await dashboardFor(vinhTuong, lapThach.id, firstHalf, "historical", TODAY)).toBeNull();
  });
});
