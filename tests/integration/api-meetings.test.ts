import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMeetingRoute } from "@/app/api/v1/meetings/[id]/route";
import { GET as listRoute } from "@/app/api/v1/meetings/route";
import { parseInput } from "@/lib/actions/result";
import { createToken } from "@/lib/api/tokens";
import { createMeeting } from "@/lib/meetings/create";
import { meetingSchema } from "@/lib/meetings/schemas";
import { actorAt, buildTree, createField, createOrganisation, createUser, type Tree } from "../support/factories";

let tree: Tree;
let tokenA: string;
let tokenB: string;
let meetingA: number;
let meetingB: number;

async function log(actor: ReturnType<typeof actorAt>, teamId: number, villageId: number, memberId: number, fieldId: number, heldOn: string) {
  const parsed = await parseInput(meetingSchema, {
    idempotencyKey: randomUUID(), kind: "TEAM_MONTHLY", target: `org:${teamId}`, raisedUnitId: String(villageId), heldOn,
    place: "Nhà văn hóa", chair: "Chủ trì", [`att.${memberId}`]: "PRESENT",
    "raised.0.content": "Đề nghị sửa cống thoát nước bị tắc.", "raised.0.fieldId": String(fieldId),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return (await createMeeting(actor, parsed.data, new Date("2026-03-20T03:00:00Z"))).id;
}

beforeAll(async () => {
  tree = await buildTree();
  const fieldId = (await createField()).id;
  const secretaryA = actorAt(tree.communeA, "COMMUNE_SECRETARY", (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id);
  const secretaryB = actorAt(tree.communeB, "COMMUNE_SECRETARY", (await createUser(tree.communeB, "COMMUNE_SECRETARY")).id);
  const teamA = await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn A"]);
  const teamB = await createOrganisation(tree.villageB1, "TEAM", ["Trần Văn B"]);
  meetingA = await log(secretaryA, teamA.org.id, tree.villageA1.id, teamA.members[0].id, fieldId, "2026-03-10");
  await log(secretaryA, teamA.org.id, tree.villageA1.id, teamA.members[0].id, fieldId, "2026-02-10");
  meetingB = await log(secretaryB, teamB.org.id, tree.villageB1.id, teamB.members[0].id, fieldId, "2026-03-11");
  tokenA = (await createToken(secretaryA, { name: "thử", lifetime: 30 })).token;
  tokenB = (await createToken(secretaryB, { name: "thử", lifetime: 30 })).token;
});

const get = (route: typeof listRoute, url: string, token: string, params: Record<string, string> = {}) =>
  route(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) } as never);

describe("/api/v1/meetings", () => {
  it("lists the user's subtree as { items, nextCursor }, filtered by unit code, kind and period, in pages", async () => {
    const res = await get(listRoute, "/api/v1/meetings?unit=08839&kind=TEAM_MONTHLY&limit=1", tokenA);
    expect(res.status).toBe(200);
    const first = await res.json();
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ id: meetingA, kind: "TEAM_MONTHLY", heldOn: "2026-03-10", present: 1, expected: 1, raisedPetitions: 1 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await get(listRoute, `/api/v1/meetings?unit=08839&limit=1&cursor=${first.nextCursor}`, tokenA)).json();
    expect(second.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(["2026-02-10"]);
    expect(second.nextCursor).toBeNull();
    const march = await (await get(listRoute, "/api/v1/meetings?from=2026-03-01&to=2026-03-31", tokenA)).json();
    expect(march.items.map((i: { id: number }) => i.id)).toEqual([meetingA]);
    // Another commune's code is outside the subtree; bad parameters are a 400.
    expect((await get(listRoute, "/api/v1/meetings?unit=09100", tokenA)).status).toBe(404);
    expect((await get(listRoute, "/api/v1/meetings?kind=PARTY", tokenA)).status).toBe(400);
    expect((await get(listRoute, "/api/v1/meetings?cursor=nonsense", tokenA)).status).toBe(400);
  });

  it("reads one meeting with attendance and raised petitions, and answers 404 to another commune", async () => {
    const res = await get(getMeetingRoute as typeof listRoute, `/api/v1/meetings/${meetingA}`, tokenA, { id: String(meetingA) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: meetingA, attendance: { present: 1, total: 1, rate: 1 }, raisedPetitions: [{ status: "RECEIVED" }] });
    expect((await get(getMeetingRoute as typeof listRoute, `/api/v1/meetings/${meetingA}`, tokenB, { id: String(meetingA) })).status).toBe(404);
    expect((await get(getMeetingRoute as typeof listRoute, `/api/v1/meetings/${meetingB}`, tokenB, { id: String(meetingB) })).status).toBe(200);
  });
});
