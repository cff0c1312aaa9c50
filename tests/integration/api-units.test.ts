import { beforeAll, describe, expect, it } from "vitest";
import { GET as getUnitRoute } from "@/app/api/v1/units/[code]/route";
import { GET as searchRoute } from "@/app/api/v1/units/route";
import { InvalidCursorError } from "@/lib/api/cursor";
import { createToken, revokeToken } from "@/lib/api/tokens";
import { getApiUnit, parseUnitRef, searchApiUnits, unitSearchQuery } from "@/lib/api/units";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";

let tree: Tree;
let staffA: Actor;
let oldCommune: { id: number };
let newCommune: { id: number };
const TODAY = new Date("2026-06-15T00:00:00Z");
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const code = (c: string) => ({ kind: "code" as const, code: c });

beforeAll(async () => {
  tree = await buildTree();
  staffA = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  await db.organisation.create({ data: { kind: "BLOC", unitId: tree.communeA.id, name: "Khối dân vận" } });
  await db.organisation.create({ data: { kind: "TEAM", unitId: tree.villageA1.id, name: "Tổ dân vận" } });
  await db.organisation.create({ data: { kind: "TEAM", unitId: tree.villageA2.id, name: "Tổ đã giải thể", dissolvedOn: day("2025-12-31") } });
  // a village closed by the reform: counted on days before, not after
  await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đã Nhập", validTo: day("2025-06-30") });
  // the 2025 reform reuses a code: the old commune closed, a new one with the same code opened
  oldCommune = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Cũ", code: "08850", validTo: day("2025-06-30") });
  newCommune = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Mới", code: "08850", validFrom: day("2025-07-01") });
});

describe("parseUnitRef", () => {
  it("reads an official code or id:<id>, and nothing else", () => {
    expect(parseUnitRef("246")).toEqual({ kind: "code", code: "246" });
    expect(parseUnitRef("id:42")).toEqual({ kind: "id", id: 42 });
    expect(parseUnitRef("id%3A42")).toEqual({ kind: "id", id: 42 });
    expect(parseUnitRef("id:")).toBeNull();
    expect(parseUnitRef("id:-1")).toBeNull();
    expect(parseUnitRef("24 6")).toBeNull();
    expect(parseUnitRef("%E0%A4%A")).toBeNull();
  });
});

describe("getApiUnit", () => {
  it("answers a district by code with its path and its children's counts on the day", async () => {
    const unit = await getApiUnit(staffA, code("246"), { asOf: TODAY });
    expect(unit).toMatchObject({ id: tree.districtA.id, code: "246", typeLabel: "Huyện", level: "DISTRICT", validTo: null, asOf: "2026-06-15" });
    expect(unit!.path).toEqual([{ id: tree.province.id, code: "26", name: tree.province.name, typeLabel: "Tỉnh", level: "PROVINCE" }]);
    const communeA = unit!.children.find((c) => c.id === tree.communeA.id);
    expect(communeA).toEqual({
      id: tree.communeA.id,
      code: "08839",
      name: tree.communeA.name,
      typeLabel: "Xã",
      level: "COMMUNE",
      childCount: 2,
      villageCount: 2,
      hasTeam: false,
      hasBloc: true,
    });
    // the commune closed by the reform is not a child today; the new one with its code is
    expect(unit!.children.map((c) => c.id)).toContain(newCommune.id);
    expect(unit!.children.map((c) => c.id)).not.toContain(oldCommune.id);
  });

  it("reads the tree as of a past day: closed units and their counts come back", async () => {
    const unit = await getApiUnit(staffA, code("246"), { asOf: day("2025-06-01") });
    expect(unit!.children.find((c) => c.id === tree.communeA.id)).toMatchObject({ childCount: 3, villageCount: 3 });
    expect(unit!.children.map((c) => c.id)).toContain(oldCommune.id);
    expect(unit!.children.map((c) => c.id)).not.toContain(newCommune.id);
  });

  it("a reused code names the unit valid on the day asked", async () => {
    expect((await getApiUnit(staffA, code("08850"), { asOf: TODAY }))?.id).toBe(newCommune.id);
    expect((await getApiUnit(staffA, code("08850"), { asOf: day("2025-06-30") }))?.id).toBe(oldCommune.id);
    expect(await getApiUnit(staffA, code("08850"), { asOf: day("2025-06-30") })).toMatchObject({ validTo: "2025-06-30", name: "Cũ" });
  });

  it("villages by id: the team of the day, no children, the path from the province down", async () => {
    const village = await getApiUnit(staffA, { kind: "id", id: tree.villageA1.id }, { asOf: TODAY });
    expect(village).toMatchObject({ id: tree.villageA1.id, code: null, level: "VILLAGE", children: [] });
    expect(village!.path.map((p) => p.id)).toEqual([tree.province.id, tree.districtA.id, tree.communeA.id]);
    const commune = await getApiUnit(staffA, code("08839"), { asOf: TODAY });
    expect(commune!.children.find((c) => c.id === tree.villageA1.id)).toMatchObject({ hasTeam: true, hasBloc: false, childCount: 0, villageCount: 0 });
    // the team dissolved at the end of 2025 is gone today, there the day before
    expect(commune!.children.find((c) => c.id === tree.villageA2.id)?.hasTeam).toBe(false);
    const before = await getApiUnit(staffA, code("08839"), { asOf: day("2025-12-30") }); // dissolvedOn is its first day gone
    expect(before!.children.find((c) => c.id === tree.villageA2.id)?.hasTeam).toBe(true);
  });

  it("a unit outside the actor's subtree is not found, by code or by id, even above it", async () => {
    expect(await getApiUnit(staffA, code("252"), { asOf: TODAY })).toBeNull();
    expect(await getApiUnit(staffA, code("09100"), { asOf: TODAY })).toBeNull();
    expect(await getApiUnit(staffA, code("26"), { asOf: TODAY })).toBeNull();
    expect(await getApiUnit(staffA, { kind: "id", id: tree.villageB1.id }, { asOf: TODAY })).toBeNull();
    expect(await getApiUnit(staffA, code("99999"), { asOf: TODAY })).toBeNull();
    // the province leader sees both districts
    const leader = actorAt(tree.province, "PROVINCE_LEADER");
    expect((await getApiUnit(leader, code("252"), { asOf: TODAY }))?.id).toBe(tree.districtB.id);
    const province = await getApiUnit(leader, code("26"), { asOf: TODAY });
    expect(province!.path).toEqual([]);
    expect(province!.children.find((c) => c.id === tree.districtA.id)).toMatchObject({ childCount: 2, villageCount: 2 });
  });
});

