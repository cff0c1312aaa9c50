import { beforeAll, describe, expect, it } from "vitest";
import { readCoverage } from "@/lib/dashboards/read";
import { db } from "@/lib/db/client";
import type { Affiliation, MembershipRole, OrganisationKind } from "@/lib/generated/prisma/enums";
import { coverageFor, shares } from "@/lib/organisations/coverage";
import { insertUnit } from "@/lib/units/tree";
import { buildTree, type Tree } from "../support/factories";

const AS_OF = new Date("2026-03-10");
const d = (iso: string) => new Date(iso);

type UnitRow = Tree["nation"];

let tree: Tree;
let villageA2: UnitRow;
let communeA2: UnitRow;

async function organisation(unit: UnitRow, kind: OrganisationKind, dissolvedOn: Date | null = null) {
  return db.organisation.create({
    data: { kind, unitId: unit.id, name: `${kind === "BLOC" ? "Khối" : "Tổ"} dân vận ${unit.name}`, dissolvedOn },
  });
}

async function cadre(unit: UnitRow, fullName: string) {
  return db.cadre.create({ data: { fullName, searchName: fullName.toLowerCase(), unitId: unit.id } });
}

async function member(
  org: { id: number },
  person: { id: number },
  role: MembershipRole,
  representing: Affiliation,
  termStart = "2025-06-01",
  termEnd: string | null = null,
) {
  return db.membership.create({
    data: { organisationId: org.id, cadreId: person.id, role, representing, termStart: d(termStart), termEnd: termEnd ? d(termEnd) : null },
  });
}

