/** Two years of petitions: who raised what, where, when, and how far each got. */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { PetitionChannel, PetitionerKind, PetitionStatus } from "../../lib/generated/prisma/enums";
import { addDays, daysBetween, daysInMonth, isWorkingDay, type CalendarDate } from "../../lib/calendar";
import { bulkInsert, type Columns } from "./bulk";
import type { SeedContext } from "./context";
import { runLifecycle, type Fate, type LifecycleResult } from "./lifecycle";
import type { MeetingPlan, MeetingsPlan } from "./meetings";
import { mobilePhone, personName } from "./names";
import { CONTENT, fill, type TextPlaces } from "./petition-texts";
import type { FieldRec, Reference, Users } from "./reference";
import { fullName, inlineName, type Area, type UnitTree, type VillageNode } from "./units";
import { petitionSearchColumns } from "../../lib/petitions/search";
import { dayBetween, dbDate, maxDate, minDate, reserveIds } from "./util";

interface PetitionPlan {
  id: number;
  code: string;
  area: Area;
  village: VillageNode;
  places: TextPlaces;
  receivedOn: CalendarDate;
  createdMinute: number;
  channel: PetitionChannel;
  petitionerKind: PetitionerKind;
  petitionerName: string | null;
  petitionerPhone: string | null;
  petitionerAddress: string | null;
  field: FieldRec;
  content: string;
  meeting: MeetingPlan | null;
  createdById: number;
  fate: Fate;
  mergedInto: PetitionPlan | null;
  result?: LifecycleResult;
}

/** Petitions per village per month: upland hamlets are smaller and further from the desk. */
const RATE = { delta: 0.5, upland: 0.35 };
/** Busier before Tết and around the voter meetings of May–June and November–December. */
export const SEASON = [0, 1.2, 0.7, 1.0, 1.0, 1.15, 1.1, 0.95, 0.9, 1.0, 1.05, 1.15, 1.05];
export const FIELD_WEIGHTS: Record<string, number> = {
  "dat-dai": 24, "moi-truong": 13, "chinh-sach-xa-hoi": 12, "ha-tang-giao-thong": 17, "an-ninh-trat-tu": 8,
  "can-bo-dang-vien": 4, "y-te": 5, "giao-duc": 5, "kinh-te-viec-lam": 8, khac: 4,
};
const VOTER_MONTHS = new Set([5, 6, 11, 12]);

const CREATED_NOTE: Record<PetitionChannel, string> = {
  RECEPTION: "Tiếp nhận tại Trụ sở tiếp công dân",
  LETTER: "Tiếp nhận đơn thư",
  CONFERENCE: "Tiếp nhận tại hội nghị đối thoại với Nhân dân",
  TEAM_MEETING: "Ghi nhận tại buổi sinh hoạt tổ dân vận",
  VOTER_MEETING: "Ghi nhận tại buổi tiếp xúc cử tri",
  HOTLINE: "Tiếp nhận qua đường dây nóng",
  ONLINE: "Tiếp nhận qua Cổng thông tin điện tử",
  OTHER: "Tiếp nhận qua kênh khác",
};

const PETITION_COLUMNS: Columns<Prisma.PetitionCreateManyInput> = {
  id: "int", code: "text", unitId: "int", receivedOn: "date", channel: { enum: "PetitionChannel" }, petitionerKind: { enum: "PetitionerKind" },
  petitionerName: "text", petitionerPhone: "text", petitionerAddress: "text", fieldId: "int", content: "text", searchText: "text", petitionerSearch: "text",
  status: { enum: "PetitionStatus" }, agencyId: "int", assignedAt: "timestamp", dueOn: "date", resolvedAt: "timestamp",
  resolution: { enum: "ResolutionKind" }, replyText: "text", satisfaction: { enum: "Satisfaction" }, closedAt: "timestamp",
  rejectionReason: "text", escalatedTo: "text", escalatedAt: "timestamp", reopenCount: "int", reopenedAt: "timestamp", mergedIntoId: "int", meetingId: "int", createdById: "int",
  createdAt: "timestamp", updatedAt: "timestamp", version: "int",
};

