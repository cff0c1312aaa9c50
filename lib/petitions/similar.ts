/**
 * While a petition is typed: open petitions of the same commune that read alike (trigram
 * similarity on the accent-free text), so a repeat can be linked instead of entered twice.
 */
import type { Actor } from "../auth/actor";
import { unitScopeSql, unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { toSearchText } from "../text/search";
import { OPEN_STATUSES } from "./status";

export interface SimilarPetition {
  id: number;
  code: string;
  status: string;
  receivedOn: Date;
  excerpt: string;
  score: number;
}

export async function findSimilarOpenPetitions(actor: Actor, unitId: number, text: string, limit = 5): Promise<SimilarPetition[]> {
  const query = toSearchText(text).slice(0, 500);
  if (query.length < 10) return [];
  const unit = await db.unit.findFirst({
    where: { AND: [{ id: unitId }, unitWhereFor(actor)] },
    select: { id: true, level: true, parentId: true },
  });
  if (!unit) return [];
  // The commune: the unit itself, or the village's parent.
  const communeId = unit.level === "VILLAGE" && unit.parentId !== null ? unit.parentId : unit.id;
  const rows = await db.$queryRaw<{ id: number; code: string; status: string; receivedOn: Date; content: string; score: number }[]>`
    SELECT p.id, p.code, p.status::text AS status, p."receivedOn", p.content, similarity(p."searchText", ${query}) AS score
    FROM "Petition" p JOIN "Unit" u ON u.id = p."unitId"
    WHERE u."ancestorIds" @> ARRAY[${communeId}]::int[]
      AND ${unitScopeSql(actor, Prisma.sql`u."ancestorIds"`)}
      AND p.status::text = ANY(${[...OPEN_STATUSES]}::text[])
      AND p."searchText" % ${query}
    ORDER BY score DESC, p.id DESC
    LIMIT ${limit}`;
  // `%` keeps pairs above pg_trgm's similarity threshold (0.3 by default), with the trigram index.
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status, receivedOn: r.receivedOn, score: r.score, excerpt: r.content.length > 140 ? `${r.content.slice(0, 137)}…` : r.content }));
}
