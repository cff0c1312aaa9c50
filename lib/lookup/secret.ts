/**
 * What opens a petition on the public lookup page (/tra-cuu, decision 058): its code and the last four
 * digits of the petitioner's phone, or, for a petition without a phone (anonymous, or none given), the
 * eight-digit lookup number printed on its receipt, stored only as a hash. Pure, no database.
 *
 * `opens` does the same work whether the code named a petition or not, and compares in constant time,
 * so neither the answer nor its time tells a wrong guess from a code that does not exist.
 */
import crypto from "node:crypto";

export const LOOKUP_NUMBER_DIGITS = 8;

/** A code as staff write it ("246-2026-00042"); letters and dashes only besides digits, at most 40. */
const CODE = /^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/;

/** The code typed or carried by the QR code, trimmed, or null when it cannot be a code. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 100) return null;
  const code = raw.trim();
  return CODE.test(code) ? code : null;
}

/** Four digits (a phone's last four) or the lookup number, spaces, dots and dashes ignored; else null. */
export function normaliseDigits(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 40) return null;
  const digits = raw.replace(/[\s.\-]/g, "");
  return /^\d{4}$/.test(digits) || new RegExp(`^\\d{${LOOKUP_NUMBER_DIGITS}}$`).test(digits) ? digits : null;
}

/** The last four digits of a stored phone (national form, digits only), or null without one. */
export function lastFourDigits(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** A fresh lookup number: eight random digits, leading zeros kept. */
export function newLookupNumber(): string {
  return String(crypto.randomInt(0, 10 ** LOOKUP_NUMBER_DIGITS)).padStart(LOOKUP_NUMBER_DIGITS, "0");
}

/**
 * The stored form of a petition's lookup number: SHA-256 (hex) over the petition's id and the number. The
 * id makes each petition's hashes its own. A slow hash would protect nothing more: whoever reads this
 * column reads the row it sits in, which holds all that the number opens.
 */
export function hashLookupNumber(petitionId: number, number: string): string {
  return crypto.createHash("sha256").update(`dan-van lookup ${petitionId}:${number}`).digest("hex");
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest();

/** What the lookup reads of a petition by its code. */
export interface LookupRow {
  id: number;
  petitionerPhone: string | null;
  lookupNumberHash: string | null;
}

/** Stands in for a code that names no petition: the same comparisons are made against it. */
const NO_ROW: LookupRow = { id: 0, petitionerPhone: "0000000000", lookupNumberHash: hashLookupNumber(0, "x") };

/**
 * Whether `typed` (normalised digits) opens `row`: the phone's last four digits, or the lookup number. Both
 * comparisons are always made, on digests of equal length (crypto.timingSafeEqual), against a stand-in when
 * there is no row; the result is combined without short-circuits.
 */
export function opens(row: LookupRow | null, typed: string): boolean {
  const r = row ?? NO_ROW;
  const four = lastFourDigits(r.petitionerPhone);
  const phoneMatch = crypto.timingSafeEqual(sha256(four ?? "no phone"), sha256(typed));
  const stored = r.lookupNumberHash !== null && /^[0-9a-f]{64}$/.test(r.lookupNumberHash) ? r.lookupNumberHash : (NO_ROW.lookupNumberHash as string);
  const numberMatch = crypto.timingSafeEqual(Buffer.from(hashLookupNumber(r.id, typed), "hex"), Buffer.from(stored, "hex"));
  const byPhone = Number(four !== null) & Number(phoneMatch);
  const byNumber = Number(r.lookupNumberHash !== null) & Number(numberMatch);
  return row !== null && (byPhone | byNumber) === 1;
}
