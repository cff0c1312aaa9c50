/**
 * The text of a part of a .docx (a zip) as its XML, read through the project's zip reader (lib/files/zip.ts) and
 * node's inflate: what Word reads. For tests that check a document's content from the file itself.
 */
import { inflateRawSync } from "node:zlib";
import { checkZipArchive } from "../../lib/files/zip";

export function docxPart(bytes: Uint8Array, name = "word/document.xml"): string {
  const dir = checkZipArchive(bytes, { maxEntries: 200, maxEntryBytes: 20_000_000, maxTotalBytes: 50_000_000 });
  if (!dir.ok) throw new Error(`not a valid zip: ${dir.reason}`);
  const entry = dir.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the archive`);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Local file header: 30 bytes, then the name and the extra field, then the data.
  const start = entry.localHeaderOffset + 30 + view.readUInt16LE(entry.localHeaderOffset + 26) + view.readUInt16LE(entry.localHeaderOffset + 28);
  const data = view.subarray(start, start + entry.compressedSize);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString("utf8");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

/** The document's paragraphs' texts, in order (runs joined, entities read), from its XML. */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")));
}
