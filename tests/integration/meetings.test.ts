import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import { createMeeting } from "@/lib/meetings/create";
import { editMeeting, unlockMeeting } from "@/lib/meetings/edit";
import { getMeetingPage } from "@/lib/meetings/detail";
import { listMeetings, parseMeetingFilters } from "@/lib/meetings/list";
import { meetingEditSchema, meetingSchema, type MeetingEditInput, type MeetingInput } from "@/lib/meetings/schemas";
import { actorAt, buildTree, createField, createOrganisation, createPetition, createUser, type Tree } from "../support/factories";

let tree: Tree;
let fieldId: number;
let secretary: ReturnType<typeof actorAt>;
let team: Awaited<ReturnType<typeof createOrganisation>>;
let openPetition: { id: number };

const NOW = new Date("2026-03-20T03:00:00Z");

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  const user = await createUser(tree.communeA, "COMMUNE_SECRETARY");
  secretary = actorAt(tree.communeA, "COMMUNE_SECRETARY", user.id);
  team = await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn Tổ", "Trần Thị Hai", "Lê Văn Ba"]);
  await createOrganisation(tree.communeA, "BLOC", ["Phạm Văn Khối"]);
  openPetition = await createPetition(tree.villageA1, user.id, fieldId);
});

/** The form as a browser sends it: attendance radios, raised rows, carried petitions. */
async function form(overrides: Record<string, unknown> = {}): Promise<MeetingInput> {
  const [head, second, third] = team.members;
  const fields: Record<string, unknown> = {
    idempotencyKey: randomUUID(),
    kind: "TEAM_MONTHLY",
    target: `org:${team.org.id}`,
    raisedUnitId: String(tree.villageA1.id),
    heldOn: "2026-03-15",
    place: "Nhà văn hóa thôn Đình",
    chair: "Nguyễn Văn Tổ",
    minutes: "Tổ thống nhất ra quân làm vệ sinh môi trường.",
    [`att.${head.id}`]: "PRESENT",
    [`att.${second.id}`]: "ABSENT",
    [`att.${third.id}`]: "EXCUSED",
    [`carry.${openPetition.id}`]: "on",
    "raised.0.content": "Đề nghị lắp đèn chiếu sáng đường trục thôn.",
    "raised.0.fieldId": String(fieldId),
    "raised.1.content": "Đề nghị nạo vét mương thoát nước khu dân cư.",
    "raised.1.fieldId": String(fieldId),
    "raised.1.petitionerName": "Hoàng Văn Nêu",
    "raised.2.content": "",
    "raised.2.fieldId": "",
    ...overrides,
  };
  // An override of undefined leaves the field out, as a form without it would.
  const parsed = await parseInput(meetingSchema, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

const noTeamAttendance = () => Object.fromEntries(team.members.map((m) => [`att.${m.id}`, undefined]));

describe("logging a meeting", () => {
  it("saves the meeting, its attendance, agenda and raised petitions in one go, audited", async () => {
    const input = await form();
    const result = await createMeeting(secretary, input, NOW);
    expect(result.created).toBe(true);
    expect(result.petitionIds).toHaveLength(2);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: result.id }, include: { attendances: true, agendaItems: true, raisedPetitions: { include: { events: true } } } });
    expect(meeting).toMatchObject({ kind: "TEAM_MONTHLY", organisationId: team.org.id, unitId: tree.villageA1.id, place: "Nhà văn hóa thôn Đình" });
    expect(meeting.attendances.map((a) => a.status).sort()).toEqual(["ABSENT", "EXCUSED", "PRESENT"]);
    expect(meeting.agendaItems.map((a) => a.petitionId)).toEqual([openPetition.id]);
    for (const p of meeting.raisedPetitions) {
      expect(p).toMatchObject({ channel: "TEAM_MEETING", status: "RECEIVED", unitId: tree.villageA1.id, receivedOn: new Date("2026-03-15") });
      expect(p.code).toMatch(/^246-2026-\d{5}$/);
      expect(p.events.map((e) => e.kind)).toEqual(["CREATED"]);
    }
    expect(meeting.raisedPetitions.find((p) => p.petitionerName === "Hoàng Văn Nêu")?.petitionerKind).toBe("PERSON");
    expect(await db.auditLog.count({ where: { action: "meeting.create", entityId: String(result.id) } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "petition.create", entityId: { in: result.petitionIds.map(String) } } })).toBe(2);

    const page = await getMeetingPage(secretary, result.id, NOW);
    expect(page?.attendance).toEqual({ present: 1, total: 3, rate: 1 / 3 });
  });

  it("makes one meeting and one petition per raised row from three concurrent submissions of one form", async () => {
    const input = await form();
    const before = await db.petition.count();
    const results = await Promise.all([createMeeting(secretary, input, NOW), createMeeting(secretary, input, NOW), createMeeting(secretary, input, NOW)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.meeting.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await db.petition.count()).toBe(before + 2);
    expect(results.every((r) => r.petitionIds.length === 2)).toBe(true);
    // …and again later, as a restored draft would send it.
    const again = await createMeeting(secretary, input, NOW);
    expect(again).toMatchObject({ id: results[0].id, created: false });
    expect(await db.petition.count()).toBe(before + 2);
  });

  it("leaves nothing behind when one raised petition fails", async () => {
    const before = { meetings: await db.meeting.count(), petitions: await db.petition.count(), audit: await db.auditLog.count() };
    const input = await form({ "raised.1.fieldId": "999999" });
    await expect(createMeeting(secretary, input, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect({ meetings: await db.meeting.count(), petitions: await db.petition.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it("refuses a team of another commune as not found, and a team for a bloc meeting", async () => {
    const other = await createOrganisation(tree.villageB1, "TEAM", ["Đỗ Văn Khác"]);
    await expect(createMeeting(secretary, await form({ target: `org:${other.org.id}`, ...noTeamAttendance() }), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createMeeting(secretary, await form({ kind: "BLOC" }), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const viewer = actorAt(tree.communeA, "VIEWER", secretary.userId);
    await expect(createMeeting(viewer, await form(), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("says in Vietnamese what is missing, row by row", async () => {
    const result = await parseInput(meetingSchema, { idempotencyKey: randomUUID(), kind: "TEAM_MONTHLY", target: "org:1", heldOn: "hôm qua", place: " ", "raised.0.content": "ngắn" });
    if (result.ok) throw new Error("should fail");
    expect(result.fieldErrors).toMatchObject({
      heldOn: expect.arrayContaining(["Vui lòng chọn ngày họp."]),
      place: ["Vui lòng nhập địa điểm họp."],
      chair: ["Vui lòng nhập người chủ trì."],
      "raised.0.content": ["Nội dung kiến nghị quá ngắn: vui lòng ghi rõ vụ việc (ít nhất 10 ký tự)."],
      "raised.0.fieldId": ["Vui lòng chọn lĩnh vực."],
    });
  });

  it("a quarterly briefing belongs to the commune, and its petitions come in as a conference's", async () => {
    const result = await createMeeting(
      secretary,
      await form({ kind: "QUARTERLY_BRIEFING", target: `unit:${tree.communeA.id}`, raisedUnitId: "", [`att.${team.members[1].id}`]: undefined, [`att.${team.members[2].id}`]: undefined, "raised.0.unitId": String(tree.villageA2.id), "raised.1.unitId": String(tree.villageA1.id) }),
      NOW,
    );
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: result.id }, include: { raisedPetitions: true, attendances: true } });
    expect(meeting).toMatchObject({ kind: "QUARTERLY_BRIEFING", organisationId: null, unitId: tree.communeA.id });
    expect(meeting.raisedPetitions.map((p) => p.channel)).toEqual(["CONFERENCE", "CONFERENCE"]);
    expect(meeting.raisedPetitions.map((p) => p.unitId).sort()).toEqual([tree.villageA1.id, tree.villageA2.id].sort());
    // The bloc's members and the village team's head are on the briefing's roster.
    expect(meeting.attendances).toHaveLength(2);
  });
});

describe("the meeting list", () => {
  it("filters by kind and unit, inside the actor's subtree, newest first in keyset pages", async () => {
    const mine = await listMeetings(secretary, parseMeetingFilters({ kind: "TEAM_MONTHLY", limit: "25" }));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((m) => m.kind === "TEAM_MONTHLY" && m.unitId === tree.villageA1.id)).toBe(true);
    const pages: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMeetings(secretary, { ...parseMeetingFilters({}), limit: 1, cursor });
      pages.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = await db.meeting.findMany({ where: { unit: { ancestorIds: { has: tree.communeA.id } } }, orderBy: [{ heldOn: "desc" }, { id: "desc" }], select: { id: true } });
    expect(pages).toEqual(all.map((m) => m.id));
    const outsider = actorAt(tree.communeB, "COMMUNE_SECRETARY", secretary.userId);
    expect((await listMeetings(outsider, parseMeetingFilters({}))).items).toEqual([]);
  });
});

describe("the meeting list, read by the subtree's units or along the tree", () => {
  const ids = async (actor: ReturnType<typeof actorAt>, params: Record<string, string>) => {
    const out: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMeetings(actor, { ...parseMeetingFilters(params), limit: 2, cursor });
      out.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };
  const expected = (unitId: number, dir: "asc" | "desc", kind?: "TEAM_MONTHLY") =>
    db.meeting
      .findMany({ where: { unit: { ancestorIds: { has: unitId } }, ...(kind ? { kind } : {}) }, orderBy: [{ heldOn: dir }, { id: dir }], select: { id: true } })
      .then((rows) => rows.map((r) => r.id));

  it("gives the same pages whichever way it reads", async () => {
    const district = actorAt(tree.districtA, "DISTRICT_STAFF");
    const province = actorAt(tree.province, "PROVINCE_LEADER");
    const all = await expected(tree.districtA.id, "desc");
    expect(all.length).toBeGreaterThan(1);
    // A district: its units' ids. A province: along the tree, or by a unit filter's ids.
    expect(await ids(district, {})).toEqual(all);
    expect(await ids(province, {})).toEqual(await expected(tree.province.id, "desc"));
    expect(await ids(province, { unit: String(tree.districtA.id) })).toEqual(all);
    expect(await ids(district, { dir: "asc", kind: "TEAM_MONTHLY" })).toEqual(await expected(tree.districtA.id, "asc", "TEAM_MONTHLY"));
    // A unit filter outside the actor's reach shows nothing.
    expect(await ids(actorAt(tree.districtB, "DISTRICT_STAFF"), { unit: String(tree.districtA.id) })).toEqual([]);
  });
});

describe("correcting a meeting", () => {
  let meetingId: number;
  let version: number;
  const edit = async (overrides: Record<string, unknown> = {}): Promise<MeetingEditInput> => {
    const parsed = await parseInput(meetingEditSchema, { meetingId: String(meetingId), version: String(version), heldOn: "2026-03-15", place: "Nhà văn hóa thôn Đình", chair: "Nguyễn Văn Tổ", minutes: "Biên bản đã sửa.", ...overrides });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return parsed.data;
  };

  beforeAll(async () => {
    const created = await createMeeting(secretary, await form({ "raised.0.content": "", "raised.0.fieldId": "", "raised.1.content": "", "raised.1.fieldId": "", "raised.1.petitionerName": "" }), NOW);
    meetingId = created.id;
    version = 0;
  });

  it("of two racing saves on one version, exactly one lands; the other is told", async () => {
    const results = await Promise.allSettled([
      editMeeting(secretary, await edit({ minutes: "Bản sửa thứ nhất." }), NOW),
      editMeeting(secretary, await edit({ minutes: "Bản sửa thứ hai." }), NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    const saved = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(saved.version).toBe(1);
    expect(["Bản sửa thứ nhất.", "Bản sửa thứ hai."]).toContain(saved.minutes);
    expect(await db.auditLog.count({ where: { action: "meeting.edit", entityId: String(meetingId) } })).toBe(1);
    version = saved.version;
  });

  it("records attendance changes and audits which fields changed", async () => {
    const [, second] = team.members;
    await editMeeting(secretary, await edit({ [`att.${second.id}`]: "PRESENT", place: "Hội trường thôn" }), NOW);
    const row = await db.meetingAttendance.findFirstOrThrow({ where: { meetingId, cadreId: second.id } });
    expect(row.status).toBe("PRESENT");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "meeting.edit", entityId: String(meetingId) }, orderBy: { id: "desc" } });
    expect(entry.data).toMatchObject({ changed: expect.arrayContaining(["place", "attendance"]) });
    version += 1;
  });

  it("is not found for another commune's secretary, and refused to the district's reader", async () => {
    const otherUser = await createUser(tree.communeB, "COMMUNE_SECRETARY");
    const other = actorAt(tree.communeB, "COMMUNE_SECRETARY", otherUser.id);
    await expect(editMeeting(other, await edit(), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getMeetingPage(other, meetingId, NOW)).toBeNull();
    const staff = actorAt(tree.districtA, "DISTRICT_STAFF", otherUser.id);
    await expect(editMeeting(staff, await edit(), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("locks seven days after it was logged; an admin's unlock opens it again", async () => {
    const later = new Date(NOW.getTime() + 8 * 86_400_000);
    await expect(editMeeting(secretary, await edit({ minutes: "Muộn." }), later)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await getMeetingPage(secretary, meetingId, later))?.edit).toBe("locked");
    await expect(unlockMeeting(secretary, { meetingId, confirm: "on" }, later)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const adminUser = await createUser(tree.nation, "ADMIN");
    await unlockMeeting(actorAt(tree.nation, "ADMIN", adminUser.id), { meetingId, confirm: "on" }, later);
    expect(await db.auditLog.count({ where: { action: "meeting.unlock", entityId: String(meetingId) } })).toBe(1);
    await editMeeting(secretary, await edit({ minutes: "Sửa sau khi mở khóa." }), later);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).minutes).toBe("Sửa sau khi mở khóa.");
  });
});
