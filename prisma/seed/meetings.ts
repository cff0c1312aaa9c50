/** Monthly team meetings, bloc meetings and quarterly briefings, with attendance. */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { AttendanceStatus, MeetingKind } from "../../lib/generated/prisma/enums";
import { addDays, formatDate, isWorkingDay, type CalendarDate } from "../../lib/calendar";
import { bulkInsert } from "./bulk";
import type { SeedContext } from "./context";
import { SHOWCASE_COMMUNE_CODE } from "./data";
import type { Organisations, OrgRec } from "./organisations";
import type { Users } from "./reference";
import { inlineName, type UnitTree } from "./units";
import { dbDate, reserveIds, viDate, vnTime, type Month } from "./util";

export interface MeetingPlan {
  id: number;
  kind: MeetingKind;
  organisationId: number | null;
  unitId: number;
  heldOn: CalendarDate;
  place: string;
  chair: string;
  agenda: string;
  /** Written once the petitions raised at the meeting are known. */
  minutes: (raised: number) => string;
  createdById: number;
  createdAt: Date;
  attendance: { cadreId: number; status: AttendanceStatus }[];
  raised: number;
}

export interface MeetingsPlan {
  all: MeetingPlan[];
  /** The team meeting of a village in a month of the window, if it was held. */
  teamMeeting(villageId: number, monthIndex: number): MeetingPlan | undefined;
}

/** What the village is asked to do this month, as the party's calendar has it. */
export const SEASONAL: Record<number, string> = {
  1: "vận động Nhân dân đón Tết Nguyên đán vui tươi, an toàn, tiết kiệm",
  2: "làm tốt công tác tuyển quân, giao quân và gieo cấy vụ Xuân đúng khung thời vụ",
  3: "chăm sóc lúa vụ Xuân, phòng trừ sâu bệnh, ra quân làm vệ sinh môi trường",
  4: "tổng hợp ý kiến, kiến nghị của cử tri chuẩn bị cho kỳ tiếp xúc cử tri",
  5: "tham gia tiếp xúc cử tri, phòng chống đuối nước cho trẻ em dịp hè",
  6: "thu hoạch vụ Xuân, không đốt rơm rạ gây ô nhiễm; tổ chức sinh hoạt hè cho thanh thiếu niên",
  7: "chủ động phòng chống thiên tai, lụt bão; tri ân nhân dịp kỷ niệm ngày Thương binh – Liệt sĩ 27/7",
  8: "phòng chống thiên tai, chuẩn bị các điều kiện cho năm học mới",
  9: "vận động học sinh đến trường, hưởng ứng phong trào hiến đất làm đường giao thông",
  10: "thu hoạch vụ Mùa, tổng hợp kiến nghị của cử tri cuối năm",
  11: "tổ chức Ngày hội Đại đoàn kết toàn dân tộc (18/11) ở khu dân cư",
  12: "tổng kết công tác dân vận năm, bình xét gia đình văn hóa",
};

function attendanceOf(ctx: SeedContext, members: { cadreId: number; chair: boolean }[]) {
  return members.map(({ cadreId, chair }) => ({
    cadreId,
    status: chair ? ("PRESENT" as const) : ctx.rng.weighted<AttendanceStatus>([["PRESENT", 85], ["EXCUSED", 9], ["ABSENT", 6]]),
  }));
}

function presentCount(a: { status: AttendanceStatus }[]): number {
  return a.filter((x) => x.status === "PRESENT").length;
}

/** Recorded by the secretary the morning after, or that evening when the morning is still to come. */
function recordedAt(ctx: SeedContext, heldOn: CalendarDate): Date {
  const next = addDays(heldOn, 1);
  return next <= ctx.lastDay ? vnTime(next, ctx.rng.int(450, 660)) : vnTime(heldOn, ctx.rng.int(1260, 1320));
}

function dayIn(ctx: SeedContext, m: Month, from: number, to: number): CalendarDate {
  const last = Number(m.last.slice(8, 10));
  return formatDate(m.year, m.month, Math.min(last, ctx.rng.int(from, to)));
}

/** Commune meetings happen in office hours: a working day drawn from the same range. */
function workingDayIn(ctx: SeedContext, m: Month, from: number, to: number): CalendarDate {
  for (let attempt = 0; attempt < 20; attempt++) {
    const d = dayIn(ctx, m, from, to);
    if (isWorkingDay(d, ctx.calendar)) return d;
  }
  let d = dayIn(ctx, m, from, from);
  while (!isWorkingDay(d, ctx.calendar)) d = addDays(d, 1);
  return d;
}

