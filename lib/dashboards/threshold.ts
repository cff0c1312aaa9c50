/**
 * The on-time threshold of the reports: units whose on-time share is below it stand out in
 * the child table. A province (or, for the whole country, an admin at the nation) sets it;
 * the nearest ancestor's setting applies, else DEFAULT_ON_TIME_THRESHOLD.
 */
import { z } from "zod";
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { idField } from "../forms/fields";
import { DEFAULT_ON_TIME_THRESHOLD } from "./columns";

export interface Threshold {
  value: number;
  /** The unit whose setting applies; null for the default. */
  owner: { id: number; typeLabel: string; name: string } | null;
}

/** The threshold that applies to a unit: its own or its nearest ancestor's. */
export async function thresholdFor(unit: { ancestorIds: number[] }): Promise<Threshold> {
  const rows = await db.reportThreshold.findMany({
    where: { unitId: { in: unit.ancestorIds } },
    select: { onTimeRate: true, unit: { select: { id: true, typeLabel: true, name: true, depth: true } } },
  });
  const nearest = rows.sort((a, b) => b.unit.depth - a.unit.depth)[0];
  return nearest ? { value: nearest.onTimeRate, owner: nearest.unit } : { value: DEFAULT_ON_TIME_THRESHOLD, owner: null };
}

const WHOLE_PERCENT = "Ngưỡng phải là số nguyên từ 0 đến 100.";

export const thresholdSchema = z.object({
  unitId: idField(),
  // An empty field is no number (z.coerce would read it as 0).
  onTimeRate: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: WHOLE_PERCENT }).int({ error: WHOLE_PERCENT }).min(0, { error: WHOLE_PERCENT }).max(100, { error: WHOLE_PERCENT }),
  ),
});

/** Only a province or the nation keeps a threshold, inside the actor's subtree. */
export async function setThreshold(actor: Actor, input: z.output<typeof thresholdSchema>): Promise<{ unitId: number; onTimeRate: number }> {
  if (!allows(actor, "report:configure:subtree")) throw new ActionError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findFirst({ where: { AND: [{ id: input.unitId }, unitWhereFor(actor)] }, select: { id: true, level: true } });
    if (!unit) throw new ActionError("NOT_FOUND");
    if (unit.level !== "PROVINCE" && unit.level !== "NATION") throw new ActionError("INVALID_STATE", "only a province or the nation keeps a threshold");
    const before = await tx.reportThreshold.findUnique({ where: { unitId: unit.id }, select: { onTimeRate: true } });
    await tx.reportThreshold.upsert({
      where: { unitId: unit.id },
      create: { unitId: unit.id, onTimeRate: input.onTimeRate, updatedById: actor.userId },
      update: { onTimeRate: input.onTimeRate, updatedById: actor.userId },
    });
    await audit(tx, { actorId: actor.userId, action: "report.threshold", entity: "ReportThreshold", entityId: unit.id, unitId: unit.id, data: { from: before?.onTimeRate ?? null, to: input.onTimeRate } });
    return { unitId: unit.id, onTimeRate: input.onTimeRate };
  });
}
