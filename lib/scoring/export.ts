/**
 * The ranking of a unit's villages as an xlsx in the template's own layout (decision 078): one worksheet per
 * template version the period's sheets were scored on, its sections as merged headings over their criteria
 * (each with its maximum and weight), then each village's points, total, maximum, percentage, rank and the
 * follow-up mark. Always in Vietnamese (the document goes upward); names through safeCell; audited.
 */
import ExcelJS from "exceljs";
import type { Actor } from "../auth/actor";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { safeCell } from "../export/safe-cell";
import { formatDateTime, formatNumber } from "../format";
import { reportPeriodLabel, type ReportPeriod } from "../periodic-reports/period";
import { rankingOf } from "./queries";
import { criteriaOf } from "./rules";
import { templateById } from "./template";

/** Villages an export holds at most: a province's are a few thousand; the nation's are read by province. */
export const MAX_EXPORT_ROWS = 20_000;

export class ExportTooLarge extends Error {}

const AUTO_LABEL = { TEAM_MEETINGS: "tự động: sinh hoạt tổ dân vận", PETITIONS_ON_TIME: "tự động: kiến nghị giải quyết đúng hạn" } as const;

export async function exportRanking(actor: Actor, unit: { id: number; name: string; typeLabel: string; ancestorIds: number[] }, period: ReportPeriod, scored: number, now = new Date()) {
  if (scored > MAX_EXPORT_ROWS) throw new ExportTooLarge();
  const ranking = await rankingOf(unit, period, 1, { pageSize: MAX_EXPORT_ROWS });
  const unitName = `${unit.typeLabel} ${unit.name}`;
  const book = new ExcelJS.Workbook();
  book.creator = actor.displayName;
  book.created = now;
  const templateIds = [...new Set(ranking.rows.map((r) => r.templateId))].sort((a, b) => b - a);
  if (!templateIds.length) book.addWorksheet("Bảng điểm").addRow(["Chưa có thôn nào được chấm điểm trong kỳ."]);
  for (const templateId of templateIds) {
    const template = (await templateById(db, templateId))!;
    const criteria = criteriaOf(template.sections);
    const sheet = book.addWorksheet(templateIds.length > 1 ? `Phiên bản ${template.version}` : "Bảng điểm", {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = 3 + criteria.length + 5;
    sheet.mergeCells(1, 1, 1, width);
    sheet.getCell(1, 1).value = safeCell(`BẢNG CHẤM ĐIỂM THÔN — ${template.name.toUpperCase()}`);
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(1, 1).alignment = { horizontal: "center" };
    for (const [k, v] of [
      ["Đơn vị", unitName],
      ["Kỳ chấm điểm", reportPeriodLabel(period)],
      ["Mẫu", `${template.name}, phiên bản ${template.version}`],
      ["Tỷ lệ thôn yếu cần theo dõi", `${ranking.share}% (${ranking.weakest} thôn)`],
      ["Lập lúc", `${formatDateTime(now)}, ${actor.displayName}`],
    ]) {
      const row = sheet.addRow([k, safeCell(v)]);
      row.getCell(1).font = { bold: true };
    }
    sheet.addRow([]);
    // Two heading rows: the sections over their criteria, then each criterion with its maximum and weight.
    const top = sheet.addRow(["STT", "Thôn", "Xã"]);
    const sub = sheet.addRow(["", "", ""]);
    let col = 4;
    for (const section of template.sections) {
      top.getCell(col).value = safeCell(section.title);
      if (section.criteria.length > 1) sheet.mergeCells(top.number, col, top.number, col + section.criteria.length - 1);
      for (const c of section.criteria) {
        sub.getCell(col).value = safeCell(`${c.label} (tối đa ${formatNumber(c.max, "vi", 2)}; hệ số ${formatNumber(c.weight, "vi", 2)}${c.auto ? `; ${AUTO_LABEL[c.auto]}` : ""})`);
        col++;
      }
    }
    ["Tổng điểm", "Điểm tối đa", "Tỷ lệ (%)", "Xếp hạng", "Cần theo dõi"].forEach((label, i) => (top.getCell(col + i).value = label));
    for (const r of [top, sub]) {
      r.font = { bold: true };
      r.alignment = { wrapText: true, vertical: "top", horizontal: "center" };
    }
    let index = 0;
    for (const v of ranking.rows.filter((r) => r.templateId === templateId)) {
      index++;
      const row = sheet.addRow([index, safeCell(v.villageName), safeCell(v.communeName ?? ""), ...criteria.map((c) => v.scores[c.key] ?? null), v.total, v.maxTotal, v.percent, v.rank, v.weakest ? "x" : ""]);
      for (let i = 4; i < 4 + criteria.length + 3; i++) row.getCell(i).numFmt = "0.##";
    }
    sheet.getColumn(1).width = 6;
    sheet.getColumn(2).width = 28;
    sheet.getColumn(3).width = 24;
    for (let i = 4; i <= width; i++) sheet.getColumn(i).width = 14;
  }
  await audit(db, { actorId: actor.userId, action: "scoring.export", entity: "Unit", entityId: unit.id, unitId: unit.id, data: { period: period.key, villages: ranking.rows.length } });
  return { fileName: `cham-diem-thon-${unit.id}-${period.key}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
}
