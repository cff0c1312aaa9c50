/**
 * Report templates (decision 066): what a report of a level and kind of period lists, and its
 * deadline. A unit's template is the latest version kept by its nearest ancestor that keeps one, else
 * the nation's default, made on first need. A version that a report has used is frozen: a change to it
 * makes the next version, so a report always reads as the template it was written on.
 */
import type { ReportPeriodKind, UnitLevel } from "../generated/prisma/enums";
import type { Tx } from "../db/client";
import { FIGURE_KEYS } from "./figures";

/** The narrative sections of a report, in the order of a Party body's report. */
export const SECTION_KEYS = ["situation", "results", "weaknesses", "directions", "proposals"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Reports go up the tree: a commune's is due before the district's or province's that draws on it. */
export const DEFAULT_DEADLINE_DAY: Partial<Record<UnitLevel, number>> = { COMMUNE: 10, DISTRICT: 15, PROVINCE: 20, NATION: 25 };

export interface TemplateContent {
  figureKeys: string[];
  sectionKeys: string[];
  deadlineDay: number;
}

const templateSelect = { id: true, ownerUnitId: true, version: true, figureKeys: true, sectionKeys: true, deadlineDay: true, frozenAt: true } as const;

/**
 * The template that applies to a unit's reports of a kind: the latest version of the nearest ancestor's
 * (the unit's own included), else the nation's default (version 1, made here the first time).
 */
export async function templateFor(tx: Tx, unit: { level: UnitLevel; ancestorIds: number[] }, kind: ReportPeriodKind) {
  const nearest = await findTemplate(tx, unit, kind);
  if (nearest) return nearest;
  const content: TemplateContent = { figureKeys: [...FIGURE_KEYS], sectionKeys: [...SECTION_KEYS], deadlineDay: DEFAULT_DEADLINE_DAY[unit.level] ?? 20 };
  await tx.reportTemplate.createMany({ data: [{ ownerUnitId: unit.ancestorIds[0], level: unit.level, periodKind: kind, version: 1, ...content }], skipDuplicates: true });
  return tx.reportTemplate.findFirstOrThrow({ where: { ownerUnitId: unit.ancestorIds[0], level: unit.level, periodKind: kind, version: 1 }, select: templateSelect });
}

/** The template that applies, if one has been made (a read only: pages use it for deadlines). */
export async function findTemplate(tx: Pick<Tx, "reportTemplate">, unit: { level: UnitLevel; ancestorIds: number[] }, kind: ReportPeriodKind) {
  const rows = await tx.reportTemplate.findMany({
    where: { ownerUnitId: { in: unit.ancestorIds }, level: unit.level, periodKind: kind },
    orderBy: { version: "desc" },
    select: templateSelect,
  });
  const depth = (id: number) => unit.ancestorIds.indexOf(id);
  return rows.sort((a, b) => depth(b.ownerUnitId) - depth(a.ownerUnitId) || b.version - a.version)[0] ?? null;
}

/** The deadline day that applies to a unit's reports of a kind, whether or not a report has made its template yet. */
export async function deadlineDayFor(tx: Pick<Tx, "reportTemplate">, unit: { level: UnitLevel; ancestorIds: number[] }, kind: ReportPeriodKind): Promise<number> {
  return (await findTemplate(tx, unit, kind))?.deadlineDay ?? DEFAULT_DEADLINE_DAY[unit.level] ?? 20;
}

/** Marks a version as used: from now on it is frozen. */
export async function freezeTemplate(tx: Tx, templateId: number, at: Date): Promise<void> {
  await tx.reportTemplate.updateMany({ where: { id: templateId, frozenAt: null }, data: { frozenAt: at } });
}

/**
 * Saves a unit's template of a level and kind: its latest version changed in place while no report has
 * used it, else a new version. Returns the version saved.
 */
export async function saveTemplateVersion(tx: Tx, ownerUnitId: number, level: UnitLevel, kind: ReportPeriodKind, content: TemplateContent) {
  const latest = await tx.reportTemplate.findFirst({ where: { ownerUnitId, level, periodKind: kind }, orderBy: { version: "desc" }, select: templateSelect });
  if (latest && !latest.frozenAt) return tx.reportTemplate.update({ where: { id: latest.id }, data: content, select: templateSelect });
  return tx.reportTemplate.create({ data: { ownerUnitId, level, periodKind: kind, version: (latest?.version ?? 0) + 1, ...content }, select: templateSelect });
}
