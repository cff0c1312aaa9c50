/**
 * The periodic report's cycle (decision 066): a unit's people start and write their report, its figures
 * read from the dashboards and refreshed until it is sent; the level above approves it (its figures then
 * stay as they were sent: the snapshot) or returns it with a comment; only that level reopens an approved
 * report. Each step checks reach first (out of reach: not found), then who may take it, then commits with
 * its audit row; concurrent edits match on `version`.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { reachRoots, unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { dashboardFor } from "../dashboards/dashboard";
import { db, type Tx } from "../db/client";
import { transaction } from "../db/retry";
import type { Prisma } from "../generated/prisma/client";
import type { PeriodicReportStatus } from "../generated/prisma/enums";
import { isoDay, todayInVietnam } from "../time";
import { figuresOfDashboard, type Figures } from "./figures";
import { dueOnOf, parseReportPeriod, type ReportPeriod } from "./period";
import type { DecideReportInput, RefreshReportInput, SaveReportInput, StartReportInput } from "./schemas";
import { freezeTemplate, SECTION_KEYS, templateFor } from "./template";
import { nextStatus, type ReportStep } from "./workflow";

/** The levels that write periodic reports. */
export const REPORTING_LEVELS = ["COMMUNE", "DISTRICT", "PROVINCE"] as const;

/**
 * The figures of a unit's period as the reports page shows them: `dashboardFor`, on the units as they
 * were (the historical view: a report is about its unit in its period). Not found when the actor may
 * not read the unit's reports.
 */
export async function liveFigures(actor: Actor, unitId: number, period: ReportPeriod, keys: readonly string[], now?: Date): Promise<{ figures: Figures; at: Date }> {
  const dashboard = await dashboardFor(actor, unitId, period, "historical", now);
  if (!dashboard) throw new ActionError("NOT_FOUND");
  return { figures: figuresOfDashboard(dashboard, keys), at: new Date(dashboard.asOf) };
}

/** May the actor write this unit's reports: the writing duty, at the unit itself. */
export function writesFor(actor: Actor, unitId: number): boolean {
  return allows(actor, "periodic-report:write:subtree") && allows(actor, "report:read:subtree") && actor.unit.id === unitId;
}

/** May the actor decide on a report going to this unit: the approving duty, at that unit (or one that closed into the actor's, decision 057). */
export function approvesFor(actor: Actor, approverUnitId: number): boolean {
  return allows(actor, "periodic-report:approve:subtree") && reachRoots(actor).includes(approverUnitId);
}

