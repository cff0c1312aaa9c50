import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { communesWithoutBriefing, complianceOf, monthPeriod, quarterPeriod, villagesWithoutTeamMeeting, type Period } from "@/lib/meetings/compliance";
import { getCompliancePage } from "@/lib/meetings/compliance-page";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let authorId: number;
const villages: Record<string, { id: number; teamId: number }> = {};
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const MARCH = monthPeriod(2026, 3);
// The figures as the page reads them: from the rollups the triggers keep.
const teamMeetingCompliance = async (unitId: number, month: Period) => (await complianceOf([unitId], month)).get(unitId)!.teams;
const briefingCompliance = async (unitId: number, quarter: Period) => (await complianceOf([unitId], quarter)).get(unitId)!.briefings;

async function village(key: string, opts: { validTo?: Date; establishedOn?: Date; dissolvedOn?: Date } = {}) {
  const unit = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `${key} ${uid()}`, validTo: opts.validTo });
  const team = await db.organisation.create({ data: { kind: "TEAM", unitId: unit.id, name: `Tổ dân vận thôn ${key}`, establishedOn: opts.establishedOn, dissolvedOn: opts.dissolvedOn } });
  villages[key] = { id: unit.id, teamId: team.id };
  return villages[key];
}

async function meeting(kind: "TEAM_MONTHLY" | "BLOC" | "QUARTERLY_BRIEFING", unitId: number, organisationId: number | null, heldOn: string) {
  await db.meeting.create({ data: { kind, unitId, organisationId, heldOn: d(heldOn), createdById: authorId } });
}