beforeAll(async () => {
  tree = await buildTree();
  const { communeA, villageA1, districtA, communeB, villageB1 } = tree;
  villageA2 = tree.villageA2;
  // A village closed at the start of 2026 (merged away), with a team and a head still on file.
  const villageA3 = await insertUnit(db, { parentId: communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đồng Cả", validTo: d("2026-01-01") });
  // A village whose team was dissolved in February.
  const villageA4 = await insertUnit(db, { parentId: communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Gò Cao" });
  // A village whose team has no head.
  const villageA5 = await insertUnit(db, { parentId: communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Bãi Sậy" });
  // A second commune of district A, without villages, whose bloc is headed by someone else.
  communeA2 = await insertUnit(db, { parentId: districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Liễn Sơn", code: "08842" });

  // Commune A's bloc: the standing deputy heads it; one member's term has ended.
  const blocA = await organisation(communeA, "BLOC");
  await member(blocA, await cadre(communeA, "Nguyễn Văn Khối"), "HEAD", "PARTY_STANDING_DEPUTY");
  const farmer = await cadre(communeA, "Trần Văn Nông");
  await member(blocA, farmer, "MEMBER", "FARMERS_UNION");
  await member(blocA, await cadre(communeA, "Lê Thị Hội"), "MEMBER", "WOMENS_UNION", "2025-06-01", "2026-02-28");

  // Village A1: the party cell secretary heads the team; the farmer sits in it too (counted once);
  // the village head's term ends on the very day (still current).
  const teamA1 = await organisation(villageA1, "TEAM");
  await member(teamA1, await cadre(villageA1, "Phạm Văn Chi"), "HEAD", "PARTY_CELL_SECRETARY");
  await member(teamA1, await cadre(villageA1, "Hoàng Văn Thôn"), "MEMBER", "VILLAGE_HEAD", "2025-06-01", "2026-03-10");
  await member(teamA1, farmer, "MEMBER", "FARMERS_UNION");

  // Village A2: headed by the village head since 2026, not by the party cell secretary, whose
  // term as head ended in 2025; a member whose term has not started yet.
  const teamA2 = await organisation(villageA2, "TEAM");
  await member(teamA2, await cadre(villageA2, "Đỗ Văn Trưởng"), "HEAD", "VILLAGE_HEAD", "2026-01-01");
  await member(teamA2, await cadre(villageA2, "Vũ Văn Cũ"), "HEAD", "PARTY_CELL_SECRETARY", "2024-01-01", "2025-12-31");
  await member(teamA2, await cadre(villageA2, "Bùi Thị Mới"), "MEMBER", "YOUTH_UNION", "2026-06-01");

  // Village A3 (closed): nothing in it counts any more.
  const teamA3 = await organisation(villageA3, "TEAM");
  await member(teamA3, await cadre(villageA3, "Ngô Văn Đóng"), "HEAD", "PARTY_CELL_SECRETARY");

  // Village A4: the team was dissolved on 1 February; its head's open membership does not count.
  const teamA4 = await organisation(villageA4, "TEAM", d("2026-02-01"));
  await member(teamA4, await cadre(villageA4, "Đinh Văn Giải"), "HEAD", "PARTY_CELL_SECRETARY");

  // Village A5: a team without a head.
  const teamA5 = await organisation(villageA5, "TEAM");
  await member(teamA5, await cadre(villageA5, "Lý Thị Sậy"), "MEMBER", "WOMENS_UNION");

  // Commune A2: the bloc is headed by the Fatherland Front chair.
  const blocA2 = await organisation(communeA2, "BLOC");
  await member(blocA2, await cadre(communeA2, "Mai Văn Mặt"), "HEAD", "FATHERLAND_FRONT");

  // District B: fully covered, and never part of district A's figures.
  const blocB = await organisation(communeB, "BLOC");
  await member(blocB, await cadre(communeB, "Tạ Văn Bê"), "HEAD", "PARTY_STANDING_DEPUTY");
  const teamB1 = await organisation(villageB1, "TEAM");
  await member(teamB1, await cadre(villageB1, "Tô Thị Bến"), "HEAD", "PARTY_CELL_SECRETARY");
});

describe("coverageFor", () => {
  it("counts a commune's current villages, teams, heads, bloc and members", async () => {
    const c = await coverageFor(tree.communeA.id, AS_OF);
    expect(c).toEqual({
      villages: 4, // A1, A2, A4, A5 (A3 is closed)
      villagesWithTeam: 3, // A4's team is dissolved
      teamHeads: 2, // A1, A2 (A5 has no head)
      teamHeadsPartyCellSecretary: 1, // A1 only
      blocs: 1,
      blocsHeadedByStandingDeputy: 1,
      members: 6, // bloc head, farmer (bloc + team A1), A1 head, A1 village head, A2 head, A5 member
    });
    expect(shares(c)).toEqual({ villagesWithTeam: 75, teamHeadsPartyCellSecretary: 50, blocsHeadedByStandingDeputy: 100 });
  });

  it("adds up the district, and leaves the other district out", async () => {
    expect(await coverageFor(tree.districtA.id, AS_OF)).toEqual({
      villages: 4,
      villagesWithTeam: 3,
      teamHeads: 2,
      teamHeadsPartyCellSecretary: 1,
      blocs: 2,
      blocsHeadedByStandingDeputy: 1,
      members: 7,
    });
    expect(await coverageFor(tree.districtB.id, AS_OF)).toEqual({
      villages: 1,
      villagesWithTeam: 1,
      teamHeads: 1,
      teamHeadsPartyCellSecretary: 1,
      blocs: 1,
      blocsHeadedByStandingDeputy: 1,
      members: 2,
    });
    expect(await coverageFor(tree.province.id, AS_OF)).toEqual({
      villages: 5,
      villagesWithTeam: 4,
      teamHeads: 3,
      teamHeadsPartyCellSecretary: 2,
      blocs: 3,
      blocsHeadedByStandingDeputy: 2,
      members: 9,
    });
  });

  it("counts a single village, with no blocs to share over", async () => {
    const c = await coverageFor(villageA2.id, AS_OF);
    expect(c).toEqual({
      villages: 1,
      villagesWithTeam: 1,
      teamHeads: 1,
      teamHeadsPartyCellSecretary: 0,
      blocs: 0,
      blocsHeadedByStandingDeputy: 0,
      members: 1,
    });
    expect(shares(c)).toEqual({ villagesWithTeam: 100, teamHeadsPartyCellSecretary: 0, blocsHeadedByStandingDeputy: null });
    expect(await coverageFor(communeA2.id, AS_OF)).toMatchObject({ villages: 0, blocs: 1, blocsHeadedByStandingDeputy: 0, members: 1 });
  });

  it("reads the figures as they stood on an earlier day", async () => {
    expect(await coverageFor(tree.communeA.id, new Date("2025-12-15"))).toEqual({
      villages: 5, // A3 was still open
      villagesWithTeam: 5, // A4's team was not yet dissolved
      teamHeads: 4, // A1, A2 (the party cell secretary), A3, A4
      teamHeadsPartyCellSecretary: 4,
      blocs: 1,
      blocsHeadedByStandingDeputy: 1,
      members: 9, // all but A2's 2026 head and its future member
    });
  });

  it("gives zeros for a unit with nothing under it", async () => {
    const province = await insertUnit(db, { parentId: tree.nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: "Mới Lập", code: "99" });
    const empty = await insertUnit(db, { parentId: province.id, level: "VILLAGE", typeLabel: "Thôn", name: "Mới Lập" });
    const c = await coverageFor(empty.id, AS_OF);
    expect(c).toEqual({ villages: 1, villagesWithTeam: 0, teamHeads: 0, teamHeadsPartyCellSecretary: 0, blocs: 0, blocsHeadedByStandingDeputy: 0, members: 0 });
    expect(shares(c)).toEqual({ villagesWithTeam: 0, teamHeadsPartyCellSecretary: null, blocsHeadedByStandingDeputy: null });
  });
});

describe("the coverage rollup (RollupCoverage)", () => {
  it("holds the seven figures of coverageFor for every unit, on the day and on earlier days", async () => {
    const units = await db.unit.findMany({ where: { ancestorIds: { has: tree.nation.id } }, select: { id: true } });
    for (const day of ["2024-06-01", "2025-06-01", "2025-12-15", "2025-12-31", "2026-01-01", "2026-02-01", "2026-02-28", "2026-03-01", "2026-03-10", "2026-03-11", "2026-06-01"]) {
      for (const u of units) expect(await readCoverage(u.id, day), `unit ${u.id} on ${day}`).toEqual(await coverageFor(u.id, d(day)));
    }
  });

  it("counts a cadre of both the bloc and a team once, in the commune and above", async () => {
    expect((await readCoverage(tree.communeA.id, "2026-03-10")).members).toBe(6);
    expect((await readCoverage(tree.districtA.id, "2026-03-10")).members).toBe(7);
    expect((await readCoverage(tree.villageA1.id, "2026-03-10")).members).toBe(3);
    // The village head's term ended on the 10th: one fewer from the 11th.
    expect((await readCoverage(tree.villageA1.id, "2026-03-11")).members).toBe(2);
  });
});