export interface PetitionSummary {
  total: number;
  byStatus: Record<string, number>;
  events: number;
  raisedAtMeetings: number;
}

export function planPetitions(ctx: SeedContext, tree: UnitTree, ref: Reference, users: Users, meetings: MeetingsPlan): PetitionPlan[] {
  const { rng } = ctx;
  const plans: PetitionPlan[] = [];
  for (const area of tree.areas) {
    const villages = area.communes.flatMap((c) => c.villages);
    const byWeight = villages.map((v) => [v, v.weight] as const);
    const staffId = users.staffOf(area);
    for (const m of ctx.months) {
      const from = maxDate(m.first, area.since ?? m.first);
      const to = minDate(minDate(m.last, ctx.lastDay), area.until ?? ctx.lastDay);
      if (to < from) continue;
      const share = (daysBetween(from, to) + 1) / daysInMonth(m.year, m.month);
      const trend = 0.92 + (0.16 * m.index) / ctx.months.length;
      const n = Math.round(villages.length * RATE[area.region] * SEASON[m.month] * trend * (0.9 + 0.2 * rng.next()) * share);
      for (let i = 0; i < n; i++) {
        const village = rng.weighted(byWeight);
        const commune = village.commune;
        const places = { village: inlineName(village), commune: inlineName(commune) };
        const kind = rng.weighted<PetitionerKind>([["PERSON", 81], ["GROUP", 12], ["ANONYMOUS", 7]]);
        let channel: PetitionChannel =
          kind === "ANONYMOUS"
            ? rng.weighted<PetitionChannel>([["LETTER", 5], ["HOTLINE", 3], ["ONLINE", 2]])
            : rng.weighted<PetitionChannel>([
                ["RECEPTION", 28], ["LETTER", 16], ["TEAM_MEETING", 18], ["VOTER_MEETING", VOTER_MONTHS.has(m.month) ? 22 : 2],
                ["CONFERENCE", 7], ["HOTLINE", 7], ["ONLINE", 8], ["OTHER", 3],
              ]);
        let meeting: MeetingPlan | null = null;
        let receivedOn = dayBetween((a, b) => rng.int(a, b), from, to);
        if (channel === "TEAM_MEETING") {
          meeting = meetings.teamMeeting(village.id, m.index) ?? null;
          if (meeting && meeting.heldOn >= from) {
            receivedOn = meeting.heldOn;
            meeting.raised++;
          } else {
            meeting = null;
            channel = "RECEPTION";
          }
        }
        // The reception desk and the post office work on working days only.
        if (channel === "RECEPTION" || channel === "LETTER") receivedOn = nearestWorkingDay(ctx, receivedOn, from, to);
        const person = kind === "PERSON" ? personName(rng, rng.chance(0.55) ? "MALE" : "FEMALE", area.region).fullName : null;
        const fieldCode = rng.weighted(Object.entries(FIELD_WEIGHTS));
        const field = ref.fields.find((f) => f.code === fieldCode)!;
        plans.push({
          id: 0,
          code: "",
          area,
          village,
          places,
          receivedOn,
          createdMinute: meeting ? rng.int(1230, 1290) : rng.int(450, 960),
          channel,
          petitionerKind: kind,
          petitionerName: kind === "GROUP" ? `Nhóm hộ dân ${inlineName(village)}` : person,
          petitionerPhone: kind === "ANONYMOUS" || rng.chance(0.2) ? null : mobilePhone(rng, ["09", "03", "08", "07"]),
          petitionerAddress: kind === "ANONYMOUS" ? null : addressOf(village),
          field,
          content: fill(rng.pick(CONTENT[field.code]), rng, places),
          meeting,
          createdById: meeting ? (users.secretaryOf(commune.id) ?? staffId) : staffId,
          fate: "normal",
          mergedInto: null,
        });
      }
    }
  }
  // Codes run in the order petitions arrived; the index keeps equal times stable.
  const order = new Map(plans.map((p, i) => [p, i]));
  plans.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.createdMinute - b.createdMinute || order.get(a)! - order.get(b)!));
  const seq = new Map<string, number>();
  // Petitions a duplicate may repeat: the area's recent ones that were not themselves set aside.
  const recent = new Map<Area, PetitionPlan[]>();
  for (const p of plans) {
    const year = Number(p.receivedOn.slice(0, 4));
    const key = `${p.area.unit.code}-${year}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    p.code = `${key}-${String(n).padStart(5, "0")}`;

    const u = rng.next();
    const since = addDays(p.receivedOn, -90);
    const earlier = u >= 0.03 && u < 0.05 && !p.meeting ? (recent.get(p.area) ?? []).filter((q) => q.receivedOn < p.receivedOn && q.receivedOn >= since) : [];
    if (u < 0.03) p.fate = "reject";
    else if (earlier.length > 0) {
      // A duplicate is the same matter raised again: same village, field and wording.
      const target = rng.pick(earlier);
      p.fate = "merge";
      p.mergedInto = target;
      p.village = target.village;
      p.places = target.places;
      p.field = target.field;
      p.content = target.content;
      if (p.petitionerAddress) p.petitionerAddress = addressOf(target.village);
      if (p.petitionerKind === "GROUP") p.petitionerName = `Nhóm hộ dân ${inlineName(target.village)}`;
    } else if (u >= 0.05 && u < 0.07) p.fate = "escalate";
    if (p.fate === "normal" || p.fate === "escalate") recent.set(p.area, [...(recent.get(p.area) ?? []).slice(-200), p]);
  }
  return plans;
}

/** "Thôn Đình, xã Quang Sơn, huyện Lập Thạch, tỉnh Vĩnh Phúc". */
function addressOf(village: VillageNode): string {
  const area = village.commune.area;
  const district = area.unit.level === "DISTRICT" ? [inlineName(area.unit)] : [];
  return [fullName(village), inlineName(village.commune), ...district, inlineName(area.province)].join(", ");
}

function nearestWorkingDay(ctx: SeedContext, date: CalendarDate, from: CalendarDate, to: CalendarDate): CalendarDate {
  for (let d = date; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, ctx.calendar)) return d;
  for (let d = date; d >= from; d = addDays(d, -1)) if (isWorkingDay(d, ctx.calendar)) return d;
  return date;
}

export async function seedPetitions(db: PrismaClient, ctx: SeedContext, plans: PetitionPlan[], ref: Reference, users: Users): Promise<PetitionSummary> {
  const ids = await reserveIds(db, "Petition", plans.length);
  plans.forEach((p, i) => (p.id = ids[i]));
  for (const p of plans) {
    const region = p.area.province.name;
    p.result = runLifecycle(ctx, {
      receivedOn: p.receivedOn,
      createdMinute: p.createdMinute,
      createdNote: p.meeting ? `Ghi nhận tại buổi sinh hoạt Tổ dân vận ${fullName(p.village)}` : CREATED_NOTE[p.channel],
      createdById: p.createdById,
      staffId: users.staffOf(p.area),
      fate: p.fate,
      fieldCode: p.field.code,
      deadlineDays: p.field.defaultDeadlineDays,
      assignDays: p.field.assignmentDeadlineDays,
      agency: ref.agencyFor(p.area, p.field.code, ctx.rng),
      escalateTo: p.area.unit.level === "DISTRICT" ? `Ban Dân vận Tỉnh ủy ${region}` : `Thường trực Tỉnh ủy ${region}`,
      mergedIntoCode: p.mergedInto?.code ?? null,
      mergedIntoId: p.mergedInto?.id ?? null,
      places: p.places,
    });
  }

  const rows = plans.map((p): Prisma.PetitionCreateManyInput => {
        const r = p.result!;
        const merged = r.status === "MERGED";
        return {
          id: p.id,
          code: p.code,
          unitId: p.village.id,
          receivedOn: dbDate(p.receivedOn),
          channel: p.channel,
          petitionerKind: p.petitionerKind,
          petitionerName: p.petitionerName,
          petitionerPhone: p.petitionerPhone,
          petitionerAddress: p.petitionerAddress,
          fieldId: p.field.id,
          content: p.content,
          ...petitionSearchColumns(p),
          status: r.status,
          agencyId: r.agencyId,
          assignedAt: r.assignedAt,
          dueOn: r.dueOn ? dbDate(r.dueOn) : null,
          resolvedAt: r.resolvedAt,
          resolution: r.resolution,
          replyText: r.replyText,
          satisfaction: r.satisfaction,
          closedAt: r.closedAt,
          rejectionReason: r.rejectionReason,
          escalatedTo: r.escalatedTo,
          escalatedAt: r.escalatedAt,
          reopenCount: r.reopenCount,
          reopenedAt: r.reopenedAt,
          mergedIntoId: merged ? p.mergedInto!.id : null,
          meetingId: p.meeting?.id ?? null,
          createdById: p.createdById,
          createdAt: r.events[0].at,
          updatedAt: r.events[r.events.length - 1].at,
          version: r.events.length - 1,
        };
      });
  await bulkInsert(db, "Petition", PETITION_COLUMNS, rows, 2000);

  const events = plans.flatMap((p) =>
    p.result!.events.map((e): Prisma.PetitionEventCreateManyInput => ({
      petitionId: p.id, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, actorId: e.actorId, note: e.note, data: e.data, at: e.at,
    })),
  );
  const status = { enum: "PetitionStatus" };
  await bulkInsert(
    db,
    "PetitionEvent",
    { petitionId: "int", kind: { enum: "PetitionEventKind" }, fromStatus: status, toStatus: status, actorId: "int", note: "text", data: "jsonb", at: "timestamp" },
    events,
    10000,
  );

  // Every agency that held a petition, from its first assignment (decision 064): as the assign step records it.
  const holds = new Map<string, { agencyId: number; petitionId: number; firstAssignedAt: Date }>();
  for (const e of events) {
    const agencyId = (e.data as { agencyId?: unknown } | null)?.agencyId;
    if (e.kind !== "ASSIGNED" || typeof agencyId !== "number") continue;
    const key = `${agencyId}|${e.petitionId}`;
    const at = new Date(e.at as Date);
    if (!holds.has(key) || holds.get(key)!.firstAssignedAt > at) holds.set(key, { agencyId, petitionId: e.petitionId, firstAssignedAt: at });
  }
  await db.agencyHold.createMany({ data: [...holds.values()] });

  // The code counters, keyed like the codes: the area's official code and the year (decision 027).
  const counters = new Map<string, { areaCode: string; year: number; last: number }>();
  for (const p of plans) {
    const year = Number(p.receivedOn.slice(0, 4));
    const areaCode = p.area.unit.code!;
    const key = `${areaCode}|${year}`;
    const last = Number(p.code.slice(p.code.lastIndexOf("-") + 1));
    const c = counters.get(key);
    if (!c || c.last < last) counters.set(key, { areaCode, year, last });
  }
  await db.petitionCodeCounter.createMany({ data: [...counters.values()] });

  const byStatus: Record<string, number> = {};
  for (const p of plans) byStatus[p.result!.status] = (byStatus[p.result!.status] ?? 0) + 1;
  return { total: plans.length, byStatus: byStatus as Record<PetitionStatus, number>, events: events.length, raisedAtMeetings: plans.filter((p) => p.meeting).length };
}
