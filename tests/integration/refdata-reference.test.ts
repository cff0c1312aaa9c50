import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { agencyChoices } from "@/lib/choices/agencies";
import { createAgency, getAgencyPage, renameAgency, setAgencyActive } from "@/lib/petitions/reference/agencies";
import { createPetitionField, listPetitionFields, setPetitionFieldActive, updatePetitionField } from "@/lib/petitions/reference/fields";
import { createFieldSchema } from "@/lib/petitions/reference/schemas";
import { actorAt, buildTree, createPetition, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let admin: Actor;
let staffA: Actor;
let staffB: Actor;
let secretaryA: Actor;

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
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  staffA = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  staffB = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
  secretaryA = actorAt(tree.communeA, "COMMUNE_SECRETARY", (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id);
});

describe("petition fields", () => {
  it("adds a field with a code from its name, audited, and lists it with its petition count", async () => {
    const name = `Môi trường ${uid()}`;
    const created = await createPetitionField(admin, { name, defaultDeadlineDays: 20, sortOrder: 5 });
    const row = await db.petitionField.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name, defaultDeadlineDays: 20, sortOrder: 5, active: true });
    expect(row.code).toMatch(/^moi-truong-[0-9a-f]{8}$/);
    await createPetition(tree.villageA1, staffA.userId, row.id);
    const listed = (await listPetitionFields()).find((f) => f.id === row.id);
    expect(listed?.petitionCount).toBe(1);
    expect(await db.auditLog.count({ where: { action: "petition-field.create", entityId: String(row.id) } })).toBe(1);
  });

  it("refuses a duplicate name, accents and case ignored, on create and on edit", async () => {
    const s = uid();
    const a = await createPetitionField(admin, { name: `Đất đai ${s}`, defaultDeadlineDays: 15, sortOrder: 1 });
    await expectCode(createPetitionField(admin, { name: `dat DAI ${s}`, defaultDeadlineDays: 15, sortOrder: 1 }), "DUPLICATE");
    const b = await createPetitionField(admin, { name: `Xây dựng ${s}`, defaultDeadlineDays: 15, sortOrder: 2 });
    await expectCode(updatePetitionField(admin, { id: b.id, name: `Dat dai ${s}`, defaultDeadlineDays: 15, sortOrder: 2 }), "DUPLICATE");
    // Its own name, re-saved with other accents, is fine.
    await updatePetitionField(admin, { id: a.id, name: `Đất Đai ${s}`, defaultDeadlineDays: 30, sortOrder: 3 });
    expect(await db.petitionField.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ name: `Đất Đai ${s}`, defaultDeadlineDays: 30, sortOrder: 3 });
    expect(await db.auditLog.count({ where: { action: "petition-field.update", entityId: String(a.id) } })).toBe(1);
  });

  it("limits the default deadline to 1..MAX_DEADLINE_DAYS working days", () => {
    expect(createFieldSchema.safeParse({ name: "A", defaultDeadlineDays: "0", sortOrder: "0" }).success).toBe(false);
    expect(createFieldSchema.safeParse({ name: "A", defaultDeadlineDays: "201", sortOrder: "0" }).success).toBe(false);
    expect(createFieldSchema.safeParse({ name: "A", defaultDeadlineDays: "200", sortOrder: "0" }).success).toBe(true);
    expect(createFieldSchema.safeParse({ name: "  ", defaultDeadlineDays: "15", sortOrder: "0" }).success).toBe(false);
  });

  it("deactivates a field in use (it stays on its petitions) and reactivates it", async () => {
    const field = await createPetitionField(admin, { name: `Giao thông ${uid()}`, defaultDeadlineDays: 15, sortOrder: 9 });
    const petition = await createPetition(tree.villageA1, staffA.userId, field.id);
    await setPetitionFieldActive(admin, { id: field.id, active: false });
    expect((await db.petitionField.findUniqueOrThrow({ where: { id: field.id } })).active).toBe(false);
    expect((await db.petition.findUniqueOrThrow({ where: { id: petition.id } })).fieldId).toBe(field.id);
    await expectCode(setPetitionFieldActive(admin, { id: field.id, active: false }), "INVALID_STATE");
    await setPetitionFieldActive(admin, { id: field.id, active: true });
    expect(await db.auditLog.count({ where: { entity: "PetitionField", entityId: String(field.id), action: { in: ["petition-field.deactivate", "petition-field.reactivate"] } } })).toBe(2);
  });

  it("refuses a non-admin, and an unknown field, as not found", async () => {
    await expectCode(createPetitionField(staffA, { name: `X ${uid()}`, defaultDeadlineDays: 15, sortOrder: 0 }), "NOT_FOUND");
    await expectCode(updatePetitionField(admin, { id: 999_999, name: `X ${uid()}`, defaultDeadlineDays: 15, sortOrder: 0 }), "NOT_FOUND");
    await expectCode(setPetitionFieldActive(staffA, { id: 1, active: false }), "NOT_FOUND");
  });
});

