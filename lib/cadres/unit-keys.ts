/**
 * The key a user writes in the import file's "Mã đơn vị" column (decision 006): a commune
 * by its official GSO code ("08839"), a village, which has no official code, by "T" and its
 * id in this system ("T1234"). The template's second sheet lists the keys the user may use.
 */
export interface KeyedUnit {
  id: number;
  level: string;
  code: string | null;
}

export function unitKey(unit: KeyedUnit): string {
  return unit.level === "COMMUNE" && unit.code ? unit.code : `T${unit.id}`;
}

/**
 * What a cell holds, read as a key: trimmed, upper-case; a number (Excel drops a code's
 * leading zero when the cell is not text) padded back to the 5 digits of a commune code.
 */
export function normaliseUnitKey(raw: string | number): string {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 0 ? String(raw).padStart(5, "0") : String(raw);
  const s = raw.trim().toUpperCase().replace(/\s+/g, "");
  return /^\d{1,4}$/.test(s) ? s.padStart(5, "0") : s;
}
