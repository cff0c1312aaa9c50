/**
 * One meeting as its page shows it: the record, attendance with its rate, the agenda's open
 * petitions and the petitions raised, each with its current status, and what this user may do.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { meetingWhereFor, petitionWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { unitFullName } from "../units/labels";
import { editState, locksAt } from "./rules";

export async function getMeetingPage(actor: Actor, id: number, now = new Date()) {
  const meeting = await db.meeting.findFirst({
    where: { AND: [{ id }, meetingWhereFor(actor)] },
    include: {
      organisation: { select: { id: true, kind: true, name: true } },
      unit: { select: { id: true, typeLabel: true, name: true, level: true, ancestorIds: true } },
      createdBy: { select: { displayName: true } },
      visitorUnit: { select: { typeLabel: true, name: true } },
      attendances: { include: { cadre: { select: { id: true, fullName: true, position: true } } } },
      agendaItems: { where: { petition: petitionWhereFor(actor) }, include: { petition: { select: { id: true, code: true, status: true, resolution: true, content: true } } } },
      raisedPetitions: { where: petitionWhereFor(actor), orderBy: { id: "asc" }, select: { id: true, code: true, status: true, resolution: true, content: true, unit: { select: { typeLabel: true, name: true } } } },
      attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, size: true } },
    },
  });
  if (!meeting) return null;
  const path = await db.unit.findMany({
    where: { id: { in: meeting.unit.ancestorIds }, level: { not: "NATION" } },
    orderBy: { depth: "asc" },
    select: { id: true, typeLabel: true, name: true },
  });
  const collator = new Intl.Collator("vi");
  const attendances = [...meeting.attendances].sort((a, b) => collator.compare(a.cadre.fullName, b.cadre.fullName) || a.cadre.id - b.cadre.id);
  const present = attendances.filter((a) => a.status === "PRESENT").length;
  const excerpt = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}…` : s);
  return {
    meeting: {
      ...meeting,
      attendances,
      heldBy: meeting.organisation?.name ?? unitFullName(meeting.unit),
      /** A field visit's visiting unit (decision 053). */
      visitorUnitName: meeting.visitorUnit ? unitFullName(meeting.visitorUnit) : null,
      agendaItems: meeting.agendaItems.map((a) => ({ ...a.petition, content: excerpt(a.petition.content) })),
      raisedPetitions: meeting.raisedPetitions.map((p) => ({ ...p, content: excerpt(p.content), unitName: unitFullName(p.unit) })),
    },
    path,
    attendance: { present, total: attendances.length, rate: attendances.length ? present / attendances.length : null },
    edit: editState(actor, meeting, now),
    locksAt: locksAt(meeting),
    mayUnlock: allows(actor, "meeting:unlock:subtree"),
  };
}

export type MeetingPageData = NonNullable<Awaited<ReturnType<typeof getMeetingPage>>>;

/** An attachment's bytes, when its meeting is in the actor's subtree. */
export async function getMeetingAttachment(actor: Actor, meetingId: number, attachmentId: number) {
  const file = await db.attachment.findFirst({
    where: { id: attachmentId, meetingId, meeting: meetingWhereFor(actor) },
    select: { fileName: true, mimeType: true, content: true, meeting: { select: { unitId: true } } },
  });
  if (!file) return null;
  await audit(db, { actorId: actor.userId, action: "meeting.attachment.read", entity: "Attachment", entityId: attachmentId, unitId: file.meeting?.unitId });
  return file;
}
