import crypto from "node:crypto";

/**
 * Recovery codes: ten per enrolment, shown once, each good for one sign-in when the phone is
 * lost. 12 characters from a 32-letter alphabet without look-alikes (60 random bits), written
 * xxxx-xxxx-xxxx. Stored as SHA-256: with 60 random bits a slow hash adds nothing a brute force
 * would notice, and a fast one lets the sign-in find the code with one indexed lookup.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** A typed code as stored: lower case, without spaces and dashes; null when it cannot be one. */
export function normaliseRecoveryCode(raw: string): string | null {
  const code = raw.toLowerCase().replace(/[\s-]/g, "");
  return code.length === 12 && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(raw: string): string | null {
  const code = normaliseRecoveryCode(raw);
  return code && crypto.createHash("sha256").update(`dan-van recovery ${code}`).digest("hex");
}
