/**
 * The two xlsx downloads of the registry: the import template and the export of the
 * filtered list. Route handlers call these after checking the session.
 */
import "server-only";
import type { Writable } from "node:stream";
import type { Actor } from "../auth/actor";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { FileCache } from "../export/file-cache";
import { streamBody } from "../export/stream-body";
import { unitFullName } from "../units/labels";
import { buildCadreExport } from "./export";
import type { CadreFilters } from "./filters";
import { allCadres } from "./queries";
import { cadreUnitPages } from "./unit-options";
import { writeImportTemplate } from "./template";
import { unitWhereFor } from "../auth/scope";
import { unitTreeVersion } from "../units/tree-version";

/** The actor's import template written to `out`, its units read a page at a time as `out` takes the file. */
export function writeImportTemplateFor(actor: Actor, out: Writable, communesPerPage?: number): Promise<void> {
  return writeImportTemplate(cadreUnitPages(actor, communesPerPage), out);
}

/**
 * The templates sent, by the actor's unit, with the unit tree's version they list (decision 034): the
 * template is the same for everyone of a unit until a unit is added, renamed, moved or closed. The
 * nation's (110,000 units, 2.1 MB) took 2 s of server time to read and write; kept, it is sent as is.
 */
const templates = new FileCache(32 * 1024 * 1024);

/**
 * The template as a response body: the one kept for the actor's unit at the tree's current version,
 * else written as it streams (decision 029) and kept once whole. A client that leaves ends the reads
 * (and nothing is kept); a failure midway is logged and ends the download unfinished (the status was
 * sent with the first bytes).
 */
export async function importTemplateBody(actor: Actor): Promise<ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>> {
  const key = String(actor.unit.id);
  const version = await unitTreeVersion();
  const kept = version === null ? null : templates.get(key, version);
  if (kept) return kept;
  return streamBody("/cadres/template", (out) => writeImportTemplateFor(actor, out), version === null ? undefined : templates.keeper(key, version));
}

const STATUS_LABELS = { current: "đang công tác", ended: "đã thôi", all: "tất cả" } as const;

/** The export file, and its audit row: "cadre.personal-data.read" when phones and birth years are in it, else "cadre.export". */
export async function exportCadresFor(actor: Actor, filters: CadreFilters, now = new Date()) {
  const { rows, personal } = await allCadres(actor, filters);
  const unit = filters.unitId ? await db.unit.findFirst({ where: { AND: [{ id: filters.unitId }, unitWhereFor(actor)] }, select: { typeLabel: true, name: true } }) : null;
  const filterLabel = [
    filters.q && `tìm «${filters.q}»`,
    `trạng thái: ${STATUS_LABELS[filters.status]}`,
    filters.party !== "all" && (filters.party === "yes" ? "đảng viên" : "không phải đảng viên"),
  ]
    .filter(Boolean)
    .join("; ");
  const buffer = await buildCadreExport(rows, personal, {
    unitLabel: unitFullName(unit ?? actor.unit),
    generatedAt: now,
    generatedBy: `${actor.displayName} (${actor.username})`,
    filterLabel,
  });
  await audit(db, {
    actorId: actor.userId || null,
    action: personal ? "cadre.personal-data.read" : "cadre.export",
    entity: "Cadre",
    unitId: actor.unit.id,
    data: { via: "export", filters: { q: filters.q, unitId: filters.unitId, status: filters.status, party: filters.party, sort: filters.sort }, count: rows.length, personalData: personal },
  });
  return { buffer, count: rows.length };
}
