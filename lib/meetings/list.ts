/**
 * The meeting list: filters held in the URL (kind, unit, period), sorted by date, keyset
 * pages (lib/api/cursor.ts), always inside the actor's subtree.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { subtreeUnitIds } from "../auth/subtree";
import { meetingWhereFor } from "../auth/scope";
import { decodeCursor, readCursor, toPage, type Page } from "../api/cursor";
import { db } from "../db/client";
import { idsUnderPlan, inIdOrder } from "../db/plan";
import type { Prisma } from "../generated/prisma/client";
import type { MeetingKind } from "../generated/prisma/enums";
import { idField, isoDayParam, MAX_INT } from "../forms/fields";
import { isoDay } from "../time";
import { unitFullName } from "../units/labels";
import { MEETING_KINDS } from "./labels";

export const MEETING_PAGE_SIZES = [25, 50, 100] as const;

const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);
const day = isoDayParam("ngày");

/** The filters as the page's URL holds them; a stale or odd value is dropped, never an error. */
export const meetingFilterSchema = z.object({
  kind: blank(z.enum(MEETING_KINDS).optional()).catch(undefined),
  unit: blank(idField().optional()).catch(undefined),
  /** The field visits a unit's staff made (decision 053): the visitor's own list. */
  visitor: blank(idField().optional()).catch(undefined),
  from: blank(day.optional()).catch(undefined),
  to: blank(day.optional()).catch(undefined),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  limit: z.coerce.number().pipe(z.union(MEETING_PAGE_SIZES.map((n) => z.literal(n)))).catch(25),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type MeetingFilters = Omit<z.output<typeof meetingFilterSchema>, "limit"> & { limit: number };

export function parseMeetingFilters(params: Record<string, string | string[] | undefined>): MeetingFilters {
  return meetingFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

export function meetingFiltersToParams(filters: Partial<MeetingFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const defaults: Partial<Record<keyof MeetingFilters, unknown>> = { dir: "desc", limit: 25 };
  for (const [key, value] of Object.entries(filters) as [keyof MeetingFilters, unknown][]) {
    if (value === undefined || value === null || value === "" || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  return params;
}

const cursorKey = z.tuple([day, z.number().int().positive().max(MAX_INT)]);
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface MeetingListItem {
  id: number;
  kind: MeetingKind;
  heldOn: Date;
  place: string | null;
  chair: string | null;
  /** The team or bloc, or the unit for a meeting without one. */
  heldBy: string;
  unitId: number;
  unitName: string;
  parentName: string | null;
  /** A field visit's visiting unit (decision 053). */
  visitorName: string | null;
  present: number;
  expected: number;
  raised: number;
}

/** A subtree up to this many units (a district) is read as its list of unit ids (lib/auth/subtree.ts). */
const SMALL_SUBTREE = 500;

const LIST_SELECT = {
  id: true,
  kind: true,
  heldOn: true,
  place: true,
  chair: true,
  organisation: { select: { name: true } },
  visitorUnit: { select: { typeLabel: true, name: true } },
  unit: { select: { id: true, typeLabel: true, name: true, parent: { select: { typeLabel: true, name: true } } } },
} satisfies Prisma.MeetingSelect;

/** `strictCursor`: the API answers 400 for a cursor that is not one of ours; the page just starts over. */
export async function listMeetings(actor: Actor, f: MeetingFilters, { strictCursor = false } = {}): Promise<Page<MeetingListItem>> {
  // A district's or a commune's list (or any list narrowed to one) reads its units' own entries of
  // Meeting(unitId, heldOn, id, kind), index-only, ids first (decision 028); a province's or the
  // nation's walks the date index, where its meetings are a large share of every day's.
  const units = !f.unit && (actor.unit.level === "NATION" || actor.unit.level === "PROVINCE") ? null : await subtreeUnitIds(actor, f.unit, SMALL_SUBTREE);
  const and: Prisma.MeetingWhereInput[] = [units ? { unitId: { in: units } } : meetingWhereFor(actor)];
  if (f.kind) and.push({ kind: f.kind });
  if (f.visitor) and.push({ visitorUnitId: f.visitor });
  if (f.unit && !units) and.push({ unit: { ancestorIds: { has: f.unit } } });
  if (f.from) and.push({ heldOn: { gte: utcDay(f.from) } });
  if (f.to) and.push({ heldOn: { lte: utcDay(f.to) } });
  const cursor = strictCursor ? readCursor(f.cursor, cursorKey) : f.cursor ? (decodeCursor(f.cursor, cursorKey) ?? undefined) : undefined;
  if (cursor) {
    const [d, id] = cursor;
    const cmp = f.dir === "asc" ? "gt" : "lt";
    and.push({ heldOn: { [`${cmp}e`]: utcDay(d) } }, { OR: [{ heldOn: { [cmp]: utcDay(d) } }, { heldOn: utcDay(d), id: { [cmp]: id } }] });
  }
  const query = { where: { AND: and }, orderBy: [{ heldOn: f.dir }, { id: f.dir }], take: f.limit + 1 } satisfies Prisma.MeetingFindManyArgs;
  let rows: Prisma.MeetingGetPayload<{ select: typeof LIST_SELECT }>[];
  if (units) {
    // No bitmap scan: it would AND the units' entries with the country's of another index.
    const ids = await idsUnderPlan("SET LOCAL enable_bitmapscan = off", db.meeting.findMany({ ...query, select: { id: true } }));
    rows = inIdOrder(ids, await db.meeting.findMany({ where: { id: { in: ids } }, select: LIST_SELECT }));
  } else {
    rows = await db.meeting.findMany({ ...query, select: LIST_SELECT });
  }
  // Counted for this page's meetings only: Prisma's `_count` of a relation groups the whole
  // attendance and petition tables first (decision 028).
  const ids = rows.map((r) => r.id);
  const [roll, raised] = ids.length
    ? await Promise.all([
        db.meetingAttendance.groupBy({ by: ["meetingId", "status"], where: { meetingId: { in: ids } }, _count: { _all: true } }),
        db.petition.groupBy({ by: ["meetingId"], where: { meetingId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const presentBy = new Map<number, number>();
  const expectedBy = new Map<number, number>();
  for (const r of roll) {
    expectedBy.set(r.meetingId, (expectedBy.get(r.meetingId) ?? 0) + r._count._all);
    if (r.status === "PRESENT") presentBy.set(r.meetingId, r._count._all);
  }
  const raisedBy = new Map(raised.map((r) => [r.meetingId, r._count._all]));
  return toPage(
    rows,
    f.limit,
    (r) => [isoDay(r.heldOn), r.id],
    (r) => ({
      id: r.id,
      kind: r.kind,
      heldOn: r.heldOn,
      place: r.place,
      chair: r.chair,
      heldBy: r.organisation?.name ?? unitFullName(r.unit),
      unitId: r.unit.id,
      unitName: unitFullName(r.unit),
      parentName: r.unit.parent ? unitFullName(r.unit.parent) : null,
      visitorName: r.visitorUnit ? unitFullName(r.visitorUnit) : null,
      present: presentBy.get(r.id) ?? 0,
      expected: expectedBy.get(r.id) ?? 0,
      raised: raisedBy.get(r.id) ?? 0,
    }),
  );
}
