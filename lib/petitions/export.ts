/**
 * The filtered petition list as a report: xlsx (title, unit, period, when and by whom) or
 * csv (UTF-8 with a BOM, so Excel reads the accents). Text cells are neutralised against
 * formulas; personal data only for those who may see it; every export is audited. Both are
 * written as the client reads them.
 */
import { Readable } from "node:stream";
import { pipeline as pipelineTo } from "node:stream/promises";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { csvField, safeCell } from "../export/safe-cell";
import { streamBody } from "../export/stream-body";
import { writeXlsx, type XlsxSheetSpec } from "../export/xlsx-stream";
import type { Prisma } from "../generated/prisma/client";
import { formatDate, formatDateTime } from "../format";
import { maskName, maskPhone } from "../text/mask";
import { isoDay, todayInVietnam } from "../time";
import { officeName, unitFullName } from "../units/labels";
import { deadlineKind } from "./deadline";
import { listReach, petitionListWhere, type PetitionFilters } from "./list";
import { OPEN_STATUSES } from "./status";

/** An export stops here; the report says so. */
export const EXPORT_CAP = 100_000;
const BATCH = 2_000;

export type ExportFormat = "xlsx" | "csv";
type Label = (key: string) => string;

type ExportRow = Awaited<ReturnType<typeof fetchBatch>>[number];

/** The rows, newest first, read a batch at a time by keyset, up to `limit`. */
async function* exportRows(where: Prisma.PetitionWhereInput, limit: number) {
  let after: { receivedOn: Date; id: number } | null = null;
  let total = 0;
  while (total < limit) {
    const batch: ExportRow[] = await fetchBatch(where, after);
    if (batch.length === 0) return;
    for (const row of batch) {
      if (total++ >= limit) return;
      yield row;
    }
    after = { receivedOn: batch[batch.length - 1].receivedOn, id: batch[batch.length - 1].id };
  }
}

function fetchBatch(where: Prisma.PetitionWhereInput, after: { receivedOn: Date; id: number } | null) {
  return db.petition.findMany({
    where: after ? { AND: [where, { OR: [{ receivedOn: { lt: after.receivedOn } }, { receivedOn: after.receivedOn, id: { lt: after.id } }] }] } : where,
    orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
    take: BATCH,
    select: {
      id: true,
      code: true,
      receivedOn: true,
      channel: true,
      petitionerKind: true,
      petitionerName: true,
      petitionerPhone: true,
      petitionerAddress: true,
      content: true,
      status: true,
      resolution: true,
      satisfaction: true,
      dueOn: true,
      agencyId: true,
      resolvedAt: true,
      field: { select: { name: true } },
      agency: { select: { name: true } },
      unit: { select: { typeLabel: true, name: true, parent: { select: { typeLabel: true, name: true } } } },
    },
  });
}

/**
 * The filters that made the export, as its heading lists them (issue 14: a filtered file said "toàn bộ"
 * above its filtered count). Names are read through the actor's reach: a unit out of it is said to be so,
 * and the file then holds nothing.
 */
