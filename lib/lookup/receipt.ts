/**
 * The receipt (giấy biên nhận) staff print for the citizen at intake or later from the petition's page
 * (decision 058): its code, the day received, the deadline to resolve it, and a QR code of the public
 * lookup page with the code filled in. A petition with a phone is looked up with its last four digits;
 * one without (anonymous, or none given) with a lookup number issued for the receipt, shown once, of which
 * only a hash is kept; issuing another replaces it.
 */
import QRCode from "qrcode";
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { petitionWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import { citizenDeadline } from "./deadline";
import { hashLookupNumber, newLookupNumber } from "./secret";

/** The public page's address with the code filled in: what the QR code holds. */
export function lookupUrl(baseUrl: string, code: string): string {
  const url = new URL("/tra-cuu", baseUrl);
  url.searchParams.set("ma", code);
  return url.toString();
}

/** The receipt's data, or null when the petition is out of the actor's reach. No personal data. */
export async function getReceipt(actor: Actor, petitionId: number, baseUrl: string) {
  const p = await db.petition.findFirst({
    where: { AND: [{ id: petitionId }, petitionWhereFor(actor)] },
    select: {
      id: true,
      code: true,
      status: true,
      receivedOn: true,
      dueOn: true,
      agencyId: true,
      takenOverAt: true,
      petitionerPhone: true,
      lookupNumberIssuedAt: true,
      field: { select: { name: true, defaultDeadlineDays: true } },
    },
  });
  if (!p) return null;
  const url = lookupUrl(baseUrl, p.code);
  return {
    id: p.id,
    code: p.code,
    receivedOn: p.receivedOn,
    fieldName: p.field.name,
    deadline: await citizenDeadline(db, p),
    /** Looked up by the phone's last four digits; else by a lookup number printed on the receipt. */
    byPhone: p.petitionerPhone !== null,
    lookupNumberIssuedAt: p.lookupNumberIssuedAt,
    url,
    // Drawn on the server as SVG, from the address alone (as the two-factor page draws its QR code).
    qrSvg: await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
  };
}

export type Receipt = NonNullable<Awaited<ReturnType<typeof getReceipt>>>;

/**
 * A new lookup number for a petition without a phone: returned once, to be printed, and stored hashed in
 * the same transaction as its audit row (which holds no number). An earlier number stops opening it.
 */
export async function issueLookupNumber(actor: Actor, petitionId: number, now = new Date()): Promise<{ petitionId: number; number: string; issuedAt: Date }> {
  const p = await db.petition.findFirst({
    where: { AND: [{ id: petitionId }, petitionWhereFor(actor)] },
    select: { id: true, unitId: true, petitionerPhone: true, lookupNumberHash: true },
  });
  if (!p) throw new ActionError("NOT_FOUND");
  if (p.petitionerPhone !== null) throw new ActionError("INVALID_STATE", "looked up by the phone's last four digits");
  const number = newLookupNumber();
  await transaction(async (tx) => {
    await audit(tx, { actorId: actor.userId, action: "petition.lookup-number.issue", entity: "Petition", entityId: p.id, unitId: p.unitId, data: { replaced: p.lookupNumberHash !== null } });
    await tx.petition.update({ where: { id: p.id }, data: { lookupNumberHash: hashLookupNumber(p.id, number), lookupNumberIssuedAt: now } });
  });
  return { petitionId: p.id, number, issuedAt: now };
}

/**
 * The address citizens reach the app at: NEXTAUTH_URL (required in production, decision 022); without it
 * (a developer's machine) the address this page was asked for.
 */
export function publicBaseUrl(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL;
  const host = headers.get("host") ?? "localhost:3000";
  return `${headers.get("x-forwarded-proto") === "https" ? "https" : "http"}://${/^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : "localhost:3000"}`;
}