export function planMeetings(ctx: SeedContext, tree: UnitTree, orgs: Organisations, users: Users): MeetingsPlan {
  const { rng } = ctx;
  const all: MeetingPlan[] = [];
  const byTeam = new Map<string, MeetingPlan>();
  const lastIdx = ctx.lastCompleteMonth.index;

  for (const commune of tree.communes) {
    const area = commune.area;
    const createdById = users.secretaryOf(commune.id) ?? users.staffOf(area);
    const months = ctx.months.filter((m) => (!area.since || m.last >= area.since) && (!area.until || m.first <= area.until));
    const lastDay = area.until && area.until < ctx.lastDay ? area.until : ctx.lastDay;
    const bloc = orgs.blocs.get(commune.id)!;
    const showcase = commune.code === SHOWCASE_COMMUNE_CODE;
    // The showcase commune must show gaps in its compliance table, the latest month included.
    const forcedMisses = new Map<number, Set<number>>();
    if (showcase) {
      const v = commune.villages;
      forcedMisses.set(v[0].id, new Set([lastIdx, lastIdx - 4]));
      forcedMisses.set(v[2].id, new Set([lastIdx - 1, lastIdx - 7]));
      forcedMisses.set(v[5].id, new Set([lastIdx, lastIdx - 10]));
    }

    for (const village of commune.villages) {
      const team = orgs.teams.get(village.id)!;
      const preferred = rng.int(5, 24);
      const place = `Nhà văn hóa ${inlineName(village)}`;
      for (const m of months) {
        const heldOn = dayIn(ctx, m, preferred - 3, preferred + 3);
        const missed = rng.chance(0.06) || forcedMisses.get(village.id)?.has(m.index);
        if (missed || heldOn > lastDay) continue;
        const attendance = attendanceOf(ctx, team.members.map((mm) => ({ cadreId: mm.cadre.id, chair: mm === team.head })));
        const topic = SEASONAL[m.month];
        const prev = m.month === 1 ? `12/${m.year - 1}` : `${m.month - 1}/${m.year}`;
        const plan: MeetingPlan = {
          id: 0,
          kind: "TEAM_MONTHLY",
          organisationId: team.id,
          unitId: village.id,
          heldOn,
          place,
          chair: team.head.cadre.fullName,
          agenda: `1. Đánh giá kết quả công tác dân vận tháng ${prev}.\n2. Nắm tình hình tư tưởng, nguyện vọng, kiến nghị của Nhân dân.\n3. Triển khai nhiệm vụ tháng ${m.month}/${m.year}: ${topic}.`,
          minutes: (raised) =>
            `${team.name} sinh hoạt lúc 19 giờ 30 ngày ${viDate(heldOn)} tại ${place}, có ${presentCount(attendance)}/${attendance.length} thành viên dự, đồng chí ${team.head.cadre.fullName} chủ trì. ` +
            `Tổ thống nhất ${topic}. ` +
            (raised > 0 ? `Ghi nhận ${raised} kiến nghị của Nhân dân, chuyển cấp có thẩm quyền xem xét, giải quyết.` : "Không phát sinh kiến nghị mới."),
          createdById,
          createdAt: recordedAt(ctx, heldOn),
          attendance,
          raised: 0,
        };
        all.push(plan);
        byTeam.set(`${village.id}|${m.index}`, plan);
      }
    }

    const hall = `Hội trường Đảng ủy ${inlineName(commune)}`;
    for (const m of months) {
      const heldOn = workingDayIn(ctx, m, 2, 8);
      if (heldOn > lastDay || (area.since && heldOn < area.since)) continue;
      all.push(blocMeeting(ctx, bloc, commune.id, heldOn, hall, m, createdById));
    }
    for (const m of months.filter((mm) => mm.month % 3 === 0)) {
      const heldOn = workingDayIn(ctx, m, 20, 28);
      if (heldOn > lastDay) continue;
      const q = m.month / 3;
      const attendees = [
        ...bloc.members.map((mm) => ({ cadreId: mm.cadre.id, chair: mm === bloc.head })),
        ...commune.villages.flatMap((v) =>
          orgs.teams
            .get(v.id)!
            .members.filter((mm) => mm.role === "HEAD" || mm.representing === "VILLAGE_HEAD" || mm.representing === "FATHERLAND_FRONT")
            .map((mm) => ({ cadreId: mm.cadre.id, chair: false })),
        ),
      ];
      const attendance = attendanceOf(ctx, attendees);
      all.push({
        id: 0,
        kind: "QUARTERLY_BRIEFING",
        organisationId: null,
        unitId: commune.id,
        heldOn,
        place: hall,
        chair: bloc.head.cadre.fullName,
        agenda: `Giao ban công tác dân vận quý ${q}/${m.year} giữa Đảng ủy ${inlineName(commune)} với bí thư chi bộ, trưởng thôn, trưởng ban công tác Mặt trận các khu dân cư.`,
        minutes: () =>
          `Hội nghị giao ban quý ${q}/${m.year} có ${presentCount(attendance)}/${attendance.length} đại biểu dự. Các khu dân cư báo cáo tình hình Nhân dân, các kiến nghị tồn đọng; Đảng ủy kết luận, giao nhiệm vụ quý tới.`,
        createdById,
        createdAt: recordedAt(ctx, heldOn),
        attendance,
        raised: 0,
      });
    }
  }
  return { all, teamMeeting: (villageId, monthIndex) => byTeam.get(`${villageId}|${monthIndex}`) };
}

