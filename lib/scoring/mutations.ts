/**
 * Scoring's writes (decision 078): a province's template (a new version once one is used), its weakest share,
 * and a village's sheet. Each checks reach first (out of reach: not found), then commits with its audit row.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { readMeetingCells, readPetitionCells, PERIOD_CELL } from "../dashboards/read";
import { MEASURES, type Measure } from "../dashboards/kpis";
import { meetingsDue } from "../dashboards/period";
import type { Cells } from "../dashboards/restate";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import { parseReportPeriod, type ReportPeriod } from "../periodic-reports/period";
import { isoDay, todayInVietnam } from "../time";
import { autoPoints, checkPoints, criteriaOf, round2, sectionsOfRows, totalsOf, type AutoInputs } from "./rules";
import type { SheetInput, TemplateInput, WeakestShareInput } from "./schemas";
import { freezeTemplate, saveTemplateVersion, templateById, templateFor } from "./template";

/** The levels that keep a template and a weakest share. */
const KEEPING_LEVELS = ["PROVINCE", "NATION"] as const;

async function keepingUnit(actor: Actor, unitId: number) {
  if (!allows(actor, "scoring:configure:subtree")) throw new ActionError("NOT_FOUND");
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, level: true } });
  if (!unit) throw new ActionError("NOT_FOUND");
  if (!(KEEPING_LEVELS as readonly string[]).includes(unit.level)) throw new ActionError("INVALID_STATE", "only a province or the nation keeps a scoring template");
  return unit;
}

/** Saves the province's template: in place while unused, else as the next version. */
export async function saveTemplate(actor: Actor, input: TemplateInput) {
  const unit = await keepingUnit(actor, input.unitId);
  const sections = sectionsOfRows(input.rows);
  return transaction(async (tx) => {
    const saved = await saveTemplateVersion(tx, unit.id, { name: input.name, sections }, actor.userId);
    await audit(tx, {
      actorId: actor.userId,
      action: "scoring.template.save",
      entity: "ScoringTemplate",
      entityId: saved.id,
      unitId: unit.id,
      data: { version: saved.version, newVersion: saved.created, sections: sections.length, criteria: input.rows.length },
    });
    return { templateId: saved.id, version: saved.version, created: saved.created };
  });
}

/** Sets the share of the province's villages marked for follow-up. */
export async function setWeakestShare(actor: Actor, input: WeakestShareInput) {
  const unit = await keepingUnit(actor, input.unitId);
  return transaction(async (tx) => {
    const before = await tx.scoringSetting.findUnique({ where: { unitId: unit.id }, select: { weakestShare: true } });
    await tx.scoringSetting.upsert({
      where: { unitId: unit.id },
      create: { unitId: unit.id, weakestShare: input.weakestShare, updatedById: actor.userId },
      update: { weakestShare: input.weakestShare, updatedById: actor.userId },
    });
    await audit(tx, { actorId: actor.userId, action: "scoring.weakest-share", entity: "ScoringSetting", entityId: unit.id, unitId: unit.id, data: { from: before?.weakestShare ?? null, to: input.weakestShare } });
    return { unitId: unit.id, weakestShare: input.weakestShare };
  });
}

/** A village in the actor's reach, or null (not found); `stood`: whether it stood during the period (else it is not scored for it). */
export async function scorableVillage(actor: Actor, villageId: number, period: ReportPeriod) {
  const village = await db.unit.findFirst({
    where: { AND: [{ id: villageId, level: "VILLAGE" }, unitWhereFor(actor)] },
    select: { id: true, name: true, typeLabel: true, ancestorIds: true, parentId: true, validFrom: true, validTo: true },
  });
  if (!village) return null;
  const stood = !((village.validTo && isoDay(village.validTo) < period.from) || (village.validFrom && isoDay(village.validFrom) > period.to));
  return { ...village, stood };
}

/**
 * What the automatic criteria are filled from, for a village and period, from the rollups the reports read:
 * team meetings of the months that have ended, petitions resolved up to today.
 */
export async function autoInputsFor(villageId: number, period: ReportPeriod, now = new Date()): Promise<AutoInputs> {
  return (await autoInputsOf([villageId], period, now)).get(villageId)!;
}

