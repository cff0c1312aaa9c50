/**
 * What the agency does through its link, without an account (decision 063), or through its own account (decision
 * 064, lib/agency-accounts): the same view and the same answers: read what it needs of the
 * petition, and send progress, a proposed result with its reply document, or a request for more time. Each
 * answer is a row, a timeline event (`data.by = "agency"`; by link without an actor, by account with it) and an
 * audit row, in one transaction that first checks the link, or the account's hold, again. Staff decide on results and extensions (./staff.ts).
 *
 * The page shows the petitioner's name, phone and address: the agency has to reach the citizen to settle the
 * matter, as staff do. Each view that shows them is an audited read of personal data (via "agency-link").
 */
import { auditPersonalDataRead, audit } from "../audit/log";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import type { Tx } from "../db/client";
import type { AgencyAnswerKind, PetitionEventKind, PetitionStatus } from "../generated/prisma/enums";
import { startedByAgency } from "../petitions/workflow";
import { openLink, type OpenedLink } from "./links";
import type { AgencyAnswerInput } from "./schemas";

/**
 * Who is answering: through a link (no actor), or the agency's own account (decision 064). Either way the agency
 * sees and sends the same things; the account's reads and answers carry its user.
 */
export type AgencyVoice = { via: "link"; linkId: number } | { via: "account"; userId: number };

/** What the agency sees of a petition it holds or held (decision 063, 5): never another agency's answers, staff notes or names. */
export async function agencyPetitionView(
  at: { petitionId: number; agencyId: number; agency: { id: number; name: string } },
  voice: AgencyVoice,
  { personalData = true }: { personalData?: boolean } = {},
) {
  const p = await db.petition.findUnique({
    where: { id: at.petitionId },
    select: {
      id: true,
      code: true,
      unitId: true,
      status: true,
      agencyId: true,
      assignedAt: true,
      receivedOn: true,
      dueOn: true,
      content: true,
      petitionerKind: true,
      petitionerName: personalData,
      petitionerPhone: personalData,
      petitionerAddress: personalData,
      field: { select: { name: true } },
      unit: { select: { typeLabel: true, name: true } },
    },
  });
  if (!p) return null;
  // Its own answers under this petition, newest first: never another agency's, nor staff's notes.
  const answers = await db.agencyAnswer.findMany({
    where: { petitionId: p.id, agencyId: at.agencyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, kind: true, text: true, resolution: true, days: true, decision: true, decisionNote: true, createdAt: true, assignedAt: true, attachment: { select: { fileName: true } } },
  });
  if (personalData && (p.petitionerName || p.petitionerPhone || p.petitionerAddress)) {
    await auditPersonalDataRead(
      db,
      { userId: voice.via === "account" ? voice.userId : 0 },
      { entity: "Petition", ids: [p.id], unitId: p.unitId, via: voice.via === "account" ? "agency-account" : "agency-link", extra: { ...(voice.via === "link" ? { linkId: voice.linkId } : {}), agencyId: at.agencyId } },
    );
  }
  // Waiting answers of the current assignment only: one of an assignment that is over no longer waits.
  const current = p.assignedAt;
  const pending = (kind: AgencyAnswerKind) => answers.some((a) => a.kind === kind && a.decision === null && current !== null && a.assignedAt.getTime() === current.getTime());
  return { petition: p, agency: at.agency, answers, resultPending: pending("RESULT"), extensionPending: pending("EXTENSION") };
}

export async function agencyView(link: OpenedLink) {
  const view = await agencyPetitionView({ petitionId: link.petition.id, agencyId: link.agencyId, agency: link.agency }, { via: "link", linkId: link.id });
  return view && { ...view, expiresAt: link.expiresAt };
}

export type AgencyAnswerOutcome = "sent" | "gone" | "pending";

const EVENT: Record<AgencyAnswerInput["kind"], { kind: AgencyAnswerKind; event: PetitionEventKind; action: string }> = {
  "tien-do": { kind: "PROGRESS", event: "AGENCY_PROGRESS", action: "agency-link.progress" },
  "ket-qua": { kind: "RESULT", event: "AGENCY_PROPOSED", action: "agency-link.propose" },
  "gia-han": { kind: "EXTENSION", event: "AGENCY_EXTENSION_ASKED", action: "agency-link.extension" },
};

