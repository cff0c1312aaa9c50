/**
 * "Xuất Excel" of the filtered list: a title block (title, unit, time, who), then one row per
 * cadre. Phone and birth year are columns only for actors allowed to see them; every text cell
 * goes through safeCell. The caller audits.
 */
import ExcelJS from "exceljs";
import { safeCell } from "../export/safe-cell";
import { formatDate, formatDateTime } from "../format";
import type { Gender } from "../generated/prisma/enums";
import { GENDER_LABELS } from "./rules";

export interface ExportCadre {
  fullName: string;
  gender: Gender | null;
  birthYear?: number | null;
  phone?: string | null;
  isPartyMember: boolean;
  position: string | null;
  endedOn: Date | null;
  unit: { typeLabel: string; name: string; parent: { typeLabel: string; name: string } | null };
}

export interface ExportHeading {
  unitLabel: string;
  generatedAt: Date;
  generatedBy: string;
  /** "Tìm: …; Trạng thái: …", empty when unfiltered. */
  filterLabel: string;
}

export async function buildCadreExport(rows: ExportCadre[], personal: boolean, heading: ExportHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Dân vận";
  const sheet = workbook.addWorksheet("Cán bộ");
  const headers = ["STT", "Họ và tên", "Giới tính", ...(personal ? ["Năm sinh", "Điện thoại"] : []), "Đảng viên", "Chức vụ", "Đơn vị", "Thuộc", "Trạng thái"];
  sheet.addRow(["DANH SÁCH CÁN BỘ"]).font = { bold: true, size: 14 };
  sheet.addRow([`Đơn vị: ${safeCell(heading.unitLabel)}`]);
  if (heading.filterLabel) sheet.addRow([`Lọc: ${heading.filterLabel}`]);
  sheet.addRow([`Thời điểm xuất: ${formatDateTime(heading.generatedAt)}`]);
  sheet.addRow([`Người xuất: ${safeCell(heading.generatedBy)}`]);
  sheet.addRow([`Tổng số: ${rows.length.toLocaleString("vi-VN")} cán bộ`]);
  sheet.addRow([]);
  const headerRow = sheet.addRow(headers);
  headerRow.font = { bold: true };
  rows.forEach((c, i) => {
    sheet.addRow([
      i + 1,
      safeCell(c.fullName),
      c.gender ? GENDER_LABELS[c.gender] : "",
      ...(personal ? [c.birthYear ?? "", safeCell(c.phone ?? "")] : []),
      c.isPartyMember ? "Có" : "Không",
      safeCell(c.position ?? ""),
      safeCell(`${c.unit.typeLabel} ${c.unit.name}`),
      safeCell(c.unit.parent ? `${c.unit.parent.typeLabel} ${c.unit.parent.name}` : ""),
      c.endedOn ? `Đã thôi từ ${formatDate(c.endedOn)}` : "Đang công tác",
    ]);
  });
  const widths = [6, 28, 10, ...(personal ? [10, 14] : []), 10, 30, 24, 24, 20];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
