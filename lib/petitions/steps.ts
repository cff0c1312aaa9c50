/**
 * Workflow steps on one petition. Each step: load the petition in the actor's subtree, ask
 * the workflow table whether the actor's duties may take it from this status, and work out the change
 * (agency, deadline, merge target), all by reads before any transaction; then, in one short
 * transaction, the audit row, the timeline event and the change, written only if nobody else
 * saved since the form was shown (`version`: zero rows updated rolls everything back). The
 * update comes last: its rollup triggers lock rows many writers share, held until the commit
 * (decision 027). Retried after a deadlock or a serialisation failure (lib/db/retry.ts).
 */
import { ActionError } from "../actions/result";
import { queueLinkEmailAfterCommit } from "../agency-links/email";
import { issueLink, recordHold, voidLinks } from "../agency-links/links";
import type { Actor } from "../auth/actor";
import { agencyWhereFor, petitionWhereFor, reachRoots } from "../auth/scope";
import { audit } from "../audit/log";
import { deadlineFor } from "../calendar/table";
import { db, type Tx } from "../db/client";
import { transaction } from "../db/retry";
import type { Prisma } from "../generated/prisma/client";
import type { PetitionEventKind, PetitionStatus } from "../generated/prisma/enums";
import { isoDay, todayInVietnam } from "../time";
import { officeName } from "../units/labels";
import type { EditInput, StepInput } from "./schemas";
import { petitionSearchColumns } from "./search";
import { OPEN_STATUSES } from "./status";
import { supervisingUnit } from "./supervising";
import { mayEverTake, nextStatus, outOfPlace, standingOf } from "./workflow";

export interface StepResult {
  petitionId: number;
  status: PetitionStatus;
  version: number;
}

const EVENT_KIND: Record<StepInput["step"], PetitionEventKind> = {
  assign: "ASSIGNED",
  start: "STATUS_CHANGED",
  resolve: "STATUS_CHANGED",
  reply: "REPLIED",
  rate: "RATED",
  reject: "REJECTED",
  merge: "MERGED",
  escalate: "ESCALATED",
  takeOver: "TAKEN_OVER",
  reopen: "REOPENED",
  comment: "COMMENTED",
};

async function loadForStep(tx: Tx, actor: Actor, petitionId: number) {
  const petition = await tx.petition.findFirst({
    where: { AND: [{ id: petitionId }, petitionWhereFor(actor)] },
    select: {
      id: true,
      status: true,
      version: true,
      agencyId: true,
      unitId: true,
      receivedOn: true,
      createdById: true,
      reopenedAt: true,
      escalatedAt: true,
      awaitingUnitId: true,
      takenOverAt: true,
      satisfaction: true,
      unit: { select: { ancestorIds: true } },
      handlingUnit: { select: { id: true, level: true, ancestorIds: true } },
      awaitingUnit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true } },
      field: { select: { defaultDeadlineDays: true, assignmentDeadlineDays: true } },
    },
  });
  if (!petition) throw new ActionError("NOT_FOUND");
  return petition;
}

type Loaded = Awaited<ReturnType<typeof loadForStep>>;

