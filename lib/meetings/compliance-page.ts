/** The compliance page: a unit of the actor's subtree and a month from the URL, and its figures. */
import type { Actor } from "../auth/actor";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { UnitLevel } from "../generated/prisma/enums";
import { todayInVietnam } from "../time";
import { communesWithoutBriefing, complianceOf, monthPeriod, quarterPeriod, villagesWithoutTeamMeeting, type Compliance } from "./compliance";

/** "2026-10" → { year, month }; anything else → the current month in Vietnam. */
export function parseMonth(raw: string | undefined, now = new Date()): { year: number; month: number } {
  const m = raw ? /^(\d{4})-(\d{2})$/.exec(raw) : null;
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: Number(m[1]), month: Number(m[2]) };
  const today = todayInVietnam(now);
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
}

/**
 * Levels whose page names the teams and communes that have not met: a district's few hundred
 * villages at most. Above, the page lists the units below with their figures, to drill into
 * (a province has thousands of teams; the nation 100,000).
 */
const LISTS_AT: readonly UnitLevel[] = ["DISTRICT", "COMMUNE", "VILLAGE"];
/** Levels whose page lists the units below with their figures (a commune's are its villages: the list says it). */
const CHILDREN_AT: readonly UnitLevel[] = ["NATION", "PROVINCE", "DISTRICT"];

export interface ChildCompliance extends Compliance {
  id: number;
  typeLabel: string;
  name: string;
}

const share = (f: { held: number; expected: number }) => (f.expected ? f.held / f.expected : Infinity);

export async function getCompliancePage(actor: Actor, params: { unit?: string; month?: string }) {
  const unitId = params.unit && /^\d{1,9}$/.test(params.unit) ? Number(params.unit) : actor.unit.id;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, typeLabel: true, name: true, level: true } });
  if (!unit) return null;
  const { year, month } = parseMonth(params.month);
  const quarter = Math.ceil(month / 3);
  const monthly = monthPeriod(year, month);
  const quarterly = quarterPeriod(year, quarter);
  const lists = LISTS_AT.includes(unit.level);
  const children = CHILDREN_AT.includes(unit.level)
    ? await db.unit.findMany({
        where: {
          parentId: unit.id,
          AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: monthly.last } }] }, { OR: [{ validTo: null }, { validTo: { gte: monthly.first } }] }],
        },
        select: { id: true, typeLabel: true, name: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      })
    : [];
  const [figures, missingVillages, missingCommunes] = await Promise.all([
    complianceOf([unit.id, ...children.map((c) => c.id)], monthly),
    lists ? villagesWithoutTeamMeeting(unit.id, monthly) : null,
    lists ? communesWithoutBriefing(unit.id, quarterly) : null,
  ]);
  const { teams, briefings } = figures.get(unit.id)!;
  // The units furthest behind first: the ones a leader calls.
  const childRows: ChildCompliance[] = children
    .map((c) => ({ ...c, ...figures.get(c.id)! }))
    .sort((a, b) => share(a.teams) - share(b.teams) || share(a.briefings) - share(b.briefings));
  return { unit, year, month, quarter, teams, briefings, children: childRows, missingVillages, missingCommunes };
}
