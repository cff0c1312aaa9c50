/** The compliance page: a unit of the actor's subtree and a month from the URL, and its figures. */
import type { Actor } from "../auth/actor";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { todayInVietnam } from "../time";
import { briefingCompliance, communesWithoutBriefing, monthPeriod, quarterPeriod, teamMeetingCompliance, villagesWithoutTeamMeeting } from "./compliance";

/** "2026-10" → { year, month }; anything else → the current month in Vietnam. */
export function parseMonth(raw: string | undefined, now = new Date()): { year: number; month: number } {
  const m = raw ? /^(\d{4})-(\d{2})$/.exec(raw) : null;
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: Number(m[1]), month: Number(m[2]) };
  const today = todayInVietnam(now);
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
}

export async function getCompliancePage(actor: Actor, params: { unit?: string; month?: string }) {
  const unitId = params.unit && /^\d{1,9}$/.test(params.unit) ? Number(params.unit) : actor.unit.id;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, typeLabel: true, name: true, level: true } });
  if (!unit) return null;
  const { year, month } = parseMonth(params.month);
  const quarter = Math.ceil(month / 3);
  const monthly = monthPeriod(year, month);
  const quarterly = quarterPeriod(year, quarter);
  const [teams, missingVillages, briefings, missingCommunes] = await Promise.all([
    teamMeetingCompliance(unit.id, monthly),
    villagesWithoutTeamMeeting(unit.id, monthly),
    briefingCompliance(unit.id, quarterly),
    communesWithoutBriefing(unit.id, quarterly),
  ]);
  return { unit, year, month, quarter, teams, missingVillages, briefings, missingCommunes };
}
