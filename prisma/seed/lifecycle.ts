/**
 * Walks one petition through the workflow up to yesterday and records every step as
 * an event, so that a petition's columns always agree with its timeline.
 */
import type { Prisma } from "../../lib/generated/prisma/client";
import type { PetitionEventKind, PetitionStatus, ResolutionKind, Satisfaction } from "../../lib/generated/prisma/enums";
import { addWorkingDays, workingDaysBetween, type CalendarDate } from "../../lib/calendar";
import type { SeedContext } from "./context";
import { REJECTION_REASONS, replyText, type TextPlaces } from "./petition-texts";
import type { AgencyRec } from "./reference";
import { viDate, vnTime } from "./util";

export type Fate = "normal" | "reject" | "merge" | "escalate";

export interface EventRec {
  kind: PetitionEventKind;
  fromStatus: PetitionStatus | null;
  toStatus: PetitionStatus | null;
  actorId: number;
  note: string;
  data?: Prisma.InputJsonValue;
  at: Date;
}

export interface LifecycleInput {
  receivedOn: CalendarDate;
  /** Minutes after midnight (Vietnam time) when it was entered. */
  createdMinute: number;
  createdNote: string;
  createdById: number;
  staffId: number;
  fate: Fate;
  fieldCode: string;
  deadlineDays: number;
  /** Working days to assign it (decision 051): its deadline until an agency holds it. */
  assignDays: number;
  agency: AgencyRec;
  escalateTo: string;
  mergedIntoCode: string | null;
  mergedIntoId: number | null;
  places: TextPlaces;
}

export interface LifecycleResult {
  status: PetitionStatus;
  assignedAt: Date | null;
  dueOn: CalendarDate | null;
  resolvedAt: Date | null;
  resolution: ResolutionKind | null;
  replyText: string | null;
  satisfaction: Satisfaction | null;
  closedAt: Date | null;
  rejectionReason: string | null;
  escalatedTo: string | null;
  escalatedAt: Date | null;
  reopenCount: number;
  reopenedAt: Date | null;
  agencyId: number | null;
  events: EventRec[];
}

const SATISFACTION_LABEL: Record<Satisfaction, string> = {
  SATISFIED: "hài lòng",
  PARTLY: "hài lòng một phần",
  NOT_SATISFIED: "chưa hài lòng",
};

