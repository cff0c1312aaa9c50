import { beforeAll, describe, expect, it } from "vitest";
import { meetingWhereFor, organisationWhereFor, petitionWhereFor, unitWhereFor } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { homeSummaryFor, scopeSummary } from "@/lib/home/queries";
import { actorAt, buildTree, createField, createOrganisation, createPetition, createUser, type Tree } from "../support/factories";
import { insertUnit } from "@/lib/units/tree";

/**
 * The home page's figures. The open and overdue petitions come from the rollups (decision 028):
 * they must be the counts of the rows, for every level of the tree.
 */
let tree: Tree;
const NOW = new Date("2026-03-20T03:00:00Z");

beforeAll(async () => {
  tree = await buildTree();
  const fieldId = (await createField()).id;
  const staff = await createUser(tree.districtA);
  const made = [];
  for (const unit of [tree.villageA1, tree.villageA1, tree.villageA2, tree.villageB1, tree.communeA]) made.push(await createPetition(unit, staff.id, fieldId));
  // Due yesterday, today, next week; one closed; one without a deadline.
  const due = ["2026-03-19", "2026-03-20", "2026-03-27", "2026-03-01", null];
  for (const [i, p] of made.entries()) await db.petition.update({ where: { id: p.id }, data: { dueOn: due[i] ? new Date(due[i]!) : null } });
  await db.petition.update({ where: { id: made[3].id }, data: { status: "CLOSED", closedAt: new Date("2026-03-05") } });
});

