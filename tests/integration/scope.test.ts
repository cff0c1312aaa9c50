import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  agencyWhereFor,
  cadreWhereFor,
  meetingWhereFor,
  organisationWhereFor,
  petitionWhereFor,
  unitScopeSql,
  unitWhereFor,
  userWhereFor,
} from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { getUnitInScope } from "@/lib/units/queries";
import { actorAt, buildTree, createField, createPetition, createUser, type Tree } from "../support/factories";

let tree: Tree;
let petitionA: { id: number };
let petitionB: { id: number };

beforeAll(async () => {
  tree = await buildTree();
  const staffA = await createUser(tree.districtA);
  const staffB = await createUser(tree.districtB);
  const field = await createField();
  petitionA = await createPetition(tree.villageA1, staffA.id, field.id);
  petitionB = await createPetition(tree.villageB1, staffB.id, field.id);
  for (const [village, author] of [
    [tree.villageA1, staffA],
    [tree.villageB1, staffB],
  ] as const) {
    const team = await db.organisation.create({ data: { kind: "TEAM", unitId: village.id, name: `Tổ dân vận ${village.name}` } });
    await db.meeting.create({ data: { kind: "TEAM_MONTHLY", organisationId: team.id, unitId: village.id, heldOn: new Date("2026-03-05"), createdById: author.id } });
    await db.cadre.create({ data: { fullName: "Lê Văn Tâm", searchName: "le van tam", unitId: village.id } });
  }
  await db.agency.create({ data: { name: "Phòng Tài nguyên và Môi trường", unitId: tree.districtA.id } });
  await db.agency.create({ data: { name: "Phòng Tài nguyên và Môi trường", unitId: tree.districtB.id } });
  await db.agency.create({ data: { name: "Sở Nội vụ", unitId: tree.province.id } });
});

describe("scope helpers", () => {
  it("keep a district user inside their district, for every scoped entity", async () => {
    const actor = actorAt(tree.districtA);
    const units = await db.unit.findMany({ where: unitWhereFor(actor), select: { id: true } });
    expect(units.map((u) => u.id).sort()).toEqual([tree.districtA.id, tree.communeA.id, tree.villageA1.id, tree.villageA2.id].sort());

    const petitions = await db.petition.findMany({ where: petitionWhereFor(actor) });
    expect(petitions.map((p) => p.id)).toEqual([petitionA.id]);

    const meetings = await db.meeting.findMany({ where: meetingWhereFor(actor) });
    expect(meetings.map((m) => m.unitId)).toEqual([tree.villageA1.id]);

    const organisations = await db.organisation.findMany({ where: organisationWhereFor(actor) });
    expect(organisations.map((o) => o.unitId)).toEqual([tree.villageA1.id]);

    const cadres = await db.cadre.findMany({ where: cadreWhereFor(actor) });
    expect(cadres.map((c) => c.unitId)).toEqual([tree.villageA1.id]);

    const users = await db.user.findMany({ where: userWhereFor(actor) });
    expect(users.map((u) => u.unitId)).toEqual([tree.districtA.id]);

    // their own district's agencies and the province's, never the neighbour's
    const agencies = await db.agency.findMany({ where: agencyWhereFor(actor), orderBy: { id: "asc" } });
    expect(agencies.map((a) => a.unitId)).toEqual([tree.districtA.id, tree.province.id]);
  });

  it("give a province leader both districts and a commune secretary only their commune", async () => {
    const leader = actorAt(tree.province, "PROVINCE_LEADER");
    expect(await db.petition.count({ where: petitionWhereFor(leader) })).toBe(2);
    const secretary = actorAt(tree.communeB, "COMMUNE_SECRETARY");
    const seen = await db.petition.findMany({ where: petitionWhereFor(secretary) });
    expect(seen.map((p) => p.id)).toEqual([petitionB.id]);
  });

  it("deny everything to an unknown role", async () => {
    const stranger = { ...actorAt(tree.nation), duties: ["HACKER" as never] };
    expect(await db.unit.count({ where: unitWhereFor(stranger) })).toBe(0);
    expect(await db.petition.count({ where: petitionWhereFor(stranger) })).toBe(0);
    expect(await db.agency.count({ where: agencyWhereFor(stranger) })).toBe(0);
  });

  it("say the same in SQL (unitScopeSql) as in Prisma (unitWhereFor), for every kind of actor", async () => {
    const actors = [actorAt(tree.districtA), actorAt(tree.province, "PROVINCE_LEADER"), actorAt(tree.communeB, "COMMUNE_SECRETARY"), { ...actorAt(tree.nation), duties: ["HACKER" as never] }];
    for (const actor of actors) {
      const viaSql = await db.$queryRaw<{ id: number }[]>`SELECT u.id FROM "Unit" u WHERE ${unitScopeSql(actor, Prisma.sql`u."ancestorIds"`)} ORDER BY u.id`;
      const viaPrisma = await db.unit.findMany({ where: unitWhereFor(actor), select: { id: true }, orderBy: { id: "asc" } });
      expect(viaSql.map((u) => u.id)).toEqual(viaPrisma.map((u) => u.id));
    }
  });

  it("answer not found for a unit of another district, and for ids that do not exist", async () => {
    const actor = actorAt(tree.districtA);
    expect(await getUnitInScope(actor, tree.villageB1.id)).toBeNull();
    expect(await getUnitInScope(actor, tree.districtB.id)).toBeNull();
    expect(await getUnitInScope(actor, 987654321)).toBeNull();
    expect(await getUnitInScope(actor, Number.NaN)).toBeNull();
    const own = await getUnitInScope(actor, tree.communeA.id);
    expect(own?.children.map((c) => c.id).sort()).toEqual([tree.villageA1.id, tree.villageA2.id].sort());
    // the path shows the province, but only the district itself and below are links
    expect(own?.path.map((p) => [p.id, p.inScope])).toEqual([
      [tree.nation.id, false],
      [tree.province.id, false],
      [tree.districtA.id, true],
    ]);
  });

  it("keep the materialised path in step with the tree", async () => {
    expect(tree.villageA1.ancestorIds).toEqual([tree.nation.id, tree.province.id, tree.districtA.id, tree.communeA.id, tree.villageA1.id]);
    expect(tree.villageA1.depth).toBe(4);
  });
});
