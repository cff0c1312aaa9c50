/**
 * The public lookup (/tra-cuu, decision 058): a citizen's code and digits open their petition's status,
 * dates and the reply sent to them, and once the reply is sent, one rating. Nothing here reads or returns
 * a name, a phone, an address or a staff member: `citizenView` selects its columns one by one.
 *
 * Every lookup is counted per client address before any work, through the sign-in throttle's table and
 * statement (lib/auth/throttle.ts): 20 a minute, in the database, so the limit holds across processes.
 */
import { takeAttempt, type ThrottleRule } from "../auth/throttle";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import type { PetitionStatus, ResolutionKind, Satisfaction } from "../generated/prisma/enums";
import { todayInVietnam } from "../time";
import { citizenDeadline } from "./deadline";
import { normaliseCode, normaliseDigits, opens } from "./secret";

/** 20 lookups a minute from one client address; the 21st is refused until the minute has passed. */
export const LOOKUP_RULE: ThrottleRule = { max: 20, windowMs: 60 * 1000, lockMs: 60 * 1000 };

/** The throttle key of lookups from one client address (beside sign-in's `s:`, `a:`, `k:`, `2fa:` keys). */
export const lookupThrottleKey = (address: string) => `l:${address}`;

export type LookupOutcome =
  /** The 21st lookup in a minute from this address: nothing was looked at. */
  | { kind: "throttled" }
  /** The code or the digits cannot be one: said so, as it tells nothing about any petition. */
  | { kind: "invalid" }
  /** No petition has this code, or the digits are not its own: one answer for both. */
  | { kind: "not-found" }
  | { kind: "found"; petitionId: number };

/**
 * One lookup from `address`: counted first, then the code read by its unique index and the digits compared
 * (./secret.ts `opens`): the same statement and the same comparisons whether the code exists or not.
 */
export async function lookUp(form: { code: unknown; digits: unknown }, address: string, now = new Date()): Promise<LookupOutcome> {
  if (!(await takeAttempt(db, lookupThrottleKey(address), LOOKUP_RULE, now))) return { kind: "throttled" };
  const code = normaliseCode(form.code);
  const digits = normaliseDigits(form.digits);
  if (code === null || digits === null) return { kind: "invalid" };
  const row = await db.petition.findUnique({ where: { code }, select: { id: true, petitionerPhone: true, lookupNumberHash: true } });
  return opens(row, digits) && row ? { kind: "found", petitionId: row.id } : { kind: "not-found" };
}

/** What the public page shows of a petition: no personal data, no staff, no agency. */
export interface CitizenView {
  code: string;
  status: PetitionStatus;
  resolution: ResolutionKind | null;
  receivedOn: Date;
  /** The deadline to resolve it while it is open (expected, before an agency holds it); null once it is not. */
  deadline: Date | null;
  /** Set while it is open and past `deadline`. */
  overdue: boolean;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** The reply sent to the citizen (status CLOSED). */
  reply: string | null;
  satisfaction: Satisfaction | null;
  /** The reply is sent and no rating is recorded: the citizen may rate it, once. */
  mayRate: boolean;
}

export async function citizenView(petitionId: number, now = new Date()): Promise<CitizenView | null> {
  const p = await db.petition.findUnique({
    where: { id: petitionId },
    select: {
      code: true,
      status: true,
      resolution: true,
      receivedOn: true,
      dueOn: true,
      agencyId: true,
      takenOverAt: true,
      resolvedAt: true,
      closedAt: true,
      replyText: true,
      satisfaction: true,
      field: { select: { defaultDeadlineDays: true } },
    },
  });
  if (!p) return null;
  const deadline = await citizenDeadline(db, p);
  return {
    code: p.code,
    status: p.status,
    resolution: p.resolution,
    receivedOn: p.receivedOn,
    deadline,
    overdue: deadline !== null && deadline < todayInVietnam(now),
    resolvedAt: p.resolvedAt,
    closedAt: p.closedAt,
    reply: p.status === "CLOSED" ? p.replyText : null,
    satisfaction: p.status === "CLOSED" ? p.satisfaction : null,
    mayRate: p.status === "CLOSED" && p.satisfaction === null,
  };
}

/**
 * The citizen's rating of the reply sent to them: only while the petition is CLOSED with no rating, in one
 * transaction with its timeline event (no actor: the citizen) and its audit row; a rating already given,
 * by the citizen or by staff, stays. The petition's `version` moves, so a staff form open on the old one
 * is told someone saved first. The rollups follow by trigger, as for a rating staff enter.
 */
export async function rateAsCitizen(petitionId: number, satisfaction: Satisfaction, now = new Date()): Promise<boolean> {
  const refused = Symbol("refused");
  try {
    await transaction(async (tx) => {
      const petition = await tx.petition.findUnique({ where: { id: petitionId }, select: { unitId: true, status: true, satisfaction: true } });
      if (!petition || petition.status !== "CLOSED" || petition.satisfaction !== null) throw refused;
      await audit(tx, { actorId: null, action: "petition.rate", entity: "Petition", entityId: petitionId, unitId: petition.unitId, data: { satisfaction, by: "citizen" } });
      await tx.petitionEvent.create({
        data: { petitionId, kind: "RATED", fromStatus: "CLOSED", toStatus: "CLOSED", actorId: null, data: { satisfaction, by: "citizen" }, at: now },
      });
      // Last, as every step's update (decision 027); it matches only an unrated reply, so of two taps one counts.
      const { count } = await tx.petition.updateMany({
        where: { id: petitionId, status: "CLOSED", satisfaction: null },
        data: { satisfaction, version: { increment: 1 } },
      });
      if (count === 0) throw refused;
    });
    return true;
  } catch (error) {
    if (error === refused) return false;
    throw error;
  }
}