/** `autoInputsFor` of many villages at once: two statements whatever their number (the demo's seed). */
export async function autoInputsOf(villageIds: number[], period: ReportPeriod, now = new Date()): Promise<Map<number, AutoInputs>> {
  const today = todayInVietnam(now);
  const months = meetingsDue(period, today).months;
  const lastMonth = `${isoDay(today).slice(0, 7)}-01`;
  const cells = new Map<number, Cells>();
  await Promise.all([
    readMeetingCells(cells, villageIds, months, [], { whole: true }),
    period.from <= lastMonth ? readPetitionCells(cells, villageIds, period.from, period.to < lastMonth ? period.to : lastMonth, { whole: true }) : Promise.resolve(),
  ]);
  return new Map(
    villageIds.map((id) => {
      const at = (m: Measure) => cells.get(id)?.get(PERIOD_CELL)?.[MEASURES.indexOf(m)] ?? 0;
      return [id, { teamsHeld: at("teamsHeld"), teamsExpected: at("teamsExpected"), resolved: at("resolved"), resolvedOnTime: at("resolvedOnTime") }];
    }),
  );
}

/**
 * Saves a village's sheet for a period: a new sheet on the template that applies now (which is frozen from
 * then on), an existing one on its own version of the template (matched on `version`). Typed points are
 * checked against their criteria's bounds; automatic ones are filled here, whatever the form sent.
 */
export async function saveSheet(actor: Actor, input: SheetInput, now = new Date()) {
  const period = parseReportPeriod(input.period)!;
  if (period.from > isoDay(todayInVietnam(now))) throw new ActionError("INVALID_STATE", "the period has not begun");
  const village = await scorableVillage(actor, input.villageId, period);
  if (!village) throw new ActionError("NOT_FOUND");
  if (!village.stood) throw new ActionError("INVALID_STATE", "the village did not stand during the period");
  const existing = await db.scoreSheet.findUnique({ where: { villageId_period: { villageId: village.id, period: period.key } }, select: { id: true, version: true, templateId: true } });
  if (existing && existing.version !== input.version) throw new ActionError("CONFLICT");
  if (!existing && input.version !== 0) throw new ActionError("CONFLICT");
  const template = existing ? await templateById(db, existing.templateId) : await templateFor(db, village);
  if (!template) throw new ActionError("INVALID_STATE", "no scoring template applies to this village");
  const criteria = criteriaOf(template.sections);
  const typed = Object.fromEntries(Object.entries(input.points).filter(([, v]) => v !== undefined)) as Record<string, number>;
  const errors = checkPoints(criteria, typed);
  if (errors.length) throw new ActionError("INVALID_STATE", "points out of bounds", Object.fromEntries(errors.map((e) => [`score.${e.key}`, [e.message]])));
  const inputs = await autoInputsFor(village.id, period, now);
  const points: Record<string, number> = {};
  for (const c of criteria) points[c.key] = c.auto ? autoPoints(c.auto, c.max, inputs) : round2(typed[c.key]);
  const totals = totalsOf(criteria, points);
  const note = input.note?.trim() || null;
  return transaction(async (tx) => {
    let sheetId: number;
    if (existing) {
      const updated = await tx.scoreSheet.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { scores: points, ...totals, note, scoredById: actor.userId, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new ActionError("CONFLICT");
      sheetId = existing.id;
    } else {
      const created = await tx.scoreSheet.createManyAndReturn({
        data: [
          {
            villageId: village.id,
            period: period.key,
            periodFrom: new Date(`${period.from}T00:00:00Z`),
            periodTo: new Date(`${period.to}T00:00:00Z`),
            templateId: template.id,
            scores: points,
            ...totals,
            note,
            scoredById: actor.userId,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      // Another user scored the village for the period meanwhile.
      if (created.length !== 1) throw new ActionError("CONFLICT");
      sheetId = created[0].id;
      await freezeTemplate(tx, template.id, now);
    }
    await audit(tx, {
      actorId: actor.userId,
      action: existing ? "scoring.sheet.update" : "scoring.sheet.create",
      entity: "ScoreSheet",
      entityId: sheetId,
      unitId: village.id,
      data: { period: period.key, templateId: template.id, templateVersion: template.version, total: totals.total, percent: totals.percent, inputs: { ...inputs } },
    });
    return { sheetId, ...totals };
  });
}
