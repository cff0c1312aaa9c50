import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: the admin reads it out or copies it by hand. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * A one-time password an admin hands over: "k7m2-x9qa-4hdt", 12 random characters (~59 bits)
 * from a cryptographic source. The user must replace it at the next sign-in.
 */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

export const TEMPORARY_PASSWORD_PATTERN = /^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/;
