import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { normaliseUnitQuery, searchUnits } from "@/lib/units/search";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, type Tree } from "../support/factories";

let tree: Tree;
let townA: { id: number };
let bacLapThach: { id: number };
let villageLapThach: { id: number };
let closedCommune: { id: number };
let dongIchB: { id: number };

const TODAY = new Date("2026-06-15");

beforeAll(async () => {
  tree = await buildTree();
  townA = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Thị trấn", name: "Lập Thạch", code: "08761" });
  bacLapThach = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Bắc Lập Thạch", code: "08999" });
  villageLapThach = await insertUnit(db, { parentId: townA.id, level: "VILLAGE", typeLabel: "Tổ dân phố", name: "Lập Thạch Mới" });
  closedCommune = await insertUnit(db, {
    parentId: tree.districtA.id,
    level: "COMMUNE",
    typeLabel: "Xã",
    name: "Xuân Lôi",
    code: "08770",
    validTo: new Date("2025-06-30"),
  });
  // the same name in the other district: a district actor must never see it
  dongIchB = await insertUnit(db, { parentId: tree.districtB.id, level: "COMMUNE", typeLabel: "Xã", name: "Đồng Ích", code: "09999" });
});

describe("searchUnits", () => {
  it("matches without accents, in the actor's subtree, with the path from the home unit down", async () => {
    const actor = actorAt(tree.districtA);
    const hits = await searchUnits(actor, "dong ich", { today: TODAY });
    expect(hits.map((h) => h.id)).toEqual([tree.communeA.id]);
    expect(hits[0]).toMatchObject({ typeLabel: "Xã", name: tree.communeA.name, code: "08839", level: "COMMUNE" });
    expect(hits[0].path.map((p) => p.id)).toEqual([tree.districtA.id]);

    // accents, capitals and extra spaces in the query make no difference
    const same = await searchUnits(actor, "  ĐỒNG   Ích ", { today: TODAY });
    expect(same.map((h) => h.id)).toEqual([tree.communeA.id]);

    // a village carries its commune and district, nearest last
    const [village] = await searchUnits(actor, tree.villageA1.name, { today: TODAY });
    expect(village.id).toBe(tree.villageA1.id);
    expect(village.path.map((p) => p.id)).toEqual([tree.districtA.id, tree.communeA.id]);
    expect(village.path.map((p) => `${p.typeLabel} ${p.name}`)).toEqual([`Huyện ${tree.districtA.name}`, `Xã ${tree.communeA.name}`]);
  });

  it("requires every word, in any order, and puts names starting with the query first", async () => {
    const actor = actorAt(tree.districtA);
    const hits = await searchUnits(actor, "lap thach", { today: TODAY });
    expect(hits.map((h) => h.id)).toEqual([tree.districtA.id, townA.id, villageLapThach.id, bacLapThach.id]);
    expect(hits[0].path).toEqual([]); // the home unit itself

    const reversed = await searchUnits(actor, "thach lap", { today: TODAY });
    expect(reversed.map((h) => h.id).sort()).toEqual([tree.districtA.id, townA.id, villageLapThach.id, bacLapThach.id].sort());

    expect(await searchUnits(actor, "lap thach moi", { today: TODAY })).toHaveLength(1);
    expect(await searchUnits(actor, "lap khong-co", { today: TODAY })).toEqual([]);
    // the type label is part of the searched text
    const town = await searchUnits(actor, "thi tran lap", { today: TODAY });
    expect(town.map((h) => h.id)).toEqual([townA.id]);
  });

  it("never returns a unit of another district", async () => {
    const actorA = actorAt(tree.districtA);
    expect(await searchUnits(actorA, "vinh tuong", { today: TODAY })).toEqual([]);
    expect(await searchUnits(actorA, tree.villageB1.name, { today: TODAY })).toEqual([]);
    const dongIch = await searchUnits(actorA, "xa dong ich", { today: TODAY });
    expect(dongIch.map((h) => h.id)).not.toContain(dongIchB.id);

    const actorB = actorAt(tree.districtB);
    const fromB = await searchUnits(actorB, "dong ich", { today: TODAY });
    expect(fromB.map((h) => h.id)).toEqual([dongIchB.id]);
    expect(await searchUnits(actorB, "lap thach", { today: TODAY })).toEqual([]);

    // a province leader sees both, the shallower first; their path starts at the province
    const leader = actorAt(tree.province, "PROVINCE_LEADER");
    const both = await searchUnits(leader, "dong ich", { today: TODAY });
    expect(both.map((h) => h.id).sort()).toEqual([tree.communeA.id, dongIchB.id].sort());
    expect(both.find((h) => h.id === dongIchB.id)?.path.map((p) => p.id)).toEqual([tree.province.id, tree.districtB.id]);

    const stranger = { ...actorAt(tree.nation), duties: ["HACKER" as never] };
    expect(await searchUnits(stranger, "dong ich", { today: TODAY })).toEqual([]);
  });

  it("leaves closed units out unless asked, and filters by level", async () => {
    const actor = actorAt(tree.districtA);
    expect(await searchUnits(actor, "xuan loi", { today: TODAY })).toEqual([]);
    const withClosed = await searchUnits(actor, "xuan loi", { today: TODAY, includeClosed: true });
    expect(withClosed.map((h) => h.id)).toEqual([closedCommune.id]);
    expect(withClosed[0].validTo).not.toBeNull();
    // still current on its last day
    expect((await searchUnits(actor, "xuan loi", { today: new Date("2025-06-30") })).map((h) => h.id)).toEqual([closedCommune.id]);
    // the default "today" is Vietnam's, long past 2025
    expect(await searchUnits(actor, "xuan loi")).toEqual([]);

    const villages = await searchUnits(actor, "lap thach", { today: TODAY, level: "VILLAGE" });
    expect(villages.map((h) => h.id)).toEqual([villageLapThach.id]);
  });

  it("ignores empty and one-letter queries, trims long ones, caps the limit and takes wildcards literally", async () => {
    const actor = actorAt(tree.districtA);
    expect(await searchUnits(actor, "")).toEqual([]);
    expect(await searchUnits(actor, "   ")).toEqual([]);
    expect(await searchUnits(actor, "đ")).toEqual([]);
    expect(normaliseUnitQuery("a".repeat(150))).toHaveLength(100);
    expect(await searchUnits(actor, `lap thach ${"x".repeat(200)}`)).toEqual([]);
    expect(await searchUnits(actor, "%%")).toEqual([]);
    expect(await searchUnits(actor, "__")).toEqual([]);
    expect(await searchUnits(actor, "lap_thach")).toEqual([]);
    expect(await searchUnits(actor, "lap thach", { today: TODAY, limit: 2 })).toHaveLength(2);
    expect((await searchUnits(actor, "lap thach", { today: TODAY, limit: 2 })).map((h) => h.id)).toEqual([tree.districtA.id, townA.id]);
  });
});