export function runLifecycle(ctx: SeedContext, p: LifecycleInput): LifecycleResult {
  const { rng, calendar, lastDay } = ctx;
  const r: LifecycleResult = {
    status: "RECEIVED", assignedAt: null, dueOn: addWorkingDays(p.receivedOn, p.assignDays, calendar), resolvedAt: null, resolution: null, replyText: null,
    satisfaction: null, closedAt: null, rejectionReason: null, escalatedTo: null, escalatedAt: null, reopenCount: 0, reopenedAt: null, agencyId: null, events: [],
  };
  // Timestamps only move forward: a later step on the same day comes minutes after the previous one.
  let lastAt = vnTime(p.receivedOn, p.createdMinute);
  let lastDate = p.receivedOn;
  const stamp = (date: CalendarDate): Date => {
    const at = date === lastDate ? new Date(lastAt.getTime() + rng.int(10, 90) * 60_000) : vnTime(date, rng.int(450, 990));
    lastAt = at > lastAt ? at : new Date(lastAt.getTime() + 5 * 60_000);
    lastDate = date;
    return lastAt;
  };
  const step = (kind: PetitionEventKind, to: PetitionStatus | null, note: string, at: Date, data?: Prisma.InputJsonValue) => {
    r.events.push({ kind, fromStatus: kind === "CREATED" ? null : r.status, toStatus: to, actorId: kind === "CREATED" ? p.createdById : p.staffId, note, data, at });
    if (to) r.status = to;
  };
  step("CREATED", "RECEIVED", p.createdNote, lastAt);

  if (p.fate === "reject") {
    const day = addWorkingDays(p.receivedOn, rng.int(1, 5), calendar);
    if (day <= lastDay) {
      r.rejectionReason = rng.pick(REJECTION_REASONS);
      step("REJECTED", "REJECTED", r.rejectionReason, stamp(day));
    }
    return r;
  }
  if (p.fate === "merge" && p.mergedIntoCode) {
    const day = addWorkingDays(p.receivedOn, rng.int(0, 3), calendar);
    if (day <= lastDay) {
      step("MERGED", "MERGED", `Trùng nội dung với kiến nghị ${p.mergedIntoCode}; gộp vào hồ sơ gốc`, stamp(day), { mergedIntoId: p.mergedIntoId });
    }
    return r;
  }

  const assignDay = addWorkingDays(p.receivedOn, rng.int(p.createdMinute >= 1200 ? 1 : 0, 3), calendar);
  if (assignDay > lastDay) return r;
  const due = addWorkingDays(p.receivedOn, p.deadlineDays, calendar);
  r.agencyId = p.agency.id;
  r.dueOn = due;
  r.assignedAt = stamp(assignDay);
  step("ASSIGNED", "ASSIGNED", `Giao ${p.agency.name} chủ trì giải quyết, hạn ${viDate(due)}`, r.assignedAt, { agencyId: p.agency.id, dueOn: due });

  const startDay = addWorkingDays(assignDay, rng.int(1, 3), calendar);
  if (startDay > lastDay) return r;
  step("STATUS_CHANGED", "IN_PROGRESS", "Cơ quan chủ trì đã tiếp nhận, đang kiểm tra, xác minh", stamp(startDay));

  if (p.fate === "escalate") {
    const day = addWorkingDays(startDay, rng.int(3, 12), calendar);
    if (day <= lastDay) {
      r.escalatedTo = p.escalateTo;
      r.escalatedAt = stamp(day);
      step("ESCALATED", "ESCALATED", `Vụ việc phức tạp, vượt thẩm quyền; chuyển ${p.escalateTo} xem xét, chỉ đạo`, r.escalatedAt);
    }
    return r;
  }
  // A few land cases drag on for months: they feed the overdue list on every dashboard.
  if (p.fieldCode === "dat-dai" && rng.chance(0.05)) return r;

  const late = rng.chance(0.2);
  const reopen = rng.chance(0.04);
  const room = workingDaysBetween(startDay, due, calendar);
  const resolveDay = late || room < 1 ? addWorkingDays(maxOf(due, startDay), rng.int(1, 25), calendar) : addWorkingDays(startDay, rng.int(1, room), calendar);
  if (!resolve(resolveDay, reopen ? "NOT_SATISFIED" : null)) return r;
  if (!reopen || r.status !== "CLOSED") return r;

  const reopenDay = addWorkingDays(lastDate, rng.int(3, 20), calendar);
  if (reopenDay > lastDay) return r;
  const newDue = addWorkingDays(reopenDay, p.deadlineDays, calendar);
  r.reopenCount = 1;
  r.dueOn = newDue;
  r.resolvedAt = null;
  r.resolution = null;
  r.replyText = null;
  r.satisfaction = null;
  r.closedAt = null;
  r.reopenedAt = stamp(reopenDay);
  step("REOPENED", "IN_PROGRESS", `Công dân tiếp tục kiến nghị, chưa đồng ý với kết quả giải quyết; mở lại hồ sơ, hạn mới ${viDate(newDue)}`, r.reopenedAt, { dueOn: newDue });
  // A case reopened is often the hard one: a quarter are still being worked on.
  if (rng.chance(0.75)) resolve(addWorkingDays(reopenDay, rng.int(3, p.deadlineDays + 5), calendar), null);
  return r;

  /** Reply, then close once the citizen has been asked; false when the reply is still to come. */
  function resolve(day: CalendarDate, forced: Satisfaction | null): boolean {
    if (day > lastDay) return false;
    const settled = rng.chance(0.75);
    r.resolution = settled ? "SETTLED" : "EXPLAINED";
    r.replyText = replyText(p.fieldCode, settled, p.agency.name, rng, p.places);
    r.resolvedAt = stamp(day);
    step("REPLIED", "RESOLVED", settled ? "Đã giải quyết dứt điểm, có văn bản trả lời công dân" : "Đã giải trình, trả lời công dân", r.resolvedAt, { resolution: r.resolution });
    const closeDay = addWorkingDays(day, rng.int(2, 8), calendar);
    if (closeDay > lastDay) return true;
    const sat = forced ?? rng.weighted<Satisfaction>([["SATISFIED", 75], ["PARTLY", 15], ["NOT_SATISFIED", 10]]);
    r.satisfaction = sat;
    r.closedAt = stamp(closeDay);
    step("STATUS_CHANGED", "CLOSED", `Đã lấy ý kiến công dân: ${SATISFACTION_LABEL[sat]}; kết thúc hồ sơ`, r.closedAt, { satisfaction: sat });
    return true;
  }
}

function maxOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}