/** The petition an answer is for, as the link or the account opened it: held now by the answering agency. */
export interface HeldPetition {
  agencyId: number;
  agency: { id: number; name: string };
  petition: { id: number; unitId: number; status: PetitionStatus; assignedAt: Date | null };
}

/**
 * One answer through the link `token`: "gone" when the link no longer opens its petition (the route's 404),
 * "pending" when a result or an extension of the same kind still waits for staff.
 */
export async function submitAnswer(token: string, input: AgencyAnswerInput, now = new Date()): Promise<AgencyAnswerOutcome> {
  return answerAs(async (tx) => {
    const link = await openLink(token, now, tx);
    return link && { held: link, voice: { via: "link", linkId: link.id } };
  }, input, now);
}

/**
 * The one way an agency answers, by link or by account (decision 064): `open` finds the petition the agency holds
 * now, inside the transaction, or null ("gone"). One result and one extension of the assignment wait at a time.
 */
export async function answerAs(
  open: (tx: Tx) => Promise<{ held: HeldPetition; voice: AgencyVoice } | null>,
  input: AgencyAnswerInput,
  now = new Date(),
): Promise<AgencyAnswerOutcome> {
  const { kind, event, action } = EVENT[input.kind];
  return transaction(async (tx) => {
    const opened = await open(tx);
    if (!opened || opened.held.petition.assignedAt === null) return "gone";
    const { held, voice } = opened;
    const { petition, agencyId } = held;
    const assignedAt = petition.assignedAt!;
    const petitionId = petition.id;
    if (kind !== "PROGRESS") {
      const waiting = await tx.agencyAnswer.findFirst({ where: { petitionId, kind, decision: null, agencyId, assignedAt }, select: { id: true } });
      if (waiting) return "pending";
    }
    const userId = voice.via === "account" ? voice.userId : null;
    const file = input.kind === "ket-qua" ? input.document[0] : undefined;
    const attachment = file
      ? await tx.attachment.create({
          data: { petitionId, fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.bytes, uploadedById: userId, createdAt: now },
          select: { id: true },
        })
      : null;
    const answer = await tx.agencyAnswer.create({
      data: {
        petitionId,
        linkId: voice.via === "link" ? voice.linkId : null,
        answeredById: userId,
        agencyId,
        assignedAt,
        kind,
        text: input.text,
        resolution: input.kind === "ket-qua" ? input.resolution : null,
        days: input.kind === "gia-han" ? input.days : null,
        attachmentId: attachment?.id ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    const data = {
      by: "agency",
      via: voice.via,
      agencyId,
      agency: held.agency.name,
      answerId: answer.id,
      ...(input.kind === "ket-qua" ? { resolution: input.resolution, attachmentId: attachment!.id } : {}),
      ...(input.kind === "gia-han" ? { days: input.days } : {}),
    };
    const ref = voice.via === "link" ? { linkId: voice.linkId } : {};
    // The first progress report starts the work: "đã giao" → "đang giải quyết", the workflow's `start` (decision 065),
    // guarded by the status and assignment read, so a change by staff meanwhile wins and the report stays a report.
    let toStatus = petition.status;
    const started = kind === "PROGRESS" ? startedByAgency(petition.status) : null;
    if (started) {
      const { count } = await tx.petition.updateMany({ where: { id: petitionId, status: petition.status, agencyId, assignedAt }, data: { status: started, version: { increment: 1 } } });
      if (count > 0) {
        toStatus = started;
        await audit(tx, { actorId: userId, action: "petition.start", entity: "Petition", entityId: petitionId, unitId: petition.unitId, data: { from: petition.status, to: started, by: "agency", ...ref, agencyId } });
      }
    }
    await tx.petitionEvent.create({
      data: { petitionId, kind: event, fromStatus: petition.status, toStatus, actorId: userId, note: input.text, data, at: now },
    });
    // No text in the audit row: it is on the timeline, and may name the citizen.
    await audit(tx, { actorId: userId, action: voice.via === "link" ? action : action.replace("agency-link.", "agency-account."), entity: "Petition", entityId: petitionId, unitId: petition.unitId, data: { ...ref, answerId: answer.id, agencyId } });
    return "sent";
  });
}
