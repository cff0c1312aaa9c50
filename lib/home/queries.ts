import type { Actor } from "../auth/actor";
import { allows, hasKnownDuty } from "../auth/roles";
import { meetingWhereFor, organisationWhereFor, reachRoots, unitWhereFor } from "../auth/scope";
import { isWholeTree } from "../auth/subtree";
import { structureVersions, VersionedMemo } from "../cache/versioned";
import { db } from "../db/client";
import type { UnitLevel } from "../generated/prisma/enums";
import { complianceOf, monthPeriod } from "../meetings/compliance";
import { countAwaiting } from "../petitions/list";
import { OPEN_STATUSES } from "../petitions/status";
import { rolledUpPetitionCount } from "../rollup/counts";
import { addDaysUtc, isoDay, startOfMonth, todayInVietnam } from "../time";
import { shared } from "../cache/shared";

export interface ScopeSummary {
  unitsByLevel: Partial<Record<UnitLevel, number>>;
  teams: number;
  blocs: number;
  openPetitions: number;
  overduePetitions: number;
  meetingsThisMonth: number;
  /**
   * The teams due to meet this month that have not met yet (the month's expected teams less those
   * held, as the compliance page counts them: its list of villages), or null for a user who may not
   * read meetings.
   */
  teamsNotMetThisMonth: number | null;
  /**
   * Escalated petitions waiting for a unit in reach to take them over (decision 054), or null for a user who
   * does not handle petitions or sits below the levels petitions go up to (a commune, a village).
   */
  awaitingTakeOver: number | null;
}

type StructureCounts = Pick<ScopeSummary, "unitsByLevel" | "teams" | "blocs">;

/**
 * The units, teams and blocs of the reach, kept with the versions of the unit tree and the organisations
 * (decision 074): the nation's counts read every unit and organisation of the country (110,000 rows each,
 * 40–54 ms and 19–28 ms under load), and they change only with an administrator's write.
 */
const structureMemo = new VersionedMemo<StructureCounts>(1_000);

async function structureCounts(actor: Actor, whole: boolean, today: Date): Promise<StructureCounts> {
  const versions = await structureVersions();
  const version = versions.units === null || versions.organisations === null ? null : `${versions.units}.${versions.organisations}`;
  // What the counts depend on besides the versions: the reach (its roots; the home unit is left out), and the day.
  const key = `${whole ? "*" : hasKnownDuty(actor.duties) ? reachRoots(actor).join(",") : "-"}|${actor.unit.id}|${isoDay(today)}`;
  return structureMemo.get(key, version, async () => {
    const current = { OR: [{ validTo: null }, { validTo: { gte: today } }] };
    const [levels, organisations] = await Promise.all([
      db.unit.groupBy({
        by: ["level"],
        where: { AND: [whole ? {} : unitWhereFor(actor), current, { id: { not: actor.unit.id } }] },
        _count: { _all: true },
      }),
      db.organisation.groupBy({
        by: ["kind"],
        where: { AND: [whole ? {} : organisationWhereFor(actor), { dissolvedOn: null }] },
        _count: { _all: true },
      }),
    ]);
    return {
      unitsByLevel: Object.fromEntries(levels.map((l) => [l.level, l._count._all])),
      teams: organisations.find((o) => o.kind === "TEAM")?._count._all ?? 0,
      blocs: organisations.find((o) => o.kind === "BLOC")?._count._all ?? 0,
    };
  });
}

/**
 * The home page's figures: `scopeSummary`, shared by the requests that ask for the same figures at the same
 * time (decision 048): everyone lands here after signing in, and a national admin's counts read the whole
 * country's meetings of the month.
 */
export function homeSummaryFor(actor: Actor): Promise<ScopeSummary> {
  const key = JSON.stringify(["home", actor.duties, reachRoots(actor), actor.unit.id, actor.agencyId ?? null, isoDay(todayInVietnam())]);
  return shared(key, () => scopeSummary(actor));
}

/** The figures a user sees on their home page, all inside their subtree. */
export async function scopeSummary(actor: Actor, now = new Date()): Promise<ScopeSummary> {
  const today = todayInVietnam(now);
  const monthStart = startOfMonth(today);
  const known = hasKnownDuty(actor.duties);
  // The nation's admin counts the whole tree: no test of each row's path (lib/auth/subtree.ts).
  const whole = await isWholeTree(actor);
  const meetings = known && allows(actor, "meeting:read:subtree");
  const [structure, openPetitions, overduePetitions, meetingsThisMonth, compliance, awaitingTakeOver] = await Promise.all([
    structureCounts(actor, whole, today),
    // From the rollups (exact, decision 014): petitions by their status now, and open ones by
    // deadline. Counting the rows read every open petition of the subtree, the whole country's
    // for a national admin (decision 028).
    known ? rolledUpPetitionCount({ unitId: actor.unit.id, statuses: OPEN_STATUSES }).then((n) => n ?? 0) : 0,
    known ? rolledUpPetitionCount({ unitId: actor.unit.id, openDue: { to: isoDay(addDaysUtc(today, -1)) } }).then((n) => n ?? 0) : 0,
    db.meeting.count({ where: { AND: [whole ? {} : meetingWhereFor(actor), { heldOn: { gte: monthStart, lte: today } }] } }),
    meetings ? complianceOf([actor.unit.id], monthPeriod(today.getUTCFullYear(), today.getUTCMonth() + 1)) : null,
    known ? countAwaiting(actor) : null,
  ]);
  const teams = compliance?.get(actor.unit.id)?.teams;
  return {
    ...structure,
    openPetitions,
    overduePetitions,
    meetingsThisMonth,
    teamsNotMetThisMonth: teams ? teams.expected - teams.held : null,
    awaitingTakeOver,
  };
}
