/**
 * The server actions' probes: for each exported action of the registry (./authz-registry.ts),
 * the form fields of one call, with the record it acts on made fresh for the call in a given
 * unit. Shared by the authorisation matrix of actions (tests/integration/authz-actions.test.ts)
 * and the query-plan test (tests/integration/query-plans.test.ts).
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { issueLink } from "@/lib/agency-links/links";
import { db } from "@/lib/db/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { FIXTURE_JSON, fixtureBytes } from "@/lib/units/catalogue/fixtures";
import { insertUnit } from "@/lib/units/tree";
import type { GoodPracticeStatus, PeriodicReportStatus } from "@/lib/generated/prisma/enums";
import { parseReportPeriod } from "@/lib/periodic-reports/period";
import { templateFor } from "@/lib/periodic-reports/template";
import type { ActionRow } from "./authz-registry";
import type { Outcome, Seat } from "./authz-matrix";
import { createField, createPetition, createUser, uid } from "./factories";

export type UnitRow = Awaited<ReturnType<typeof insertUnit>>;
export type ActionFn = (prev: null, formData: FormData) => Promise<unknown>;

export interface Case {
  seat: Seat;
  actor: Actor;
  /** The seat's own unit, always inside reach. */
  home: UnitRow;
  /** The unit the record is made in, by relation. */
  unit: UnitRow;
  /** A petition field, and a user who makes the records the seats act on (a meeting's author is never the seat). */
  fieldId: number;
  authorId: number;
}

/** The form fields for one call, made fresh for it (records are made in `c.unit`). */
export type Probe = (c: Case) => Promise<Record<string, string | File | string[]>>;

let codes = 0;
/** Units with official codes (a petition's code is made from its district's or province's); one below a closed unit closed with it. */
export const unit = (parent: UnitRow | null, level: UnitLevel, typeLabel: string, name = `${typeLabel} ${uid()}`) =>
  insertUnit(db, {
    parentId: parent?.id ?? null,
    level,
    typeLabel,
    name,
    code: level === "NATION" || level === "VILLAGE" ? undefined : `9${String(++codes).padStart(4, "0")}${uid()}`,
    validTo: parent?.validTo ?? undefined,
  });
/** A commune to act on: the unit itself when it is one, else a new one right below it. */
const communeAt = async (u: UnitRow) => (u.level === "COMMUNE" ? u : unit(u, "COMMUNE", "Xã"));
const villageAt = (u: UnitRow) => unit(u, "VILLAGE", "Thôn");
/**
 * Where a record that only communes and villages hold (a cadre, a petition's place) lies for a
 * relation: the unit itself when it is one, else a new commune right below it (still inside, or
 * still outside, the seat's reach exactly as the unit is).
 */
const localAt = async (u: UnitRow): Promise<UnitRow> => {
  if (u.level === "COMMUNE" || u.level === "VILLAGE") return u;
  // Communes lie in a province (directly, since 2025, or in a district), never right under the nation.
  return unit(u.level === "NATION" ? await unit(u, "PROVINCE", "Tỉnh") : u, "COMMUNE", "Xã");
};
const cadreAt = (u: UnitRow) => db.cadre.create({ data: { fullName: "Lê Văn Tâm", searchName: "le van tam", unitId: u.id, gender: "MALE" } });
/**
 * A petition in `c.unit` assigned to an agency, as the assign step leaves it: the petition's columns and the
 * agency's link (decision 063), made whatever the seat.
 */
async function assignedAt(c: Case) {
  const petition = await createPetition(c.unit, c.authorId, c.fieldId);
  const agency = await db.agency.create({ data: { name: `Phòng ${uid()}`, unitId: c.unit.id } });
  const assignedAt = new Date();
  await db.petition.update({ where: { id: petition.id }, data: { agencyId: agency.id, assignedAt, status: "ASSIGNED", dueOn: new Date("2026-03-23"), version: 1 } });
  await issueLink(db, { petitionId: petition.id, agencyId: agency.id, assignedAt, dueOn: new Date("2026-03-23"), issuedById: c.authorId }, assignedAt);
  return { id: petition.id, version: 1 };
}

