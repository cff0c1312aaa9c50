/**
 * Logging a meeting: the meeting, its attendance, its agenda (the open petitions carried into
 * it), its attachments, and every petition raised at it, all in one transaction with their
 * audit rows. Raised petitions go through the one intake path (`recordPetition`), so they
 * flow into the petitions workflow like any other. A resubmitted form (same idempotency key)
 * returns the meeting the first submission made, and makes nothing new.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/roles";
import { petitionWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { isUniqueViolation, recordPetition } from "../petitions/intake";
import { OPEN_STATUSES } from "../petitions/status";
import { todayInVietnam } from "../time";
import { RAISED_CHANNEL } from "./labels";
import type { ActionDefinition } from "../actions/result";
import { meetingSchema, type MeetingInput } from "./schemas";
import { raisedUnitChoices, resolveTarget, rosterOf, targetOpenOn } from "./targets";

export interface CreateMeetingResult {
  id: number;
  /** False when the form had already been submitted: nothing new was made. */
  created: boolean;
  petitionIds: number[];
}

async function earlierSubmission(tx: Tx, actor: Actor, key: string): Promise<CreateMeetingResult | null> {
  const existing = await tx.meeting.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, createdById: true, raisedPetitions: { select: { id: true }, orderBy: { id: "asc" } } },
  });
  if (!existing) return null;
  // Someone else's key: never reveal their meeting.
  if (existing.createdById !== actor.userId) throw new ActionError("DUPLICATE");
  return { id: existing.id, created: false, petitionIds: existing.raisedPetitions.map((p) => p.id) };
}

/** The key of the petition a form's raised row makes: a resubmission finds it again. */
export function raisedPetitionKey(meetingKey: string, rowIndex: number): string {
  return `${meetingKey}:raised:${rowIndex}`;
}

async function record(tx: Tx, actor: Actor, input: MeetingInput, now: Date): Promise<CreateMeetingResult> {
  const again = await earlierSubmission(tx, actor, input.idempotencyKey);
  if (again) return again;
  const target = await resolveTarget(tx, actor, input.kind, input.target);
  if (!target) throw new ActionError("NOT_FOUND");
  if (!targetOpenOn(target, input.heldOn)) throw new ActionError("INVALID_STATE", "the team or unit did not exist on the meeting's day");

  // Attendance only for the roster shown; an unmarked member is recorded as absent.
  const roster = await rosterOf(tx, target, todayInVietnam(now));
  const marked = new Map(input.attendance.map((a) => [a.cadreId, a.status]));
  if ([...marked.keys()].some((id) => !roster.some((r) => r.cadreId === id))) throw new ActionError("INVALID_STATE", "attendance for someone not on the roster");
  const agenda = input.agendaPetitionIds.length
    ? await tx.petition.findMany({
        where: { AND: [{ id: { in: input.agendaPetitionIds } }, petitionWhereFor(actor), { unit: { ancestorIds: { has: target.unit.id } } }, { status: { in: [...OPEN_STATUSES] } }] },
        select: { id: true },
      })
    : [];
  const places = new Set((await raisedUnitChoices(tx, target)).map((u) => u.id));
  if (input.raised.some((r) => !places.has(r.unitId))) throw new ActionError("NOT_FOUND");

  const meeting = await tx.meeting.create({
    data: {
      kind: input.kind,
      organisationId: target.organisation?.id ?? null,
      unitId: target.unit.id,
      heldOn: input.heldOn,
      place: input.place,
      chair: input.chair,
      guests: input.guests ?? null,
      agenda: input.agenda ?? null,
      minutes: input.minutes ?? null,
      idempotencyKey: input.idempotencyKey,
      createdById: actor.userId,
      createdAt: now,
    },
    select: { id: true },
  });
  if (roster.length) {
    await tx.meetingAttendance.createMany({ data: roster.map((r) => ({ meetingId: meeting.id, cadreId: r.cadreId, status: marked.get(r.cadreId) ?? "ABSENT" })) });
  }
  if (agenda.length) await tx.meetingAgendaItem.createMany({ data: agenda.map((p) => ({ meetingId: meeting.id, petitionId: p.id })) });
  for (const file of input.attachments) {
    await tx.attachment.create({
      data: { meetingId: meeting.id, fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.bytes, uploadedById: actor.userId },
    });
  }
  const petitionIds: number[] = [];
  for (const row of input.raised) {
    const petition = await recordPetition(
      tx,
      actor,
      {
        idempotencyKey: raisedPetitionKey(input.idempotencyKey, row.index),
        receivedOn: input.heldOn,
        channel: RAISED_CHANNEL[input.kind],
        petitionerKind: row.petitionerName ? "PERSON" : "ANONYMOUS",
        petitionerName: row.petitionerName,
        petitionerPhone: undefined,
        petitionerAddress: undefined,
        fieldId: row.fieldId,
        content: row.content,
        unitId: row.unitId,
        meetingId: meeting.id,
        attachments: [],
      },
      now,
    );
    petitionIds.push(petition.id);
  }
  const present = roster.filter((r) => (marked.get(r.cadreId) ?? "ABSENT") === "PRESENT").length;
  await audit(tx, {
    actorId: actor.userId,
    action: "meeting.create",
    entity: "Meeting",
    entityId: meeting.id,
    unitId: target.unit.id,
    data: { kind: input.kind, heldOn: input.heldOn.toISOString().slice(0, 10), present, expected: roster.length, agenda: agenda.length, petitionIds, attachments: input.attachments.length },
  });
  return { id: meeting.id, created: true, petitionIds };
}

export async function createMeeting(actor: Actor, input: MeetingInput, now = new Date()): Promise<CreateMeetingResult> {
  if (!can(actor.role, "meeting:create:subtree")) throw new ActionError("NOT_FOUND");
  if (input.heldOn > todayInVietnam(now)) throw new ActionError("INVALID_STATE", "heldOn in the future");
  try {
    // Several petitions and files in one go: more room than Prisma's 5 s default.
    return await db.$transaction((tx) => record(tx, actor, input, now), { timeout: 30_000, maxWait: 15_000 });
  } catch (error) {
    // Two submissions of one form raced: the loser finds the winner's meeting.
    if (isUniqueViolation(error)) {
      const again = await earlierSubmission(db, actor, input.idempotencyKey);
      if (again) return again;
    }
    throw error;
  }
}

/** The form of /meetings/new as an action (lib/actions/form-post.ts runs it). */
export const logMeeting: ActionDefinition<typeof meetingSchema, CreateMeetingResult> = {
  schema: meetingSchema,
  permission: "meeting:create:subtree",
  run: ({ input, actor }) => createMeeting(actor, input),
};