/** Starts the unit's report of a period (or finds the one started), its figures read now. Returns its id. */
export async function startReport(actor: Actor, input: StartReportInput, now = new Date()): Promise<{ reportId: number }> {
  const period = parseReportPeriod(input.period)!;
  const unit = await db.unit.findFirst({
    where: { AND: [{ id: input.unitId }, unitWhereFor(actor)] },
    select: { id: true, level: true, parentId: true, ancestorIds: true, validFrom: true, validTo: true },
  });
  if (!unit) throw new ActionError("NOT_FOUND");
  if (!writesFor(actor, unit.id)) throw new ActionError("INVALID_STATE", "only the unit's own people write its report");
  if (!(REPORTING_LEVELS as readonly string[]).includes(unit.level) || unit.parentId === null) throw new ActionError("INVALID_STATE", "this level writes no periodic report");
  if (period.from > isoDay(todayInVietnam(now))) throw new ActionError("INVALID_STATE", "the period has not begun");
  if ((unit.validTo && isoDay(unit.validTo) < period.from) || (unit.validFrom && isoDay(unit.validFrom) > period.to)) throw new ActionError("INVALID_STATE", "the unit did not exist in the period");
  const existing = await db.periodicReport.findUnique({ where: { unitId_periodKind_period: { unitId: unit.id, periodKind: period.kind, period: period.key } }, select: { id: true } });
  if (existing) return { reportId: existing.id };
  const template = await transaction((tx) => templateFor(tx, unit, period.kind));
  const { figures, at } = await liveFigures(actor, unit.id, period, template.figureKeys);
  return transaction(async (tx) => {
    const created = await tx.periodicReport.createManyAndReturn({
      data: [
        {
          unitId: unit.id,
          periodKind: period.kind,
          period: period.key,
          periodFrom: new Date(`${period.from}T00:00:00Z`),
          periodTo: new Date(`${period.to}T00:00:00Z`),
          dueOn: dueOnOf(period, template.deadlineDay),
          templateId: template.id,
          approverUnitId: unit.parentId!,
          narrative: {},
          figures: figures as Prisma.InputJsonObject,
          figuresAt: at,
          createdById: actor.userId,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    // Two writers starting the same report at once: the second finds the first's.
    if (!created.length) {
      const first = await tx.periodicReport.findUniqueOrThrow({ where: { unitId_periodKind_period: { unitId: unit.id, periodKind: period.kind, period: period.key } }, select: { id: true } });
      return { reportId: first.id };
    }
    await freezeTemplate(tx, template.id, now);
    await audit(tx, { actorId: actor.userId, action: "periodic-report.start", entity: "PeriodicReport", entityId: created[0].id, unitId: unit.id, data: { period: period.key, template: template.id } });
    return { reportId: created[0].id };
  });
}

const reportSelect = {
  id: true,
  unitId: true,
  periodKind: true,
  period: true,
  status: true,
  version: true,
  approverUnitId: true,
  narrative: true,
  figures: true,
  template: { select: { figureKeys: true } },
} as const;

/** The report if it lies in the actor's reach, and the status the step leads to; NOT_FOUND or INVALID_STATE otherwise. */
async function reportForStep(actor: Actor, reportId: number, step: ReportStep) {
  const report = await db.periodicReport.findFirst({ where: { id: reportId, unit: unitWhereFor(actor) }, select: reportSelect });
  if (!report) throw new ActionError("NOT_FOUND");
  const by = step === "approve" || step === "return" || step === "reopen" ? "approver" : "writer";
  if (by === "writer" ? !writesFor(actor, report.unitId) : !approvesFor(actor, report.approverUnitId)) throw new ActionError("INVALID_STATE", `not the ${by} of this report`);
  const to = nextStatus(report.status, step);
  if (!to) throw new ActionError("INVALID_STATE", `${step} is not open from ${report.status}`);
  return { report, to };
}

/** The update on `version`: none matched means someone saved first. */
async function updateOnVersion(tx: Tx, id: number, version: number, data: Prisma.PeriodicReportUpdateManyMutationInput) {
  const { count } = await tx.periodicReport.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ActionError("CONFLICT");
}

function narrativeOf(input: SaveReportInput): Prisma.InputJsonObject {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, input[k] ?? ""]));
}

/** Saves the writer's sections, or sends the report up with its figures read once more. */
export async function saveReport(actor: Actor, input: SaveReportInput): Promise<{ reportId: number; status: PeriodicReportStatus }> {
  const { report, to } = await reportForStep(actor, input.reportId, input.intent);
  const period = parseReportPeriod(report.period)!;
  // Sent with the figures of the moment it is sent: what the approver reads is what the unit sent.
  const fresh = input.intent === "submit" ? await liveFigures(actor, report.unitId, period, report.template.figureKeys) : null;
  return transaction(async (tx) => {
    const now = new Date();
    await updateOnVersion(tx, report.id, input.version, {
      narrative: narrativeOf(input),
      status: to,
      ...(fresh ? { figures: fresh.figures as Prisma.InputJsonObject, figuresAt: fresh.at, submittedAt: now, submittedById: actor.userId } : {}),
    });
    await audit(tx, {
      actorId: actor.userId,
      action: `periodic-report.${input.intent}`,
      entity: "PeriodicReport",
      entityId: report.id,
      unitId: report.unitId,
      data: { period: report.period, from: report.status, to },
    });
    return { reportId: report.id, status: to };
  });
}

/** Reads the figures again from the dashboards, while the report is with its unit. */
export async function refreshReport(actor: Actor, input: RefreshReportInput): Promise<{ reportId: number }> {
  const { report } = await reportForStep(actor, input.reportId, "refresh");
  const fresh = await liveFigures(actor, report.unitId, parseReportPeriod(report.period)!, report.template.figureKeys);
  return transaction(async (tx) => {
    await updateOnVersion(tx, report.id, input.version, { figures: fresh.figures as Prisma.InputJsonObject, figuresAt: fresh.at });
    await audit(tx, { actorId: actor.userId, action: "periodic-report.refresh", entity: "PeriodicReport", entityId: report.id, unitId: report.unitId, data: { period: report.period } });
    return { reportId: report.id };
  });
}

/**
 * The approving level's decision: approve (the figures as sent become the snapshot and the report is
 * locked), return with what to correct, or reopen an approved report with the reason (audited).
 */
export async function decideReport(actor: Actor, input: DecideReportInput): Promise<{ reportId: number; status: PeriodicReportStatus }> {
  const { report, to } = await reportForStep(actor, input.reportId, input.decision);
  return transaction(async (tx) => {
    const now = new Date();
    await updateOnVersion(tx, report.id, input.version, {
      status: to,
      ...(input.decision === "approve" ? { approvedAt: now, approvedById: actor.userId } : { approvedAt: null, approvedById: null }),
    });
    if (input.comment) await tx.periodicReportComment.create({ data: { reportId: report.id, authorId: actor.userId, kind: input.decision, body: input.comment } });
    await audit(tx, {
      actorId: actor.userId,
      action: `periodic-report.${input.decision}`,
      entity: "PeriodicReport",
      entityId: report.id,
      unitId: report.unitId,
      data: { period: report.period, from: report.status, to, ...(input.comment ? { comment: input.comment } : {}) },
    });
    return { reportId: report.id, status: to };
  });
}