let reportPeriods = 0;
/** A periodic report of `c.unit` in a status, each for a period of its own, going to the unit's parent (decision 066). */
async function reportAt(c: Case, status: PeriodicReportStatus) {
  const n = reportPeriods++;
  const key = `${2000 + (Math.floor(n / 12) % 100)}-${String((n % 12) + 1).padStart(2, "0")}`;
  const period = parseReportPeriod(key)!;
  const template = await templateFor(db, c.unit, "MONTH");
  return db.periodicReport.create({
    data: {
      unitId: c.unit.id,
      periodKind: "MONTH",
      period: key,
      periodFrom: new Date(`${period.from}T00:00:00Z`),
      periodTo: new Date(`${period.to}T00:00:00Z`),
      dueOn: new Date(`${period.to}T00:00:00Z`),
      templateId: template.id,
      approverUnitId: c.unit.parentId ?? c.unit.id,
      status,
      narrative: {},
      figures: { received: 0 },
      figuresAt: new Date(),
      submittedAt: status === "SUBMITTED" ? new Date() : null,
      createdById: c.authorId,
    },
  });
}

/** A unit has one team: the one already there, else a new one. */
const teamAt = async (u: UnitRow) =>
  (await db.organisation.findFirst({ where: { unitId: u.id, kind: "TEAM" } })) ?? db.organisation.create({ data: { kind: "TEAM", unitId: u.id, name: `Tổ dân vận ${uid()}` } });
const meetingAt = async (u: UnitRow, authorId: number) => {
  const team = await teamAt(u);
  return db.meeting.create({ data: { kind: "TEAM_MONTHLY", organisationId: team.id, unitId: u.id, heldOn: new Date("2026-03-05"), place: "Nhà văn hoá", chair: "Nguyễn Văn An", createdById: authorId } });
};
const on = "on";
/** A unit in `u` that a merger closed on 30/6/2025 into a standing one beside it (decision 055). */
const closedInto = async (u: UnitRow, kind: "FULL" | "PARTIAL") => {
  const successor = await localAt(u);
  const old = await unit(successor, "VILLAGE", "Thôn");
  await db.unit.update({ where: { id: old.id }, data: { validTo: new Date("2025-06-30T00:00:00Z") } });
  await db.unitSuccession.create({ data: { predecessorId: old.id, successorId: successor.id, kind, effectiveOn: new Date("2025-07-01T00:00:00Z") } });
  return { old, successor };
};

/** A "Dân vận khéo" model of `c.unit` in a status (decision 076), made by the author. */
const modelAt = (c: Case, status: GoodPracticeStatus, more: Partial<{ effective: boolean; recognitionLevel: "COMMUNE" | "DISTRICT" | "PROVINCE" }> = {}) =>
  db.goodPracticeModel.create({
    data: { unitId: c.unit.id, field: "ECONOMY", year: 2026, title: "Mô hình thử", description: "Thử", inCharge: "Nguyễn Văn An", searchText: "mo hinh thu", status, registeredOn: new Date("2026-03-02"), createdById: c.authorId, ...more },
  });
/** The recognition level a seat stands at (a nation's user recognises at province level). */
const seatLevel = (c: Case) => (c.actor.unit.level === "COMMUNE" ? "COMMUNE" : c.actor.unit.level === "DISTRICT" ? "DISTRICT" : "PROVINCE");
/** A small PNG: evidence as a browser sends it. */
const png = () => new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])], "anh.png", { type: "image/png" });

