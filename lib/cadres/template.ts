/**
 * The import template users download ("Tải mẫu"): sheet "Cán bộ" with the header row and one
 * example row (skipped by the import), sheet "Đơn vị" with the keys of the units the user may use.
 */
import ExcelJS from "exceljs";
import { safeCell } from "../export/safe-cell";
import { EXAMPLE_PREFIX, IMPORT_COLUMNS } from "./import";

export interface TemplateUnit {
  key: string;
  level: "COMMUNE" | "VILLAGE";
  label: string;
  communeLabel: string;
}

export async function buildImportTemplate(units: TemplateUnit[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Dân vận";
  const sheet = workbook.addWorksheet("Cán bộ");
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  // Text columns, so Excel keeps a phone's or a commune code's leading zero.
  for (const key of ["phone", "unit"]) sheet.getColumn(key).numFmt = "@";
  const example = units.find((u) => u.level === "VILLAGE") ?? units[0];
  const row = sheet.addRow({
    fullName: `${EXAMPLE_PREFIX} Nguyễn Văn An`,
    gender: "Nam",
    birthYear: 1980,
    phone: "0912345678",
    isPartyMember: "Có",
    position: "Bí thư chi bộ thôn",
    unit: example?.key ?? "",
  });
  row.font = { italic: true, color: { argb: "FF777777" } };
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const list = workbook.addWorksheet("Đơn vị");
  list.columns = [
    { header: "Mã đơn vị", key: "key", width: 12 },
    { header: "Đơn vị", key: "label", width: 32 },
    { header: "Thuộc xã/phường", key: "commune", width: 32 },
  ];
  list.getRow(1).font = { bold: true };
  list.getColumn("key").numFmt = "@";
  for (const u of units) list.addRow({ key: u.key, label: safeCell(u.label), commune: safeCell(u.level === "VILLAGE" ? u.communeLabel : "") });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
