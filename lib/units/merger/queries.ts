import { unitWhereFor, type ScopedActor } from "../../auth/scope";
import { db } from "../../db/client";
import { unitFullName } from "../labels";
import { MERGER_LEVELS, type MergerLevel } from "./schemas";

export interface MergerChoice {
  id: number;
  label: string;
}

/**
 * What the merger page offers once predecessors are chosen: the chosen units themselves
 * (current, in scope, of one merger level), the current units of that level under the same
 * parents as successors, and the parents a new successor may hang under.
 */
export async function mergerChoices(actor: ScopedActor, predecessorIds: number[]) {
  const chosen = predecessorIds.length
    ? await db.unit.findMany({
        where: { AND: [{ id: { in: predecessorIds } }, unitWhereFor(actor)] },
        select: { id: true, level: true, typeLabel: true, name: true, code: true, validTo: true, parent: { select: { id: true, level: true, typeLabel: true, name: true, parentId: true, validTo: true } } },
      })
    : [];
  const byId = new Map(chosen.map((u) => [u.id, u]));
  const predecessors = predecessorIds.flatMap((id) => {
    const u = byId.get(id);
    return u ? [u] : [];
  });
  const level = predecessors[0]?.level;
  if (!level || !(MERGER_LEVELS as string[]).includes(level)) return { level: null, predecessors, successors: [], parents: [] };

  const parentIds = [...new Set(predecessors.flatMap((p) => (p.parent ? [p.parent.id] : [])))];
  // A reformed commune hangs under its province: offer the provinces above the districts too.
  const grandparentIds = level === "COMMUNE" ? [...new Set(predecessors.flatMap((p) => (p.parent?.level === "DISTRICT" && p.parent.parentId ? [p.parent.parentId] : [])))] : [];
  const [successors, parents] = await Promise.all([
    db.unit.findMany({
      where: { AND: [{ level, validTo: null, parentId: { in: [...parentIds, ...grandparentIds] }, id: { notIn: predecessorIds } }, unitWhereFor(actor)] },
      orderBy: [{ code: "asc" }, { name: "asc" }],
      take: 500,
      select: { id: true, typeLabel: true, name: true, code: true },
    }),
    db.unit.findMany({
      where: { AND: [{ id: { in: [...parentIds, ...grandparentIds] }, validTo: null }, unitWhereFor(actor)] },
      orderBy: [{ depth: "desc" }, { code: "asc" }],
      select: { id: true, typeLabel: true, name: true, code: true, level: true },
    }),
  ]);
  const label = (u: { typeLabel: string; name: string; code: string | null }) => (u.code ? `${unitFullName(u)} (${u.code})` : unitFullName(u));
  return {
    level: level as MergerLevel,
    predecessors,
    successors: successors.map((u) => ({ id: u.id, label: label(u) })),
    // A district is offered as a parent only for a day before the reform (decision 055): the form says so.
    parents: parents.map((u) => ({ id: u.id, label: label(u), untilReform: u.level === "DISTRICT" })),
  };
}
