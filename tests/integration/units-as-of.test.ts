import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isoDay, todayInVietnam } from "@/lib/time";
import { getUnitInScope, parseAsOf } from "@/lib/units/queries";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, type Tree } from "../support/factories";

let tree: Tree;

beforeAll(async () => {
  tree = await buildTree();
});

const ids = (unit: { children: { id: number }[] } | null) => unit!.children.map((c) => c.id);

describe("getUnitInScope with asOf", () => {
  it("lists the children valid on the day asked", async () => {
    const actor = actorAt(tree.districtA);
    const closed = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đã Đóng", validTo: new Date("2025-06-30T00:00:00Z") });
    const opened = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Mới Lập", validFrom: new Date("2025-07-01T00:00:00Z") });

    const past = await getUnitInScope(actor, tree.communeA.id, { asOf: new Date("2025-06-01T00:00:00Z") });
    expect(ids(past)).toContain(closed.id);
    expect(ids(past)).not.toContain(opened.id);
    expect(ids(past)).toContain(tree.villageA1.id);

    const today = await getUnitInScope(actor, tree.communeA.id, { asOf: todayInVietnam() });
    expect(ids(today)).not.toContain(closed.id);
    expect(ids(today)).toContain(opened.id);

    // the boundary days are inclusive
    expect(ids(await getUnitInScope(actor, tree.communeA.id, { asOf: new Date("2025-06-30T00:00:00Z") }))).toContain(closed.id);
    expect(ids(await getUnitInScope(actor, tree.communeA.id, { asOf: new Date("2025-07-01T00:00:00Z") }))).toContain(opened.id);

    // without a date: every child
    expect(ids(await getUnitInScope(actor, tree.communeA.id))).toEqual(expect.arrayContaining([closed.id, opened.id]));
  });

  it("marks the teams and blocs that existed on the day asked, as the coverage figures count them", async () => {
    const actor = actorAt(tree.districtA);
    const commune = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Có Tổ" });
    const village = await insertUnit(db, { parentId: commune.id, level: "VILLAGE", typeLabel: "Thôn", name: "Tổ Đã Giải Thể" });
    const later = await insertUnit(db, { parentId: commune.id, level: "VILLAGE", typeLabel: "Thôn", name: "Tổ Lập Sau" });
    const day = (s: string) => new Date(`${s}T00:00:00Z`);
    await db.organisation.create({ data: { unitId: village.id, kind: "TEAM", name: "Tổ dân vận cũ", establishedOn: day("2020-01-01"), dissolvedOn: day("2025-07-01") } });
    await db.organisation.create({ data: { unitId: later.id, kind: "TEAM", name: "Tổ dân vận mới", establishedOn: day("2025-09-01") } });
    await db.organisation.create({ data: { unitId: commune.id, kind: "BLOC", name: "Khối dân vận", establishedOn: day("2025-09-01") } });
    const marks = async (asOf: string) => {
      const unit = (await getUnitInScope(actor, commune.id, { asOf: day(asOf) }))!;
      return {
        bloc: unit.organisations.some((o) => o.kind === "BLOC"),
        teams: unit.children.filter((c) => c.organisations.some((o) => o.kind === "TEAM")).map((c) => c.id),
      };
    };
    expect(await marks("2025-06-30")).toEqual({ bloc: false, teams: [village.id] }); // the old team still stood, the new ones did not
    expect(await marks("2025-07-01")).toEqual({ bloc: false, teams: [] }); // dissolved that day, as coverage counts it
    expect(await marks("2025-09-01")).toEqual({ bloc: true, teams: [later.id] });
    expect(await marks(isoDay(todayInVietnam()))).toEqual({ bloc: true, teams: [later.id] });
  });

  it("shows successors and predecessors, marking those outside the actor's scope", async () => {
    const old = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Cũ", validTo: new Date("2025-06-30T00:00:00Z") });
    const effectiveOn = new Date("2025-07-01T00:00:00Z");
    await db.unitSuccession.createMany({
      data: [
        { predecessorId: old.id, successorId: tree.communeA.id, kind: "PARTIAL", effectiveOn },
        { predecessorId: old.id, successorId: tree.communeB.id, kind: "PARTIAL", effectiveOn },
      ],
    });
    const actor = actorAt(tree.districtA);
    const unit = await getUnitInScope(actor, old.id);
    expect(unit!.successors.map((s) => [s.unit.id, s.kind, s.unit.inScope])).toEqual([
      [tree.communeA.id, "PARTIAL", true],
      [tree.communeB.id, "PARTIAL", false],
    ]);
    const successor = await getUnitInScope(actor, tree.communeA.id);
    expect(successor!.predecessors.map((p) => [p.unit.id, p.unit.inScope])).toEqual([[old.id, true]]);
  });

  it("parses only real yyyy-mm-dd dates", () => {
    expect(parseAsOf("2025-06-01")).toEqual(new Date("2025-06-01T00:00:00Z"));
    expect(parseAsOf("2025-02-30")).toBeNull();
    expect(parseAsOf("hôm qua")).toBeNull();
    expect(parseAsOf(undefined)).toBeNull();
    expect(parseAsOf(["2025-06-01"])).toBeNull();
  });
});