export const PROBES: Record<string, Probe> = {
  async registerModelAction(c) {
    return { idempotencyKey: randomUUID(), unitId: String(c.unit.id), field: "ECONOMY", year: "2026", title: "Tổ hợp tác chè an toàn", description: "Họp dân bàn cách làm.", inCharge: "Nguyễn Văn An" };
  },
  async buildModelAction(c) {
    return { modelId: String((await modelAt(c, "REGISTERED")).id), version: "0" };
  },
  async assessModelAction(c) {
    return { modelId: String((await modelAt(c, "BUILDING")).id), version: "0", score: "80", note: "Hiệu quả.", effective: on, assessedOn: "2026-03-10" };
  },
  async recogniseModelAction(c) {
    return { modelId: String((await modelAt(c, "ASSESSED", { effective: true })).id), version: "0", level: seatLevel(c), recognisedOn: "2026-03-12" };
  },
  async replicateModelAction(c) {
    const model = await modelAt(c, "RECOGNISED", { effective: true, recognitionLevel: "COMMUNE" });
    return { modelId: String(model.id), version: "0", unitId: String((await villageAt(c.unit)).id), adoptedOn: "2026-03-20" };
  },
  async addEvidenceAction(c) {
    return { modelId: String((await modelAt(c, "REGISTERED")).id), version: "0", attachments: png() };
  },
  async createTokenAction() {
    return { name: `Báo cáo ${uid()}`, lifetime: "30" };
  },
  async revokeTokenAction(c) {
    // Their own token; in any other relation, a token of a user of that unit.
    const owner = c.unit.id === c.home.id ? c.actor.userId : (await createUser(c.unit)).id;
    const token = await db.apiToken.create({ data: { userId: owner, name: "Thử", tokenHash: randomUUID(), prefix: "dv_test" } });
    return { tokenId: String(token.id), confirm: on };
  },
  async markNotificationReadAction(c) {
    // Their own notification; in any other relation, one of a user of that unit.
    const owner = c.unit.id === c.home.id ? c.actor.userId : (await createUser(c.unit)).id;
    const n = await db.notification.create({
      data: { userId: owner, kind: "OVERDUE", day: new Date("2026-03-02"), title: "Kiến nghị T-1 đã quá hạn", body: "Thử", link: "/petitions/1", dedupeKey: randomUUID() },
    });
    return { notificationId: String(n.id) };
  },
  async markAllNotificationsReadAction() {
    return {};
  },
  async saveNotificationSettingsAction() {
    return { email: "can.bo@danvan.test", byEmail: on };
  },
  async saveReminderScheduleAction(c) {
    return { fieldId: String(c.fieldId), daysBefore: "3", onDueDay: on, overdueEvery: "5" };
  },
  async changePasswordAction() {
    // A wrong current password: the chain is passed when the mutation answers about it.
    return { currentPassword: "not-the-password", newPassword: "mat-khau-moi-2026", confirmPassword: "mat-khau-moi-2026" };
  },
  async confirmTwoFactorAction() {
    // No enrolment under way: the chain is passed when the mutation answers about the code.
    return { enrolment: "khong-co", code: "000000" };
  },
  async resetTwoFactorAction(c) {
    return { userId: String((await createUser(c.unit, "VIEWER")).id), confirm: on };
  },
  async setTwoFactorPolicyAction() {
    return { required: "ACCOUNTS" };
  },
  async createUserAction(c) {
    return { username: `user.${uid()}`, displayName: "Nguyễn Văn Mới", preset: "VIEWER", unitId: String(c.unit.id) };
  },
  async updateUserAction(c) {
    const user = await createUser(c.unit, "VIEWER");
    return { userId: String(user.id), displayName: "Nguyễn Văn Sửa", preset: "VIEWER", unitId: String(c.unit.id), updatedAt: user.updatedAt.toISOString() };
  },
  async resetPasswordAction(c) {
    return { userId: String((await createUser(c.unit, "VIEWER")).id), confirm: on };
  },
  async rehomeUserAction(c) {
    const { old, successor } = await closedInto(c.unit, "FULL");
    return { userId: String((await createUser(old, "VIEWER")).id), fromUnitId: String(old.id), unitId: String(successor.id), confirm: on };
  },
  async setUserActiveAction(c) {
    return { userId: String((await createUser(c.unit, "VIEWER")).id), active: "false", confirm: on };
  },
  async createVillageAction(c) {
    return { communeId: String((await communeAt(c.unit)).id), typeLabel: "Thôn", name: `Mới ${uid()}` };
  },
  async renameVillageAction(c) {
    return { villageId: String((await villageAt(c.unit)).id), version: "0", typeLabel: "Thôn", name: `Đổi ${uid()}` };
  },
  async closeVillageAction(c) {
    return { villageId: String((await villageAt(c.unit)).id), version: "0", closedOn: "2026-03-01", confirm: on };
  },
  async moveVillageAction(c) {
    const target = await unit(c.home, "COMMUNE", "Xã");
    return { villageId: String((await villageAt(c.unit)).id), version: "0", targetCommuneId: String(target.id), confirm: on };
  },
  async placeVillageAction(c) {
    const target = await unit(c.home, "COMMUNE", "Xã");
    return { villageId: String((await villageAt(c.unit)).id), version: "0", targetCommuneId: String(target.id) };
  },
  async placePetitionAction(c) {
    const { old, successor } = await closedInto(c.unit, "PARTIAL");
    const petition = await createPetition(old, c.authorId, c.fieldId);
    return { petitionId: String(petition.id), version: "0", targetUnitId: String(successor.id), confirm: on };
  },
  async recordMergerAction(c) {
    const [a, b] = [await unit(c.unit, "COMMUNE", "Xã"), await unit(c.unit, "COMMUNE", "Xã")];
    return { predecessorIds: String(a.id), kinds: "FULL", successorMode: "existing", successorId: String(b.id), effectiveOn: "2026-01-01", intent: "preview" };
  },
  async uploadCatalogueAction() {
    return { file: new File([fixtureBytes(FIXTURE_JSON)], "danh-muc.json", { type: "application/json" }), asOf: "2025-03-01", intent: "preview" };
  },
  async addCalendarDayAction() {
    return { date: "2030-03-05", kind: "HOLIDAY", name: "Ngày nghỉ thử" };
  },
  async updateCalendarDayAction() {
    const day = await db.calendarDay.upsert({ where: { date: new Date("2030-03-06") }, create: { date: new Date("2030-03-06"), kind: "HOLIDAY", name: "Nghỉ thử", source: "MANUAL" }, update: {} });
    return { date: "2030-03-06", kind: "HOLIDAY", name: "Nghỉ thử (sửa)", updatedAt: day.updatedAt.toISOString() };
  },
  async deleteCalendarDayAction() {
    await db.calendarDay.upsert({ where: { date: new Date("2030-03-07") }, create: { date: new Date("2030-03-07"), kind: "HOLIDAY", name: "Nghỉ thử", source: "MANUAL" }, update: {} });
    return { date: "2030-03-07", confirm: on };
  },
  async restoreCalendarYearAction() {
    return { year: "2030", confirm: on };
  },
  async createFieldAction() {
    return { name: `Lĩnh vực ${uid()}`, defaultDeadlineDays: "15", sortOrder: "1" };
  },
  async updateFieldAction() {
    const field = await createField();
    return { id: String(field.id), name: `Lĩnh vực ${uid()}`, defaultDeadlineDays: "20", sortOrder: "2" };
  },
  async setFieldActiveAction() {
    return { id: String((await createField()).id), confirm: on };
  },
  async createAgencyAction(c) {
    return { name: `Phòng ${uid()}`, unitId: String(c.unit.id) };
  },
  async renameAgencyAction(c) {
    const agency = await db.agency.create({ data: { name: `Phòng ${uid()}`, unitId: c.unit.id } });
    return { id: String(agency.id), name: `Phòng ${uid()}` };
  },
  async setAgencyActiveAction(c) {
    const agency = await db.agency.create({ data: { name: `Phòng ${uid()}`, unitId: c.unit.id } });
    return { id: String(agency.id), confirm: on };
  },
  async setAgencyEmailAction(c) {
    const agency = await db.agency.create({ data: { name: `Phòng ${uid()}`, unitId: c.unit.id } });
    return { id: String(agency.id), email: `phong.${uid()}@danvan.test` };
  },
  async createPetitionAction(c) {
    return {
      idempotencyKey: randomUUID(),
      receivedOn: "2026-03-02",
      channel: "LETTER",
      petitionerKind: "PERSON",
      petitionerName: "Trần Thị Hoa",
      unitId: String((await localAt(c.unit)).id),
      fieldId: String(c.fieldId),
      content: "Đề nghị sửa chữa đường liên thôn bị xuống cấp.",
    };
  },
  async petitionStepAction(c) {
    const petition = await createPetition(c.unit, c.authorId, c.fieldId);
    return { petitionId: String(petition.id), version: "0", step: "reject", note: "Không thuộc thẩm quyền giải quyết." };
  },
  async issueLookupNumberAction(c) {
    // The factory's petition has no phone: a receipt gives it a lookup number.
    const petition = await createPetition(c.unit, c.authorId, c.fieldId);
    return { petitionId: String(petition.id) };
  },
  async reissueAgencyLinkAction(c) {
    return { petitionId: String((await assignedAt(c)).id) };
  },
  async revokeAgencyLinkAction(c) {
    return { petitionId: String((await assignedAt(c)).id), confirm: on };
  },
  async decideAgencyAnswerAction(c) {
    // The agency proposed "settled" through its link; the seat accepts it.
    const petition = await assignedAt(c);
    const link = await db.agencyLink.findFirstOrThrow({ where: { petitionId: petition.id, revokedAt: null } });
    const answer = await db.agencyAnswer.create({ data: { petitionId: petition.id, linkId: link.id, agencyId: link.agencyId, assignedAt: link.assignedAt, kind: "RESULT", resolution: "SETTLED", text: "Đã sửa xong đường." } });
    return { answerId: String(answer.id), version: String(petition.version), decision: "accept" };
  },
  async editPetitionAction(c) {
    const petition = await createPetition(c.unit, c.authorId, c.fieldId);
    return {
      petitionId: String(petition.id),
      version: "0",
      receivedOn: "2026-03-02",
      channel: "LETTER",
      petitionerKind: "PERSON",
      petitionerName: "Trần Thị Hoa",
      fieldId: String(c.fieldId),
      content: "Đề nghị sửa chữa đường liên thôn và rãnh thoát nước.",
    };
  },
  async editMeetingAction(c) {
    const meeting = await meetingAt(c.unit, c.authorId);
    return { meetingId: String(meeting.id), version: "0", heldOn: "2026-03-05", place: "Hội trường thôn", chair: "Nguyễn Văn An" };
  },
  async unlockMeetingAction(c) {
    return { meetingId: String((await meetingAt(c.unit, c.authorId)).id), confirm: on };
  },
  async addMemberAction(c) {
    const [team, cadre] = [await teamAt(c.unit), await cadreAt(c.unit)];
    return { organisationId: String(team.id), cadreId: String(cadre.id), role: "MEMBER", representing: "OTHER", termStart: "2026-01-01" };
  },
  async endMembershipAction(c) {
    const [team, cadre] = [await teamAt(c.unit), await cadreAt(c.unit)];
    const membership = await db.membership.create({ data: { organisationId: team.id, cadreId: cadre.id, role: "MEMBER", representing: "OTHER", termStart: new Date("2020-01-01") } });
    return { membershipId: String(membership.id), termEnd: "2026-02-01", confirm: on };
  },
  async createOrganisationAction(c) {
    return { unitId: String((await communeAt(c.unit)).id), kind: "BLOC", establishedOn: "2026-01-01" };
  },
  async dissolveOrganisationAction(c) {
    const team = await teamAt(await villageAt(c.unit));
    return { organisationId: String(team.id), version: "0", lastDay: "2026-03-01", confirm: on };
  },
  async mergeOrganisationAction(c) {
    const [team, into] = [await teamAt(await villageAt(c.unit)), await teamAt(await villageAt(c.home))];
    return { organisationId: String(team.id), version: "0", targetId: String(into.id), effectiveOn: "2026-03-01", confirm: on };
  },
  async createCadreAction(c) {
    return { fullName: `Phạm Thị ${uid()}`, gender: "FEMALE", unitId: String((await localAt(c.unit)).id) };
  },
  async updateCadreAction(c) {
    const place = await localAt(c.unit);
    const cadre = await cadreAt(place);
    return { id: String(cadre.id), version: "0", fullName: `Lê Văn ${uid()}`, gender: "MALE", unitId: String(place.id) };
  },
  async endCadreAction(c) {
    return { id: String((await cadreAt(c.unit)).id), version: "0", endedOn: "2026-01-15", confirm: on };
  },
  async addTrainingAction(c) {
    return { cadreId: String((await cadreAt(c.unit)).id), course: "Bồi dưỡng công tác dân vận", organiser: "Ban Dân vận Tỉnh ủy", startOn: "2026-01-10" };
  },
  async deleteTrainingAction(c) {
    const cadre = await cadreAt(c.unit);
    const record = await db.trainingRecord.create({ data: { cadreId: cadre.id, course: "Bồi dưỡng", organiser: "Ban Dân vận", startOn: new Date("2026-01-10") } });
    return { id: String(record.id), confirm: on };
  },
  async importCadresAction() {
    return { file: new File([new Uint8Array([80, 75, 3, 4, 0, 0])], "can-bo.xlsx") };
  },
  async setThresholdAction(c) {
    return { unitId: String(c.unit.id), onTimeRate: "80" };
  },
  async saveScoringTemplateAction(c) {
    return { unitId: String(c.unit.id), name: "Bảng chấm điểm", "row.0.section": "I. Tổ chức", "row.0.label": "Sinh hoạt", "row.0.max": "10", "row.0.weight": "1", "row.0.auto": "TEAM_MEETINGS" };
  },
  async setWeakestShareAction(c) {
    return { unitId: String(c.unit.id), weakestShare: "20" };
  },
  async saveSheetAction(c) {
    return { villageId: String((c.unit.level === "VILLAGE" ? c.unit : await villageAt(c.unit)).id), period: "2026-Q1", version: "0", "score.c1": "5" };
  },
  async startReportAction(c) {
    return { unitId: String(c.unit.id), period: "2026-03" };
  },
  async saveReportAction(c) {
    return { reportId: String((await reportAt(c, "DRAFT")).id), version: "0", intent: "save", situation: "Tình hình ổn định." };
  },
  async refreshReportAction(c) {
    return { reportId: String((await reportAt(c, "RETURNED")).id), version: "0" };
  },
  async decideReportAction(c) {
    return { reportId: String((await reportAt(c, "SUBMITTED")).id), version: "0", decision: "approve" };
  },
  async addHotspotAction(c) {
    return { reportId: String((await reportAt(c, "DRAFT")).id), placeUnitId: String(c.unit.id), topic: "Khiếu kiện đông người", severity: "SERIOUS", people: "30", actions: "Đối thoại với người dân." };
  },
  async removeHotspotAction(c) {
    const report = await reportAt(c, "DRAFT");
    const h = await db.reportHotspot.create({
      data: { reportId: report.id, placeUnitId: c.unit.id, placePath: c.unit.ancestorIds, periodFrom: report.periodFrom, periodTo: report.periodTo, topic: "Ô nhiễm", severity: "WATCH", people: 5, actions: "Theo dõi.", createdById: c.authorId },
    });
    return { hotspotId: String(h.id), confirm: on };
  },
  async saveTemplateAction() {
    // The version shown may be stale by the second seat: a conflict answered is the chain passed.
    return { level: "COMMUNE", kind: "QUARTER", shownVersion: "0", figureKeys: ["received", "resolved"], sectionKeys: ["situation", "results"], deadlineDay: "12", confirm: on };
  },
};

export async function loadAction(row: ActionRow): Promise<ActionFn> {
  const [file, name] = row.name.split("#");
  const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, ActionFn>;
  return mod[name];
}

/** The call's outcome: NOT_FOUND, or what else it answered (a redirect is a success). */
export async function callAction(fn: ActionFn, fields: Record<string, string | File | string[]>): Promise<{ outcome: Outcome | "broken"; detail: string }> {
  const form = new FormData();
  // A list is a group of checkboxes: the field once per value.
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  try {
    const result = (await fn(null, form)) as { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> };
    if (result.ok) return { outcome: "allowed", detail: "ok" };
    if (result.error === "NOT_FOUND") return { outcome: "not-found", detail: "NOT_FOUND" };
    // The password change answers a wrong current password as a field error: the chain let it through.
    const passedChain = !["UNAUTHENTICATED", "INTERNAL", "VALIDATION"].includes(result.error ?? "") || (result.error === "VALIDATION" && !!result.fieldErrors?.currentPassword);
    return { outcome: passedChain ? "allowed" : "broken", detail: `${result.error} ${JSON.stringify(result.fieldErrors ?? {})}` };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { outcome: "allowed", detail: "redirect" };
    return { outcome: "broken", detail: String(error) };
  }
}

