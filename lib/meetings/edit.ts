/**
 * Correcting a meeting (its details and attendance) within the window of decision 013, and an
 * admin's unlock after it. Each change matches on `version`, so of two racing saves exactly
 * one lands; the other is told, and its form keeps the typed text. Audited in the same
 * transaction, with the names of the fields that changed.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { meetingWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { todayInVietnam } from "../time";
import { editState, unlockUntil } from "./rules";
import type { MeetingEditInput, UnlockInput } from "./schemas";
import { resolveTarget, rosterOf, targetOpenOn } from "./targets";

export interface EditResult {
  meetingId: number;
  version: number;
}

const FIELDS = ["heldOn", "place", "chair", "guests", "agenda", "minutes", "followUp", "followUpDueOn"] as const;
const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

export async function editMeeting(actor: Actor, input: MeetingEditInput, now = new Date()): Promise<EditResult> {
  if (input.heldOn > todayInVietnam(now)) throw new ActionError("INVALID_STATE", "heldOn in the future");
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { AND: [{ id: input.meetingId }, meetingWhereFor(actor)] },
      select: {
        id: true, kind: true, organisationId: true, unitId: true, version: true, createdAt: true, createdById: true, unlockedUntil: true,
        heldOn: true, place: true, chair: true, guests: true, agenda: true, minutes: true, followUp: true, followUpDueOn: true,
        attendances: { select: { cadreId: true, status: true } },
      },
    });
    if (!meeting) throw new ActionError("NOT_FOUND");
    const state = editState(actor, meeting, now);
    // Someone who may not correct it learns nothing more than that it is not theirs to change.
    if (state === "not-allowed") throw new ActionError("NOT_FOUND");
    if (state === "locked") throw new ActionError("INVALID_STATE", "locked");
    if (meeting.version !== input.version) throw new ActionError("CONFLICT");

    const visit = meeting.kind === "FIELD_VISIT";
    const next = {
      heldOn: input.heldOn, place: input.place, chair: input.chair, guests: input.guests ?? null, agenda: input.agenda ?? null, minutes: input.minutes ?? null,
      // A field visit's follow-up (decision 053); other kinds have none.
      followUp: visit ? (input.followUp ?? null) : null,
      followUpDueOn: visit ? (input.followUpDueOn ?? null) : null,
    };
    const changed: string[] = FIELDS.filter((key) => !same(meeting[key], next[key]));
    if (changed.includes("heldOn")) {
      const target = await resolveTarget(tx, actor, meeting.kind, meeting.organisationId ? { kind: "org", id: meeting.organisationId } : { kind: "unit", id: meeting.unitId });
      if (!target || !targetOpenOn(target, input.heldOn)) throw new ActionError("INVALID_STATE", "the team or unit did not exist on that day");
    }
    // Attendance: the rows the meeting has, plus members who joined the roster since.
    const before = new Map(meeting.attendances.map((a) => [a.cadreId, a.status]));
    const allowed = new Set(before.keys());
    if (input.attendance.some((a) => !allowed.has(a.cadreId))) {
      const target = await resolveTarget(tx, actor, meeting.kind, meeting.organisationId ? { kind: "org", id: meeting.organisationId } : { kind: "unit", id: meeting.unitId });
      for (const r of target ? await rosterOf(tx, target, todayInVietnam(now)) : []) allowed.add(r.cadreId);
      if (input.attendance.some((a) => !allowed.has(a.cadreId))) throw new ActionError("INVALID_STATE", "attendance for someone not on the roster");
    }
    const attendanceChanges = input.attendance.filter((a) => before.get(a.cadreId) !== a.status);
    if (attendanceChanges.length) changed.push("attendance");
    if (changed.length === 0) return { meetingId: meeting.id, version: meeting.version };

    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, version: input.version }, data: { ...next, version: { increment: 1 } } });
    if (count === 0) throw new ActionError("CONFLICT");
    for (const a of attendanceChanges) {
      await tx.meetingAttendance.upsert({
        where: { meetingId_cadreId: { meetingId: meeting.id, cadreId: a.cadreId } },
        create: { meetingId: meeting.id, cadreId: a.cadreId, status: a.status },
        update: { status: a.status },
      });
    }
    await audit(tx, {
      actorId: actor.userId,
      action: "meeting.edit",
      entity: "Meeting",
      entityId: meeting.id,
      unitId: meeting.unitId,
      data: { changed, attendance: attendanceChanges.map((a) => ({ cadreId: a.cadreId, from: before.get(a.cadreId) ?? null, to: a.status })) },
    });
    return { meetingId: meeting.id, version: meeting.version + 1 };
  });
}

/** An admin opens a locked meeting for corrections for a few more days. */
export async function unlockMeeting(actor: Actor, input: UnlockInput, now = new Date()): Promise<EditResult & { unlockedUntil: Date }> {
  if (!allows(actor, "meeting:unlock:subtree")) throw new ActionError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { AND: [{ id: input.meetingId }, meetingWhereFor(actor)] }, select: { id: true, unitId: true, version: true } });
    if (!meeting) throw new ActionError("NOT_FOUND");
    const until = unlockUntil(now);
    // Not a change of the record: an open correction form stays valid.
    await tx.meeting.update({ where: { id: meeting.id }, data: { unlockedUntil: until } });
    await audit(tx, { actorId: actor.userId, action: "meeting.unlock", entity: "Meeting", entityId: meeting.id, unitId: meeting.unitId, data: { until: until.toISOString() } });
    return { meetingId: meeting.id, version: meeting.version, unlockedUntil: until };
  });
}