describe("agencies", () => {
  it("a district user adds an agency for their district; it is offered when assigning in the district and its communes", async () => {
    const name = `Phòng Tài nguyên và Môi trường ${uid()}`;
    const created = await createAgency(staffA, { name, unitId: tree.districtA.id });
    expect(await db.agency.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ name, unitId: tree.districtA.id, active: true });
    expect((await agencyChoices(staffA, { q: "", limit: 50 })).items.map((a) => a.id)).toContain(created.id);
    expect((await agencyChoices(secretaryA, { q: "", limit: 50 })).items.map((a) => a.id)).toContain(created.id);
    expect((await agencyChoices(staffB, { q: "", limit: 50 })).items.map((a) => a.id)).not.toContain(created.id);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "agency.create", entityId: String(created.id) } });
    expect(log).toMatchObject({ actorId: staffA.userId, unitId: tree.districtA.id });
  });

  it("refuses a duplicate name in the same unit, accents ignored, but not in another unit", async () => {
    const s = uid();
    await createAgency(staffA, { name: `Công an huyện ${s}`, unitId: tree.districtA.id });
    await expectCode(createAgency(staffA, { name: `cong an HUYEN ${s}`, unitId: tree.districtA.id }), "DUPLICATE");
    await createAgency(staffB, { name: `Công an huyện ${s}`, unitId: tree.districtB.id });
    const other = await createAgency(staffA, { name: `Phòng Nội vụ ${s}`, unitId: tree.districtA.id });
    await expectCode(renameAgency(staffA, { id: other.id, name: `Cong an huyen ${s}` }), "DUPLICATE");
  });

  it("keeps a district user to their own unit; an admin chooses a unit in the subtree", async () => {
    await expectCode(createAgency(staffA, { name: `Phòng ${uid()}`, unitId: tree.districtB.id }), "NOT_FOUND");
    await expectCode(createAgency(staffA, { name: `Phòng ${uid()}`, unitId: tree.province.id }), "NOT_FOUND");
    await expectCode(createAgency(staffA, { name: `Phòng ${uid()}`, unitId: tree.communeA.id }), "NOT_FOUND");
    await expectCode(createAgency(secretaryA, { name: `Phòng ${uid()}`, unitId: tree.communeA.id }), "NOT_FOUND");
    const provincial = await createAgency(admin, { name: `Sở Xây dựng ${uid()}`, unitId: tree.province.id });
    expect((await db.agency.findUniqueOrThrow({ where: { id: provincial.id } })).unitId).toBe(tree.province.id);
    // The province's agency serves the district, read-only there.
    const page = await getAgencyPage(staffA);
    expect(page?.above.map((a) => a.id)).toContain(provincial.id);
    expect(page?.own.map((a) => a.id)).not.toContain(provincial.id);
    expect(page?.canManage).toBe(true);
    await expectCode(renameAgency(staffA, { id: provincial.id, name: `Khác ${uid()}` }), "NOT_FOUND");
    await expectCode(setAgencyActive(staffA, { id: provincial.id, active: false }), "NOT_FOUND");
  });

  it("answers not found for a unit or an agency out of scope", async () => {
    const agencyB = await createAgency(staffB, { name: `Phòng Kinh tế ${uid()}`, unitId: tree.districtB.id });
    expect(await getAgencyPage(staffA, tree.districtB.id)).toBeNull();
    expect(await getAgencyPage(staffA, tree.communeA.id)).not.toBeNull();
    await expectCode(renameAgency(staffA, { id: agencyB.id, name: `Đổi ${uid()}` }), "NOT_FOUND");
    await expectCode(setAgencyActive(staffA, { id: agencyB.id, active: false }), "NOT_FOUND");
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencyB.id } })).active).toBe(true);
    // A commune secretary reads but does not manage.
    const page = await getAgencyPage(secretaryA);
    expect(page?.canManage).toBe(false);
    expect(page?.above.map((a) => a.id)).not.toContain(agencyB.id);
  });

  it("renames and deactivates: a deactivated agency leaves the assign list but stays on its petitions", async () => {
    const agency = await createAgency(staffA, { name: `Phòng Giáo dục ${uid()}`, unitId: tree.districtA.id });
    const field = await createPetitionField(admin, { name: `Giáo dục ${uid()}`, defaultDeadlineDays: 15, sortOrder: 0 });
    const petition = await createPetition(tree.villageA1, staffA.userId, field.id);
    await db.petition.update({ where: { id: petition.id }, data: { agencyId: agency.id, status: "ASSIGNED" } });
    const newName = `Phòng Giáo dục và Đào tạo ${uid()}`;
    await renameAgency(staffA, { id: agency.id, name: newName });
    await setAgencyActive(staffA, { id: agency.id, active: false });
    expect((await agencyChoices(staffA, { q: "", limit: 50 })).items.map((a) => a.id)).not.toContain(agency.id);
    const kept = await db.petition.findUniqueOrThrow({ where: { id: petition.id }, include: { agency: true } });
    expect(kept.agency?.name).toBe(newName);
    const page = await getAgencyPage(staffA);
    expect(page?.own.find((a) => a.id === agency.id)).toMatchObject({ active: false, petitionCount: 1 });
    await expectCode(setAgencyActive(staffA, { id: agency.id, active: false }), "INVALID_STATE");
    await setAgencyActive(staffA, { id: agency.id, active: true });
    expect((await agencyChoices(staffA, { q: "", limit: 50 })).items.map((a) => a.id)).toContain(agency.id);
    const actions = (await db.auditLog.findMany({ where: { entity: "Agency", entityId: String(agency.id) }, orderBy: { id: "asc" } })).map((l) => l.action);
    expect(actions).toEqual(["agency.create", "agency.rename", "agency.deactivate", "agency.reactivate"]);
  });
});
