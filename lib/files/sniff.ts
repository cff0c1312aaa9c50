/**
 * A file's type read from its bytes, never from its name or the browser's word for it.
 * Office files are zip archives: the entries their directory lists tell docx from xlsx.
 */
import { looksLikeZip, zipEntryNames } from "./zip";

export const SNIFFED_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type SniffedType = keyof typeof SNIFFED_TYPES;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** An Office file's kind from the entry names in its zip directory (./zip.ts), never from a search of its bytes. */
function officeKind(bytes: Uint8Array): "docx" | "xlsx" | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("word/"))) return "docx";
  if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
  return null;
}

export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (looksLikeZip(bytes)) return officeKind(bytes);
  return null;
}
