/**
 * Logging a meeting: the meeting, its attendance, its agenda (the open petitions carried into
 * it), its attachments, and every petition raised at it, all in one transaction with their
 * audit rows. Raised petitions go through the one intake path (`preparePetition` and
 * `writePetition`), so they flow into the petitions workflow like any other. Everything is
 * read and checked before the transaction opens; the transaction holds only the writes
 * (decision 027). A resubmitted form (same idempotency key) returns the meeting the first
 * submission made, and makes nothing new.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { petitionWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import type { AttendanceStatus } from "../generated/prisma/enums";
import { isUniqueViolation } from "../db/errors";
import { transaction } from "../db/retry";
import { preparePetition, writePetition, type PreparedPetition } from "../petitions/intake";
import { OPEN_STATUSES } from "../petitions/status";
import { todayInVietnam } from "../time";
import { RAISED_CHANNEL } from "./labels";
import type { ActionDefinition } from "../actions/result";
import { meetingSchema, type MeetingInput } from "./schemas";
import { raisedUnitChoices, resolveTarget, rosterOf, targetOpenOn, type ResolvedTarget } from "./targets";

export interface CreateMeetingResult {
  id: number;
  /** False when the form had already been submitted: nothing new was made. */
  created: boolean;
  petitionIds: number[];
}

async function earlierSubmission(client: Pick<Tx, "meeting">, actor: Actor, key: string): Promise<CreateMeetingResult | null> {
  const existing = await client.meeting.findUnique({
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

/** A meeting checked and ready to write. */
interface PreparedMeeting {
  target: ResolvedTarget;
  attendance: { cadreId: number; status: AttendanceStatus }[];
  agendaPetitionIds: number[];
  /** The raised petitions, checked like any intake; their meeting id is filled in when it exists. */
  raised: PreparedPetition[];
}

/** Every check of a meeting and of the petitions raised at it, by reads only. */
async function prepareMeeting(actor: Actor, input: MeetingInput, now: Date): Promise<PreparedMeeting> {
  const target = await resolveTarget(db, actor, input.kind, input.target);
  if (!target) throw new ActionError("NOT_FOUND");
  if (!targetOpenOn(target, input.heldOn)) throw new ActionError("INVALID_STATE", "the team or unit did not exist on the meeting's day");

  // Attendance only for the roster shown; an unmarked member is recorded as absent.
  const roster = await rosterOf(db, target, todayInVietnam(now));
  const marked = new Map(input.attendance.map((a) => [a.cadreId, a.status]));
  if ([...marked.keys()].some((id) => !roster.some((r) => r.cadreId === id))) throw new ActionError("INVALID_STATE", "attendance for someone not on the roster");
  // A field visit records who went, and only them (decision 053).
  const visit = input.kind === "FIELD_VISIT";
  if (visit && [...marked.values()].some((s) => s !== "PRESENT")) throw new ActionError("INVALID_STATE", "a field visit records only who went");
  const agenda = input.agendaPetitionIds.length
    ? await db.petition.findMany({
        where: { AND: [{ id: { in: input.agendaPetitionIds } }, petitionWhereFor(actor), { unit: { ancestorIds: { has: target.unit.id } } }, { status: { in: [...OPEN_STATUSES] } }] },
        select: { id: true },
      })
    : [];
  const places = new Set((await raisedUnitChoices(db, target)).map((u) => u.id));
  if (input.raised.some((r) => !places.has(r.unitId))) throw new ActionError("NOT_FOUND");
  const raised: PreparedPetition[] = [];
  for (const row of input.raised) {
    raised.push(
      await preparePetition(
        db,
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
          attachments: [],
        },
        now,
      ),
    );
  }
  return {
    target,
    attendance: visit ? roster.filter((r) => marked.has(r.cadreId)).map((r) => ({ cadreId: r.cadreId, status: "PRESENT" as const })) : roster.map((r) => ({ cadreId: r.cadreId, status: marked.get(r.cadreId) ?? "ABSENT" })),
    agendaPetitionIds: agenda.map((p) => p.id),
    raised,
  };
}

/** The writes of a meeting, in its transaction: nothing here reads what the checks already read. */
async function writeMeeting(tx: Tx, actor: Actor, input: MeetingInput, m: PreparedMeeting, now: Date): Promise<CreateMeetingResult> {
  const meeting = await tx.meeting.create({
    data: {
      kind: input.kind,
      organisationId: m.target.organisation?.id ?? null,
      unitId: m.target.unit.id,
      heldOn: input.heldOn,
      place: input.place,
      chair: input.chair,
      guests: input.guests ?? null,
      agenda: input.agenda ?? null,
      minutes: input.minutes ?? null,
      visitorUnitId: m.target.visitor?.id ?? null,
      followUp: input.followUp ?? null,
      followUpDueOn: input.followUpDueOn ?? null,
      idempotencyKey: input.idempotencyKey,
      createdById: actor.userId,
      createdAt: now,
    },
    select: { id: true },
  });
  if (m.attendance.length) await tx.meetingAttendance.createMany({ data: m.attendance.map((a) => ({ meetingId: meeting.id, ...a })) });
  if (m.agendaPetitionIds.length) await tx.meetingAgendaItem.createMany({ data: m.agendaPetitionIds.map((petitionId) => ({ meetingId: meeting.id, petitionId })) });
  if (input.attachments.length) {
    await tx.attachment.createMany({
      data: input.attachments.map((file) => ({
        meetingId: meeting.id, fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.bytes, uploadedById: actor.userId,
      })),
    });
  }
  const petitionIds: number[] = [];
  for (const raised of m.raised) {
    petitionIds.push((await writePetition(tx, { ...raised, input: { ...raised.input, meetingId: meeting.id } })).id);
  }
  const present = m.attendance.filter((a) => a.status === "PRESENT").length;
  await audit(tx, {
    actorId: actor.userId,
    action: "meeting.create",
    entity: "Meeting",
    entityId: meeting.id,
    unitId: m.target.unit.id,
    data: { kind: input.kind, ...(m.target.visitor ? { visitorUnitId: m.target.visitor.id } : {}), heldOn: input.heldOn.toISOString().slice(0, 10), present, expected: m.attendance.length, agenda: m.agendaPetitionIds.length, petitionIds, attachments: input.attachments.length },
  });
  return { id: meeting.id, created: true, petitionIds };
}

export async function createMeeting(actor: Actor, input: MeetingInput, now = new Date()): Promise<CreateMeetingResult> {
  if (!allows(actor, "meeting:create:subtree")) throw new ActionError("NOT_FOUND");
  if (input.heldOn > todayInVietnam(now)) throw new ActionError("INVALID_STATE", "heldOn in the future");
  const earlier = await earlierSubmission(db, actor, input.idempotencyKey);
  if (earlier) return earlier;
  const prepared = await prepareMeeting(actor, input, now);
  try {
    // Files of up to 50 MB go over the wire inside it: more room than the default.
    return await transaction((tx) => writeMeeting(tx, actor, input, prepared, now), { timeout: 30_000, maxWait: 15_000 });
  } catch (error) {
    // Two submissions of one form raced, or an attempt committed before its reply was lost:
    // the loser finds the winner's meeting.
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
