/**
 * Staff's side of the agency's link (decision 063): the link of the current assignment on the petition's page
 * (to copy, with its expiry), reissued or revoked, and the agency's proposed results and extensions accepted
 * or refused. Only those who handle the petition (`petition:update:subtree` and the standing of decision 054)
 * do any of it; anyone else gets "not found". An accepted result is the workflow's own resolve step
 * (lib/petitions/steps.ts `takeStep`), so the rollups count it as any resolution; an accepted extension moves
 * the deadline by working days (lib/calendar) on the petition's `version`.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { petitionWhereFor, reachRoots } from "../auth/scope";
import { audit } from "../audit/log";
import { deadlineFor } from "../calendar/table";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import { takeStep } from "../petitions/steps";
import { outOfPlace, standingOf } from "../petitions/workflow";
import { isoDay, todayInVietnam } from "../time";
import { queueLinkEmailAfterCommit } from "./email";
import { ANSWERING_STATUSES, issueLink, isLive, mailIsOn, tokenOf, voidLinks } from "./links";
import type { DecideInput } from "./schemas";
import { linkExpiry, linkUrl } from "./token";

/** The petition as staff reach it, with their standing; null when out of reach or not theirs to handle. */
async function handledPetition(actor: Actor, petitionId: number) {
  if (!allows(actor, "petition:update:subtree")) return null;
  const petition = await db.petition.findFirst({
    where: { AND: [{ id: petitionId }, petitionWhereFor(actor)] },
    select: {
      id: true, unitId: true, status: true, version: true, agencyId: true, assignedAt: true, dueOn: true, awaitingUnitId: true,
      agency: { select: { name: true, email: true } },
      handlingUnit: { select: { ancestorIds: true } },
      awaitingUnit: { select: { ancestorIds: true } },
    },
  });
  if (!petition || outOfPlace("resolve", petition, standingOf(reachRoots(actor), petition))) return null;
  return petition;
}

const answering = (status: string) => (ANSWERING_STATUSES as readonly string[]).includes(status);

