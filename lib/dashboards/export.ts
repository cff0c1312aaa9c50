/**
 * A dashboard as the xlsx a report goes upward in: a heading (title, unit, period, the
 * period compared, the view, when and by whom), the KPIs against the previous period, then
 * the child units with every KPI as a column and the unit's total. Figures are numbers
 * (shares in percent, written "98,5%" by the cell format), names go through safeCell.
 * Every export is audited.
 */
import ExcelJS from "exceljs";
import type { Actor } from "../auth/actor";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { safeCell } from "../export/safe-cell";
import { formatDateTime } from "../format";
import { isoDay, todayInVietnam } from "../time";
import { unitFullName } from "../units/labels";
import { KPI_COLUMNS, sortRows, type KpiColumn } from "./columns";
import { reportingOffice } from "./period-label";
import type { Dashboard } from "./types";

type Label = (key: string, values?: Record<string, string>) => string;

const FORMAT: Record<KpiColumn["kind"], string> = { count: "#,##0", percent: '0.0"%"', days: "0.0", score: "0.0" };

export interface DashboardExport {
  fileName: string;
  body: Buffer;
}

export async function exportDashboard(
  actor: Actor,
  dashboard: Dashboard,
  labels: { t: Label; period: string; previousPeriod: string },
  sort: Parameters<typeof sortRows>[1] = "name",
  dir: "asc" | "desc" = "asc",
  now = new Date(),
): Promise<DashboardExport> {
  const { t } = labels;
  const book = new ExcelJS.Workbook();
  book.creator = actor.displayName;
  book.created = now;
  const sheet = book.addWorksheet(t("export.kpiSheet"), { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = KPI_COLUMNS.length + 1;
  const unitName = unitFullName(dashboard.unit);

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = t("export.title");
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };
  const heading: [string, string][] = [
    [t("export.office"), reportingOffice(dashboard.unit, dashboard.period, isoDay(todayInVietnam(now)))],
    [t("export.unit"), unitName],
    [t("export.period"), labels.period],
    [t("export.previous"), labels.previousPeriod],
    [t("export.view"), t(`view.${dashboard.view}`)],
    [t("export.generatedAt"), formatDateTime(now)],
    [t("export.generatedBy"), `${actor.displayName} (${actor.username})`],
  ];
  for (const [name, value] of heading) {
    const row = sheet.addRow([name, safeCell(value)]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);

  const kpiHeader = sheet.addRow([t("export.indicator"), t("export.current"), t("export.previousValue")]);
  kpiHeader.font = { bold: true };
  for (const column of KPI_COLUMNS) {
    const row = sheet.addRow([t(`kpi.${column.key}`), dashboard.kpis[column.key], dashboard.previous[column.key]]);
    row.getCell(2).numFmt = FORMAT[column.kind];
    row.getCell(3).numFmt = FORMAT[column.kind];
  }
  sheet.addRow([]);

  if (dashboard.children.length) {
    const childHeader = sheet.addRow([t("children.unit"), ...KPI_COLUMNS.map((c) => t(`kpi.${c.key}`))]);
    childHeader.font = { bold: true };
    childHeader.alignment = { wrapText: true, vertical: "top" };
    const write = (name: string, kpis: Dashboard["kpis"], bold = false) => {
      const row = sheet.addRow([safeCell(name), ...KPI_COLUMNS.map((c) => kpis[c.key])]);
      KPI_COLUMNS.forEach((c, i) => (row.getCell(i + 2).numFmt = FORMAT[c.kind]));
      if (bold) row.font = { bold: true };
    };
    for (const child of sortRows(dashboard.children, sort, dir)) write(unitFullName(child.unit), child.kpis);
    write(t("children.total", { unit: unitName }), dashboard.kpis, true);
  }
  sheet.addRow([]);
  sheet.addRow([t("export.note")]).font = { italic: true };
  sheet.getColumn(1).width = 36;
  for (let i = 2; i <= width; i++) sheet.getColumn(i).width = 13;

  await audit(db, {
    actorId: actor.userId,
    action: "report.export",
    entity: "Unit",
    entityId: dashboard.unit.id,
    unitId: dashboard.unit.id,
    data: { from: dashboard.period.from, to: dashboard.period.to, view: dashboard.view, children: dashboard.children.length },
  });
  const stamp = now.toISOString().slice(0, 10);
  const slug = (dashboard.unit.code ?? String(dashboard.unit.id)).replace(/[^\w-]/g, "");
  return { fileName: `bao-cao-${slug}-${dashboard.period.from.slice(0, 7)}-${dashboard.period.to.slice(0, 7)}-${stamp}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
}
