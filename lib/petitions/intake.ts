/**
 * Intake: a new petition, with its code, its first timeline event, its attachments and its
 * audit row, in one transaction. A resubmitted form (same idempotency key) returns the
 * petition the first submission made instead of making another. A meeting's raised petitions
 * go through the same `recordPetition`, inside the meeting's own transaction.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { todayInVietnam } from "../time";
import { allocatePetitionCode } from "./code";
import type { IntakeInput } from "./schemas";
import { petitionSearchColumns } from "./search";

export interface IntakeResult {
  id: number;
  code: string;
  /** False when the form had already been submitted: nothing new was made. */
  created: boolean;
}

async function earlierSubmission(tx: Tx, actor: Actor, key: string): Promise<IntakeResult | null> {
  const existing = await tx.petition.findUnique({ where: { idempotencyKey: key }, select: { id: true, code: true, createdById: true } });
  if (!existing) return null;
  // Someone else's key: never reveal their petition.
  if (existing.createdById !== actor.userId) throw new ActionError("DUPLICATE");
  return { id: existing.id, code: existing.code, created: false };
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Records one petition inside the caller's transaction: the one intake path, used by the
 * intake form (createPetition) and by a meeting that logs the petitions raised at it.
 */
export async function recordPetition(tx: Tx, actor: Actor, input: IntakeInput, now = new Date()): Promise<IntakeResult> {
  if (!can(actor.role, "petition:create:subtree")) throw new ActionError("NOT_FOUND");
  if (input.receivedOn > todayInVietnam(now)) throw new ActionError("INVALID_STATE", "receivedOn in the future");
  const unit = await tx.unit.findFirst({
    where: { AND: [{ id: input.unitId }, unitWhereFor(actor)], level: { in: ["VILLAGE", "COMMUNE"] } },
    select: { id: true, ancestorIds: true, validFrom: true, validTo: true },
  });
  if (!unit) throw new ActionError("NOT_FOUND");
  const openOn = (!unit.validFrom || unit.validFrom <= input.receivedOn) && (!unit.validTo || unit.validTo >= input.receivedOn);
  if (!openOn) throw new ActionError("INVALID_STATE", "the unit did not exist on the day of receipt");
  const field = await tx.petitionField.findFirst({ where: { id: input.fieldId, active: true }, select: { id: true } });
  if (!field) throw new ActionError("NOT_FOUND");
  if (input.meetingId !== undefined) {
    const meeting = await tx.meeting.findFirst({ where: { id: input.meetingId, unit: unitWhereFor(actor) }, select: { id: true } });
    if (!meeting) throw new ActionError("NOT_FOUND");
  }

  const code = await allocatePetitionCode(tx, unit.ancestorIds, input.receivedOn);
  const petition = await tx.petition.create({
    data: {
      code,
      unitId: unit.id,
      receivedOn: input.receivedOn,
      channel: input.channel,
      petitionerKind: input.petitionerKind,
      petitionerName: input.petitionerName ?? null,
      petitionerPhone: input.petitionerPhone ?? null,
      petitionerAddress: input.petitionerAddress ?? null,
      fieldId: field.id,
      content: input.content,
      ...petitionSearchColumns({ code, ...input }),
      meetingId: input.meetingId ?? null,
      idempotencyKey: input.idempotencyKey,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  await tx.petitionEvent.create({
    data: { petitionId: petition.id, kind: "CREATED", toStatus: "RECEIVED", actorId: actor.userId, at: now },
  });
  for (const file of input.attachments) {
    await tx.attachment.create({
      data: {
        petitionId: petition.id,
        fileName: file.fileName,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        content: file.bytes,
        uploadedById: actor.userId,
      },
    });
  }
  await audit(tx, {
    actorId: actor.userId,
    action: "petition.create",
    entity: "Petition",
    entityId: petition.id,
    unitId: unit.id,
    data: {
      code,
      personalData: Boolean(input.petitionerName || input.petitionerPhone || input.petitionerAddress),
      attachments: input.attachments.length,
      ...(input.meetingId !== undefined ? { meetingId: input.meetingId } : {}),
    },
  });
  return { id: petition.id, code, created: true };
}

export async function createPetition(actor: Actor, input: IntakeInput, now = new Date()): Promise<IntakeResult> {
  try {
    return await db.$transaction(async (tx) => (await earlierSubmission(tx, actor, input.idempotencyKey)) ?? recordPetition(tx, actor, input, now));
  } catch (error) {
    // Two submissions of one form raced: the loser finds the winner's petition.
    if (isUniqueViolation(error)) {
      const again = await earlierSubmission(db, actor, input.idempotencyKey);
      if (again) return again;
    }
    throw error;
  }
}
