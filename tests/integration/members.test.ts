import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { addMember, auditMemberPersonalDataRead, endMembership, getOrganisationPage } from "@/lib/organisations/members";
import { toSearchText } from "@/lib/text/search";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let staffA: Actor;
let teamA1: { id: number };
let teamB1: { id: number };
const TODAY = new Date("2026-06-15T00:00:00Z");
const day = (s: string) => new Date(`${s}T00:00:00Z`);

async function createCadre(unitId: number, fullName: string, endedOn: Date | null = null) {
  const name = `${fullName} ${uid()}`;
  return db.cadre.create({ data: { fullName: name, searchName: toSearchText(name), unitId, endedOn, phone: "0912345678", birthYear: 1975 } });
}

async function expectCode(promise: Promise<unknown>, code: ActionError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
}

beforeAll(async () => {
  tree = await buildTree();
  const user = await createUser(tree.districtA);
  staffA = actorAt(tree.districtA, "DISTRICT_STAFF", user.id);
  teamA1 = await db.organisation.create({ data: { kind: "TEAM", unitId: tree.villageA1.id, name: `Tổ dân vận Thôn ${tree.villageA1.name}` } });
  teamB1 = await db.organisation.create({ data: { kind: "TEAM", unitId: tree.villageB1.id, name: `Tổ dân vận Thôn ${tree.villageB1.name}` } });
});

describe("addMember", () => {
  it("adds a cadre of the village with an audit row, and the page lists them", async () => {
    const cadre = await createCadre(tree.villageA1.id, "Nguyễn Văn An");
    const added = await addMember(staffA, { organisationId: teamA1.id, cadreId: cadre.id, role: "MEMBER", representing: "VILLAGE_HEAD", termStart: day("2026-01-01") }, TODAY);
    const membership = await db.membership.findUniqueOrThrow({ where: { id: added.id } });
    expect(membership).toMatchObject({ organisationId: teamA1.id, cadreId: cadre.id, role: "MEMBER", representing: "VILLAGE_HEAD", termEnd: null });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "organisation.member.add", entityId: String(teamA1.id), actorId: staffA.userId } });
    expect(log.entity).toBe("Organisation");
    expect(log.data).toMatchObject({ membershipId: added.id, cadreId: cadre.id, role: "MEMBER" });

    const page = await getOrganisationPage(staffA, teamA1.id, TODAY);
    expect(page?.current.map((m) => m.cadreId)).toContain(cadre.id);
    expect(page?.candidates.map((c) => c.id)).not.toContain(cadre.id);
  });

  it("offers cadres of the village and of its commune, not of another commune nor former ones", async () => {
    const village = await createCadre(tree.villageA1.id, "Lê Thị Bình");
    const commune = await createCadre(tree.communeA.id, "Trần Văn Cường");
    const otherVillage = await createCadre(tree.villageA2.id, "Phạm Văn Dũng");
    const former = await createCadre(tree.villageA1.id, "Hoàng Văn Em", day("2025-01-01"));
    const page = await getOrganisationPage(staffA, teamA1.id, TODAY);
    const ids = page?.candidates.map((c) => c.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining([village.id, commune.id]));
    expect(ids).not.toContain(otherVillage.id);
    expect(ids).not.toContain(former.id);
  });

  it("refuses a second current membership of the same cadre", async () => {
    const cadre = await createCadre(tree.villageA1.id, "Đỗ Văn Giang");
    await addMember(staffA, { organisationId: teamA1.id, cadreId: cadre.id, role: "MEMBER", representing: "FARMERS_UNION", termStart: day("2026-01-01") }, TODAY);
    await expectCode(
      addMember(staffA, { organisationId: teamA1.id, cadreId: cadre.id, role: "DEPUTY", representing: "FARMERS_UNION", termStart: day("2026-02-01") }, TODAY),
      "DUPLICATE",
    );
    expect(await db.membership.count({ where: { organisationId: teamA1.id, cadreId: cadre.id } })).toBe(1);
  });

  it("a new head ends the old head's term the day before", async () => {
    const oldHead = await createCadre(tree.villageA1.id, "Vũ Văn Hải");
    const newHead = await createCadre(tree.communeA.id, "Bùi Thị Hoa");
    const first = await addMember(staffA, { organisationId: teamA1.id, cadreId: oldHead.id, role: "HEAD", representing: "PARTY_CELL_SECRETARY", termStart: day("2026-01-01") }, TODAY);
    const second = await addMember(staffA, { organisationId: teamA1.id, cadreId: newHead.id, role: "HEAD", representing: "PARTY_CELL_SECRETARY", termStart: day("2026-06-10") }, TODAY);
    expect(second.endedHeads).toBe(1);
    const old = await db.membership.findUniqueOrThrow({ where: { id: first.id } });
    expect(old.termEnd).toEqual(day("2026-06-09"));
    const page = await getOrganisationPage(staffA, teamA1.id, TODAY);
    const heads = page?.current.filter((m) => m.role === "HEAD") ?? [];
    expect(heads.map((m) => m.cadreId)).toEqual([newHead.id]);
    expect(page?.current[0].cadreId).toBe(newHead.id); // heads first
    expect(page?.past.map((m) => m.cadreId)).toContain(oldHead.id);
  });

  it("answers not found for an organisation outside the actor's district, and for a missing one", async () => {
    const cadre = await createCadre(tree.villageA1.id, "Ngô Văn Khánh");
    await expectCode(addMember(staffA, { organisationId: teamB1.id, cadreId: cadre.id, role: "MEMBER", representing: "OTHER", termStart: day("2026-01-01") }, TODAY), "NOT_FOUND");
    await expectCode(addMember(staffA, { organisationId: 987654321, cadreId: cadre.id, role: "MEMBER", representing: "OTHER", termStart: day("2026-01-01") }, TODAY), "NOT_FOUND");
    expect(await getOrganisationPage(staffA, teamB1.id, TODAY)).toBeNull();
  });

  it("answers not found for a cadre outside the actor's district", async () => {
    const outsider = await createCadre(tree.villageB1.id, "Đinh Văn Long");
    await expectCode(addMember(staffA, { organisationId: teamA1.id, cadreId: outsider.id, role: "MEMBER", representing: "OTHER", termStart: day("2026-01-01") }, TODAY), "NOT_FOUND");
    expect(await db.membership.count({ where: { cadreId: outsider.id } })).toBe(0);
  });

  it("refuses a cadre who has left", async () => {
    const former = await createCadre(tree.villageA1.id, "Mai Văn Minh", day("2025-12-31"));
    await expectCode(addMember(staffA, { organisationId: teamA1.id, cadreId: former.id, role: "MEMBER", representing: "OTHER", termStart: day("2026-01-01") }, TODAY), "INVALID_STATE");
  });

  it("refuses a viewer", async () => {
    const cadre = await createCadre(tree.villageA1.id, "Lý Văn Nam");
    const viewer = actorAt(tree.districtA, "VIEWER", staffA.userId);
    await expectCode(addMember(viewer, { organisationId: teamA1.id, cadreId: cadre.id, role: "MEMBER", representing: "OTHER", termStart: day("2026-01-01") }, TODAY), "NOT_FOUND");
  });
});

