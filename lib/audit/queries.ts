/**
 * The audit page (Quản trị → Nhật ký hoạt động): audit rows inside the admin's reach
 * (`auditScopeSql`), newest first, filtered by user, action, record and time, in keyset pages
 * on (at, id). SQL rather than Prisma for one reason: a personal-data read of a list names its
 * records in `data.ids`, and only `data @> '{"ids":[n]}'` can use the GIN index that finds them.
 * Every filter has its index (migration audit_log_immutable); tests/integration/audit-page.test.ts
 * checks the plans.
 */
import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../api/cursor";
import type { Actor } from "../auth/actor";
import { auditScopeSql } from "../auth/scope";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AUDIT_ENTITIES } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

/** An empty form field is no filter. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);

/** A day as the date input sends it (yyyy-mm-dd) or as people type it (dd/mm/yyyy). */
const dayParam = z
  .string()
  .trim()
  .transform((s) => {
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    return vn ? `${vn[3]}-${vn[2].padStart(2, "0")}-${vn[1].padStart(2, "0")}` : s;
  })
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 9999;
  });

/**
 * The filters as the URL holds them. A value that makes no sense is dropped, never an error
 * (a stale shared link still opens); `invalid` lists the dropped ones so the page can say so.
 */
const auditFilterSchema = z.object({
  // Usernames are a–z 0–9 . _ - (lib/users/schemas.ts): anything else (a NUL byte…) finds no one.
  user: blank(z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{1,100}$/).optional()),
  action: blank(z.string().trim().regex(/^[a-z0-9.:_-]{1,80}$/).optional()),
  entity: blank(z.enum(AUDIT_ENTITIES).optional()),
  record: blank(z.string().trim().regex(/^[A-Za-z0-9._:-]{1,60}$/).optional()),
  from: blank(dayParam.optional()),
  to: blank(dayParam.optional()),
  cursor: blank(z.string().max(200).optional()),
});
export type AuditFilters = z.output<typeof auditFilterSchema>;
type FilterName = keyof AuditFilters;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters & { invalid: FilterName[] } {
  const filters: AuditFilters = {};
  const invalid: FilterName[] = [];
  for (const name of Object.keys(auditFilterSchema.shape) as FilterName[]) {
    const raw = params[name];
    const parsed = auditFilterSchema.shape[name].safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) (filters as Record<string, unknown>)[name] = parsed.data;
    else invalid.push(name);
  }
  return { ...filters, invalid };
}

/** The last row's (at, id); a forged one that PostgreSQL could not take (year 0, an id past bigint) is no cursor. */
const cursorKey = z.tuple([
  z.iso.datetime().refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 2000 && year <= 9999;
  }),
  z.string().regex(/^\d{1,18}$/),
]);

/** Midnight in Vietnam (UTC+7, no daylight saving) of a yyyy-mm-dd day, as an instant. */
const vnMidnight = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000 - 7 * 3_600_000);

/** An instant as the `timestamp` columns hold it (UTC wall time), whatever the session's time zone. */
const ts = (d: Date) => Prisma.sql`${d.toISOString().slice(0, 23)}::timestamp`;

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  entity: string | null;
  entityId: string | null;
  unitId: number | null;
  data: unknown;
  actorId: number | null;
  actorUsername: string | null;
  actorName: string | null;
  unitName: string | null;
}

/** The WHERE of one page, the scope first. Exported for the test that reads its plans. */
export function auditWhereSql(actor: Pick<Actor, "duties" | "unit">, f: AuditFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [auditScopeSql(actor)];
  if (f.user) and.push(Prisma.sql`a."actorId" = (SELECT id FROM "User" WHERE username = ${f.user})`);
  if (f.action) and.push(Prisma.sql`a.action = ${f.action}`);
  if (f.entity && f.record) {
    // A personal-data read of a list names its records in data.ids (lib/audit/log.ts), not in
    // entityId. Each branch of the OR has its own index, (entity, entityId) and the GIN on
    // data, so PostgreSQL ORs two bitmaps; the second names the read by its action, not by
    // entity, so that the planner cannot factor a common `entity = …` out of both.
    const n = /^\d{1,9}$/.test(f.record) ? Number(f.record) : null;
    const byId = Prisma.sql`(a.entity = ${f.entity} AND a."entityId" = ${f.record})`;
    const readOf = `${f.entity.toLowerCase()}.personal-data.read`;
    and.push(n === null ? byId : Prisma.sql`(${byId} OR (a.data @> ${JSON.stringify({ ids: [n] })}::jsonb AND a.action = ${readOf}))`);
  } else if (f.entity) {
    and.push(Prisma.sql`a.entity = ${f.entity}`);
  }
  if (f.from) and.push(Prisma.sql`a.at >= ${ts(vnMidnight(f.from))}`);
  if (f.to) and.push(Prisma.sql`a.at < ${ts(vnMidnight(f.to, 1))}`);
  const key = f.cursor ? decodeCursor(f.cursor, cursorKey) : null;
  if (key) and.push(Prisma.sql`(a.at, a.id) < (${ts(new Date(key[0]))}, ${key[1]}::bigint)`);
  return Prisma.join(and, " AND ");
}

export function auditPageSql(actor: Pick<Actor, "duties" | "unit">, f: AuditFilters, limit = AUDIT_PAGE_SIZE): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a.at, a.action, a.entity, a."entityId", a."unitId", a.data, a."actorId",
           u.username AS "actorUsername", u."displayName" AS "actorName",
           CASE WHEN n.id IS NULL THEN NULL ELSE n."typeLabel" || ' ' || n.name END AS "unitName"
    FROM "AuditLog" a
    LEFT JOIN "User" u ON u.id = a."actorId"
    LEFT JOIN "Unit" n ON n.id = a."unitId"
    WHERE ${auditWhereSql(actor, f)}
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${limit + 1}`;
}

/** One page of audit rows, and the cursor of the next one (null on the last page). */
export async function listAuditEntries(actor: Actor, f: AuditFilters, limit = AUDIT_PAGE_SIZE): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const rows = await db.$queryRaw<(Omit<AuditRow, "id"> & { id: bigint })[]>(auditPageSql(actor, f, limit));
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((r) => ({ ...r, id: String(r.id) })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.at.toISOString(), String(last.id)]) : null,
  };
}
