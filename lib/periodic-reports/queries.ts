import "server-only";
/**
 * The periodic reports' reads, scoped by the actor's reach (out of reach: null, the page's 404): one unit's
 * report of a period with its cycle, the reports of the units below it (completeness and timeliness), the
 * reports awaiting the actor's approval, and the read API's list.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { reachRoots, unitWhereFor } from "../auth/scope";
import { encodeCursor, readCursor, type Page } from "../api/cursor";
import { db } from "../db/client";
import type { ReportPeriodKind } from "../generated/prisma/enums";
import { percent } from "../percent";
import { isoDay, todayInVietnam } from "../time";
import { z } from "zod";
import { readFigures, sumCounts } from "./figures";
import { hotspotsOfReports } from "./hotspot-queries";
import { REPORTING_LEVELS, approvesFor, writesFor } from "./mutations";
import { dueOnOf, type ReportPeriod } from "./period";
import { countStandings, standingOf, type Standing } from "./standing";
import { deadlineDayFor } from "./template";
import { openSteps } from "./workflow";

const unitSelect = { id: true, code: true, level: true, typeLabel: true, name: true, parentId: true, ancestorIds: true, validFrom: true, validTo: true } as const;

/** One unit's report of a period, what the actor may do with it, and its comments; null out of reach. */
export async function reportOfPeriod(actor: Actor, unitId: number, period: ReportPeriod, now = new Date()) {
  if (!allows(actor, "periodic-report:read:subtree")) return null;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: unitSelect });
  if (!unit) return null;
  const report = await db.periodicReport.findUnique({
    where: { unitId_periodKind_period: { unitId: unit.id, periodKind: period.kind, period: period.key } },
    select: {
      id: true,
      status: true,
      version: true,
      narrative: true,
      figures: true,
      figuresAt: true,
      dueOn: true,
      submittedAt: true,
      approvedAt: true,
      approverUnitId: true,
      createdAt: true,
      template: { select: { version: true, figureKeys: true, sectionKeys: true } },
      comments: { orderBy: { id: "asc" }, take: 100, select: { id: true, kind: true, body: true, createdAt: true, author: { select: { displayName: true } } } },
    },
  });
  const today = todayInVietnam(now);
  const reporting = (REPORTING_LEVELS as readonly string[]).includes(unit.level) && unit.parentId !== null;
  const dueOn = report?.dueOn ?? dueOnOf(period, await deadlineDayFor(db, unit, period.kind));
  const begun = period.from <= isoDay(today);
  const existed = !(unit.validTo && isoDay(unit.validTo) < period.from) && !(unit.validFrom && isoDay(unit.validFrom) > period.to);
  const writer = writesFor(actor, unit.id);
  const approver = report ? approvesFor(actor, report.approverUnitId) : false;
  const approverUnitId = report?.approverUnitId ?? unit.parentId;
  const approverUnit = approverUnitId ? await db.unit.findUnique({ where: { id: approverUnitId }, select: { id: true, code: true, level: true, typeLabel: true, name: true } }) : null;
  return {
    unit,
    approverUnit,
    period,
    dueOn,
    standing: standingOf(report, dueOn, today),
    report: report && {
      ...report,
      figures: readFigures(report.figures),
      narrative: (report.narrative ?? {}) as Record<string, string>,
      writerSteps: writer ? openSteps(report.status, "writer") : [],
      approverSteps: approver ? openSteps(report.status, "approver") : [],
    },
    /** Whether the actor may start this report now. */
    mayStart: !report && reporting && writer && begun && existed,
  };
}

/** The units expected to report to `unitId` for a period: its children of a reporting level that existed during it. */
async function reportingChildren(unitId: number, period: ReportPeriod) {
  return db.unit.findMany({
    where: {
      parentId: unitId,
      level: { in: [...REPORTING_LEVELS] },
      AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: new Date(`${period.to}T00:00:00Z`) } }] }, { OR: [{ validTo: null }, { validTo: { gte: new Date(`${period.from}T00:00:00Z`) } }] }],
    },
    select: unitSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** The units reporting to a unit in the actor's reach for a period; null out of reach (or without the right to read reports). */
async function reportingBelow(actor: Actor, unitId: number, period: ReportPeriod) {
  if (!allows(actor, "periodic-report:read:subtree")) return null;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true } });
  return unit ? reportingChildren(unit.id, period) : null;
}