/** The columns a step changes, and what the timeline records besides the note. */
async function changesFor(
  tx: Tx,
  actor: Actor,
  petition: Loaded,
  input: StepInput,
  now: Date,
): Promise<{ data: Prisma.PetitionUncheckedUpdateManyInput; eventData?: Prisma.InputJsonValue }> {
  switch (input.step) {
    case "assign": {
      const agency = await tx.agency.findFirst({ where: { AND: [{ id: input.agencyId, active: true }, agencyWhereFor(actor)] }, select: { id: true, name: true } });
      if (!agency) throw new ActionError("NOT_FOUND");
      // The deadline runs from receipt, in working days, by the field's default; for a level that took the
      // petition over, from the day it did (decision 054).
      const takenOn = petition.takenOverAt && todayInVietnam(petition.takenOverAt);
      const from = takenOn && takenOn > petition.receivedOn ? takenOn : petition.receivedOn;
      const dueOn = await deadlineFor(tx, from, petition.field.defaultDeadlineDays);
      return { data: { agencyId: agency.id, assignedAt: now, dueOn }, eventData: { agencyId: agency.id, agency: agency.name, dueOn: dueOn.toISOString().slice(0, 10) } };
    }
    case "start":
    case "comment":
      return { data: {} };
    case "resolve":
      return { data: { resolvedAt: now, resolution: input.resolution }, eventData: { resolution: input.resolution } };
    case "reply":
      // "Not known" (null) leaves the rating to the citizen's lookup or a later `rate` (decision 058).
      return { data: { replyText: input.replyText, satisfaction: input.satisfaction, closedAt: now }, eventData: { satisfaction: input.satisfaction } };
    case "rate":
      // Only where no rating was given: the update below matches on `version`, and the workflow refused a rated one.
      return { data: { satisfaction: input.satisfaction }, eventData: { satisfaction: input.satisfaction, by: "staff" } };
    case "reject":
      return { data: { rejectionReason: input.note, closedAt: now } };
    case "escalate": {
      // Up to the supervising unit the tree names, to wait for its staff to take it over; from a level with none
      // above it in the app, to the body the user names, where it ends (decision 054).
      const day = todayInVietnam(now);
      const target = await supervisingUnit(tx, { unitId: petition.unitId, ancestorIds: petition.unit.ancestorIds }, petition.handlingUnit ?? actor.unit, day);
      if (!target && !input.escalatedTo) throw new ActionError("INVALID_STATE", "no supervising unit: name the body");
      const escalatedTo = target ? target.office : input.escalatedTo!;
      return {
        data: {
          escalatedTo,
          awaitingUnitId: target?.id ?? null,
          // Counted once, at its first escalation (decision 044).
          ...(petition.escalatedAt === null ? { escalatedAt: now } : {}),
          closedAt: now,
        },
        eventData: target ? { escalatedTo, toUnitId: target.id } : { escalatedTo },
      };
    }
    case "takeOver": {
      const unit = petition.awaitingUnit!;
      // The taking level's clock starts now: no agency of theirs holds it yet, so its deadline is to assign
      // (decision 051), counted from today. The lower level's agency is left on the timeline.
      const dueOn = await deadlineFor(tx, todayInVietnam(now), petition.field.assignmentDeadlineDays);
      return {
        data: { handlingUnitId: unit.id, awaitingUnitId: null, takenOverAt: now, agencyId: null, closedAt: null, dueOn },
        eventData: { unitId: unit.id, unit: officeName(unit, isoDay(todayInVietnam(now))), dueOn: isoDay(dueOn), ...(petition.agencyId !== null ? { previousAgencyId: petition.agencyId } : {}) },
      };
    }
    case "merge": {
      const target = await tx.petition.findFirst({
        where: { AND: [{ code: input.targetCode }, petitionWhereFor(actor)] },
        select: { id: true, code: true, status: true },
      });
      if (!target) throw new ActionError("NOT_FOUND");
      // A petition cannot repeat itself, nor one that is itself a repeat.
      if (target.id === petition.id || target.status === "MERGED") throw new ActionError("INVALID_STATE");
      return { data: { mergedIntoId: target.id, closedAt: now }, eventData: { mergedIntoId: target.id, mergedIntoCode: target.code } };
    }
    case "reopen": {
      // A reopened petition gets a fresh deadline, counted from today: to resolve it when an agency holds it,
      // else to assign it (decision 051).
      const days = petition.agencyId === null ? petition.field.assignmentDeadlineDays : petition.field.defaultDeadlineDays;
      const dueOn = await deadlineFor(tx, todayInVietnam(now), days);
      return {
        data: {
          reopenCount: { increment: 1 },
          // The dashboards count a petition reopened once, at its first reopening (decision 044).
          ...(petition.reopenedAt === null ? { reopenedAt: now } : {}),
          resolvedAt: null,
          resolution: null,
          replyText: null,
          satisfaction: null,
          closedAt: null,
          rejectionReason: null,
          dueOn,
        },
        eventData: { dueOn: dueOn.toISOString().slice(0, 10) },
      };
    }
  }
}

/**
 * `alongside`: more writes that must commit with the step or not at all (an agency's proposal accepted as the
 * resolution, decision 063), run in its transaction before the petition's update.
 */
