import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPetitionRoute } from "@/app/api/v1/petitions/[id]/route";
import { GET as listRoute } from "@/app/api/v1/petitions/route";
import { parseInput } from "@/lib/actions/result";
import { createToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema } from "@/lib/petitions/schemas";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

let tree: Tree;
let staffToken: string;
let leaderToken: string;
let otherToken: string;
let inA: { id: number; code: string };
let inB: { id: number; code: string };

async function petition(actor: ReturnType<typeof actorAt>, unitId: number, fieldId: number) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(), receivedOn: "2026-03-02", channel: "HOTLINE", petitionerKind: "PERSON",
    petitionerName: "Nguyễn Văn Đức", unitId: String(unitId), fieldId: String(fieldId), content: "Đề nghị sửa cống thoát nước bị tắc.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(actor, parsed.data);
}

beforeAll(async () => {
  tree = await buildTree();
  const fieldId = (await createField()).id;
  const staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  const other = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
  const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  inA = await petition(staff, tree.villageA1.id, fieldId);
  inB = await petition(other, tree.villageB1.id, fieldId);
  staffToken = (await createToken(staff, { name: "thử", lifetime: 30 })).token;
  otherToken = (await createToken(other, { name: "thử", lifetime: 30 })).token;
  leaderToken = (await createToken(leader, { name: "thử", lifetime: 30 })).token;
});

const get = (route: typeof listRoute, url: string, token: string, params: Record<string, string> = {}) =>
  route(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) } as never);

describe("/api/v1/petitions", () => {
  it("lists the token user's subtree as { items, nextCursor }, with the unit given by its code", async () => {
    const res = await get(listRoute, "/api/v1/petitions?unit=246&limit=10", staffToken);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([inA.id]);
    expect(body.items[0]).toMatchObject({ code: inA.code, status: "RECEIVED", unitCode: "08839", petitionerName: "Nguyễn Văn Đức" });
    expect(body).toHaveProperty("nextCursor", null);
    // Another district's code is outside the subtree.
    expect((await get(listRoute, "/api/v1/petitions?unit=252", staffToken)).status).toBe(404);
    expect((await get(listRoute, "/api/v1/petitions?limit=500", staffToken)).status).toBe(400);
  });

  it("leaves the petitioner's name out for roles that may not see it", async () => {
    const body = await (await get(listRoute, "/api/v1/petitions?q=cong%20thoat%20nuoc", leaderToken)).json();
    expect(body.items).toHaveLength(2);
    for (const item of body.items) expect(item).not.toHaveProperty("petitionerName");
  });

  it("reads one petition with its timeline, and answers 404 out of scope", async () => {
    const reads = () => db.auditLog.count({ where: { action: "petition.personal-data.read", entityId: String(inA.id) } });
    const before = await reads();
    const res = await get(getPetitionRoute as typeof listRoute, `/api/v1/petitions/${inA.id}`, staffToken, { id: String(inA.id) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: inA.id, code: inA.code, timeline: [{ kind: "CREATED", to: "RECEIVED" }] });
    expect(await reads()).toBe(before + 1);
    const outside = await get(getPetitionRoute as typeof listRoute, `/api/v1/petitions/${inA.id}`, otherToken, { id: String(inA.id) });
    expect(outside.status).toBe(404);
    const own = await get(getPetitionRoute as typeof listRoute, `/api/v1/petitions/${inB.id}`, otherToken, { id: String(inB.id) });
    expect(own.status).toBe(200);
  });
});

// Issue 12, finding 7: these reached the database and answered 500. The route handlers are called
// directly, without proxy.ts, so each must hold on its own.
describe("/api/v1/petitions with malformed parameters", () => {
  const forge = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");

  it("answers 400 with a message for invalid filters and forged cursors, as its OpenAPI document says", async () => {
    for (const query of [
      "status=BOGUS",
      "channel=PIGEON",
      "from=2026-02-30",
      "from=0000-01-01",
      "to=9999-12-31",
      "field=2147483648",
      "agency=99999999999",
      "dueWithin=-1",
      "sort=nonsense",
      `cursor=${forge(["garbage", 1])}`,
      `cursor=${forge(["0000-01-01", 1])}`,
      `cursor=${forge(["2026-01-01", 1e10])}`,
      `sort=code&cursor=${forge(["a\u0000b", 1])}`,
      `sort=receivedOn&cursor=${forge([null, 1])}`,
    ]) {
      const res = await get(listRoute, `/api/v1/petitions?${query}`, staffToken);
      expect(res.status, query).toBe(400);
      expect((await res.json()).message, query).toMatch(/\S/);
    }
  });

  it("searches text with a NUL byte as the text without it, and takes a real cursor back", async () => {
    const res = await get(listRoute, `/api/v1/petitions?q=${encodeURIComponent("cong\u0000 thoat")}`, staffToken);
    expect(res.status).toBe(200);
    expect((await res.json()).items.map((i: { id: number }) => i.id)).toEqual([inA.id]);
    const dueCursor = await get(listRoute, `/api/v1/petitions?sort=dueOn&cursor=${forge([null, inA.id])}`, staffToken);
    expect(dueCursor.status).toBe(200);
  });

  it("answers 404 to ids past PostgreSQL's integer", async () => {
    for (const id of ["2147483648", "99999999999", "0", "1e3"]) {
      const res = await get(getPetitionRoute as typeof listRoute, `/api/v1/petitions/${id}`, staffToken, { id });
      expect(res.status, id).toBe(404);
    }
  });
});
