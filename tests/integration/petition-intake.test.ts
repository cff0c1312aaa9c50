import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import { createPetitionAction, type IntakeState } from "@/lib/petitions/actions";
import { createPetition } from "@/lib/petitions/intake";
import { villageChoices } from "@/lib/petitions/options";
import { insertUnit } from "@/lib/units/tree";
import { intakeSchema, type IntakeInput } from "@/lib/petitions/schemas";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

// The intake form's action runs with this actor as the session's (only the session is stood in for).
let currentActor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => currentActor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

let tree: Tree;
let fieldId: number;
let staff: ReturnType<typeof actorAt>;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  const user = await createUser(tree.districtA, "DISTRICT_STAFF");
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", user.id);
});

async function input(overrides: Record<string, unknown> = {}): Promise<IntakeInput> {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn: "2026-03-02",
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: "Nguyễn Văn Đức",
    petitionerPhone: "0912 345 678",
    petitionerAddress: "Thôn Đình",
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldId),
    content: "Đề nghị nạo vét kênh mương nội đồng trước vụ xuân.",
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

describe("petition intake", () => {
  it("creates the petition with a district code, a timeline event and an audit row", async () => {
    const result = await createPetition(staff, await input());
    expect(result.created).toBe(true);
    expect(result.code).toMatch(/^246-2026-\d{5}$/);
    const petition = await db.petition.findUniqueOrThrow({ where: { id: result.id }, include: { events: true } });
    expect(petition).toMatchObject({ status: "RECEIVED", petitionerPhone: "0912345678", unitId: tree.villageA1.id, createdById: staff.userId });
    expect(petition.searchText).toContain("nao vet kenh muong");
    expect(petition.searchText).not.toContain("nguyen");
    expect(petition.petitionerSearch).toBe("nguyen van duc 0912345678");
    expect(petition.events.map((e) => e.kind)).toEqual(["CREATED"]);
    expect(await db.auditLog.count({ where: { action: "petition.create", entityId: String(result.id) } })).toBe(1);
  });

  it("numbers codes in order per district and year", async () => {
    const a = await createPetition(staff, await input());
    const b = await createPetition(staff, await input());
    expect(Number(b.code.slice(-5))).toBe(Number(a.code.slice(-5)) + 1);
    const nextYear = await createPetition(staff, await input({ receivedOn: "2025-12-31" }));
    expect(nextYear.code).toMatch(/^246-2025-/);
  });

  it("makes exactly one petition from a resubmitted form, even when the two race", async () => {
    const same = await input();
    const first = await createPetition(staff, same);
    const again = await createPetition(staff, same);
    expect(again).toEqual({ ...first, created: false });

    const racing = await input();
    const results = await Promise.all([createPetition(staff, racing), createPetition(staff, racing), createPetition(staff, racing)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.petition.count({ where: { idempotencyKey: racing.idempotencyKey } })).toBe(1);
  });

  it("refuses a village outside the actor's subtree as not found, and saves nothing", async () => {
    const before = await db.petition.count();
    await expect(createPetition(staff, await input({ unitId: String(tree.villageB1.id) }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const secretaryUser = await createUser(tree.communeB, "COMMUNE_SECRETARY");
    const secretary = actorAt(tree.communeB, "COMMUNE_SECRETARY", secretaryUser.id);
    await expect(createPetition(secretary, await input())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.petition.count()).toBe(before);
    // In their own commune, a secretary may enter one.
    expect((await createPetition(secretary, await input({ unitId: String(tree.villageB1.id) }))).code).toMatch(/^252-2026-/);
  });

  it("refuses readers, a future date and an inactive field", async () => {
    const leader = actorAt(tree.province, "PROVINCE_LEADER", staff.userId);
    await expect(createPetition(leader, await input())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createPetition(staff, await input({ receivedOn: "2026-03-02" }), new Date("2026-03-01T10:00:00Z"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    const closed = await db.petitionField.create({ data: { code: `off-${randomUUID()}`, name: "Cũ", active: false } });
    await expect(createPetition(staff, await input({ fieldId: String(closed.id) }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps no personal data for an anonymous petition, and stores attachments", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 biên bản")], "bien-ban.pdf");
    const result = await createPetition(staff, await input({ petitionerKind: "ANONYMOUS", attachments: pdf }));
    const petition = await db.petition.findUniqueOrThrow({ where: { id: result.id }, include: { attachments: true } });
    expect(petition).toMatchObject({ petitionerName: null, petitionerPhone: null, petitionerAddress: null });
    expect(petition.attachments).toMatchObject([{ fileName: "bien-ban.pdf", mimeType: "application/pdf" }]);
  });
});

describe("intake form validation", () => {
  it("answers in Vietnamese, field by field", async () => {
    const result = await parseInput(intakeSchema, { idempotencyKey: "x", petitionerKind: "PERSON", petitionerPhone: "12", content: "ngắn" });
    if (result.ok) throw new Error("should fail");
    expect(result.fieldErrors).toMatchObject({
      receivedOn: ["Vui lòng chọn ngày tiếp nhận."],
      channel: ["Vui lòng chọn hình thức tiếp nhận."],
      petitionerPhone: ["Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."],
      unitId: ["Vui lòng chọn thôn, tổ dân phố nơi phát sinh vụ việc."],
      content: ["Nội dung quá ngắn: vui lòng ghi rõ vụ việc (ít nhất 10 ký tự)."],
    });
  });
});

describe("similar open petitions", () => {
  it("finds a look-alike in the same commune while typing, not elsewhere and not closed ones", async () => {
    const { findSimilarOpenPetitions } = await import("@/lib/petitions/similar");
    const text = "Đường bê tông thôn bị sạt lở sau mưa lớn, đề nghị sửa chữa gấp.";
    const near = await createPetition(staff, await input({ content: text, unitId: String(tree.villageA2.id) }));
    const closed = await createPetition(staff, await input({ content: text }));
    await db.petition.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    const found = await findSimilarOpenPetitions(staff, tree.villageA1.id, "duong be tong thon bi sat lo sau mua lon");
    expect(found.map((p) => p.id)).toEqual([near.id]);
    expect(await findSimilarOpenPetitions(staff, tree.villageB1.id, text)).toEqual([]);
    expect(await findSimilarOpenPetitions(staff, tree.villageA1.id, "trồng cây xanh ven hồ điều hòa")).toEqual([]);
  });
});

/** Posts the intake form as a browser does: the petition's id when it was saved (the action redirects), else the answer. */
async function postIntake(fields: Record<string, string>): Promise<{ petitionId: number } | { answer: IntakeState }> {
  const form = new FormData();
  const base = {
    idempotencyKey: randomUUID(), receivedOn: "2026-03-02", channel: "LETTER", petitionerKind: "PERSON", petitionerName: "Lê Thị Hạnh",
    fieldId: String(fieldId), content: "Đề nghị lắp đèn chiếu sáng đoạn đường qua khu dân cư.",
  };
  for (const [k, v] of Object.entries({ ...base, ...fields })) form.append(k, v);
  try {
    return { answer: await createPetitionAction(null, form) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    const id = /^NEXT_REDIRECT;[^;]*;\/petitions\/(\d+)\?created=1/.exec(digest)?.[1];
    if (!id) throw error;
    return { petitionId: Number(id) };
  }
}

describe("the intake form's place, chosen or typed (decisions 029, 033)", () => {
  let admin: Actor;
  let dongA: { id: number };
  let dongB: { id: number };
  let dongMai: { id: number };
  beforeAll(async () => {
    admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
    // The same village name in two communes, as names repeat across the country.
    dongA = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đông" });
    dongB = await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đông" });
    dongMai = await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đông Mai" });
  });

  it("lists a district's villages, and none past the limit: the form then searches them", async () => {
    const listed = await villageChoices(staff);
    expect(listed!.flatMap((g) => g.villages.map((v) => v.id)).sort()).toEqual([tree.villageA1.id, tree.villageA2.id, dongA.id].sort());
    expect(await villageChoices(admin, 3)).toBeNull();
    expect(await villageChoices(staff, 3)).not.toBeNull();
  });

  it("enters the petition at the village picked", async () => {
    currentActor = admin;
    const saved = await postIntake({ unitId: String(dongB.id) });
    if (!("petitionId" in saved)) throw new Error(JSON.stringify(saved.answer));
    expect((await db.petition.findUniqueOrThrow({ where: { id: saved.petitionId } })).unitId).toBe(dongB.id);
  });

  it("enters it at the one village the text typed names, and a commune after a comma narrows the name", async () => {
    currentActor = admin;
    const one = await postIntake({ unitId: "", unitIdText: tree.villageA1.name.toUpperCase() });
    if (!("petitionId" in one)) throw new Error(JSON.stringify(one.answer));
    expect((await db.petition.findUniqueOrThrow({ where: { id: one.petitionId } })).unitId).toBe(tree.villageA1.id);
    // "dong, tan tien": of Xã Tân Tiến's villages Đông and Đông Mai, the one named so, typed without accents.
    const narrowed = await postIntake({ unitId: "", unitIdText: `dong, tan tien ${tree.communeB.name.split(" ").pop()}` });
    if (!("petitionId" in narrowed)) throw new Error(JSON.stringify(narrowed.answer));
    expect((await db.petition.findUniqueOrThrow({ where: { id: narrowed.petitionId } })).unitId).toBe(dongB.id);
  });

  it("enters nothing for a name several villages share, and offers them with where each lies", async () => {
    currentActor = admin;
    const idempotencyKey = randomUUID();
    const result = await postIntake({ idempotencyKey, unitId: "", unitIdText: "Thôn Đông" });
    if (!("answer" in result)) throw new Error("saved");
    expect(result.answer).toMatchObject({ ok: false, error: "VALIDATION", morePlaces: false, values: { unitIdText: "Thôn Đông", petitionerName: "Lê Thị Hạnh" } });
    const answer = result.answer as Extract<IntakeState, { places: unknown }>;
    expect(answer.fieldErrors?.unitId?.[0]).toContain("Có nhiều thôn, tổ dân phố khớp với “Thôn Đông”");
    // Those named exactly first, then the others the words match.
    expect(answer.places.slice(0, 2).map((p) => p.id).sort()).toEqual([dongA.id, dongB.id].sort());
    expect(answer.places.map((p) => p.id)).toEqual(expect.arrayContaining([dongMai.id]));
    expect(answer.places).toHaveLength(3);
    expect(answer.places.find((p) => p.id === dongA.id)!.detail).toContain(tree.communeA.name);
    expect(await db.petition.count({ where: { idempotencyKey } })).toBe(0);
    // Ticking one of them (the radio button sends its id, the text stays) saves it there.
    const picked = await postIntake({ idempotencyKey, unitId: String(dongA.id), unitIdText: "Thôn Đông" });
    if (!("petitionId" in picked)) throw new Error(JSON.stringify(picked.answer));
    expect((await db.petition.findUniqueOrThrow({ where: { id: picked.petitionId } })).unitId).toBe(dongA.id);
  });

  it("finds nothing outside the actor's reach, and asks for a place when none is given", async () => {
    currentActor = actorAt(tree.districtA, "DISTRICT_STAFF", staff.userId);
    const outside = await postIntake({ unitId: "", unitIdText: tree.villageB1.name });
    if (!("answer" in outside)) throw new Error("saved");
    expect(outside.answer).toMatchObject({ ok: false, error: "VALIDATION", places: [] });
    expect((outside.answer as { fieldErrors: Record<string, string[]> }).fieldErrors.unitId[0]).toContain("Không tìm thấy");
    // Within the district, the same name typed finds its one village.
    const inside = await postIntake({ unitId: "", unitIdText: "dong" });
    if (!("petitionId" in inside)) throw new Error(JSON.stringify(inside.answer));
    expect((await db.petition.findUniqueOrThrow({ where: { id: inside.petitionId } })).unitId).toBe(dongA.id);
    const none = await postIntake({ unitId: "" });
    expect(none).toMatchObject({ answer: { ok: false, error: "VALIDATION", fieldErrors: { unitId: ["Vui lòng chọn thôn, tổ dân phố nơi phát sinh vụ việc."] } } });
  });
});
