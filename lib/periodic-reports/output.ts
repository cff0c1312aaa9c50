import "server-only";
/**
 * A unit's report of a period as a Party body's document (decision 067), for the .docx and the print view:
 * read in the actor's reach (null: not found), the offices named as on the period's last day, the labels
 * always in Vietnamese.
 */
import { getTranslations } from "next-intl/server";
import type { Actor } from "../auth/actor";
import { isoDay, todayInVietnam } from "../time";
import { officeName, unitFullName } from "../units/labels";
import { hotspotsOfReport } from "./hotspot-queries";
import { formatFigure } from "./figures";
import { reportDocument, type ReportDocument } from "./document";
import type { ReportPeriod } from "./period";
import { reportOfPeriod } from "./queries";

/** Null out of reach (not found); `document` null for a unit in reach without a report of the period. */
export async function reportDocumentFor(
  actor: Actor,
  unitId: number,
  period: ReportPeriod,
): Promise<{ document: ReportDocument; reportId: number; unitId: number } | { document: null; unitId: number } | null> {
  const data = await reportOfPeriod(actor, unitId, period);
  if (!data) return null;
  if (!data.report) return { document: null, unitId: data.unit.id };
  const { unit, approverUnit, report } = data;
  const today = isoDay(todayInVietnam());
  // The office of the period's last day (a report about 2024 is the Ban Dân vận's), as the reports page names it.
  const officeDay = period.to < today ? period.to : today;
  const t = await getTranslations({ locale: "vi", namespace: "periodicReports" });
  const hotspots = await hotspotsOfReport(report.id);
  const document = reportDocument({
    unit: { level: unit.level, typeLabel: unit.typeLabel, name: unit.name, office: officeName(unit, officeDay) },
    approver: approverUnit ? { level: approverUnit.level, typeLabel: approverUnit.typeLabel, name: approverUnit.name, office: officeName(approverUnit, officeDay) } : null,
    period,
    day: isoDay(report.approvedAt ?? report.submittedAt ?? todayInVietnam()),
    narrative: report.narrative,
    sectionKeys: report.template.sectionKeys,
    figures: report.figures,
    hotspots: hotspots.map((h) => ({ place: unitFullName(h.place), topic: h.topic, severity: t(`hotspot.level.${h.severity}`), people: h.people.toLocaleString("vi-VN"), actions: h.actions })),
    label: (key) => t(key),
    format: formatFigure,
  });
  return { document, reportId: report.id, unitId: unit.id };
}