describe("the home page's figures", () => {
  it("counts open and overdue petitions as the rows are, at the nation, a province, a district and a commune", async () => {
    const today = new Date("2026-03-20");
    for (const unit of [tree.nation, tree.province, tree.districtA, tree.districtB, tree.communeA, tree.villageA1]) {
      const actor = actorAt(unit, "ADMIN");
      const summary = await scopeSummary(actor, NOW);
      const open = await db.petition.count({ where: { AND: [petitionWhereFor(actor), { isOpen: true }] } });
      const overdue = await db.petition.count({ where: { AND: [petitionWhereFor(actor), { isOpen: true, dueOn: { lt: today } }] } });
      expect({ unit: unit.name, open: summary.openPetitions, overdue: summary.overduePetitions }).toEqual({ unit: unit.name, open, overdue });
    }
    expect((await scopeSummary(actorAt(tree.nation, "ADMIN"), NOW)).openPetitions).toBe(4);
    expect((await scopeSummary(actorAt(tree.nation, "ADMIN"), NOW)).overduePetitions).toBe(1);
  });

  it("counts units, teams, blocs and this month's meetings of the subtree, whether the nation is the only root or not", async () => {
    const author = await createUser(tree.communeA, "COMMUNE_SECRETARY");
    const populate = async (t: Tree) => {
      const team = await createOrganisation(t.villageA1, "TEAM", ["Nguyễn Văn Tổ"]);
      await createOrganisation(t.communeA, "BLOC", ["Phạm Văn Khối"]);
      await createOrganisation(t.villageA2, "TEAM", ["Lê Văn Cũ"], { dissolvedOn: new Date("2026-01-31") });
      for (const heldOn of ["2026-03-02", "2026-03-20", "2026-02-27", "2026-03-21"]) {
        await db.meeting.create({ data: { kind: "TEAM_MONTHLY", unitId: t.villageA1.id, organisationId: team.org.id, heldOn: new Date(heldOn), createdById: author.id } });
      }
    };
    /** The figures as the scope builders count them (lib/auth/scope.ts). */
    const scoped = async (unit: Tree["nation"]) => {
      const actor = actorAt(unit, "ADMIN");
      const current = { OR: [{ validTo: null }, { validTo: { gte: new Date("2026-03-20") } }] };
      const levels = await db.unit.groupBy({ by: ["level"], where: { AND: [unitWhereFor(actor), current, { id: { not: unit.id } }] }, _count: { _all: true } });
      const orgs = (kind: "TEAM" | "BLOC") => db.organisation.count({ where: { AND: [organisationWhereFor(actor), { kind, dissolvedOn: null }] } });
      return {
        unitsByLevel: Object.fromEntries(levels.map((l) => [l.level, l._count._all])),
        teams: await orgs("TEAM"),
        blocs: await orgs("BLOC"),
        meetingsThisMonth: await db.meeting.count({ where: { AND: [meetingWhereFor(actor), { heldOn: { gte: new Date("2026-03-01"), lte: new Date("2026-03-20") } }] } }),
      };
    };
    await populate(tree);
    // The nation is the database's only root: its subtree is every row.
    const alone = await scopeSummary(actorAt(tree.nation, "ADMIN"), NOW);
    expect(alone).toMatchObject({ ...(await scoped(tree.nation)), teams: 1, blocs: 1, meetingsThisMonth: 2 });
    expect(alone.unitsByLevel).toEqual({ PROVINCE: 1, DISTRICT: 2, COMMUNE: 2, VILLAGE: 3 });
    // A second tree: each nation counts its own.
    const other = await buildTree();
    await populate(other);
    for (const t of [tree, other]) expect(await scopeSummary(actorAt(t.nation, "ADMIN"), NOW)).toMatchObject(await scoped(t.nation));
    expect(await scopeSummary(actorAt(tree.nation, "ADMIN"), NOW)).toEqual(alone);
    expect(await scopeSummary(actorAt(tree.province, "PROVINCE_LEADER"), NOW)).toMatchObject(await scoped(tree.province));
  });

  it("counts again after any write to the units or the organisations, though it keeps its counts between them (decision 074)", async () => {
    const t = await buildTree();
    const actor = actorAt(t.province, "PROVINCE_LEADER");
    const first = await scopeSummary(actor, NOW);
    expect(await scopeSummary(actor, NOW)).toEqual(first);
    // A village added, by Prisma and by raw SQL: the unit tree's version moves on.
    await insertUnit(db, { parentId: t.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: `Thôn mới ${t.communeB.id}` });
    const afterVillage = await scopeSummary(actor, NOW);
    expect(afterVillage.unitsByLevel.VILLAGE).toBe((first.unitsByLevel.VILLAGE ?? 0) + 1);
    // A team founded, then dissolved by raw SQL (as a merger carries organisations over).
    const team = await createOrganisation(t.villageB1, "TEAM", ["Trần Văn Mới"]);
    expect((await scopeSummary(actor, NOW)).teams).toBe(first.teams + 1);
    await db.$executeRaw`UPDATE "Organisation" SET "dissolvedOn" = '2026-03-01' WHERE id = ${team.org.id}`;
    expect((await scopeSummary(actor, NOW)).teams).toBe(first.teams);
    // A village closed: not current any more.
    await db.$executeRaw`UPDATE "Unit" SET "validTo" = '2026-03-01' WHERE id = ${t.villageB1.id}`;
    expect((await scopeSummary(actor, NOW)).unitsByLevel.VILLAGE).toBe(first.unitsByLevel.VILLAGE);
  });

  it("reads the figures once for identical requests under way, and afresh for the next (decision 048)", async () => {
    const actor = actorAt(tree.province, "PROVINCE_LEADER");
    const [first, second] = await Promise.all([homeSummaryFor(actor), homeSummaryFor(actor)]);
    expect(second).toBe(first);
    const other = await homeSummaryFor(actorAt(tree.districtA, "DISTRICT_STAFF"));
    expect(other).not.toBe(first);
    const later = await homeSummaryFor(actor);
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
  });

  it("shows nothing to a role it does not know", async () => {
    const summary = await scopeSummary({ ...actorAt(tree.nation, "ADMIN"), duties: ["GUEST" as never] }, NOW);
    expect(summary).toMatchObject({ openPetitions: 0, overduePetitions: 0 });
  });
});
