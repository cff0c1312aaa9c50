/**
 * The glue behind the admin page "Nhập danh mục đơn vị hành chính": checks the file, parses
 * it, then previews (writes nothing) or imports (one transaction, audited) it. A plain
 * function, so it can be tested without Next.js; `./actions.ts` wraps it in a server action.
 */
import { ActionError } from "../../actions/result";
import type { Actor } from "../../auth/actor";
import { allows } from "../../auth/roles";
import { db } from "../../db/client";
import { importCatalogue, previewCatalogue, type CatalogueSummary } from "./import";
import { formatOfFileName, MAX_CATALOGUE_BYTES, type CatalogueError } from "./parse";
import { readCatalogue } from "./read";

export type CatalogueIntent = "preview" | "import";

export type CatalogueUploadOutcome =
  | { status: "invalid"; errors: CatalogueError[]; truncated: boolean }
  | { status: "preview"; fileName: string; total: number; counts: CatalogueSummary }
  | { status: "imported"; fileName: string; total: number; counts: CatalogueSummary; seconds: number };

export const MAX_CATALOGUE_MB = MAX_CATALOGUE_BYTES / 1024 / 1024;

/** A refusal before parsing (size, type), worded like the parser's errors. */
export function checkCatalogueFile(fileName: string, size: number): CatalogueError | null {
  if (size > MAX_CATALOGUE_BYTES) {
    return { at: "tệp", message: `Tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_CATALOGUE_MB} MB.` };
  }
  const lower = fileName.toLowerCase();
  if (!lower.endsWith(".json") && !lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
    return { at: "tệp", message: `Tệp "${fileName}" không đúng loại: chỉ nhận tệp .json, .csv hoặc .xlsx của Tổng cục Thống kê.` };
  }
  if (size === 0) return { at: "tệp", message: "Tệp trống." };
  return null;
}

export async function uploadCatalogue(
  actor: Pick<Actor, "userId" | "duties" | "unit">,
  bytes: Uint8Array,
  fileName: string,
  asOf: Date,
  intent: CatalogueIntent,
): Promise<CatalogueUploadOutcome> {
  // The catalogue is the whole country's: national administrators only (decision 020).
  if (!allows(actor, "reference:manage:national")) throw new ActionError("NOT_FOUND");
  const refused = checkCatalogueFile(fileName, bytes.length);
  if (refused) return { status: "invalid", errors: [refused], truncated: false };
  const parsed = await readCatalogue(bytes, { format: formatOfFileName(fileName) });
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors, truncated: parsed.truncated };
  const total = parsed.units.length;
  if (intent === "preview") {
    return { status: "preview", fileName, total, counts: await previewCatalogue(db, parsed.units, asOf) };
  }
  const started = performance.now();
  const result = await importCatalogue(db, parsed.units, { actorId: actor.userId, asOf });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { status: "imported", fileName, total, counts: result.counts, seconds };
}
