/**
 * The leaders' weekly digest (issue 16 part 2, decision 061): on the first working day of each week (its Monday,
 * or the first day after the days off that begin it; none in a week without a working day), every active user
 * with the directing duty is told how many petitions in their reach are overdue, and the ten most overdue, worst
 * first, by code, field and working days overdue: nothing of the petitioners. None when nothing is overdue. One a
 * user and week (its key), so the daily job may run twice. Run by the daily sweep's job (lib/jobs/worker.ts).
 */
import { loadActor } from "../auth/actor";
import { isHomeClosed } from "../auth/home-closed";
import { petitionWhereFor } from "../auth/scope";
import { addDays, isWorkingDay, workingDaysBetween } from "../calendar";
import { loadHolidayCalendar } from "../calendar/table";
import { db } from "../db/client";
import { isoDay } from "../time";
import { officeName } from "../units/labels";
import { toDeliver } from "./deliver";
import { digestText } from "./texts";

/** How many of the most overdue a digest names. */
export const DIGEST_WORST = 10;
/** The list the digest opens: overdue petitions, the oldest deadline first. */
export const DIGEST_LINK = "/petitions?overdue=1&sort=dueOn&dir=asc";

export interface DigestResult {
  day: string;
  /** Whether `day` is its week's digest day. */
  digestDay: boolean;
  created: number;
  /** The new digests whose user chose a channel beyond the app. */
  deliverIds: number[];
}

export async function sendWeeklyDigest(today: Date): Promise<DigestResult> {
  const day = isoDay(today);
  const year = today.getUTCFullYear();
  const calendar = await loadHolidayCalendar(db, year - 1, year + 1);
  // The week's Monday (getUTCDay: 0 is Sunday), then its first working day.
  const monday = addDays(day, -((today.getUTCDay() + 6) % 7));
  let first: string | null = null;
  for (let d = monday; d <= addDays(monday, 6) && first === null; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) first = d;
  if (first !== day) return { day, digestDay: false, created: 0, deliverIds: [] };

  // Duties filtered here: Prisma's enum-array filters fail on the PGlite adapter (as in sweep.ts).
  const leaders = (await db.user.findMany({ where: { active: true }, select: { id: true, duties: true }, orderBy: { id: "asc" } })).filter((u) => u.duties.includes("DIRECTING"));
  const rows = [];
  for (const leader of leaders) {
    const actor = await loadActor(leader.id);
    if (!actor || isHomeClosed(actor, today)) continue;
    const where = { AND: [petitionWhereFor(actor), { isOpen: true, dueOn: { lt: today } }] };
    const overdue = await db.petition.count({ where });
    if (overdue === 0) continue;
    const worst = await db.petition.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: DIGEST_WORST,
      select: { code: true, dueOn: true, field: { select: { name: true } } },
    });
    const text = digestText({
      week: new Date(`${monday}T00:00:00Z`),
      unit: officeName(actor.unit, day),
      overdue,
      worst: worst.map((p) => ({ code: p.code, field: p.field.name, workingDaysOverdue: workingDaysBetween(isoDay(p.dueOn!), day, calendar) })),
    });
    rows.push({ userId: leader.id, kind: "DIGEST" as const, petitionId: null, day: today, ...text, link: DIGEST_LINK, dedupeKey: `DIGEST:${leader.id}:${monday}` });
  }
  const created = rows.length ? await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, userId: true } }) : [];
  return { day, digestDay: true, created: created.length, deliverIds: await toDeliver(created) };
}