export async function takeStep(actor: Actor, input: StepInput, now = new Date(), alongside?: (tx: Tx) => Promise<void>): Promise<StepResult> {
  const petition = await loadForStep(db, actor, input.petitionId);
  const isCreator = petition.createdById === actor.userId;
  // Without the step's permission the petition is "not found", as for any action (see workflow.ts).
  if (!mayEverTake(actor.duties, input.step, isCreator)) throw new ActionError("NOT_FOUND");
  // A petition a level above took over, or one waiting for a unit beyond the actor's reach: not theirs to step.
  const standing = standingOf(reachRoots(actor), petition);
  if (outOfPlace(input.step, petition, standing)) throw new ActionError("NOT_FOUND");
  const to = nextStatus(actor.duties, petition, input.step, isCreator, standing);
  if (to === null) throw new ActionError("INVALID_STATE");
  // A comment changes nothing on the petition, so it never collides with an edit.
  const changes = input.step !== "comment";
  if (changes && petition.version !== input.version) throw new ActionError("CONFLICT");
  const { data, eventData } = await changesFor(db, actor, petition, input, now);
  const note = "note" in input ? (input.note ?? null) : input.step === "reply" ? input.replyText : null;
  let issued: { id: number; emailTo: string | null } | null = null;
  await transaction(async (tx) => {
    await audit(tx, {
      actorId: actor.userId,
      action: `petition.${input.step}`,
      entity: "Petition",
      entityId: petition.id,
      unitId: petition.unitId,
      data: { from: petition.status, to, ...(eventData && typeof eventData === "object" ? eventData : {}) },
    });
    await tx.petitionEvent.create({
      data: { petitionId: petition.id, kind: EVENT_KIND[input.step], fromStatus: petition.status, toStatus: to, actorId: actor.userId, note, data: eventData, at: now },
    });
    if (alongside) await alongside(tx);
    // The agency's link lives as long as its assignment: a new one comes with each assignment, and the
    // petition's end, a take-over or a reassignment voids the old (decision 063). The agency holds it from
    // now on, and its account keeps it in its list after the assignment ends (decision 064).
    if (input.step === "assign") {
      await recordHold(tx, { agencyId: data.agencyId as number, petitionId: petition.id }, now);
      issued = await issueLink(tx, { petitionId: petition.id, agencyId: data.agencyId as number, assignedAt: now, dueOn: (data.dueOn as Date) ?? null, issuedById: actor.userId }, now);
    } else if (input.step === "takeOver" || (changes && !(OPEN_STATUSES as readonly string[]).includes(to))) {
      await voidLinks(tx, petition.id, actor.userId, now);
    }
    if (changes) {
      const { count } = await tx.petition.updateMany({
        where: { id: petition.id, version: input.version },
        data: { ...data, status: to, version: { increment: 1 } },
      });
      if (count === 0) throw new ActionError("CONFLICT");
    }
  });
  // The link is e-mailed to the agency when it has an address (decision 075): queued once the step has committed.
  if (issued) await queueLinkEmailAfterCommit(issued);
  return { petitionId: petition.id, status: to, version: changes ? petition.version + 1 : petition.version };
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

const EDITABLE = ["receivedOn", "channel", "petitionerKind", "petitionerName", "petitionerPhone", "petitionerAddress", "fieldId", "content"] as const;

/**
 * The "edit" step: correct what intake recorded. The timeline and the audit row name the
 * fields that changed, never their personal values.
 */
export async function editPetition(actor: Actor, input: EditInput, now = new Date()): Promise<StepResult> {
  if (input.receivedOn > todayInVietnam(now)) throw new ActionError("INVALID_STATE", "receivedOn in the future");
  const petition = await db.petition.findFirst({
    where: { AND: [{ id: input.petitionId }, petitionWhereFor(actor)] },
    select: {
      id: true, code: true, status: true, version: true, agencyId: true, unitId: true, createdById: true, receivedOn: true, channel: true, petitionerKind: true, petitionerName: true, petitionerPhone: true, petitionerAddress: true, fieldId: true, content: true, reopenCount: true,
      takenOverAt: true, awaitingUnitId: true, handlingUnit: { select: { ancestorIds: true } }, awaitingUnit: { select: { ancestorIds: true } },
    },
  });
  if (!petition) throw new ActionError("NOT_FOUND");
  const isCreator = petition.createdById === actor.userId;
  if (!mayEverTake(actor.duties, "edit", isCreator)) throw new ActionError("NOT_FOUND");
  const standing = standingOf(reachRoots(actor), petition);
  if (outOfPlace("edit", petition, standing)) throw new ActionError("NOT_FOUND");
  if (nextStatus(actor.duties, petition, "edit", isCreator, standing) === null) throw new ActionError("INVALID_STATE");
  if (petition.version !== input.version) throw new ActionError("CONFLICT");
  const next = {
    receivedOn: input.receivedOn,
    channel: input.channel,
    petitionerKind: input.petitionerKind,
    petitionerName: input.petitionerName ?? null,
    petitionerPhone: input.petitionerPhone ?? null,
    petitionerAddress: input.petitionerAddress ?? null,
    fieldId: input.fieldId,
    content: input.content,
  };
  const changed = EDITABLE.filter((key) => !same(petition[key], next[key]));
  if (changed.length === 0) return { petitionId: petition.id, status: petition.status, version: petition.version };
  const field = await db.petitionField.findFirst({ where: { id: input.fieldId, ...(changed.includes("fieldId") ? { active: true } : {}) }, select: { assignmentDeadlineDays: true } });
  if (!field) throw new ActionError("NOT_FOUND");
  // While no agency holds it, its deadline is the one to assign it, counted from receipt by its field: a corrected
  // day or field moves it (decision 051). A reopened one counts from its reopening, which a correction keeps.
  // One taken over counts from its take-over (decision 054), which a correction keeps too.
  const redue = petition.agencyId === null && petition.reopenCount === 0 && petition.takenOverAt === null && (changed.includes("receivedOn") || changed.includes("fieldId"));
  const dueOn = redue ? { dueOn: await deadlineFor(db, input.receivedOn, field.assignmentDeadlineDays) } : {};
  await transaction(async (tx) => {
    await audit(tx, { actorId: actor.userId, action: "petition.edit", entity: "Petition", entityId: petition.id, unitId: petition.unitId, data: { changed } });
    await tx.petitionEvent.create({
      data: { petitionId: petition.id, kind: "EDITED", fromStatus: petition.status, toStatus: petition.status, actorId: actor.userId, data: { changed }, at: now },
    });
    const { count } = await tx.petition.updateMany({
      where: { id: petition.id, version: input.version },
      data: { ...next, ...dueOn, ...petitionSearchColumns({ code: petition.code, ...next }), version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
  });
  return { petitionId: petition.id, status: petition.status, version: petition.version + 1 };
}
