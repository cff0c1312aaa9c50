/**
 * Reads of user accounts, always through userWhereFor: an account whose home unit lies
 * outside the actor's subtree is not found.
 */
import { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";
import { reachStart, userWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { likeLiteral, toSearchText } from "../text/search";
import { PAGE_SIZE, type UserListParams } from "./list-params";


/**
 * Ids of the accounts whose username or display name holds every word of the query,
 * accents ignored on both sides ("nguyen van duc" finds "Nguyễn Văn Đức"). Users are few
 * (one or two per commune), so this reads the table rather than keeping a search column.
 */
async function idsMatching(query: string): Promise<number[]> {
  const words = [...new Set(toSearchText(query).split(" ").filter(Boolean))];
  if (words.length === 0) return [];
  const conditions = words.map(
    (word) => Prisma.sql`lower(unaccent("username" || ' ' || "displayName")) LIKE ${`%${likeLiteral(word)}%`}`,
  );
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "User" WHERE ${Prisma.join(conditions, " AND ")}`;
  return rows.map((r) => r.id);
}

const LIST_SELECT = {
  id: true,
  username: true,
  displayName: true,
  duties: true,
  active: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  unit: { select: { id: true, level: true, typeLabel: true, name: true } },
} satisfies Prisma.UserSelect;

/** One page of the accounts in the actor's subtree, filtered and sorted as asked. */
export async function listUsers(actor: Actor, params: UserListParams) {
  const filters: Prisma.UserWhereInput[] = [userWhereFor(actor)];
  // In SQL: Prisma's `has` on an enum list reaches PGlite's adapter as a malformed array.
  if (params.duty) filters.push({ id: { in: (await db.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE ${params.duty}::"Duty" = ANY ("duties")`).map((r) => r.id) } });
  if (params.active !== null) filters.push({ active: params.active });
  if (toSearchText(params.q)) filters.push({ id: { in: await idsMatching(params.q) } });
  const where: Prisma.UserWhereInput = { AND: filters };

  const total = await db.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const order: Prisma.UserOrderByWithRelationInput =
    params.sort === "lastLoginAt" ? { lastLoginAt: { sort: params.dir, nulls: "last" } } : { [params.sort]: params.dir };
  const users = await db.user.findMany({
    where,
    orderBy: [order, { id: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: LIST_SELECT,
  });
  return { users, total, page, pages };
}

/** The names of the units above a unit, root first (the unit itself left out). */
export async function unitPath(unit: { id: number; ancestorIds: number[] }) {
  const ids = unit.ancestorIds.filter((a) => a !== unit.id);
  const rows = await db.unit.findMany({ where: { id: { in: ids } }, select: { id: true, typeLabel: true, name: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((a) => {
    const row = byId.get(a);
    return row ? [row] : [];
  });
}

/** An account for its admin page, or null when it does not exist or lies outside the actor's subtree. */
export async function getUserForAdmin(actor: Actor, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await db.user.findFirst({
    where: { AND: [{ id }, userWhereFor(actor)] },
    select: {
      ...LIST_SELECT,
      updatedAt: true,
      // An agency's account: the agency it answers for (decision 064).
      agency: { select: { id: true, name: true, unit: { select: { typeLabel: true, name: true } } } },
      unit: { select: { id: true, level: true, typeLabel: true, name: true, ancestorIds: true, validTo: true } },
    },
  });
  if (!user) return null;
  const { ancestorIds, ...unit } = user.unit;
  // The path from where the actor's reach begins down: what lies above it is not the actor's to see.
  const start = reachStart(actor, ancestorIds);
  const path = (await unitPath({ id: unit.id, ancestorIds })).filter((a) => ancestorIds.indexOf(a.id) >= start);
  return { ...user, unit: { ...unit, path } };
}

/** The signed-in user's own profile. */
export async function getOwnProfile(actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: {
      ...LIST_SELECT,
      unit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true } },
    },
  });
  if (!user) return null;
  const { ancestorIds, ...unit } = user.unit;
  return { ...user, unit: { ...unit, path: await unitPath({ id: unit.id, ancestorIds }) } };
}
