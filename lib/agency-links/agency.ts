/**
 * What the agency does through its link, without an account (decision 063): read what it needs of the
 * petition, and send progress, a proposed result with its reply document, or a request for more time. Each
 * answer is a row, a timeline event without an actor (`data.by = "agency"`) and an audit row, in one
 * transaction that first checks the link again. Staff decide on results and extensions (./staff.ts).
 *
 * The page shows the petitioner's name, phone and address: the agency has to reach the citizen to settle the
 * matter, as staff do. Each view that shows them is an audited read of personal data (via "agency-link").
 */
import { auditPersonalDataRead, audit } from "../audit/log";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import type { AgencyAnswerKind, PetitionEventKind } from "../generated/prisma/enums";
import { openLink, type OpenedLink } from "./links";
import type { AgencyAnswerInput } from "./schemas";

export async function agencyView(link: OpenedLink) {
  const p = await db.petition.findUnique({
    where: { id: link.petition.id },
    select: {
      id: true,
      code: true,
      unitId: true,
      status: true,
      receivedOn: true,
      dueOn: true,
      content: true,
      petitionerKind: true,
      petitionerName: true,
      petitionerPhone: true,
      petitionerAddress: true,
      field: { select: { name: true } },
      unit: { select: { typeLabel: true, name: true } },
    },
  });
  if (!p) return null;
  // Its own answers under this petition, newest first: never another agency's, nor staff's notes.
  const answers = await db.agencyAnswer.findMany({
    where: { petitionId: p.id, agencyId: link.agencyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, kind: true, text: true, resolution: true, days: true, decision: true, decisionNote: true, createdAt: true, attachment: { select: { fileName: true } } },
  });
  if (p.petitionerName || p.petitionerPhone || p.petitionerAddress) {
    await auditPersonalDataRead(db, { userId: 0 }, { entity: "Petition", ids: [p.id], unitId: p.unitId, via: "agency-link", extra: { linkId: link.id, agencyId: link.agencyId } });
  }
  const pending = (kind: AgencyAnswerKind) => answers.some((a) => a.kind === kind && a.decision === null);
  return { petition: p, agency: link.agency, expiresAt: link.expiresAt, answers, resultPending: pending("RESULT"), extensionPending: pending("EXTENSION") };
}

export type AgencyAnswerOutcome = "sent" | "gone" | "pending";

const EVENT: Record<AgencyAnswerInput["kind"], { kind: AgencyAnswerKind; event: PetitionEventKind; action: string }> = {
  "tien-do": { kind: "PROGRESS", event: "AGENCY_PROGRESS", action: "agency-link.progress" },
  "ket-qua": { kind: "RESULT", event: "AGENCY_PROPOSED", action: "agency-link.propose" },
  "gia-han": { kind: "EXTENSION", event: "AGENCY_EXTENSION_ASKED", action: "agency-link.extension" },
};

/**
 * One answer through the link `token`: "gone" when the link no longer opens its petition (the route's 404),
 * "pending" when a result or an extension of the same kind still waits for staff.
 */
export async function submitAnswer(token: string, input: AgencyAnswerInput, now = new Date()): Promise<AgencyAnswerOutcome> {
  const { kind, event, action } = EVENT[input.kind];
  return transaction(async (tx) => {
    const link = await openLink(token, now, tx);
    if (!link) return "gone";
    const petitionId = link.petition.id;
    if (kind !== "PROGRESS") {
      const waiting = await tx.agencyAnswer.findFirst({ where: { petitionId, kind, decision: null, agencyId: link.agencyId, linkId: link.id }, select: { id: true } });
      if (waiting) return "pending";
    }
    const file = input.kind === "ket-qua" ? input.document[0] : undefined;
    const attachment = file
      ? await tx.attachment.create({
          data: { petitionId, fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.bytes, uploadedById: null, createdAt: now },
          select: { id: true },
        })
      : null;
    const answer = await tx.agencyAnswer.create({
      data: {
        petitionId,
        linkId: link.id,
        agencyId: link.agencyId,
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
      agencyId: link.agencyId,
      agency: link.agency.name,
      answerId: answer.id,
      ...(input.kind === "ket-qua" ? { resolution: input.resolution, attachmentId: attachment!.id } : {}),
      ...(input.kind === "gia-han" ? { days: input.days } : {}),
    };
    await tx.petitionEvent.create({
      data: { petitionId, kind: event, fromStatus: link.petition.status, toStatus: link.petition.status, actorId: null, note: input.text, data, at: now },
    });
    // No text in the audit row: it is on the timeline, and may name the citizen.
    await audit(tx, { actorId: null, action, entity: "Petition", entityId: petitionId, unitId: link.petition.unitId, data: { linkId: link.id, answerId: answer.id, agencyId: link.agencyId } });
    return "sent";
  });
}