function blocMeeting(ctx: SeedContext, bloc: OrgRec, unitId: number, heldOn: CalendarDate, place: string, m: Month, createdById: number): MeetingPlan {
  const attendance = attendanceOf(ctx, bloc.members.map((mm) => ({ cadreId: mm.cadre.id, chair: mm === bloc.head })));
  return {
    id: 0,
    kind: "BLOC",
    organisationId: bloc.id,
    unitId,
    heldOn,
    place,
    chair: bloc.head.cadre.fullName,
    agenda: `1. Kết quả công tác dân vận và giải quyết kiến nghị của Nhân dân tháng trước.\n2. Tình hình các tổ dân vận.\n3. Phân công nhiệm vụ tháng ${m.month}/${m.year}: ${SEASONAL[m.month]}.`,
    minutes: () =>
      `${bloc.name} họp ngày ${viDate(heldOn)}, có ${presentCount(attendance)}/${attendance.length} thành viên dự. Khối thống nhất phân công thành viên phụ trách các tổ dân vận và đôn đốc giải quyết các kiến nghị quá hạn.`,
    createdById,
    createdAt: recordedAt(ctx, heldOn),
    attendance,
    raised: 0,
  };
}

/** Takes ids for every planned meeting, so that petitions can point at theirs before insertion. */
export async function assignMeetingIds(db: PrismaClient, plan: MeetingsPlan): Promise<void> {
  const ids = await reserveIds(db, "Meeting", plan.all.length);
  plan.all.forEach((m, i) => (m.id = ids[i]));
}

/** Inserts the meetings and their attendance; returns the number of attendance rows. */
export async function insertMeetings(db: PrismaClient, plan: MeetingsPlan): Promise<number> {
  const meetings: Prisma.MeetingCreateManyInput[] = plan.all.map((m) => ({
    id: m.id,
    kind: m.kind,
    organisationId: m.organisationId,
    unitId: m.unitId,
    heldOn: dbDate(m.heldOn),
    place: m.place,
    chair: m.chair,
    agenda: m.agenda,
    minutes: m.minutes(m.raised),
    createdById: m.createdById,
    createdAt: m.createdAt,
    updatedAt: m.createdAt,
  }));
  await bulkInsert(
    db,
    "Meeting",
    {
      id: "int", kind: { enum: "MeetingKind" }, organisationId: "int", unitId: "int", heldOn: "date", place: "text", chair: "text",
      agenda: "text", minutes: "text", createdById: "int", createdAt: "timestamp", updatedAt: "timestamp",
    },
    meetings,
    3000,
  );
  const rows: Prisma.MeetingAttendanceCreateManyInput[] = plan.all.flatMap((m) => m.attendance.map((a) => ({ meetingId: m.id, cadreId: a.cadreId, status: a.status })));
  await bulkInsert(db, "MeetingAttendance", { meetingId: "int", cadreId: "int", status: { enum: "AttendanceStatus" } }, rows, 10000);
  return rows.length;
}
