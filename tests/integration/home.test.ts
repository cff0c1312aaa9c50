import { beforeAll, describe, expect, it } from "vitest";
import { petitionWhereFor } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { scopeSummary } from "@/lib/home/queries";
import { actorAt, buildTree, createField, createPetition, createUser, type Tree } from "../support/factories";

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

  it("shows nothing to a role it does not know", async () => {
    const summary = await scopeSummary({ ...actorAt(tree.nation, "ADMIN"), role: "GUEST" as never }, NOW);
    expect(summary).toMatchObject({ openPetitions: 0, overduePetitions: 0 });
  });
});
