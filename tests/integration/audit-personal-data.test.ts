/**
 * Issue 12, finding 9: every read that shows citizens' names writes one audit row of the
 * personal-data read (the list page, /api/v1/petitions, the detail, the edit page), and a read
 * that shows nothing (a 404, a role that sees masked names, a list of anonymous petitions)
 * writes none.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/petitions/route";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { getPetitionEditPage } from "@/lib/petitions/detail";
import { createPetition } from "@/lib/petitions/intake";
import { listPetitions, parsePetitionFilters } from "@/lib/petitions/list";
import { intakeSchema } from "@/lib/petitions/schemas";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

let tree: Tree;
let staff: Actor;
let leader: Actor;
let named: { id: number; code: string };
let anonymousInB: { id: number; code: string };

async function petition(actor: Actor, unitId: number, fieldId: number, name?: string) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(), receivedOn: "2026-03-02", channel: "HOTLINE", petitionerKind: name ? "PERSON" : "ANONYMOUS",
    ...(name ? { petitionerName: name } : {}), unitId: String(unitId), fieldId: String(fieldId), content: "Đề nghị sửa cống thoát nước bị tắc.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(actor, parsed.data);
}

const reads = (actor: Actor) => db.auditLog.findMany({ where: { action: "petition.personal-data.read", actorId: actor.userId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  tree = await buildTree();
  const fieldId = (await createField()).id;
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  const staffB = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
  leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  named = await petition(staff, tree.villageA1.id, fieldId, "Nguyễn Văn Đức");
  anonymousInB = await petition(staffB, tree.villageB1.id, fieldId);
});

describe("audit of personal-data reads", () => {
  it("the petition list that shows names writes one row with the ids shown", async () => {
    const before = (await reads(staff)).length;
    const page = await listPetitions(staff, parsePetitionFilters({}));
    expect(page.items.find((i) => i.id === named.id)?.petitionerName).toBe("Nguyễn Văn Đức");
    const rows = (await reads(staff)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "Petition", entityId: String(named.id), unitId: tree.districtA.id, data: { ids: [named.id], via: "list" } });
  });

  it("/api/v1/petitions that shows names writes one row, marked as the API's", async () => {
    const token = (await createToken(staff, { name: "thử", lifetime: 30 })).token;
    const before = (await reads(staff)).length;
    const res = await listRoute(new Request("http://localhost/api/v1/petitions", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) } as never);
    expect(res.status).toBe(200);
    const rows = (await reads(staff)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ data: { ids: [named.id], via: "api" } });
  });

  it("writes nothing when no name is shown: masked for the role, or only anonymous petitions", async () => {
    const page = await listPetitions(leader, parsePetitionFilters({}));
    expect(page.items.length).toBeGreaterThan(0);
    expect(await reads(leader)).toHaveLength(0);
    const staffB = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
    const onlyAnonymous = await listPetitions(staffB, parsePetitionFilters({}));
    expect(onlyAnonymous.items.map((i) => i.id)).toEqual([anonymousInB.id]);
    expect(await reads(staffB)).toHaveLength(0);
  });

  it("the edit page writes a read only when it shows the form, not on its 404", async () => {
    const before = (await reads(staff)).length;
    // Open: the form shows the name, one row.
    expect(await getPetitionEditPage(staff, named.id)).not.toBeNull();
    expect((await reads(staff)).slice(before)).toMatchObject([{ entityId: String(named.id), data: { via: "edit" } }]);
    // Closed: no edit step, the page is a 404, and nothing is written.
    await db.petition.update({ where: { id: named.id }, data: { status: "CLOSED" } });
    expect(await getPetitionEditPage(staff, named.id)).toBeNull();
    // Out of reach: 404 too.
    const staffB = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
    expect(await getPetitionEditPage(staffB, named.id)).toBeNull();
    expect((await reads(staff)).slice(before)).toHaveLength(1);
    expect(await reads(staffB)).toHaveLength(0);
  });
});