describe("endMembership", () => {
  it("ends a current membership with an audit row; it moves to the past members", async () => {
    const cadre = await createCadre(tree.villageA1.id, "Phan Thị Oanh");
    const added = await addMember(staffA, { organisationId: teamA1.id, cadreId: cadre.id, role: "DEPUTY", representing: "WOMENS_UNION", termStart: day("2026-01-01") }, TODAY);
    await endMembership(staffA, { membershipId: added.id, termEnd: day("2026-06-01") }, TODAY);
    const membership = await db.membership.findUniqueOrThrow({ where: { id: added.id } });
    expect(membership.termEnd).toEqual(day("2026-06-01"));
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "organisation.member.end", entityId: String(teamA1.id) } });
    expect(log.data).toMatchObject({ membershipId: added.id, termEnd: "2026-06-01" });
    const page = await getOrganisationPage(staffA, teamA1.id, TODAY);
    expect(page?.current.map((m) => m.id)).not.toContain(added.id);
    expect(page?.past.map((m) => m.id)).toContain(added.id);
    // ended already: not again
    await expectCode(endMembership(staffA, { membershipId: added.id, termEnd: day("2026-06-02") }, TODAY), "INVALID_STATE");
  });

  it("refuses an end before the start, and keeps the membership current", async () => {
    const cadre = await createCadre(tree.villageA1.id, "Tạ Văn Phúc");
    const added = await addMember(staffA, { organisationId: teamA1.id, cadreId: cadre.id, role: "MEMBER", representing: "YOUTH_UNION", termStart: day("2026-03-01") }, TODAY);
    await expectCode(endMembership(staffA, { membershipId: added.id, termEnd: day("2026-02-01") }, TODAY), "INVALID_STATE");
    expect((await db.membership.findUniqueOrThrow({ where: { id: added.id } })).termEnd).toBeNull();
  });

  it("answers not found for a membership of an organisation outside the actor's district", async () => {
    const cadre = await createCadre(tree.villageB1.id, "Cao Văn Quang");
    const membership = await db.membership.create({
      data: { organisationId: teamB1.id, cadreId: cadre.id, role: "MEMBER", representing: "OTHER", termStart: day("2026-01-01") },
    });
    await expectCode(endMembership(staffA, { membershipId: membership.id, termEnd: day("2026-06-01") }, TODAY), "NOT_FOUND");
    await expectCode(endMembership(staffA, { membershipId: 987654321, termEnd: day("2026-06-01") }, TODAY), "NOT_FOUND");
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).termEnd).toBeNull();
  });
});

describe("auditMemberPersonalDataRead", () => {
  it("writes one row naming the cadres shown and the organisation", async () => {
    await auditMemberPersonalDataRead(staffA, { id: teamA1.id, unitId: tree.villageA1.id }, [1, 2]);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.personal-data.read", data: { path: ["organisationId"], equals: teamA1.id } } });
    expect(log).toMatchObject({ entity: "Cadre", entityId: null, actorId: staffA.userId, unitId: tree.villageA1.id, data: { ids: [1, 2], via: "detail", organisationId: teamA1.id } });
  });
});
