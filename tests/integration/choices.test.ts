/**
 * Large choices on demand (decision 029): /api/choices/units and /api/choices/agencies answer inside the
 * actor's reach, accent-insensitively, page after page until every match has been offered; and a page's
 * choice typed without JavaScript resolves to the best match.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as agenciesRoute } from "@/app/api/choices/agencies/route";
import { GET as unitsRoute } from "@/app/api/choices/units/route";
import { createToken } from "@/lib/api/tokens";
import type { Actor } from "@/lib/auth/actor";
import { agencyChoices, resolveAgencyChoice } from "@/lib/choices/agencies";
import type { ChoicePage } from "@/lib/choices/types";
import { resolveUnitChoice, unitChoices } from "@/lib/choices/units";
import { db } from "@/lib/db/client";
import { getPetitionPage } from "@/lib/petitions/detail";
import { insertUnit } from "@/lib/units/tree";
import { paramsFor } from "../support/arbitraries";
import { actorAt, buildTree, createField, createPetition, createUser, type Tree } from "../support/factories";

let tree: Tree;
let staffA: Actor;
let staffB: Actor;
let leader: Actor;
let tokenA: string;
const TODAY = new Date("2026-06-15T00:00:00Z");
const many: number[] = [];
const agencies: Record<string, number> = {};

const call = async (route: typeof unitsRoute, url: string, token: string) =>
  route(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
const ids = (page: ChoicePage) => page.items.map((i) => i.id);

beforeAll(async () => {
  tree = await buildTree();
  staffA = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  staffB = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
  leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  tokenA = (await createToken(staffA, { name: "Thử lựa chọn", lifetime: 30 })).token;
  // More villages of one name than a page holds: every one of them can still be reached.
  for (let i = 1; i <= 27; i++) many.push((await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Hòa Bình ${String(i).padStart(2, "0")}` })).id);
  await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Hòa Bình Cũ", validTo: new Date("2025-06-30T00:00:00Z") });
  for (const [key, unitId, name, active] of [
    ["landA", tree.districtA.id, "Phòng Tài nguyên và Môi trường huyện Lập Thạch", true],
    ["policeA", tree.districtA.id, "Công an huyện Lập Thạch", true],
    ["oldA", tree.districtA.id, "Phòng Địa chính huyện Lập Thạch (cũ)", false],
    ["landB", tree.districtB.id, "Phòng Tài nguyên và Môi trường huyện Vĩnh Tường", true],
    ["province", tree.province.id, "Sở Tài nguyên và Môi trường tỉnh", true],
  ] as const) {
    agencies[key] = (await db.agency.create({ data: { unitId, name, active } })).id;
  }
});

describe("unit choices", () => {
  it("find units by their name without accents, inside the actor's subtree only, with the path below the home unit", async () => {
    const page = await unitChoices(staffA, { q: "dong ich", limit: 20 }, { today: TODAY });
    expect(page.items).toEqual([{ id: tree.communeA.id, label: tree.communeA.typeLabel + " " + tree.communeA.name, detail: null }]);
    const village = await unitChoices(staffA, { q: "DINH", limit: 20 }, { today: TODAY });
    expect(village.items.find((i) => i.id === tree.villageA1.id)?.detail).toBe(`Xã ${tree.communeA.name}`);
    expect(ids(await unitChoices(staffA, { q: "tan tien", limit: 20 }, { today: TODAY }))).toEqual([]);
    expect(ids(await unitChoices(leader, { q: "tan tien", limit: 20 }, { today: TODAY }))).toEqual([tree.communeB.id]);
  });

  it("offer only the levels asked for (a cadre belongs to a commune or a village)", async () => {
    expect(ids(await unitChoices(staffA, { q: "hoa binh", limit: 50, levels: ["COMMUNE"] }, { today: TODAY }))).toEqual([]);
    expect(ids(await unitChoices(staffA, { q: "hoa binh", limit: 50, levels: ["VILLAGE"] }, { today: TODAY }))).toHaveLength(27);
    expect(ids(await unitChoices(staffA, { q: "", limit: 50, levels: ["COMMUNE", "VILLAGE"] }, { today: TODAY }))).toEqual([tree.communeA.id]);
    const res = await call(unitsRoute, "/api/choices/units?q=hoa&levels=VILLAGE,BOGUS", tokenA);
    expect(res.status).toBe(400);
  });

  it("before anything is typed: the home unit and the units right under it", async () => {
    const page = await unitChoices(leader, { q: "", limit: 20 }, { today: TODAY });
    expect(ids(page)).toEqual([tree.province.id, tree.districtA.id, tree.districtB.id]);
    expect(page.nextCursor).toBeNull();
  });

  it("page after page until every match has been offered: no cap leaves a unit out", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await unitChoices(staffA, { q: "hoa binh", limit: 10, cursor }, { today: TODAY });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([...many].sort((a, b) => a - b)); // the closed one is not offered
    // The first choices page through too (a province's districts, by name; the home unit on the first page).
    const first = await unitChoices(leader, { q: "", limit: 1 }, { today: TODAY });
    expect(ids(first)).toEqual([tree.province.id, tree.districtA.id]);
    const next = await unitChoices(leader, { q: "", limit: 1, cursor: first.nextCursor! }, { today: TODAY });
    expect(ids(next)).toEqual([tree.districtB.id]);
  });
});

describe("agency choices", () => {
  it("find active agencies the actor reaches (their district's and the province's), accents ignored", async () => {
    expect(ids(await agencyChoices(staffA, { q: "tai nguyen", limit: 20 }))).toEqual([agencies.landA, agencies.province]);
    expect(ids(await agencyChoices(staffA, { q: "", limit: 20 }))).toEqual([agencies.policeA, agencies.landA, agencies.province]);
    expect(ids(await agencyChoices(staffB, { q: "lap thach", limit: 20 }))).toEqual([]);
    expect(ids(await agencyChoices(leader, { q: "phong tai nguyen", limit: 20 }))).toEqual([agencies.landA, agencies.landB]);
    expect((await agencyChoices(staffA, { q: "cong an", limit: 20 })).items[0]).toEqual({ id: agencies.policeA, label: "Công an huyện Lập Thạch", detail: `Huyện ${tree.districtA.name}` });
    expect(ids(await agencyChoices({ ...staffA, duties: ["HACKER" as never] }, { q: "", limit: 20 }))).toEqual([]);
    // "%" and "_" are letters here, not patterns.
    expect(ids(await agencyChoices(staffA, { q: "%", limit: 20 }))).toEqual([]);
  });

  it("page by name", async () => {
    const first = await agencyChoices(leader, { q: "", limit: 3 });
    const second = await agencyChoices(leader, { q: "", limit: 3, cursor: first.nextCursor! });
    expect([...ids(first), ...ids(second)].sort()).toEqual([agencies.policeA, agencies.landA, agencies.landB, agencies.province].sort());
    expect(second.nextCursor).toBeNull();
  });
});

describe("assigning a petition", () => {
  it("offers the agencies of the petition's area (its district's and those above), not every agency the admin reaches", async () => {
    const admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
    const petition = await createPetition(tree.villageA1, admin.userId, (await createField()).id);
    const page = await getPetitionPage(admin, petition.id);
    expect(page?.steps).toContain("assign");
    expect(page!.agencies.map((a) => a.id).sort()).toEqual([agencies.landA, agencies.policeA, agencies.province].sort());
  });
});

describe("a page's choice typed without JavaScript", () => {
  it("an id alone is the choice when in reach, no choice otherwise", async () => {
    expect((await resolveUnitChoice(staffA, tree.communeA.id, null)).selected?.id).toBe(tree.communeA.id);
    expect((await resolveUnitChoice(staffA, tree.communeB.id, null)).selected).toBeNull();
    expect((await resolveAgencyChoice(staffA, agencies.landB, null)).selected).toBeNull();
    // A deactivated agency named by an old link is still the filter's choice.
    expect((await resolveAgencyChoice(staffA, agencies.oldA, null)).selected?.id).toBe(agencies.oldA);
  });

  it("text picks the best match and offers the others; the chosen label keeps the id; empty text clears", async () => {
    const typed = await resolveUnitChoice(staffA, undefined, "dong ich", { today: TODAY });
    expect(typed).toMatchObject({ selected: { id: tree.communeA.id }, text: "dong ich", others: [] });
    const several = await resolveUnitChoice(staffA, undefined, "hoa binh", { today: TODAY });
    expect(several.selected).not.toBeNull();
    expect(several.others).toHaveLength(10);
    const kept = await resolveUnitChoice(staffA, many[5], `Thôn Hòa Bình 06`);
    expect(kept).toEqual({ selected: expect.objectContaining({ id: many[5] }), text: null, others: [] });
    expect(await resolveUnitChoice(staffA, tree.communeA.id, "")).toEqual({ selected: null, text: null, others: [] });
    expect((await resolveUnitChoice(staffA, undefined, "tan tien")).selected).toBeNull();
    expect((await resolveAgencyChoice(staffA, undefined, "cong an")).selected?.id).toBe(agencies.policeA);
    expect((await resolveAgencyChoice(staffA, undefined, "\u0301")).selected).toBeNull();
  });
});

describe("the routes", () => {
  it("answer the token's user's reach; 400 for a bad page size or cursor", async () => {
    const ok = await call(unitsRoute, "/api/choices/units?q=dong%20ich", tokenA);
    expect(ok.status).toBe(200);
    expect((await ok.json()).items.map((i: { id: number }) => i.id)).toEqual([tree.communeA.id]);
    const outside = await call(unitsRoute, "/api/choices/units?q=tan%20tien", tokenA);
    expect(await outside.json()).toEqual({ items: [], nextCursor: null });
    const agency = await call(agenciesRoute, "/api/choices/agencies?q=vinh%20tuong", tokenA);
    expect(await agency.json()).toEqual({ items: [], nextCursor: null });
    expect((await call(agenciesRoute, "/api/choices/agencies?limit=0", tokenA)).status).toBe(400);
    expect((await call(unitsRoute, "/api/choices/units?cursor=WyJnYXJiYWdlIiwxXQ", tokenA)).status).toBe(400);
    expect((await call(agenciesRoute, "/api/choices/agencies?cursor=WzEsIngiXQ", tokenA)).status).toBe(400);
  });

  it("no query string gives a 500", async () => {
    await fc.assert(
      fc.asyncProperty(paramsFor(["q", "limit", "cursor", "levels"]), fc.boolean(), async (params, units) => {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(params)) for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) search.append(k, value);
        const res = await call(units ? unitsRoute : agenciesRoute, `/api/choices/${units ? "units" : "agencies"}?${search}`, tokenA);
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 80 },
    );
  });
});