describe("searchApiUnits", () => {
  const search = (actor: Actor, raw: Record<string, string>) => searchApiUnits(actor, unitSearchQuery.parse(raw), { today: TODAY });

  it("finds without accents in scope, with the path from the province down", async () => {
    const page = await search(staffA, { q: "dong ich" });
    expect(page.items.map((i) => i.id)).toEqual([tree.communeA.id]);
    expect(page.items[0]).toMatchObject({ code: "08839", typeLabel: "Xã", level: "COMMUNE" });
    expect(page.items[0].path.map((p) => p.code)).toEqual(["26", "246"]);
    expect(page.nextCursor).toBeNull();
    expect((await search(staffA, { q: "tan tien" })).items).toEqual([]);
  });

  it("walks every match once, page by page, across both tiers of the order", async () => {
    for (const n of [1, 2, 3, 4]) await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Xóm", name: `Trại ${n}` });
    await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Bắc Trại" });
    await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Xóm", name: "Trại 9" }); // out of scope
    const all = await search(staffA, { q: "trai" });
    expect(all.items).toHaveLength(5);
    expect(all.items.at(-1)?.name).toBe("Bắc Trại"); // names starting with the query come first

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search(staffA, cursor ? { q: "trai", limit: "2", cursor } : { q: "trai", limit: "2" });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.items.map((i) => i.id));

    const villages = await search(staffA, { q: "trai", level: "COMMUNE" });
    expect(villages.items).toEqual([]);
  });

  it("refuses a short query, a bad level or limit, and a forged cursor", async () => {
    expect(unitSearchQuery.safeParse({ q: "đ" }).success).toBe(false);
    expect(unitSearchQuery.safeParse({}).success).toBe(false);
    expect(unitSearchQuery.safeParse({ q: "lap", level: "TOWN" }).success).toBe(false);
    expect(unitSearchQuery.safeParse({ q: "lap", limit: "201" }).success).toBe(false);
    await expect(search(staffA, { q: "trai", cursor: "bogus" })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

describe("the /api/v1/units routes with a bearer token", () => {
  const call = (route: typeof getUnitRoute, url: string, token: string | null, params: Record<string, string> = {}) =>
    route(new Request(`http://localhost${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
      params: Promise.resolve(params as { code: string }),
    });

  it("answers with the token's user's scope, 404 out of it, 401 once revoked", async () => {
    const made = await createToken(staffA, { name: "Thử route", lifetime: 30 });
    const ok = await call(getUnitRoute, "/api/v1/units/246", made.token, { code: "246" });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ code: "246", name: tree.districtA.name });
    expect(body.children.length).toBeGreaterThan(0);

    const outside = await call(getUnitRoute, "/api/v1/units/252", made.token, { code: "252" });
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ error: "not_found" });

    const badDate = await call(getUnitRoute, "/api/v1/units/246?asOf=2025-02-30", made.token, { code: "246" });
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).fieldErrors.asOf).toHaveLength(1);

    const found = await call(searchRoute as typeof getUnitRoute, "/api/v1/units?q=dong%20ich", made.token);
    expect(found.status).toBe(200);
    expect((await found.json()).items.map((i: { id: number }) => i.id)).toEqual([tree.communeA.id]);

    await revokeToken(staffA, { tokenId: made.id });
    const revoked = await call(getUnitRoute, "/api/v1/units/246", made.token, { code: "246" });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: "unauthenticated" });
  });

  it("a malformed Authorization header is refused, not replaced by a session", async () => {
    const res = await getUnitRoute(new Request("http://localhost/api/v1/units/246", { headers: { authorization: "Basic eDp5" } }), {
      params: Promise.resolve({ code: "246" }),
    });
    expect(res.status).toBe(401);
  });
});