export interface CompletenessRow {
  unit: { id: number; code: string | null; level: string; typeLabel: string; name: string; validTo: Date | null };
  standing: Standing;
  status: string | null;
  dueOn: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
}

/**
 * Completeness and timeliness of the reports sent to a unit for a period: each unit below it, sent on
 * time, late, overdue or not yet due, with the counts. Null when the unit is out of reach.
 */
export async function completenessOf(actor: Actor, unitId: number, period: ReportPeriod, now = new Date()) {
  const children = await reportingBelow(actor, unitId, period);
  if (!children) return null;
  const reports = children.length
    ? await db.periodicReport.findMany({
        where: { unitId: { in: children.map((c) => c.id) }, periodKind: period.kind, period: period.key },
        select: { unitId: true, status: true, dueOn: true, submittedAt: true, approvedAt: true },
      })
    : [];
  const byUnit = new Map(reports.map((r) => [r.unitId, r]));
  const deadlines = new Map<string, number>();
  for (const c of children) if (!deadlines.has(c.level)) deadlines.set(c.level, await deadlineDayFor(db, c, period.kind));
  const today = todayInVietnam(now);
  const rows: CompletenessRow[] = children.map((c) => {
    const r = byUnit.get(c.id) ?? null;
    const dueOn = r?.dueOn ?? dueOnOf(period, deadlines.get(c.level)!);
    return {
      unit: { id: c.id, code: c.code, level: c.level, typeLabel: c.typeLabel, name: c.name, validTo: c.validTo },
      standing: standingOf(r, dueOn, today),
      status: r?.status ?? null,
      dueOn,
      submittedAt: r?.submittedAt ?? null,
      approvedAt: r?.approvedAt ?? null,
    };
  });
  return { rows, counts: countStandings(rows.map((r) => r.standing), percent) };
}

const queueCursor = z.tuple([z.string().datetime(), z.number().int().positive()]);

/** Reports sent to the actor's unit (or to one that closed into it) and awaiting its decision, oldest first. */
export async function awaitingApproval(actor: Actor, options: { cursor?: string; limit?: number; kind?: ReportPeriodKind } = {}) {
  const limit = options.limit ?? 50;
  if (!allows(actor, "periodic-report:approve:subtree")) return { items: [], nextCursor: null } satisfies Page<never>;
  const after = readCursor(options.cursor, queueCursor);
  const rows = await db.periodicReport.findMany({
    where: {
      approverUnitId: { in: reachRoots(actor) },
      status: "SUBMITTED",
      ...(options.kind ? { periodKind: options.kind } : {}),
      ...(after ? { OR: [{ submittedAt: { gt: new Date(after[0]) } }, { submittedAt: new Date(after[0]), id: { gt: after[1] } }] } : {}),
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: { id: true, period: true, periodKind: true, dueOn: true, submittedAt: true, unit: { select: { id: true, typeLabel: true, name: true, code: true } } },
  });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown, nextCursor: rows.length > limit && last ? encodeCursor([last.submittedAt!.toISOString(), last.id]) : null };
}

/**
 * What a unit's writer draws on: the approved reports of the period of the units that report to it, their
 * count figures summed (a share or an average cannot be summed: those stay each child's), and each one's text.
 * Null out of reach.
 */
export async function approvedBelow(actor: Actor, unitId: number, period: ReportPeriod) {
  const children = await reportingBelow(actor, unitId, period);
  if (!children) return null;
  const reports = children.length
    ? await db.periodicReport.findMany({
        where: { unitId: { in: children.map((c) => c.id) }, periodKind: period.kind, period: period.key, status: "APPROVED" },
        select: { id: true, unitId: true, narrative: true, figures: true, approvedAt: true, template: { select: { sectionKeys: true } } },
      })
    : [];
  const byId = new Map(children.map((c) => [c.id, c]));
  const hotspots = await hotspotsOfReports(reports.map((r) => r.id));
  const items = reports
    .map((r) => ({ unit: byId.get(r.unitId)!, hotspots: hotspots.get(r.id) ?? [], figures: readFigures(r.figures), narrative: (r.narrative ?? {}) as Record<string, string>, sectionKeys: r.template.sectionKeys, approvedAt: r.approvedAt }))
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, "vi") || a.unit.id - b.unit.id);
  return { expected: children.length, items, summed: sumCounts(items.map((i) => i.figures)) };
}