/** What the petition's page shows of the agency's link and its waiting answers; null when not this user's to handle. */
export async function agencyLinkPanel(actor: Actor, petitionId: number, baseUrl: string, now = new Date()) {
  const petition = await handledPetition(actor, petitionId);
  if (!petition || petition.agencyId === null || !answering(petition.status)) return null;
  const link = await db.agencyLink.findFirst({
    where: { petitionId, revokedAt: null },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: { id: true, sealedToken: true, expiresAt: true, revokedAt: true, agencyId: true, assignedAt: true, issuedAt: true, emailTo: true, emailedAt: true },
  });
  const live = link && isLive({ ...link, petition }, now) ? link : null;
  const token = live ? tokenOf(live) : null;
  const waiting = await db.agencyAnswer.findMany({
    where: { petitionId, decision: null, kind: { in: ["RESULT", "EXTENSION"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, text: true, resolution: true, days: true, createdAt: true, agency: { select: { name: true } }, attachment: { select: { id: true, fileName: true } } },
  });
  return {
    petitionId,
    version: petition.version,
    agency: petition.agency?.name ?? "",
    link: live && token ? { url: linkUrl(baseUrl, token), expiresAt: live.expiresAt, issuedAt: live.issuedAt } : null,
    email: live ? linkEmailState(live, petition.agency?.email ?? null, mailIsOn()) : null,
    waiting,
  };
}

/**
 * Whether the live link was e-mailed to the agency (decision 075): sent (when, to where), waiting for the queue,
 * not sent because the agency had no address, or because this server sends no e-mail.
 */
export type LinkEmailState =
  | { state: "sent"; to: string; at: Date }
  | { state: "queued"; to: string }
  | { state: "no-address" }
  | { state: "off" }
  | { state: "not-sent"; to: string };

export function linkEmailState(link: { emailTo: string | null; emailedAt: Date | null }, agencyEmail: string | null, mailOn: boolean): LinkEmailState {
  if (link.emailTo && link.emailedAt) return { state: "sent", to: link.emailTo, at: link.emailedAt };
  if (link.emailTo) return { state: "queued", to: link.emailTo };
  if (!agencyEmail) return { state: "no-address" };
  if (!mailOn) return { state: "off" };
  // The address was set after the link was issued: a reissue sends it.
  return { state: "not-sent", to: agencyEmail };
}

export type AgencyLinkPanel = NonNullable<Awaited<ReturnType<typeof agencyLinkPanel>>>;

/** A new link for the current assignment (the old one stops working); audited, never with the token. */
export async function reissueLink(actor: Actor, petitionId: number, now = new Date()) {
  const petition = await handledPetition(actor, petitionId);
  if (!petition) throw new ActionError("NOT_FOUND");
  if (petition.agencyId === null || petition.assignedAt === null || !answering(petition.status)) throw new ActionError("INVALID_STATE");
  const { agencyId, assignedAt } = petition;
  const link = await transaction(async (tx) => {
    const issued = await issueLink(tx, { petitionId, agencyId, assignedAt, dueOn: petition.dueOn, issuedById: actor.userId }, now);
    await audit(tx, { actorId: actor.userId, action: "agency-link.issue", entity: "Petition", entityId: petitionId, unitId: petition.unitId, data: { linkId: issued.id, agencyId, expiresAt: isoDay(issued.expiresAt), emailed: issued.emailTo !== null } });
    return issued;
  });
  // E-mailed to the agency when it has an address (decision 075), once the link is committed.
  await queueLinkEmailAfterCommit(link);
  return { petitionId, linkId: link.id, emailed: link.emailTo !== null };
}

/** Revokes the petition's live links; audited. Revoking when none is live changes nothing and succeeds. */
export async function revokeLink(actor: Actor, petitionId: number, now = new Date()) {
  const petition = await handledPetition(actor, petitionId);
  if (!petition) throw new ActionError("NOT_FOUND");
  await transaction(async (tx) => {
    const count = await voidLinks(tx, petitionId, actor.userId, now);
    if (count > 0) await audit(tx, { actorId: actor.userId, action: "agency-link.revoke", entity: "Petition", entityId: petitionId, unitId: petition.unitId, data: { revoked: count } });
  });
  return { petitionId };
}

/**
 * Staff's decision on a proposed result or an extension. Accepting a result takes the workflow's resolve step
 * with the agency's resolution (its event and audit row, the link voided as at any end), the answer marked in
 * the same transaction; accepting an extension moves `dueOn` by the working days asked, from the current
 * deadline, and the link's expiry with it. Refusing records the reason on the timeline for the agency to read.
 */
export async function decideAnswer(actor: Actor, input: DecideInput, now = new Date()) {
  const answer = await db.agencyAnswer.findFirst({
    where: { id: input.answerId, kind: { in: ["RESULT", "EXTENSION"] }, petition: petitionWhereFor(actor) },
    select: { id: true, kind: true, petitionId: true, agencyId: true, resolution: true, days: true, decision: true, agency: { select: { name: true } }, assignedAt: true },
  });
  if (!answer) throw new ActionError("NOT_FOUND");
  const petition = await handledPetition(actor, answer.petitionId);
  if (!petition) throw new ActionError("NOT_FOUND");
  if (answer.decision !== null) throw new ActionError("INVALID_STATE", "already decided");
  // An answer of an assignment that is over (reassigned, taken over, ended) can no longer be accepted.
  const current = answering(petition.status) && petition.agencyId === answer.agencyId && petition.assignedAt?.getTime() === answer.assignedAt.getTime();
  if (input.decision === "accept" && !current) throw new ActionError("INVALID_STATE", "assignment over");
  if (petition.version !== input.version) throw new ActionError("CONFLICT");
  const mark = (decision: "ACCEPTED" | "REFUSED") => async (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => {
    const { count } = await tx.agencyAnswer.updateMany({
      where: { id: answer.id, decision: null },
      data: { decision, decidedAt: now, decidedById: actor.userId, decisionNote: input.note ?? null },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    await audit(tx, {
      actorId: actor.userId,
      action: `agency-answer.${decision === "ACCEPTED" ? "accept" : "refuse"}`,
      entity: "Petition",
      entityId: petition.id,
      unitId: petition.unitId,
      data: { answerId: answer.id, kind: answer.kind, agencyId: answer.agencyId },
    });
  };

  if (input.decision === "refuse") {
    await transaction(async (tx) => {
      await mark("REFUSED")(tx);
      await tx.petitionEvent.create({
        data: { petitionId: petition.id, kind: "AGENCY_ANSWER_REFUSED", fromStatus: petition.status, toStatus: petition.status, actorId: actor.userId, note: input.note ?? null, data: { answerId: answer.id, answerKind: answer.kind, agency: answer.agency.name }, at: now },
      });
    });
    return { petitionId: petition.id, decision: "refused" as const };
  }

  if (answer.kind === "RESULT") {
    // The staff's own resolve step, one way to resolve: its rules, event, audit row and rollups.
    await takeStep(
      actor,
      { step: "resolve", petitionId: petition.id, version: input.version, resolution: answer.resolution!, note: input.note ?? `Chấp nhận kết quả do ${answer.agency.name} đề xuất.` },
      now,
      mark("ACCEPTED"),
    );
    return { petitionId: petition.id, decision: "accepted" as const };
  }

  const from = petition.dueOn ?? todayInVietnam(now);
  const dueOn = await deadlineFor(db, from, answer.days!);
  await transaction(async (tx) => {
    await mark("ACCEPTED")(tx);
    await tx.petitionEvent.create({
      data: {
        petitionId: petition.id, kind: "DEADLINE_EXTENDED", fromStatus: petition.status, toStatus: petition.status, actorId: actor.userId, note: input.note ?? null,
        data: { answerId: answer.id, agency: answer.agency.name, days: answer.days, from: isoDay(from), dueOn: isoDay(dueOn) }, at: now,
      },
    });
    await tx.agencyLink.updateMany({ where: { petitionId: petition.id, revokedAt: null, expiresAt: { lt: linkExpiry(dueOn, todayInVietnam(now)) } }, data: { expiresAt: linkExpiry(dueOn, todayInVietnam(now)) } });
    const { count } = await tx.petition.updateMany({ where: { id: petition.id, version: input.version }, data: { dueOn, version: { increment: 1 } } });
    if (count === 0) throw new ActionError("CONFLICT");
  });
  return { petitionId: petition.id, decision: "extended" as const, dueOn };
}
