/**
 * The demo's periodic reports (issue 17, decision 066): every commune's and district's monthly report of the
 * last three complete months, in every state of the cycle, each with its figures read as the app reads them
 * (`liveFigures`: the dashboards, on the units as they were). Older months mostly approved, some sent late
 * or never; the last month a mix of drafts, reports sent and none yet. The demo accounts' own communes have
 * no report of the last month, so that a user can write it by hand. Also the last quarter, half and year that
 * have ended, in every state, and one report in three lists hotspots of public opinion (decision 080).
 */
import { loadActor } from "../../lib/auth/actor";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { PeriodicReportStatus } from "../../lib/generated/prisma/enums";
import { liveFigures, REPORTING_LEVELS } from "../../lib/periodic-reports/mutations";
import { dueOnOf, lastEndedPeriod, previousReportPeriod, reportPeriodLabel, type ReportPeriod } from "../../lib/periodic-reports/period";
import type { HotspotSeverity } from "../../lib/generated/prisma/enums";
import { freezeTemplate, templateFor } from "../../lib/periodic-reports/template";
import { addDaysUtc } from "../../lib/time";
import type { SeedContext } from "./context";
import type { Users } from "./reference";

const MONTHS = 3;

export function narrativeFor(unitName: string, period: ReportPeriod, figures: Record<string, number | null | undefined>) {
  const label = reportPeriodLabel(period);
  return {
    situation: `Tình hình tư tưởng của cán bộ, đảng viên và Nhân dân ${unitName} ${label} cơ bản ổn định; Nhân dân tin tưởng vào sự lãnh đạo của Đảng. Dư luận quan tâm đến giải phóng mặt bằng, ô nhiễm môi trường và giá nông sản.`,
    results: `Tiếp nhận ${figures.received ?? 0} kiến nghị, giải quyết ${figures.resolved ?? 0} kiến nghị (dứt điểm ${figures.settled ?? 0}). Các tổ dân vận sinh hoạt ${figures.teamMeetingsHeld ?? 0}/${figures.teamMeetingsExpected ?? 0} lượt theo quy định.`,
    weaknesses: "Một số tổ dân vận sinh hoạt chưa đều; việc nắm bắt tâm trạng Nhân dân ở một số thôn còn chậm.",
    directions: "Tiếp tục nắm chắc tình hình tư tưởng Nhân dân, giải quyết dứt điểm các kiến nghị tồn đọng, duy trì sinh hoạt tổ dân vận hằng tháng.",
    proposals: "Đề nghị cấp trên hướng dẫn tháo gỡ các vướng mắc về đất đai kéo dài.",
  };
}

export const HOTSPOTS: { topic: string; severity: HotspotSeverity; people: number; actions: string }[] = [
  { topic: "Khiếu kiện đông người về bồi thường giải phóng mặt bằng dự án đường giao thông", severity: "SERIOUS", people: 45, actions: "Tổ công tác của Đảng ủy đối thoại với các hộ dân; rà soát lại phương án bồi thường." },
  { topic: "Người dân phản ánh ô nhiễm từ cơ sở chăn nuôi tập trung", severity: "COMPLEX", people: 120, actions: "Đề nghị cơ quan chuyên môn kiểm tra, lấy mẫu; tổ dân vận nắm tình hình hằng tuần." },
  { topic: "Tranh chấp đất đai giữa các hộ gia đình kéo dài", severity: "WATCH", people: 8, actions: "Tổ hòa giải ở cơ sở tiếp tục hòa giải; hướng dẫn các hộ thủ tục theo quy định." },
  { topic: "Dư luận về giá nông sản xuống thấp, khó tiêu thụ", severity: "COMPLEX", people: 300, actions: "Hội Nông dân kết nối tiêu thụ; tuyên truyền để người dân yên tâm sản xuất." },
  { topic: "Tụ tập đông người phản đối dự án khai thác khoáng sản", severity: "CRITICAL", people: 200, actions: "Báo cáo cấp trên; dừng thi công để đối thoại; lực lượng công an nắm tình hình." },
];