async function filterSummary(actor: Actor, f: PetitionFilters, label: Label): Promise<string> {
  const [field, unit, agency] = await Promise.all([
    f.field ? db.petitionField.findUnique({ where: { id: f.field }, select: { name: true } }) : null,
    f.unit ? db.unit.findFirst({ where: { AND: [{ id: f.unit }, unitWhereFor(actor)] }, select: { typeLabel: true, name: true } }) : null,
    f.agency ? db.agency.findUnique({ where: { id: f.agency }, select: { name: true } }) : null,
  ]);
  const parts = [
    f.status.length ? f.status.map((s) => label(`statuses.${s}`)).join(", ") : null,
    f.field ? (field?.name ?? label("unknownFilter")) : null,
    f.unit ? (unit ? unitFullName(unit) : label("unitOutOfReach")) : null,
    f.agency ? (agency?.name ?? label("unknownFilter")) : null,
    f.channel.length ? f.channel.map((c) => label(`channels.${c}`)).join(", ") : null,
    f.resolution ? label(`resolutions.${f.resolution}`) : null,
    f.overdue ? label("filterOverdue") : null,
    f.dueWithin !== undefined ? `${label("filterDueWithin")}: ${f.dueWithin}` : null,
    f.q ? `${label("filterSearch")} «${f.q}»` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(" · ") : label("noFilters");
}

/**
 * The export as a file streamed to the client (decision 032): its heading (the unit, the period, the
 * filters, when and by whom, how many rows), then its rows read 2,000 at a time as the client takes them.
 * The rows are those of the list with the same filters, newest first, up to `EXPORT_CAP`, as they stood
 * when it was asked for: counted first, and a petition entered while it is written is not in it. The
 * export is audited before its first byte, with its count.
 */
export async function exportPetitions(actor: Actor, filters: PetitionFilters, format: ExportFormat, label: Label, now = new Date()) {
  const personal = allows(actor, "petition:personal-data:subtree");
  const today = todayInVietnam(now);
  // The newest id, one entry of the primary key (Prisma's `aggregate` wraps max() in a subquery that reads it whole).
  const newest = await db.petition.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const where: Prisma.PetitionWhereInput = { AND: [petitionListWhere(actor, filters, now, await listReach(actor, filters)), { id: { lte: newest?.id ?? 0 } }] };
  const [counted, filterText] = await Promise.all([db.petition.count({ where, take: EXPORT_CAP + 1 }), filterSummary(actor, filters, label)]);
  const count = Math.min(counted, EXPORT_CAP);
  await audit(db, {
    actorId: actor.userId,
    action: "petition.export",
    entity: "Petition",
    unitId: actor.unit.id,
    data: { format, rows: count, personalData: personal, filters: JSON.parse(JSON.stringify({ ...filters, cursor: undefined })) },
  });

  const header = [
    label("code"), label("receivedOn"), label("channel"), label("petitioner"), label("phone"), label("address"),
    label("village"), label("commune"), label("field"), label("content"), label("agency"), label("assignDueOn"), label("dueOn"),
    label("status"), label("resolution"), label("satisfaction"), label("resolvedOn"), label("overdue"),
  ];
  /** A petition's cells; days as dates (the xlsx writes them as dates that sort, the csv as dd/mm/yyyy). */
  const cells = (p: ExportRow): (string | Date | null)[] => {
    const overdue = (OPEN_STATUSES as readonly string[]).includes(p.status) && p.dueOn !== null && p.dueOn < today;
    return [
      p.code,
      p.receivedOn,
      label(`channels.${p.channel}`),
      p.petitionerName ? (personal ? p.petitionerName : maskName(p.petitionerName)) : label(`petitionerKinds.${p.petitionerKind}`),
      p.petitionerPhone ? (personal ? p.petitionerPhone : maskPhone(p.petitionerPhone)) : null,
      p.petitionerAddress ? (personal ? p.petitionerAddress : "***") : null,
      unitFullName(p.unit),
      p.unit.parent ? unitFullName(p.unit.parent) : null,
      p.field.name,
      p.content,
      p.agency?.name ?? null,
      // One deadline at a time (decision 051): to assign while no agency holds it, then to resolve.
      deadlineKind(p) === "ASSIGNMENT" ? p.dueOn : null,
      deadlineKind(p) === "RESOLUTION" ? p.dueOn : null,
      label(`statuses.${p.status}`),
      p.resolution ? label(`resolutions.${p.resolution}`) : null,
      p.satisfaction ? label(`satisfactions.${p.satisfaction}`) : null,
      // The day it was resolved, in Vietnam.
      p.resolvedAt ? todayInVietnam(p.resolvedAt) : null,
      overdue ? label("yes") : null,
    ];
  };
  const rows = () => exportRows(where, count);

  const stamp = now.toISOString().slice(0, 10);
  if (format === "csv") {
    const text = (v: string | Date | null) => csvField(v instanceof Date ? formatDate(v) : v);
    async function* lines() {
      yield `\uFEFF${header.map(csvField).join(",")}\r\n`;
      let chunk = "";
      for await (const p of rows()) {
        chunk += `${cells(p).map(text).join(",")}\r\n`;
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    }
    return {
      fileName: `kien-nghi-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: streamBody("/petitions/export", (out) => pipelineTo(Readable.from(lines()), out)),
    };
  }

  const period = filters.from || filters.to ? `${filters.from ? formatDate(filters.from) : "…"} – ${filters.to ? formatDate(filters.to) : "…"}` : label("anyTime");
  const widths = [16, 12, 16, 22, 14, 22, 18, 20, 18, 60, 28, 12, 12, 18, 18, 16, 12, 9];
  // Written by the xlsx writer of decision 032 (ExcelJS built the workbook's objects first: 1.2 s of one core
  // for a district's 5,525 petitions).
  const sheet: XlsxSheetSpec = {
    name: label("sheet"),
    columns: widths.map((width, i) => ({ width, wrap: i === 9 })),
    frozenRows: 8,
    landscape: true,
    rows: async (sheet) => {
      await sheet.row([label("reportTitle")], "bold");
      await sheet.row([`${label("reportUnit")}: ${officeName(actor.unit, isoDay(today))}`]);
      await sheet.row([`${label(`reportPeriodOf.${filters.dateOf}`)}: ${period}`]);
      await sheet.row([`${label("reportFilters")}: ${safeCell(filterText)}`]);
      await sheet.row([`${label("reportGenerated")}: ${formatDateTime(now)} · ${safeCell(actor.displayName)}`]);
      await sheet.row([`${label("reportRows")}: ${count.toLocaleString("vi-VN")}${counted > EXPORT_CAP ? ` (${label("truncated")})` : ""}`]);
      await sheet.row([]);
      await sheet.row(header, "bold");
      for await (const p of rows()) await sheet.row(cells(p).map((v) => (typeof v === "string" ? safeCell(v) : v)));
    },
  };
  return {
    fileName: `kien-nghi-${stamp}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: streamBody("/petitions/export", (out) => writeXlsx(out, [sheet], now)),
  };
}
