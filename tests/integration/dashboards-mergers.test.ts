import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { parsePeriod } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema } from "@/lib/petitions/schemas";
import { placeVillage } from "@/lib/units/merger/placement";
import { recordMerger } from "@/lib/units/merger/record";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

// Commune A (villages A1, A2) is split on 1 July 2026 between communes X (code 08840) and Y (08841).
const JULY = new Date("2026-07-01T00:00:00Z");
const MAY = parsePeriod("2026-05-01", "2026-05-31");
let tree: Tree;
let admin: Actor;
let x: { id: number };
let y: { id: number };

async function petitionAt(unitId: number, receivedOn: string) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(), receivedOn, channel: "LETTER", petitionerKind: "ANONYMOUS",
    unitId: String(unitId), fieldId: String(field), content: "Phản ánh ô nhiễm từ cơ sở chăn nuôi.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(admin, parsed.data, new Date(`${receivedOn}T03:00:00Z`));
}
let field: number;

const received = async (unitId: number, view: "historical" | "restated") => (await dashboardFor(admin, unitId, MAY, view))!.kpis.received;

beforeAll(async () => {
  tree = await buildTree();
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  field = (await createField()).id;
  x = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Liễn Sơn", code: "08840" });
  y = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Xuân Lôi", code: "08841" });
  await petitionAt(tree.communeA.id, "2026-05-04"); // at the commune itself
  await petitionAt(tree.communeA.id, "2026-05-06");
  await petitionAt(tree.villageA1.id, "2026-05-07");
  await petitionAt(tree.villageA2.id, "2026-05-08");
  for (const successor of [x, y]) {
    await recordMerger(admin, { predecessors: [{ id: tree.communeA.id, kind: "PARTIAL" }], successor: { id: successor.id }, effectiveOn: JULY });
  }
});

describe("dashboards across a split commune (decision 005)", () => {
  it("restates the split commune's own records on the successor with the lowest code until villages are placed", async () => {
    expect(await received(x.id, "restated")).toBe(2);
    expect(await received(y.id, "restated")).toBe(0);
    // As the units were, May belongs to the old commune, with its villages.
    expect(await received(tree.communeA.id, "historical")).toBe(4);
    expect(await received(x.id, "historical")).toBe(0);
  });

  it("moves them to the successor that received most of the villages once they are placed; the past stays on the old commune", async () => {
    for (const village of [tree.villageA1, tree.villageA2]) {
      const { version } = await db.unit.findUniqueOrThrow({ where: { id: village.id } });
      await placeVillage(admin, { villageId: village.id, version, targetCommuneId: y.id });
    }
    expect(await received(y.id, "restated")).toBe(4);
    expect(await received(x.id, "restated")).toBe(0);
    expect((await dashboardFor(admin, y.id, MAY, "restated"))!.children.map((c) => c.unit.id).sort()).toEqual([tree.villageA1.id, tree.villageA2.id].sort());
    // The placement took effect with the split, so May is still the old commune's, villages included.
    const old = (await dashboardFor(admin, tree.communeA.id, MAY, "historical"))!;
    expect(old.kpis.received).toBe(4);
    expect(old.children.map((c) => c.unit.id).sort()).toEqual([tree.villageA1.id, tree.villageA2.id].sort());
    expect(await received(y.id, "historical")).toBe(0);
    // The district holds all four either way.
    expect(await received(tree.districtA.id, "historical")).toBe(4);
    expect(await received(tree.districtA.id, "restated")).toBe(4);
  });
});
