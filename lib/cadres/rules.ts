/**
 * The pure rules of a cadre's personal details, shared by the form, the xlsx import and
 * the export: gender words, the birth-year window (phone numbers: lib/text/phone.ts).
 */
import type { Gender } from "../generated/prisma/enums";

export const GENDERS = ["MALE", "FEMALE", "OTHER"] as const satisfies readonly Gender[];

export const GENDER_LABELS: Record<Gender, string> = { MALE: "Nam", FEMALE: "Nữ", OTHER: "Khác" };

export const MAX_NAME_LENGTH = 120;
export const MAX_POSITION_LENGTH = 200;
export const MIN_BIRTH_YEAR = 1930;
/** A cadre is at least 16 in the year they are recorded. */
export const MIN_AGE = 16;

export function maxBirthYear(today: Date): number {
  return today.getUTCFullYear() - MIN_AGE;
}

/** "Nam", "nữ", "NU", "khac" → the enum; null when it is none of them. */
export function parseGender(input: string): Gender | null {
  const key = input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
  if (key === "nam") return "MALE";
  if (key === "nu") return "FEMALE";
  if (key === "khac") return "OTHER";
  return null;
}

/** "Có"/"x"/"1" → true, ""/"Không"/"0" → false, anything else null. */
export function parseYesNo(input: string): boolean | null {
  const key = input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
  if (["co", "x", "1", "dang vien", "true"].includes(key)) return true;
  if (["", "khong", "0", "false"].includes(key)) return false;
  return null;
}
