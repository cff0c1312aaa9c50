/**
 * The agency's links (decision 063): issued with each assignment (in the assign step's transaction,
 * lib/petitions/steps.ts), reissued or revoked by staff, voided by the petition's end or a reassignment, and
 * opened by their token. A link opens its petition only while all hold: not revoked, not expired, the
 * petition still ASSIGNED or IN_PROGRESS, and held by the same agency under the same assignment
 * (`agencyId`, `assignedAt`). Anything else is one answer: null.
 */
import { authSecret } from "../auth/secret";
import { seal, unseal } from "../auth/sealed";
import type { Tx } from "../db/client";
import { db } from "../db/client";
import { loadMailEnv } from "../env";
import { todayInVietnam } from "../time";
import { hashLinkToken, linkExpiry, linkTokenOf, newLinkToken, sameDigest } from "./token";

/** The statuses in which an agency holds a petition and may answer through its link. */
export const ANSWERING_STATUSES = ["ASSIGNED", "IN_PROGRESS"] as const;

type Writer = Pick<Tx, "agencyLink">;
type Issuer = Pick<Tx, "agencyLink" | "agency">;

/**
 * The agency holds the petition from its assignment on (decision 064): its account lists the petitions its agency
 * holds or held. Once per agency and petition; a later assignment to the same agency keeps the first day.
 */
export async function recordHold(tx: Pick<Tx, "agencyHold">, at: { agencyId: number; petitionId: number }, now: Date): Promise<void> {
  await tx.agencyHold.createMany({ data: [{ ...at, firstAssignedAt: now }], skipDuplicates: true });
}

/** Revokes every live link of the petition (a reassignment, its end, or staff's own choice); returns how many. */
export async function voidLinks(tx: Writer, petitionId: number, byUserId: number | null, now: Date): Promise<number> {
  const { count } = await tx.agencyLink.updateMany({ where: { petitionId, revokedAt: null }, data: { revokedAt: now, revokedById: byUserId } });
  return count;
}

/**
 * A new link for the petition's current assignment, the earlier ones revoked; the token is returned (and kept
 * sealed under NEXTAUTH_SECRET so that staff can copy it again), only its hash is looked up. When the agency has
 * an e-mail address and this server sends e-mail, the link records it (`emailTo`): the caller then queues the
 * e-mail once its transaction has committed (lib/agency-links/email.ts, decision 075).
 */
export async function issueLink(
  tx: Issuer,
  at: { petitionId: number; agencyId: number; assignedAt: Date; dueOn: Date | null; issuedById: number },
  now: Date,
  mailOn: boolean = mailIsOn(),
): Promise<{ id: number; token: string; expiresAt: Date; emailTo: string | null }> {
  await voidLinks(tx, at.petitionId, at.issuedById, now);
  const agency = await tx.agency.findUnique({ where: { id: at.agencyId }, select: { email: true } });
  const emailTo = mailOn && agency?.email ? agency.email : null;
  const { token, tokenHash } = newLinkToken();
  const expiresAt = linkExpiry(at.dueOn, todayInVietnam(now));
  const link = await tx.agencyLink.create({
    data: {
      petitionId: at.petitionId,
      agencyId: at.agencyId,
      assignedAt: at.assignedAt,
      tokenHash,
      sealedToken: seal(token, authSecret(), "agency-link"),
      expiresAt,
      issuedById: at.issuedById,
      issuedAt: now,
      emailTo,
    },
    select: { id: true },
  });
  return { id: link.id, token, expiresAt, emailTo };
}

/** Whether this server sends e-mail (SMTP_HOST set, its settings sound); a half-made setting counts as off here. */
export function mailIsOn(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return loadMailEnv(env) !== null;
  } catch {
    return false;
  }
}

/** The token of a link, for staff to copy; null when it was sealed under another secret. */
export function tokenOf(link: { sealedToken: string }): string | null {
  return unseal<string>(link.sealedToken, authSecret(), "agency-link");
}

/** What the agency's page and its posts read of a link and its petition. */
const OPENED = {
  id: true,
  tokenHash: true,
  agencyId: true,
  assignedAt: true,
  expiresAt: true,
  revokedAt: true,
  agency: { select: { id: true, name: true } },
  petition: { select: { id: true, code: true, unitId: true, status: true, agencyId: true, assignedAt: true, dueOn: true } },
} as const;

/** A stand-in compared against when no link has the token: the same comparison is made either way. */
const NO_HASH = hashLinkToken("dvc_none");

/** Whether a link read by its token still opens its petition at `now`. */
export function isLive(link: { expiresAt: Date; revokedAt: Date | null; agencyId: number; assignedAt: Date; petition: { status: string; agencyId: number | null; assignedAt: Date | null } }, now: Date): boolean {
  const p = link.petition;
  return (
    link.revokedAt === null &&
    link.expiresAt.getTime() > now.getTime() &&
    (ANSWERING_STATUSES as readonly string[]).includes(p.status) &&
    p.agencyId === link.agencyId &&
    p.assignedAt !== null &&
    p.assignedAt.getTime() === link.assignedAt.getTime()
  );
}

/**
 * The link a token opens now, or null for a token of no shape, one no link has, or a link revoked, expired,
 * or of an assignment that is over: one read by the hash's unique index, then the digests compared in
 * constant time, a stand-in when no row was found.
 */
export async function openLink(raw: unknown, now = new Date(), tx: Pick<Tx, "agencyLink"> = db) {
  const token = linkTokenOf(raw);
  const hash = hashLinkToken(token ?? "dvc_none");
  const link = token === null ? null : await tx.agencyLink.findUnique({ where: { tokenHash: hash }, select: OPENED });
  const matches = sameDigest(link?.tokenHash ?? NO_HASH, hash);
  return link && matches && isLive(link, now) ? link : null;
}

export type OpenedLink = NonNullable<Awaited<ReturnType<typeof openLink>>>;
