/**
 * Issue 15, part 4: the unit filter of /petitions and /meetings shows each commune under its own parent (its
 * district, or its province after the reform), for the units as they were on the day the filter shows. Before
 * the choice box (decision 029) the filter was one list of districts, then every commune, so all 39 communes of
 * the demo's Vĩnh Phúc sat under its last district, "Huyện Vĩnh Tường". The box shows each commune's own parent
 * on its line; what was left is the day: a list of 2024 must offer 2024's communes under 2024's districts, not
 * only today's units on today's tree.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as unitsRoute } from "@/app/api/choices/units/route";
import { createToken } from "@/lib/api/tokens";
import type { Actor } from "@/lib/auth/actor";
import type { ChoicePage } from "@/lib/choices/types";
import { resolveUnitChoice, unitChoices } from "@/lib/choices/units";
import { db } from "@/lib/db/client";
import { recordMerger } from "@/lib/units/merger/record";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";

const TODAY = new Date("2026-06-15T00:00:00Z");
const BEFORE = new Date("2025-03-01T00:00:00Z");
let tree: Tree;
let leader: Actor;
let token: string;
let merged: { id: number; typeLabel: string; name: string };

const full = (u: { typeLabel: string; name: string }) => `${u.typeLabel} ${u.name}`;
const lines = (page: ChoicePage) => page.items.map((i) => [i.label, i.detail]);

beforeAll(async () => {
  tree = await buildTree();
  leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  const admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  token = (await createToken(leader, { name: "Thử lựa chọn theo ngày", lifetime: 30 })).token;
  // The reform: district A's commune merges into a new commune directly under the province, and district A ends.
  merged = await insertUnit(db, { parentId: tree.province.id, level: "COMMUNE", typeLabel: "Xã", name: `Hợp Nhất ${tree.nation.id}`, code: "08770", validFrom: new Date("2025-07-01T00:00:00Z") });
  await recordMerger(admin, { predecessors: [{ id: tree.communeA.id, kind: "FULL" }], successor: { id: merged.id }, effectiveOn: new Date("2025-07-01T00:00:00Z") });
  await db.unit.update({ where: { id: tree.districtA.id }, data: { validTo: new Date("2025-06-30T00:00:00Z") } });
});

describe("the unit filter, as of the day it shows", () => {
  it("today: the new commune directly under the province, the other under its district, the closed one gone", async () => {
    const page = await unitChoices(leader, { q: "xa", limit: 20 }, { today: TODAY });
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        [full(merged), null],
        [full(tree.communeB), full(tree.districtB)],
      ]),
    );
    expect(page.items.map((i) => i.id)).not.toContain(tree.communeA.id);
    expect((await unitChoices(leader, { q: "", limit: 20 }, { today: TODAY })).items.map((i) => i.id)).toEqual([tree.province.id, merged.id, tree.districtB.id]);
  });

  it("on a day before the reform: each commune under its own district then, and no unit that did not exist yet", async () => {
    const page = await unitChoices(leader, { q: "xa", limit: 20 }, { today: BEFORE });
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        [full(tree.communeA), full(tree.districtA)],
        [full(tree.communeB), full(tree.districtB)],
      ]),
    );
    expect(page.items.map((i) => i.id)).not.toContain(merged.id);
    // A village that moved with the merger sits where it was on that day.
    const village = await unitChoices(leader, { q: tree.villageA1.name, limit: 20 }, { today: BEFORE });
    expect(lines(village)).toEqual([[full(tree.villageA1), `${full(tree.districtA)} › ${full(tree.communeA)}`]]);
    const now = await unitChoices(leader, { q: tree.villageA1.name, limit: 20 }, { today: TODAY });
    expect(lines(now)).toEqual([[full(tree.villageA1), full(merged)]]);
    // Before anything is typed: the province and its districts of that day.
    expect((await unitChoices(leader, { q: "", limit: 20 }, { today: BEFORE })).items.map((i) => i.id)).toEqual([tree.province.id, tree.districtA.id, tree.districtB.id]);
  });

  it("resolves text typed without JavaScript on the same day", async () => {
    const found = await resolveUnitChoice(leader, undefined, tree.communeA.name, { today: BEFORE });
    expect(found.selected).toMatchObject({ id: tree.communeA.id, detail: full(tree.districtA) });
    expect((await resolveUnitChoice(leader, undefined, tree.communeA.name, { today: TODAY })).selected).toBeNull();
  });

  it("takes the day as asOf on /api/choices/units, and refuses one that is not a day", async () => {
    const call = (query: string) =>
      unitsRoute(new Request(`http://localhost/api/choices/units?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const res = await call(`q=${encodeURIComponent(tree.communeA.name)}&asOf=2025-03-01`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as ChoicePage).items.map((i) => i.id)).toEqual([tree.communeA.id]);
    for (const bad of ["2025-02-30", "yesterday", "3025-01-01"]) expect((await call(`q=xa&asOf=${bad}`)).status).toBe(400);
  });
});
