/**
 * Reading a page ids first: the ids under a planner setting of that statement only, then the
 * page's rows by id, in the ids' order (decision 028). A small subtree's list reads its units'
 * own index entries that way, whatever PostgreSQL would have made of the country's indexes.
 */
import { db } from "./client";
import type { Prisma } from "../generated/prisma/client";

/** The ids `query` finds, in a transaction whose planner setting is `plan` (a `SET LOCAL …`). */
export async function idsUnderPlan(plan: string, query: Prisma.PrismaPromise<{ id: number }[]>): Promise<number[]> {
  const [, rows] = await db.$transaction([db.$executeRawUnsafe(plan), query]);
  return rows.map((r) => r.id);
}

/** `rows` in the order of `ids` (a row not found is left out). */
export function inIdOrder<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