beforeAll(async () => {
  tree = await buildTree();
  authorId = (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id;
  // buildTree's own villages have no teams: they are not expected.
  const twice = await village("Hai lần");
  await meeting("TEAM_MONTHLY", twice.id, twice.teamId, "2026-03-05");
  await meeting("TEAM_MONTHLY", twice.id, twice.teamId, "2026-03-25");
  const lastDay = await village("Cuối tháng");
  await meeting("TEAM_MONTHLY", lastDay.id, lastDay.teamId, "2026-03-31");
  // A meeting of another kind (wrongly filed against the team) does not count.
  const blocOnly = await village("Chỉ họp khối");
  await meeting("BLOC", blocOnly.id, blocOnly.teamId, "2026-03-10");
  const previous = await village("Tháng trước");
  await meeting("TEAM_MONTHLY", previous.id, previous.teamId, "2026-02-27");
  await meeting("TEAM_MONTHLY", previous.id, previous.teamId, "2026-04-01");
  // Dissolved in the month: still expected for it.
  await village("Giải thể giữa tháng", { dissolvedOn: d("2026-03-15") });
  // Not expected: dissolved before, set up after, village closed before the month.
  const gone = await village("Đã giải thể", { dissolvedOn: d("2026-02-28") });
  await meeting("TEAM_MONTHLY", gone.id, gone.teamId, "2026-03-03");
  await village("Mới thành lập", { establishedOn: d("2026-04-01") });
  await village("Đã sáp nhập", { validTo: d("2026-02-28") });

  // Briefings of quarter 1: commune A held one; commune B only had a bloc meeting.
  const bloc = await db.organisation.create({ data: { kind: "BLOC", unitId: tree.communeB.id, name: "Khối dân vận B" } });
  await meeting("QUARTERLY_BRIEFING", tree.communeA.id, null, "2026-03-26");
  await meeting("BLOC", tree.communeB.id, bloc.id, "2026-03-26");
  // A commune closed before the quarter is not expected; one opened in it is.
  await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Cũ ${uid()}`, validTo: d("2025-12-31") });
  await insertUnit(db, { parentId: tree.districtB.id, level: "COMMUNE", typeLabel: "Xã", name: `Mới ${uid()}`, validFrom: d("2026-03-01") });
});

describe("monthly team meeting compliance", () => {
  it("counts the teams active in the month, each held once however many times it met", async () => {
    expect(await teamMeetingCompliance(tree.communeA.id, MARCH)).toEqual({ expected: 5, held: 2 });
    // The same figure from the province, and nothing from the other district.
    expect(await teamMeetingCompliance(tree.province.id, MARCH)).toEqual({ expected: 5, held: 2 });
    expect(await teamMeetingCompliance(tree.districtB.id, MARCH)).toEqual({ expected: 0, held: 0 });
  });

  it("lists the villages that have not met", async () => {
    const missing = await villagesWithoutTeamMeeting(tree.communeA.id, MARCH);
    expect(missing.map((v) => v.organisationId).sort()).toEqual([villages["Chỉ họp khối"].teamId, villages["Tháng trước"].teamId, villages["Giải thể giữa tháng"].teamId].sort());
    expect(missing[0].communeName).toBe(`${tree.communeA.typeLabel} ${tree.communeA.name}`);
  });

  it("reads other months with the same rules", async () => {
    // February: "Tháng trước" met; the dissolved-in-March and the merged village were still there.
    expect(await teamMeetingCompliance(tree.communeA.id, monthPeriod(2026, 2))).toEqual({ expected: 7, held: 1 });
    // April: the new team is expected; the one dissolved in March is not.
    expect(await teamMeetingCompliance(tree.communeA.id, monthPeriod(2026, 4))).toEqual({ expected: 5, held: 1 });
  });
});

describe("quarterly briefing compliance", () => {
  it("counts the communes valid in the quarter with a briefing of their own", async () => {
    expect(await briefingCompliance(tree.province.id, quarterPeriod(2026, 1))).toEqual({ expected: 3, held: 1 });
    expect(await briefingCompliance(tree.districtA.id, quarterPeriod(2026, 1))).toEqual({ expected: 1, held: 1 });
    const missing = await communesWithoutBriefing(tree.province.id, quarterPeriod(2026, 1));
    expect(missing.map((c) => c.communeId)).toContain(tree.communeB.id);
    expect(missing).toHaveLength(2);
    expect(await briefingCompliance(tree.province.id, quarterPeriod(2026, 2))).toEqual({ expected: 3, held: 0 });
  });
});

describe("the compliance page", () => {
  it("lists a province's units below with their own figures, and leaves the names of teams to the levels below", async () => {
    const page = (await getCompliancePage(actorAt(tree.province, "PROVINCE_LEADER"), { month: "2026-03" }))!;
    expect(page.teams).toEqual({ expected: 5, held: 2 });
    expect(page.missingVillages).toBeNull();
    expect(page.missingCommunes).toBeNull();
    const byId = new Map(page.children.map((c) => [c.id, c]));
    expect(byId.get(tree.districtA.id)).toMatchObject({ teams: { expected: 5, held: 2 }, briefings: { expected: 1, held: 1 } });
    expect(byId.get(tree.districtB.id)).toMatchObject({ teams: { expected: 0, held: 0 } });
    // Furthest behind first: district A's 2 of 5 before district B, which expects no team.
    expect(page.children[0].id).toBe(tree.districtA.id);
    const inDistrictA = (await getCompliancePage(actorAt(tree.province, "PROVINCE_LEADER"), { unit: String(tree.districtA.id), month: "2026-03" }))!;
    expect(inDistrictA.missingVillages).toHaveLength(3);
    expect(inDistrictA.children.map((c) => c.id)).toContain(tree.communeA.id);
  });

  it("answers nothing for a unit out of the actor's reach", async () => {
    expect(await getCompliancePage(actorAt(tree.districtB, "DISTRICT_STAFF"), { unit: String(tree.districtA.id), month: "2026-03" })).toBeNull();
  });
});

describe("periods", () => {
  it("are whole calendar months and quarters", () => {
    expect(monthPeriod(2024, 2)).toEqual({ first: d("2024-02-01"), last: d("2024-02-29") });
    expect(quarterPeriod(2026, 4)).toEqual({ first: d("2026-10-01"), last: d("2026-12-31") });
  });
});
