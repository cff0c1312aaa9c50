/**
 * /api/v1/petitions: the list with the page's filters (`unit` takes an official code, `limit`
 * up to 200) and one petition with its timeline. Scoped exactly as the pages; personal data
 * only for those who may see it (and then audited, as on the page).
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { unitCodeFilter, unitIdOfCode } from "./units";
import { getPetitionPage } from "../petitions/detail";
import { isValidPetitionCursor, listPetitions, petitionFilterFields } from "../petitions/list";
import { isoDay } from "../time";

const filters = petitionFilterFields;

/**
 * The page's filters, strictly: a value that makes no sense is a 400 with its message, as the OpenAPI
 * document says. Each filter's type, values and bounds come from the page's definition
 * (lib/petitions/list.ts); what the API document says of it is written here, once, and the
 * document's parameters are made from this object (lib/api/openapi-zod.ts).
 */
export const petitionListQuery = z
  .object({
    unit: unitCodeFilter.meta({ example: "246" }),
    q: filters.q.meta({
      description: "Accent-insensitive words in the code or content (and the petitioner, for those who may see them).",
      // The limit applies once control characters are removed and the ends trimmed (the pipe's output side).
      maxLength: 200,
      example: "nguyen van duc",
    }),
    status: filters.status.meta({ description: "One or more statuses, comma-separated.", example: ["RECEIVED", "ASSIGNED", "IN_PROGRESS"] }),
    field: filters.field.meta({ description: "A petition field id." }),
    channel: filters.channel.meta({ description: "One or more channels, comma-separated." }),
    agency: filters.agency.meta({ description: "A responsible agency id." }),
    from: filters.from.meta({ description: "On or after this day (Vietnam time) of `dateOf`." }),
    to: filters.to.meta({ description: "On or before this day (Vietnam time) of `dateOf`." }),
    dateOf: filters.dateOf.meta({
      description:
        "The day `from` and `to` bound: received (the default), resolved, first reopened or escalated. Those of the dashboards' figures of a period: " +
        "`/api/v1/rollup`'s `resolved` is `dateOf=resolved`, `reopened` is `dateOf=reopened`. " +
        "With a day other than receipt and `sort=relevance` without `q`, the list runs from the latest of those moments.",
    }),
    overdue: filters.overdue.meta({
      description: "`true` (or `1`, `on`): only open petitions past their deadline. Any other value, or none: no such filter.",
      example: true,
    }),
    awaiting: filters.awaiting.meta({
      description: "`true` (or `1`, `on`): only escalated petitions waiting for a unit in your reach to take them over. Any other value, or none: no such filter.",
      example: true,
    }),
    dueWithin: filters.dueWithin.meta({ description: "Open and due within this many days." }),
    resolution: filters.resolution.meta({ description: "Settled for good, or answered/explained only." }),
    sort: filters.sort.meta({
      description:
        "The order of the list. `relevance`: with `q`, best match first (the whole search as typed, e.g. a petitioner's full name; then every " +
        "word whole; then every word as the start of a word; then the rest), newest first within each; without `q`, newest first.",
    }),
    dir: filters.dir.meta({ description: "Ascending or descending." }),
    limit: z
      .coerce.number({ error: "limit: số nguyên từ 1 đến 200." })
      .int()
      .min(1)
      .max(200, { error: "limit: tối đa 200." })
      .default(50)
      .meta({ description: "Items per page." }),
    cursor: filters.cursor.meta({ description: "The `nextCursor` of the previous page; opaque. Send it with the same filters and order." }),
  })
  .refine((q) => q.cursor === undefined || isValidPetitionCursor(q.cursor, q), { error: "cursor không hợp lệ cho danh sách này.", path: ["cursor"] });
export type PetitionListQuery = z.output<typeof petitionListQuery>;

const day = (d: Date | null) => (d ? isoDay(d) : null);

export async function listApiPetitions(actor: Actor, query: PetitionListQuery) {
  const unitId = await unitIdOfCode(actor, query.unit);
  const page = await listPetitions(actor, { ...query, unit: unitId, limit: query.limit }, new Date(), "api");
  return {
    items: page.items.map((p) => ({
      id: p.id,
      code: p.code,
      status: p.status,
      resolution: p.resolution,
      receivedOn: day(p.receivedOn),
      dueOn: day(p.dueOn),
      dueFor: p.dueFor,
      overdue: p.overdue,
      unitId: p.unitId,
      unitCode: p.unitCode,
      unitName: p.unitName,
      field: p.fieldName,
      agency: p.agencyName,
      ...(p.petitionerVisible ? { petitionerName: p.petitionerName } : {}),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function getApiPetition(actor: Actor, id: number) {
  const data = await getPetitionPage(actor, id, new Date(), "api");
  if (!data) return null;
  const { petition: p, personal, steps } = data;
  return {
    id: p.id,
    code: p.code,
    status: p.status,
    resolution: p.resolution,
    satisfaction: p.satisfaction,
    receivedOn: day(p.receivedOn),
    dueOn: day(p.dueOn),
    dueFor: p.dueFor,
    overdue: p.overdue,
    channel: p.channel,
    field: p.field.name,
    unit: { id: p.unit.id, name: `${p.unit.typeLabel} ${p.unit.name}`, level: p.unit.level },
    agency: p.agency?.name ?? null,
    content: p.content,
    petitionerKind: p.petitionerKind,
    ...(personal ? { petitionerName: p.petitionerName, petitionerPhone: p.petitionerPhone, petitionerAddress: p.petitionerAddress } : {}),
    reopenCount: p.reopenCount,
    mergedInto: p.mergedInto ? { id: p.mergedInto.id, code: p.mergedInto.code } : null,
    duplicates: p.duplicates.map((d) => ({ id: d.id, code: d.code })),
    meetingId: p.meeting?.id ?? null,
    attachments: p.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size })),
    timeline: p.events.map((e) => ({ kind: e.kind, from: e.fromStatus, to: e.toStatus, at: e.at.toISOString(), actor: e.actor?.displayName ?? null, note: e.note })),
    steps,
  };
}
