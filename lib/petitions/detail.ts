/**
 * One petition as its page shows it: the record, its timeline, attachments, the petitions
 * linked to it, and the steps this user may take now. Personal data only for those who may
 * see it, and every such view is audited.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { agencyWhereFor, petitionWhereFor, reachRoots } from "../auth/scope";
import { audit, auditPersonalDataRead, type PersonalDataVia } from "../audit/log";
import { db } from "../db/client";
import { maskName, maskPhone } from "../text/mask";
import { isoDay, todayInVietnam } from "../time";
import { officeName } from "../units/labels";
import { deadlineKind } from "./deadline";
import { OPEN_STATUSES } from "./status";
import { supervisingUnit } from "./supervising";
import { availableSteps, standingOf } from "./workflow";

/** The petition page's data, with the audit row of the personal data it shows. */
export async function getPetitionPage(actor: Actor, id: number, now = new Date(), via: PersonalDataVia = "detail") {
  const data = await loadPetitionPage(actor, id, now);
  if (data) await auditShown(actor, data, via);
  return data;
}

/**
 * The edit form's data, or null (the page's 404) when the petition is out of reach, the
 * workflow does not give this user the edit step, or they may not see personal data. Only a
 * form that is shown writes the read.
 */
export async function getPetitionEditPage(actor: Actor, id: number, now = new Date()) {
  const data = await loadPetitionPage(actor, id, now);
  if (!data || !data.steps.includes("edit") || !data.personal) return null;
  await auditShown(actor, data, "edit");
  return data;
}

async function auditShown(actor: Actor, data: PetitionPageData, via: PersonalDataVia) {
  const p = data.petition;
  if (data.personal && (p.petitionerName || p.petitionerPhone || p.petitionerAddress)) {
    await auditPersonalDataRead(db, actor, { entity: "Petition", ids: [p.id], unitId: p.unitId, via });
  }
}

async function loadPetitionPage(actor: Actor, id: number, now: Date) {
  const petition = await db.petition.findFirst({
    where: { AND: [{ id }, petitionWhereFor(actor)] },
    include: {
      unit: { select: { id: true, typeLabel: true, name: true, level: true, ancestorIds: true } },
      field: { select: { id: true, name: true, defaultDeadlineDays: true, assignmentDeadlineDays: true } },
      agency: { select: { id: true, name: true } },
      createdBy: { select: { displayName: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { displayName: true } } } },
      attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true } },
      mergedInto: { select: { id: true, code: true, status: true } },
      duplicates: { where: petitionWhereFor(actor), orderBy: { id: "asc" }, select: { id: true, code: true, status: true } },
      meeting: { select: { id: true, kind: true, heldOn: true } },
      handlingUnit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true } },
      awaitingUnit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true } },
    },
  });
  if (!petition) return null;

  const path = await db.unit.findMany({
    where: { id: { in: petition.unit.ancestorIds }, level: { not: "NATION" } },
    orderBy: { depth: "asc" },
    select: { id: true, typeLabel: true, name: true },
  });
  const personal = allows(actor, "petition:personal-data:subtree");
  const standing = standingOf(reachRoots(actor), petition);
  const steps = availableSteps(actor.duties, petition, petition.createdById === actor.userId, standing);
  const today = todayInVietnam(now);
  // Where escalating would send it (decision 054): the supervising unit's office, or null where the user names the body.
  const escalateTo = steps.includes("escalate")
    ? ((await supervisingUnit(db, { unitId: petition.unitId, ancestorIds: petition.unit.ancestorIds }, petition.handlingUnit ?? actor.unit, today))?.office ?? null)
    : null;
  const day = isoDay(today);
  const office = (u: Parameters<typeof officeName>[0] | null) => (u ? officeName(u, day) : null);
  // The agencies of the petition's area: kept by a unit on its path (its district, its province). A national
  // admin reaches 7,100 agencies; the step offers the dozen that can handle this petition (decision 029).
  const agencies = steps.includes("assign")
    ? await db.agency.findMany({
        where: { AND: [{ active: true }, agencyWhereFor(actor), { unitId: { in: petition.unit.ancestorIds } }] },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : [];
  const open = (OPEN_STATUSES as readonly string[]).includes(petition.status);
  const { petitionerName, petitionerPhone, petitionerAddress, ...rest } = petition;
  return {
    petition: {
      ...rest,
      petitionerName: petitionerName && (personal ? petitionerName : maskName(petitionerName)),
      petitionerPhone: petitionerPhone && (personal ? petitionerPhone : maskPhone(petitionerPhone)),
      petitionerAddress: petitionerAddress && (personal ? petitionerAddress : "***"),
      overdue: open && petition.dueOn !== null && petition.dueOn < today,
      /** Whether `dueOn` is the deadline to assign it or to resolve it (decision 051). */
      dueFor: deadlineKind(petition),
      /** The office it waits for, and the one handling it since a take-over (decision 054). */
      awaitingOffice: office(petition.awaitingUnit),
      handlingOffice: office(petition.handlingUnit),
    },
    personal,
    path,
    steps,
    agencies,
    escalateTo,
  };
}

export type PetitionPageData = NonNullable<Awaited<ReturnType<typeof loadPetitionPage>>>;

/** An attachment's bytes, when its petition is in the actor's subtree. */
export async function getPetitionAttachment(actor: Actor, petitionId: number, attachmentId: number) {
  const file = await db.attachment.findFirst({
    where: { id: attachmentId, petitionId, petition: petitionWhereFor(actor) },
    select: { fileName: true, mimeType: true, content: true, petition: { select: { unitId: true } } },
  });
  if (!file) return null;
  await audit(db, { actorId: actor.userId, action: "petition.attachment.read", entity: "Attachment", entityId: attachmentId, unitId: file.petition?.unitId });
  return file;
}
