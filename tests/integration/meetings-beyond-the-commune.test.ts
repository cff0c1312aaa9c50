/**
 * Issue 15, part 2 (decision 053): a province or district logs its own conferences and briefings,
 * and staff at any level record field visits ("kiểm tra, đôn đốc") to the communes and villages in
 * their reach. Before this, meetings could only belong to a commune or a village, and a province
 * user got "not found" for every target.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isActionError, parseInput } from "@/lib/actions/result";
import { runFormAction } from "@/lib/actions/form-post";
import { getApiMeeting } from "@/lib/api/meetings";
import { db } from "@/lib/db/client";
import { insertUnit } from "@/lib/units/tree";
import { createMeeting, logMeeting } from "@/lib/meetings/create";
import { getMeetingPage } from "@/lib/meetings/detail";
import { listMeetings, parseMeetingFilters } from "@/lib/meetings/list";
import { newMeetingView } from "@/lib/meetings/new-page";
import { editMeeting } from "@/lib/meetings/edit";
import { meetingEditSchema, meetingSchema, type MeetingInput } from "@/lib/meetings/schemas";
import { complianceOf, monthPeriod } from "@/lib/meetings/compliance";
import { actorAt, buildTree, createOrganisation, createUser, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

let tree: Tree;
let provinceStaff: ReturnType<typeof actorAt>;
let provinceLeader: ReturnType<typeof actorAt>;
let districtStaff: ReturnType<typeof actorAt>;
let communeUser: ReturnType<typeof actorAt>;
let provinceCadres: { id: number }[];
let districtCadres: { id: number }[];

const NOW = new Date("2026-03-20T03:00:00Z");

async function cadresOf(unitId: number, names: string[]) {
  const out = [];
  for (const fullName of names) out.push(await db.cadre.create({ data: { fullName, searchName: fullName.toLowerCase(), unitId, position: "Chuyên viên" } }));
  return out;
}

beforeAll(async () => {
  tree = await buildTree();
  provinceStaff = actorAt(tree.province, ["READING", "DIRECTING", "MEETINGS"], (await createUser(tree.province, ["READING", "DIRECTING", "MEETINGS"])).id);
  provinceLeader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  districtStaff = actorAt(tree.districtA, ["PETITIONS", "ORGANISATION", "READING", "MEETINGS"], (await createUser(tree.districtA, ["PETITIONS", "ORGANISATION", "READING", "MEETINGS"])).id);
  communeUser = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  provinceCadres = await cadresOf(tree.province.id, ["Đỗ Thị Tỉnh", "Vũ Văn Ban"]);
  districtCadres = await cadresOf(tree.districtA.id, ["Ngô Văn Huyện", "Lý Thị Đoàn"]);
  await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn Tổ"]);
});

async function form(fields: Record<string, unknown>): Promise<MeetingInput> {
  const parsed = await parseInput(meetingSchema, { idempotencyKey: randomUUID(), heldOn: "2026-03-10", place: "Hội trường", chair: "Đỗ Thị Tỉnh", ...fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isActionError(error)) return error.code;
    throw error;
  }
}

describe("a province's own conferences and briefings", () => {
  it("are offered to province staff holding the meetings duty, on their own province only", async () => {
    const choose = await newMeetingView(provinceStaff, { kind: "CONFERENCE" }, NOW);
    expect(choose.step).toBe("choose");
    if (choose.step !== "choose") return;
    expect(choose.groups.flatMap((g) => g.options.map((o) => o.value))).toEqual([`unit:${tree.province.id}`]);
    const shown = await newMeetingView(provinceStaff, { kind: "CONFERENCE", target: `unit:${tree.province.id}` }, NOW);
    expect(shown.step).toBe("form");
    if (shown.step !== "form") return;
    // Attendance as meetings have: the province's own cadres.
    expect(shown.roster.map((r) => r.cadreId).sort()).toEqual(provinceCadres.map((c) => c.id).sort());
    expect(shown.raisedUnits).toEqual([]);
  });

  it("log a provincial conference with its attendance, listed with the province's meetings", async () => {
    const input = await form({ kind: "CONFERENCE", target: `unit:${tree.province.id}`, [`att.${provinceCadres[0].id}`]: "PRESENT", [`att.${provinceCadres[1].id}`]: "EXCUSED", minutes: "Hội nghị sơ kết công tác dân vận quý I." });
    const made = await createMeeting(provinceStaff, input, NOW);
    const m = await db.meeting.findUniqueOrThrow({ where: { id: made.id }, select: { kind: true, unitId: true, organisationId: true, visitorUnitId: true, attendances: { select: { cadreId: true, status: true } } } });
    expect(m).toMatchObject({ kind: "CONFERENCE", unitId: tree.province.id, organisationId: null, visitorUnitId: null });
    expect(m.attendances.map((a) => a.status).sort()).toEqual(["EXCUSED", "PRESENT"]);
    const list = await listMeetings(provinceStaff, parseMeetingFilters({ kind: "CONFERENCE" }));
    expect(list.items.map((i) => i.id)).toContain(made.id);
    const page = await getMeetingPage(provinceStaff, made.id);
    expect(page?.meeting.kind).toBe("CONFERENCE");
    // A briefing the same way.
    const briefing = await createMeeting(provinceStaff, await form({ kind: "BRIEFING", target: `unit:${tree.province.id}` }), NOW);
    expect(briefing.created).toBe(true);
  });

  it("are not found on a district, a commune, another province, or for a leader without the meetings duty", async () => {
    const other = await insertUnit(db, { parentId: tree.nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Khác ${randomUUID().slice(0, 6)}` });
    for (const unitId of [tree.districtA.id, tree.communeA.id, other.id]) {
      expect(await refusal(createMeeting(provinceStaff, await form({ kind: "CONFERENCE", target: `unit:${unitId}` }), NOW)), `unit ${unitId}`).toBe("NOT_FOUND");
    }
    // A commune holds its briefings as QUARTERLY_BRIEFING (they count for compliance), not as these kinds.
    expect(await refusal(createMeeting(communeUser, await form({ kind: "BRIEFING", target: `unit:${tree.communeA.id}` }), NOW))).toBe("NOT_FOUND");
    expect(await refusal(createMeeting(provinceLeader, await form({ kind: "CONFERENCE", target: `unit:${tree.province.id}` }), NOW))).toBe("NOT_FOUND");
    expect(await newMeetingView(communeUser, { kind: "CONFERENCE" }, NOW)).toMatchObject({ step: "choose", groups: [] });
  });

  it("a district logs its own, only on days it existed", async () => {
    await db.unit.update({ where: { id: tree.districtA.id }, data: { validTo: new Date("2026-03-31") } });
    try {
      const ok = await createMeeting(districtStaff, await form({ kind: "BRIEFING", target: `unit:${tree.districtA.id}`, heldOn: "2026-03-05" }), NOW);
      expect(ok.created).toBe(true);
      const late = await createMeeting(districtStaff, await form({ kind: "BRIEFING", target: `unit:${tree.districtA.id}`, heldOn: "2026-04-02" }), new Date("2026-04-03T03:00:00Z")).catch((e: unknown) => e);
      expect(isActionError(late) && late.code).toBe("INVALID_STATE");
    } finally {
      await db.unit.update({ where: { id: tree.districtA.id }, data: { validTo: null } });
    }
  });
});

describe("field visits (kiểm tra, đôn đốc)", () => {
  it("a district records a visit to a village: who went, what they found, what must follow", async () => {
    const choose = await newMeetingView(districtStaff, { kind: "FIELD_VISIT" }, NOW);
    if (choose.step !== "choose") throw new Error("choose");
    const offered = choose.groups.flatMap((g) => g.options.map((o) => o.value));
    expect(offered).toContain(`unit:${tree.villageA1.id}`);
    expect(offered).toContain(`unit:${tree.communeA.id}`);
    expect(offered).not.toContain(`unit:${tree.villageB1.id}`);
    const shown = await newMeetingView(districtStaff, { kind: "FIELD_VISIT", target: `unit:${tree.villageA1.id}` }, NOW);
    if (shown.step !== "form") throw new Error("form");
    // Who went: the visiting district's cadres, not the village team.
    expect(shown.roster.map((r) => r.cadreId).sort()).toEqual(districtCadres.map((c) => c.id).sort());

    const input = await form({
      kind: "FIELD_VISIT",
      target: `unit:${tree.villageA1.id}`,
      chair: "Ngô Văn Huyện",
      [`att.${districtCadres[0].id}`]: "PRESENT",
      guests: "Trần Văn Khách (Văn phòng Huyện ủy)",
      minutes: "Tổ dân vận sinh hoạt đều; sổ ghi chép chưa đầy đủ.",
      followUp: "Bổ sung sổ ghi chép sinh hoạt tổ.",
      followUpDueOn: "2026-04-15",
    });
    const made = await createMeeting(districtStaff, input, NOW);
    const m = await db.meeting.findUniqueOrThrow({ where: { id: made.id }, select: { kind: true, unitId: true, visitorUnitId: true, followUp: true, followUpDueOn: true, guests: true, attendances: { select: { cadreId: true, status: true } } } });
    expect(m).toMatchObject({ kind: "FIELD_VISIT", unitId: tree.villageA1.id, visitorUnitId: tree.districtA.id, followUp: "Bổ sung sổ ghi chép sinh hoạt tổ.", guests: "Trần Văn Khách (Văn phòng Huyện ủy)" });
    expect(m.followUpDueOn?.toISOString().slice(0, 10)).toBe("2026-04-15");
    // Only those who went are recorded.
    expect(m.attendances).toEqual([{ cadreId: districtCadres[0].id, status: "PRESENT" }]);

    // Listed for the visitors, for the visited commune, and on the visited village's list.
    for (const actor of [districtStaff, communeUser, provinceStaff]) {
      expect((await listMeetings(actor, parseMeetingFilters({ kind: "FIELD_VISIT" }))).items.map((i) => i.id), actor.username).toContain(made.id);
    }
    expect((await listMeetings(communeUser, parseMeetingFilters({ unit: String(tree.villageA1.id) }))).items.map((i) => i.id)).toContain(made.id);
    // The visitor's own list: the visits its staff made (linked from the unit's page).
    const byDistrict = await listMeetings(provinceStaff, parseMeetingFilters({ kind: "FIELD_VISIT", visitor: String(tree.districtA.id) }));
    expect(byDistrict.items.map((i) => i.id)).toContain(made.id);
    expect(byDistrict.items.every((i) => i.visitorName?.includes("Lập Thạch"))).toBe(true);
    const page = await getMeetingPage(communeUser, made.id);
    expect(page?.meeting.visitorUnitName).toContain("Lập Thạch");
    // The API says the same.
    expect(await getApiMeeting(communeUser, made.id)).toMatchObject({ kind: "FIELD_VISIT", visitor: { id: tree.districtA.id }, followUp: "Bổ sung sổ ghi chép sinh hoạt tổ.", followUpDueOn: "2026-04-15" });

    // It is not the team's monthly meeting: compliance and the rollups are as before, and equal a rebuild.
    const compliance = (await complianceOf([tree.communeA.id, tree.villageA1.id], monthPeriod(2026, 3))).get(tree.villageA1.id);
    expect(compliance?.teams).toEqual({ expected: 1, held: 0 });
    expect(await rebuiltRollupSnapshot()).toEqual(await rollupSnapshot());
  });

  it("a correction changes the follow-up of a visit, checked as when it was logged; other kinds keep none", async () => {
    const made = await createMeeting(districtStaff, await form({ kind: "FIELD_VISIT", target: `unit:${tree.villageA2.id}`, followUp: "Kiện toàn tổ dân vận." }), NOW);
    const edit = async (id: number, version: number, extra: Record<string, string>) => {
      const parsed = await parseInput(meetingEditSchema, { meetingId: String(id), version: String(version), heldOn: "2026-03-10", place: "Thôn", chair: "Ngô Văn Huyện", ...extra });
      return parsed;
    };
    const early = await edit(made.id, 0, { followUp: "Kiện toàn tổ", followUpDueOn: "2026-03-01" });
    expect(early.ok ? null : Object.keys(early.fieldErrors ?? {})).toEqual(["followUpDueOn"]);
    const ok = await edit(made.id, 0, { followUp: "Kiện toàn tổ dân vận trước 30/4.", followUpDueOn: "2026-04-30" });
    if (!ok.ok) throw new Error("edit");
    await editMeeting(districtStaff, ok.data, NOW);
    const after = await db.meeting.findUniqueOrThrow({ where: { id: made.id }, select: { followUp: true, followUpDueOn: true, version: true } });
    expect(after).toMatchObject({ followUp: "Kiện toàn tổ dân vận trước 30/4.", version: 1 });
    expect(after.followUpDueOn?.toISOString().slice(0, 10)).toBe("2026-04-30");
    // A conference posted with a follow-up keeps none.
    const conf = await createMeeting(provinceStaff, await form({ kind: "CONFERENCE", target: `unit:${tree.province.id}`, followUp: "Không thuộc hội nghị" }), NOW);
    const confEdit = await edit(conf.id, 0, { followUp: "Không thuộc hội nghị" });
    if (!confEdit.ok) throw new Error("edit");
    await editMeeting(provinceStaff, confEdit.data, NOW);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: conf.id }, select: { followUp: true } })).toEqual({ followUp: null });
  });

  it("a province visits a commune; nobody visits outside their reach or their own unit", async () => {
    const ok = await createMeeting(provinceStaff, await form({ kind: "FIELD_VISIT", target: `unit:${tree.communeB.id}` }), NOW);
    expect(ok.created).toBe(true);
    expect(await refusal(createMeeting(districtStaff, await form({ kind: "FIELD_VISIT", target: `unit:${tree.villageB1.id}` }), NOW))).toBe("NOT_FOUND");
    expect(await refusal(createMeeting(districtStaff, await form({ kind: "FIELD_VISIT", target: `unit:${tree.districtA.id}` }), NOW))).toBe("NOT_FOUND");
    expect(await refusal(createMeeting(communeUser, await form({ kind: "FIELD_VISIT", target: `unit:${tree.communeA.id}` }), NOW))).toBe("NOT_FOUND");
    // Field visits count who went: absent and excused mean nothing there.
    expect(await refusal(createMeeting(provinceStaff, await form({ kind: "FIELD_VISIT", target: `unit:${tree.communeB.id}`, [`att.${provinceCadres[0].id}`]: "ABSENT" }), NOW))).toBe("INVALID_STATE");
  });

  it("refuses a follow-up date before the visit, and a due date without a follow-up, on their fields", async () => {
    const before = await parseInput(meetingSchema, { idempotencyKey: randomUUID(), kind: "FIELD_VISIT", target: `unit:${tree.villageA1.id}`, heldOn: "2026-03-10", place: "Thôn", chair: "A", followUp: "Việc", followUpDueOn: "2026-03-01" });
    expect(before.ok ? null : Object.keys(before.fieldErrors ?? {})).toEqual(["followUpDueOn"]);
    const alone = await parseInput(meetingSchema, { idempotencyKey: randomUUID(), kind: "FIELD_VISIT", target: `unit:${tree.villageA1.id}`, heldOn: "2026-03-10", place: "Thôn", chair: "A", followUpDueOn: "2026-04-01" });
    expect(alone.ok ? null : Object.keys(alone.fieldErrors ?? {})).toEqual(["followUp"]);
  });

  it("any input to the action answers a field error, NOT_FOUND or a named refusal, never an internal error", async () => {
    const targets = [`unit:${tree.province.id}`, `unit:${tree.districtA.id}`, `unit:${tree.villageA1.id}`, `unit:${tree.villageB1.id}`, "unit:0", "unit:999999999", "org:1", "", "x"];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom("CONFERENCE", "BRIEFING", "FIELD_VISIT", "OTHER", "", "\u0000"),
          target: fc.constantFrom(...targets),
          heldOn: fc.constantFrom("2026-03-10", "2026-02-30", "9999-12-31", "", "10/03/2026"),
          followUp: fc.oneof(fc.string({ maxLength: 30 }), fc.constant("\u0000"), fc.constant("x".repeat(6000))),
          followUpDueOn: fc.constantFrom("", "2026-04-01", "2026-13-01", "0000-01-01", "2026-03-01"),
          att: fc.constantFrom("PRESENT", "ABSENT", "MAYBE", ""),
        }),
        fc.constantFrom(provinceStaff, districtStaff, communeUser),
        async (v, actor) => {
          const fields = new FormData();
          fields.set("idempotencyKey", randomUUID());
          fields.set("place", "Hội trường");
          fields.set("chair", "Người chủ trì");
          for (const [k, val] of Object.entries(v)) if (k !== "att") fields.set(k, val);
          fields.set(`att.${districtCadres[1].id}`, v.att);
          const result = await runFormAction(logMeeting, fields, actor);
          if (!result.ok) expect(["VALIDATION", "NOT_FOUND", "INVALID_STATE", "DUPLICATE"]).toContain(result.error);
        },
      ),
      { numRuns: 60 },
    );
  });
});
