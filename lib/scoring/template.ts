/**
 * Scoring templates (decision 078): a province (or the nation) keeps versions of its template. The one that
 * applies to a village is the latest version of its nearest ancestor that keeps one. A version a sheet has
 * used is frozen: saving then makes the next version, and the sheets scored on the old one keep its criteria.
 */
import type { Tx } from "../db/client";
import { DEFAULT_WEAKEST_SHARE, readSections, type TemplateSections } from "./rules";

const templateSelect = { id: true, ownerUnitId: true, version: true, name: true, sections: true, frozenAt: true, createdAt: true } as const;

export interface ScoringTemplateRow {
  id: number;
  ownerUnitId: number;
  version: number;
  name: string;
  sections: TemplateSections;
  frozenAt: Date | null;
  createdAt: Date;
}

const parsed = <T extends { sections: unknown }>(row: T): Omit<T, "sections"> & { sections: TemplateSections } => ({ ...row, sections: readSections(row.sections) });

/** The template that applies to a unit (its own or its nearest ancestor's latest version), or null. */
export async function templateFor(tx: Pick<Tx, "scoringTemplate">, unit: { ancestorIds: number[] }): Promise<ScoringTemplateRow | null> {
  const rows = await tx.scoringTemplate.findMany({ where: { ownerUnitId: { in: unit.ancestorIds } }, orderBy: { version: "desc" }, select: templateSelect });
  const depth = (id: number) => unit.ancestorIds.indexOf(id);
  const best = rows.sort((a, b) => depth(b.ownerUnitId) - depth(a.ownerUnitId) || b.version - a.version)[0];
  return best ? parsed(best) : null;
}

/** A template version by id. */
export async function templateById(tx: Pick<Tx, "scoringTemplate">, id: number): Promise<ScoringTemplateRow | null> {
  const row = await tx.scoringTemplate.findUnique({ where: { id }, select: templateSelect });
  return row ? parsed(row) : null;
}

/** The versions a unit keeps, newest first, with how many sheets each has scored. */
export async function versionsOf(tx: Pick<Tx, "scoringTemplate">, ownerUnitId: number) {
  const rows = await tx.scoringTemplate.findMany({
    where: { ownerUnitId },
    orderBy: { version: "desc" },
    take: 50,
    select: { ...templateSelect, _count: { select: { sheets: true } } },
  });
  return rows.map((r) => ({ ...parsed(r), sheets: r._count.sheets }));
}

/**
 * Saves a unit's template: its latest version changed in place while no sheet has used it, else a new
 * version (the one before stays as it was, with its sheets). Returns the version saved.
 */
export async function saveTemplateVersion(tx: Tx, ownerUnitId: number, content: { name: string; sections: TemplateSections }, userId: number) {
  const latest = await tx.scoringTemplate.findFirst({ where: { ownerUnitId }, orderBy: { version: "desc" }, select: { id: true, version: true, frozenAt: true } });
  const data = { name: content.name, sections: content.sections };
  if (latest && !latest.frozenAt) {
    // Frozen between the read and the write (a sheet saved meanwhile): the update matches nothing and a version is made.
    const updated = await tx.scoringTemplate.updateMany({ where: { id: latest.id, frozenAt: null }, data });
    if (updated.count === 1) return { id: latest.id, version: latest.version, created: false };
  }
  const created = await tx.scoringTemplate.create({ data: { ownerUnitId, version: (latest?.version ?? 0) + 1, createdById: userId, ...data }, select: { id: true, version: true } });
  return { ...created, created: true };
}

/** Marks a version as used: from now on it is frozen. */
export async function freezeTemplate(tx: Pick<Tx, "scoringTemplate">, templateId: number, at: Date): Promise<void> {
  await tx.scoringTemplate.updateMany({ where: { id: templateId, frozenAt: null }, data: { frozenAt: at } });
}

/** The weakest share that applies to a unit: its own or its nearest ancestor's setting, else 20 %. */
export async function weakestShareFor(tx: Pick<Tx, "scoringSetting">, unit: { ancestorIds: number[] }): Promise<{ share: number; ownerUnitId: number | null }> {
  const rows = await tx.scoringSetting.findMany({ where: { unitId: { in: unit.ancestorIds } }, select: { unitId: true, weakestShare: true } });
  const best = rows.sort((a, b) => unit.ancestorIds.indexOf(b.unitId) - unit.ancestorIds.indexOf(a.unitId))[0];
  return best ? { share: best.weakestShare, ownerUnitId: best.unitId } : { share: DEFAULT_WEAKEST_SHARE, ownerUnitId: null };
}
