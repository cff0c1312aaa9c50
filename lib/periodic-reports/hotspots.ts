/**
 * Hotspots of public opinion (điểm nóng, decision 080): a report lists them in structured form (the place, a
 * unit in the report's unit's subtree; the topic; how serious, on a fixed scale; how many people; what is being
 * done). Its unit's people add and remove them while the report is with the unit (a draft, or returned), as they
 * write its text; once sent they are fixed with it, and the approved report keeps them as they were approved.
 * They roll up: the hotspots of the sent reports of a period in a unit's subtree, read by the place's path.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { transaction } from "../db/retry";
import { writesFor } from "./mutations";
import { HOTSPOTS_PER_REPORT, type AddHotspotInput, type RemoveHotspotInput } from "./schemas";
import { nextStatus } from "./workflow";

/** The statuses whose hotspots roll up: what a unit has sent (a draft is still its own). */
export const SENT_STATUSES = ["SUBMITTED", "APPROVED"] as const;

/** The report, in reach and open to its writer's edits, locked for the transaction (a concurrent send waits). */
async function lockOpenReport(tx: Tx, reportId: number) {
  const { count } = await tx.periodicReport.updateMany({ where: { id: reportId, status: { in: ["DRAFT", "RETURNED"] } }, data: { updatedAt: new Date() } });
  if (count !== 1) throw new ActionError("INVALID_STATE", "the report is not with its unit");
}

async function writableReport(actor: Actor, reportId: number) {
  const report = await db.periodicReport.findFirst({
    where: { id: reportId, unit: unitWhereFor(actor) },
    select: { id: true, unitId: true, status: true, period: true, periodFrom: true, periodTo: true },
  });
  if (!report) throw new ActionError("NOT_FOUND");
  if (!writesFor(actor, report.unitId)) throw new ActionError("INVALID_STATE", "only the unit's own people write its report");
  if (!nextStatus(report.status, "save")) throw new ActionError("INVALID_STATE", `hotspots are fixed once the report is ${report.status}`);
  return report;
}

/** Adds a hotspot to a report with its unit; the place must lie in the report's unit's subtree. */
export async function addHotspot(actor: Actor, input: AddHotspotInput): Promise<{ hotspotId: number }> {
  const report = await writableReport(actor, input.reportId);
  const place = await db.unit.findFirst({ where: { AND: [{ id: input.placeUnitId }, unitWhereFor(actor), { ancestorIds: { has: report.unitId } }] }, select: { id: true, ancestorIds: true } });
  if (!place) throw new ActionError("NOT_FOUND");
  return transaction(async (tx) => {
    await lockOpenReport(tx, report.id);
    if ((await tx.reportHotspot.count({ where: { reportId: report.id } })) >= HOTSPOTS_PER_REPORT) throw new ActionError("INVALID_STATE", "too many hotspots");
    const created = await tx.reportHotspot.create({
      data: {
        reportId: report.id,
        placeUnitId: place.id,
        placePath: place.ancestorIds,
        periodFrom: report.periodFrom,
        periodTo: report.periodTo,
        topic: input.topic,
        severity: input.severity,
        people: input.people,
        actions: input.actions,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "periodic-report.hotspot-add",
      entity: "PeriodicReport",
      entityId: report.id,
      unitId: report.unitId,
      data: { period: report.period, hotspot: created.id, place: place.id, severity: input.severity },
    });
    return { hotspotId: created.id };
  });
}

/** Removes a hotspot from a report still with its unit (confirmed on the form). */
export async function removeHotspot(actor: Actor, input: RemoveHotspotInput): Promise<{ reportId: number }> {
  const hotspot = await db.reportHotspot.findFirst({ where: { id: input.hotspotId, report: { unit: unitWhereFor(actor) } }, select: { id: true, reportId: true, topic: true } });
  if (!hotspot) throw new ActionError("NOT_FOUND");
  const report = await writableReport(actor, hotspot.reportId);
  return transaction(async (tx) => {
    await lockOpenReport(tx, report.id);
    await tx.reportHotspot.delete({ where: { id: hotspot.id } });
    await audit(tx, {
      actorId: actor.userId,
      action: "periodic-report.hotspot-remove",
      entity: "PeriodicReport",
      entityId: report.id,
      unitId: report.unitId,
      data: { period: report.period, hotspot: hotspot.id, topic: hotspot.topic },
    });
    return { reportId: report.id };
  });
}