export async function seedPeriodicReports(db: PrismaClient, ctx: SeedContext, users: Users): Promise<{ total: number; byStatus: Record<string, number> }> {
  const admin = await loadActor(users.byUsername.get("admin")!);
  if (!admin) return { total: 0, byStatus: {} };
  const today = new Date(`${ctx.today}T00:00:00Z`);
  const now = new Date(`${ctx.today}T05:00:00Z`);
  // The demo accounts' own units write their last month's report by hand.
  const accountUnits = new Set((await db.user.findMany({ where: { id: { in: [...users.byUsername.values()] } }, select: { unitId: true } })).map((u) => u.unitId));
  const authorId = admin.userId;
  const byStatus: Record<string, number> = {};
  let total = 0;
  // The last three months, then the last quarter, half and year that have ended (decision 080): a period whose
  // deadline is still ahead holds the last month's mix, an older one the older months'.
  const periods: ReportPeriod[] = [];
  for (let p = lastEndedPeriod("MONTH", today), n = 0; n < MONTHS; n++, p = previousReportPeriod(p)) periods.push(p);
  periods.push(lastEndedPeriod("QUARTER", today), lastEndedPeriod("HALF", today), lastEndedPeriod("YEAR", today));
  // Villages, for the hotspots' places: the first of each commune.
  const firstChild = new Map<number, { id: number; ancestorIds: number[] }>();
  for (const v of await db.unit.findMany({ where: { level: "VILLAGE", validTo: null }, select: { id: true, parentId: true, ancestorIds: true }, orderBy: { id: "asc" } })) {
    if (v.parentId !== null && !firstChild.has(v.parentId)) firstChild.set(v.parentId, v);
  }
  for (const [index, period] of periods.entries()) {
    const age = index === 0 || (period.kind !== "MONTH" && dueOnOf(period, 10) >= today) ? 0 : 1;
    const from = new Date(`${period.from}T00:00:00Z`);
    const to = new Date(`${period.to}T00:00:00Z`);
    const units = await db.unit.findMany({
      where: {
        level: { in: [...REPORTING_LEVELS] },
        parentId: { not: null },
        AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: to } }] }, { OR: [{ validTo: null }, { validTo: { gte: from } }] }],
      },
      select: { id: true, level: true, typeLabel: true, name: true, parentId: true, ancestorIds: true, validFrom: true },
      orderBy: { id: "asc" },
    });
    for (const [i, unit] of units.entries()) {
      if (age === 0 && accountUnits.has(unit.id)) continue;
      // By the unit's place in the list, so that any ten units side by side hold every case: the last month some
      // not begun, drafts, sent, returned; older months mostly approved, some returned, waiting, or never sent.
      const status: PeriodicReportStatus | null = age === 0 ? ([null, "DRAFT", "SUBMITTED", "SUBMITTED", "RETURNED"] as const)[i % 5] : i % 10 === 3 ? null : i % 10 === 6 ? "RETURNED" : i % 10 === 8 ? "SUBMITTED" : i % 10 === 9 && period.kind !== "MONTH" ? "DRAFT" : "APPROVED";
      if (!status) continue;
      const template = await templateFor(db, unit, period.kind);
      const dueOn = dueOnOf(period, template.deadlineDay);
      const { figures } = await liveFigures(admin, unit.id, period, template.figureKeys, now);
      const sent = status !== "DRAFT";
      // Sent a few days before the deadline, or (older months, one in four) some days after it; never after today.
      const late = age > 0 && i % 4 === 1;
      let submittedAt = sent ? addDaysUtc(dueOn, late ? ctx.rng.int(1, 9) : -ctx.rng.int(0, 6)) : null;
      if (submittedAt && submittedAt >= today) submittedAt = addDaysUtc(today, -1);
      if (submittedAt) submittedAt = new Date(submittedAt.getTime() + 2 * 3_600_000);
      const approvedAt = status === "APPROVED" && submittedAt ? new Date(Math.min(addDaysUtc(submittedAt, ctx.rng.int(1, 5)).getTime(), now.getTime() - 3_600_000)) : null;
      const report = await db.periodicReport.create({
        data: {
          unitId: unit.id,
          periodKind: period.kind,
          period: period.key,
          periodFrom: from,
          periodTo: to,
          dueOn,
          templateId: template.id,
          approverUnitId: unit.parentId!,
          status,
          narrative: narrativeFor(`${unit.typeLabel} ${unit.name}`, period, figures),
          figures,
          figuresAt: submittedAt ?? now,
          submittedAt,
          submittedById: submittedAt ? authorId : null,
          approvedAt,
          approvedById: approvedAt ? authorId : null,
          createdById: authorId,
        },
      });
      await freezeTemplate(db, template.id, now);
      if (status === "RETURNED") {
        await db.periodicReportComment.create({
          data: { reportId: report.id, authorId, kind: "return", body: "Đề nghị bổ sung số liệu sinh hoạt tổ dân vận và nêu rõ các điểm nóng dư luận trên địa bàn." },
        });
      }
      // One unit in three lists hotspots of public opinion: in a village of the commune, or the unit itself.
      if (i % 3 === 0) {
        const place = (unit.level === "COMMUNE" && firstChild.get(unit.id)) || unit;
        const hotspots = HOTSPOTS.slice(i % HOTSPOTS.length, (i % HOTSPOTS.length) + 1 + (i % 2));
        await db.reportHotspot.createMany({
          data: hotspots.map((h, k) => ({
            reportId: report.id,
            placeUnitId: k === 0 ? place.id : unit.id,
            placePath: k === 0 ? place.ancestorIds : unit.ancestorIds,
            periodFrom: from,
            periodTo: to,
            topic: h.topic,
            severity: h.severity,
            people: h.people + (i % 7) * 10,
            actions: h.actions,
            createdById: authorId,
          })),
        });
      }
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      total++;
    }
  }
  return { total, byStatus };
}
