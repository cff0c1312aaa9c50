/**
 * The demo's village scoring (issue 18, decision 078): each province's template of three sections and ten
 * criteria (two filled from the app's data), and every standing village scored for two periods (the last
 * whole year and the half-year after it, or the two years before while this year's first half runs), so the
 * ranking, the map and the reports' average are not empty. A separate generator: the rest of the demo's
 * draws stay as they were.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { parseReportPeriod } from "../../lib/periodic-reports/period";
import { autoInputsOf } from "../../lib/scoring/mutations";
import { autoPoints, criteriaOf, round2, sectionsOfRows, totalsOf, type AutoKind } from "../../lib/scoring/rules";
import type { SeedContext } from "./context";
import { DEMO_SEED, Random } from "./random";

export const ROWS: [string, string, number, number, AutoKind | null][] = [
  ["I. Tổ chức và hoạt động của tổ dân vận", "Tổ dân vận sinh hoạt hằng tháng theo quy định", 10, 1, "TEAM_MEETINGS"],
  ["I. Tổ chức và hoạt động của tổ dân vận", "Tổ dân vận có đủ thành viên, tổ trưởng là bí thư chi bộ", 10, 1, null],
  ["I. Tổ chức và hoạt động của tổ dân vận", "Biên bản sinh hoạt ghi chép đầy đủ", 5, 1, null],
  ["II. Nắm tình hình và giải quyết kiến nghị", "Kiến nghị của Nhân dân được giải quyết đúng hạn", 10, 2, "PETITIONS_ON_TIME"],
  ["II. Nắm tình hình và giải quyết kiến nghị", "Nắm, báo cáo tình hình Nhân dân kịp thời", 10, 1, null],
  ["II. Nắm tình hình và giải quyết kiến nghị", "Hòa giải thành các vụ việc ở cơ sở", 5, 1, null],
  ["II. Nắm tình hình và giải quyết kiến nghị", "Không có đơn thư vượt cấp, khiếu kiện đông người", 10, 1, null],
  ["III. Phong trào thi đua \"Dân vận khéo\"", "Có mô hình \"Dân vận khéo\" được công nhận", 10, 1, null],
  ["III. Phong trào thi đua \"Dân vận khéo\"", "Tham gia xây dựng nông thôn mới, đô thị văn minh", 10, 1, null],
  ["III. Phong trào thi đua \"Dân vận khéo\"", "Đạt danh hiệu khu dân cư văn hóa", 5, 1, null],
];

/** The two scoring periods of the demo, older first. */
export function demoScoringPeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 7 ? [String(year - 1), `${year}-H1`] : [String(year - 2), String(year - 1)];
}

export async function seedScoring(db: PrismaClient, ctx: SeedContext, adminId: number): Promise<{ templates: number; sheets: number }> {
  const rng = new Random(DEMO_SEED ^ 0x18);
  const now = new Date(`${ctx.today}T05:00:00Z`);
  const sections = sectionsOfRows(ROWS.map(([section, label, max, weight, auto]) => ({ section, label, max, weight, auto })));
  const criteria = criteriaOf(sections);
  const provinces = await db.unit.findMany({ where: { level: "PROVINCE", validTo: null }, select: { id: true }, orderBy: { id: "asc" } });
  let sheets = 0;
  for (const province of provinces) {
    const template = await db.scoringTemplate.create({
      data: { ownerUnitId: province.id, version: 1, name: "Bảng chấm điểm chất lượng công tác dân vận ở thôn", sections, createdById: adminId, frozenAt: now },
      select: { id: true },
    });
    const villages = await db.unit.findMany({ where: { level: "VILLAGE", validTo: null, ancestorIds: { has: province.id } }, select: { id: true }, orderBy: { id: "asc" } });
    for (const key of demoScoringPeriods(ctx.today)) {
      const period = parseReportPeriod(key)!;
      const rows = [];
      const auto = await autoInputsOf(villages.map((v) => v.id), period, now);
      for (const village of villages) {
        // Each village's own level of care, so the ranking spreads out; a few weak ones for the follow-up list.
        const care = rng.chance(0.15) ? 0.35 + rng.next() * 0.25 : 0.65 + rng.next() * 0.35;
        const inputs = auto.get(village.id)!;
        const points: Record<string, number> = {};
        for (const c of criteria) points[c.key] = c.auto ? autoPoints(c.auto, c.max, inputs) : round2(Math.min(c.max, Math.round(c.max * care * (0.85 + rng.next() * 0.3) * 2) / 2));
        rows.push({
          villageId: village.id,
          period: period.key,
          periodFrom: new Date(`${period.from}T00:00:00Z`),
          periodTo: new Date(`${period.to}T00:00:00Z`),
          templateId: template.id,
          scores: points,
          ...totalsOf(criteria, points),
          scoredById: adminId,
        });
      }
      await db.scoreSheet.createMany({ data: rows });
      sheets += rows.length;
    }
  }
  return { templates: provinces.length, sheets };
}
