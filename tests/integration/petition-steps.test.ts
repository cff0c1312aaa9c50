import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

let tree: Tree;
let fieldId: number;
let agencyId: number;
let staff: ReturnType<typeof actorAt>;
let otherStaff: ReturnType<typeof actorAt>;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id; // 15 working days
  agencyId = (await db.agency.create({ data: { unitId: tree.districtA.id, name: "Phòng Tài nguyên và Môi trường" } })).id;
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  otherStaff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
});

async function newPetition(receivedOn = "2026-03-02", unit = tree.villageA1) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn,
    channel: "LETTER",
    petitionerKind: "PERSON",
    petitionerName: "Lê Thị Mai",
    unitId: String(unit.id),
    fieldId: String(fieldId),
    content: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(staff, parsed.data);
}

async function step(actor: typeof staff, raw: Record<string, unknown>) {
  const parsed = await parseInput(stepSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return takeStep(actor, parsed.data);
}

describe("petition workflow steps", () => {
  it("follows a petition from receipt to a closed, settled, replied case, each step on the timeline", async () => {
    const { id } = await newPetition();
    let r = await step(staff, { petitionId: id, version: 0, step: "assign", agencyId });
    expect(r).toMatchObject({ status: "ASSIGNED", version: 1 });
    r = await step(staff, { petitionId: id, version: r.version, step: "start", note: "Đã xác minh thực địa" });
    r = await step(staff, { petitionId: id, version: r.version, step: "resolve", resolution: "SETTLED", note: "Đã cấp giấy chứng nhận" });
    r = await step(staff, { petitionId: id, version: r.version, step: "reply", replyText: "Đã trả lời bằng văn bản số 12", satisfaction: "SATISFIED" });
    expect(r.status).toBe("CLOSED");
    const petition = await db.petition.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(petition).toMatchObject({ resolution: "SETTLED", satisfaction: "SATISFIED", agencyId, replyText: "Đã trả lời bằng văn bản số 12" });
    expect(petition.events.map((e) => [e.kind, e.toStatus, e.actorId])).toEqual([
      ["CREATED", "RECEIVED", staff.userId],
      ["ASSIGNED", "ASSIGNED", staff.userId],
      ["STATUS_CHANGED", "IN_PROGRESS", staff.userId],
      ["STATUS_CHANGED", "RESOLVED", staff.userId],
      ["REPLIED", "CLOSED", staff.userId],
    ]);
    expect(petition.events[3].note).toBe("Đã cấp giấy chứng nhận");
    expect(await db.auditLog.count({ where: { entity: "Petition", entityId: String(id) } })).toBe(5);
  });

  it("sets the deadline in working days from receipt, across Tết", async () => {
    // Received Friday 13/02/2026; Tết takes 16–20/02, so the 15 working days run 23/02 … 13/03.
    const { id } = await newPetition("2026-02-13");
    await step(staff, { petitionId: id, version: 0, step: "assign", agencyId });
    const petition = await db.petition.findUniqueOrThrow({ where: { id } });
    expect(petition.dueOn?.toISOString().slice(0, 10)).toBe("2026-03-13");
  });

  it("refuses the second of two saves made from the same version, and keeps the first", async () => {
    const { id } = await newPetition();
    await step(staff, { petitionId: id, version: 0, step: "assign", agencyId });
    await expect(step(otherStaff, { petitionId: id, version: 0, step: "reject", note: "Không thuộc thẩm quyền" })).rejects.toMatchObject({ code: "CONFLICT" });
    const petition = await db.petition.findUniqueOrThrow({ where: { id } });
    expect(petition).toMatchObject({ status: "ASSIGNED", rejectionReason: null, version: 1 });
    // Racing: exactly one of two simultaneous saves lands.
    const results = await Promise.allSettled([
      step(staff, { petitionId: id, version: 1, step: "start" }),
      step(otherStaff, { petitionId: id, version: 1, step: "escalate", note: "Vượt thẩm quyền của huyện." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.petition.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    // The loser's timeline event and audit row went with its refused change.
    expect(await db.petitionEvent.count({ where: { petitionId: id } })).toBe(3);
    expect(await db.auditLog.count({ where: { entity: "Petition", entityId: String(id), action: { in: ["petition.start", "petition.escalate", "petition.reject"] } } })).toBe(1);
  });

  it("lets comments through whatever the version", async () => {
    const { id } = await newPetition();
    await step(staff, { petitionId: id, version: 0, step: "assign", agencyId });
    const r = await step(otherStaff, { petitionId: id, version: 0, step: "comment", note: "Đã gọi điện cho công dân" });
    expect(r).toMatchObject({ status: "ASSIGNED", version: 1 });
  });

  it("reopens a closed petition with a fresh deadline, and counts it", async () => {
    const { id } = await newPetition();
    let r = await step(staff, { petitionId: id, version: 0, step: "assign", agencyId });
    r = await step(staff, { petitionId: id, version: r.version, step: "resolve", resolution: "EXPLAINED", note: "Đã giải thích chính sách" });
    r = await step(staff, { petitionId: id, version: r.version, step: "reply", replyText: "Đã trả lời", satisfaction: "NOT_SATISFIED" });
    r = await step(staff, { petitionId: id, version: r.version, step: "reopen", note: "Công dân tiếp tục kiến nghị" });
    expect(r.status).toBe("ASSIGNED");
    const petition = await db.petition.findUniqueOrThrow({ where: { id } });
    expect(petition).toMatchObject({ reopenCount: 1, resolution: null, satisfaction: null, closedAt: null });
    expect(petition.dueOn).not.toBeNull();
  });

  it("merges a duplicate into the original, and refuses merging into itself", async () => {
    const original = await newPetition();
    const duplicate = await newPetition();
    await expect(step(staff, { petitionId: duplicate.id, version: 0, step: "merge", targetCode: duplicate.code })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await step(staff, { petitionId: duplicate.id, version: 0, step: "merge", targetCode: original.code });
    expect(await db.petition.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ status: "MERGED", mergedIntoId: original.id });
    // A merged petition takes no more steps but comments.
    await expect(step(staff, { petitionId: duplicate.id, version: 1, step: "assign", agencyId })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("answers not found outside the subtree, and refuses steps a role may not take", async () => {
    const { id } = await newPetition();
    const otherCommune = actorAt(tree.communeB, "COMMUNE_SECRETARY", (await createUser(tree.communeB, "COMMUNE_SECRETARY")).id);
    await expect(step(otherCommune, { petitionId: id, version: 0, step: "comment", note: "xem" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherDistrict = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
    await expect(step(otherDistrict, { petitionId: id, version: 0, step: "assign", agencyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ownCommune = actorAt(tree.communeA, "COMMUNE_SECRETARY", (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id);
    // A step whose permission the role lacks answers like a record out of reach (petition:update:subtree, lib/auth/roles.ts).
    await expect(step(ownCommune, { petitionId: id, version: 0, step: "assign", agencyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const role of ["VIEWER", "PROVINCE_LEADER"] as const) {
      const reader = actorAt(tree.province, role, (await createUser(tree.province, role)).id);
      await expect(step(reader, { petitionId: id, version: 0, step: "comment", note: "xem" }), role).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(step(reader, { petitionId: id, version: 0, step: "reject", note: "Không thuộc thẩm quyền." }), role).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // An agency of another district is not one this petition can go to.
    const foreign = await db.agency.create({ data: { unitId: tree.districtB.id, name: "Phòng Nội vụ" } });
    await expect(step(staff, { petitionId: id, version: 0, step: "assign", agencyId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.petition.findUniqueOrThrow({ where: { id } })).status).toBe("RECEIVED");
  });
});

describe("correcting a petition's details", () => {
  async function edit(actor: typeof staff, raw: Record<string, string>) {
    const { editSchema } = await import("@/lib/petitions/schemas");
    const { editPetition } = await import("@/lib/petitions/steps");
    const parsed = await parseInput(editSchema, raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return editPetition(actor, parsed.data);
  }
  const form = (id: number, version: number, over: Record<string, string> = {}) => ({
    petitionId: String(id), version: String(version), receivedOn: "2026-03-02", channel: "LETTER", petitionerKind: "PERSON",
    petitionerName: "Lê Thị Mai", fieldId: String(fieldId), content: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình.", ...over,
  });

  it("saves the changes on the version, names the changed fields on the timeline, and refuses a stale form", async () => {
    const { id } = await newPetition();
    const r = await edit(staff, form(id, 0, { petitionerName: "Lê Thị Mai Anh", content: "Đề nghị cấp sổ đỏ cho hộ gia đình bà Mai." }));
    expect(r.version).toBe(1);
    const petition = await db.petition.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(petition).toMatchObject({ petitionerName: "Lê Thị Mai Anh", petitionerSearch: "le thi mai anh" });
    expect(petition.searchText).toContain("so do");
    expect(petition.events.at(-1)).toMatchObject({ kind: "EDITED", data: { changed: ["petitionerName", "content"] } });
    await expect(edit(otherStaff, form(id, 0, { content: "Một nội dung khác hẳn, nhập sau." }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.petition.findUniqueOrThrow({ where: { id } })).content).toBe("Đề nghị cấp sổ đỏ cho hộ gia đình bà Mai.");
  });

  it("lets a commune secretary correct their own petition only until it is assigned", async () => {
    const secretaryUser = await createUser(tree.communeA, "COMMUNE_SECRETARY");
    const secretary = actorAt(tree.communeA, "COMMUNE_SECRETARY", secretaryUser.id);
    const parsed = await parseInput(intakeSchema, {
      idempotencyKey: randomUUID(), receivedOn: "2026-03-02", channel: "TEAM_MEETING", petitionerKind: "ANONYMOUS",
      unitId: String(tree.villageA1.id), fieldId: String(fieldId), content: "Đề nghị lắp đèn đường ngõ xóm.",
    });
    if (!parsed.ok) throw new Error("invalid");
    const { id } = await createPetition(secretary, parsed.data);
    await edit(secretary, form(id, 0, { petitionerKind: "ANONYMOUS", channel: "TEAM_MEETING", content: "Đề nghị lắp đèn đường ngõ xóm số 3." }));
    await step(staff, { petitionId: id, version: 1, step: "assign", agencyId });
    await expect(edit(secretary, form(id, 2, { petitionerKind: "ANONYMOUS", content: "Sửa lại lần nữa sau khi giao." }))).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("answers a reader (no petition:update:subtree, no petition:create:subtree) as if the petition were not there", async () => {
    const { id } = await newPetition();
    const viewer = actorAt(tree.province, "VIEWER", (await createUser(tree.province, "VIEWER")).id);
    await expect(edit(viewer, form(id, 0, { content: "Một người chỉ xem sửa nội dung." }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
