/**
 * The daily reminder sweep (decision 061), run by the job queue on each day at 07:00 and once when
 * the worker starts: on a working day of the holiday table, every open petition with a deadline gets
 * the reminder its field's schedule gives for the day (lib/notifications/schedule.ts), as one
 * notification per recipient. Whoever must act is told first: the petition staff (the petitions
 * duty) of the unit handling it, and whoever assigned it to its agency; from the second overdue
 * reminder on, the supervising level too (`supervisingUnit`, decision 054): its petition staff and
 * its leaders (the directing duty). Each notification has a key of its own (user, petition, kind,
 * day), so a sweep run twice on a day makes nothing new.
 */
import { addWorkingDays, isWorkingDay } from "../calendar";
import { loadHolidayCalendar } from "../calendar/table";
import { db } from "../db/client";
import type { NotificationKind, UnitLevel } from "../generated/prisma/enums";
import { supervisingUnit } from "../petitions/supervising";
import { isoDay, todayInVietnam } from "../time";
import { officeName } from "../units/labels";
import { DEFAULT_SCHEDULE, reminderOn, type Reminder, type ReminderScheduleValues } from "./schedule";
import { reminderText } from "./texts";

export interface SweepResult {
  day: string;
  workingDay: boolean;
  petitions: number;
  created: number;
  /** The new notifications whose user chose e-mail: the queue sends one job each. */
  emailIds: number[];
}

const unitSelect = { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true } as const;
type UnitRow = { id: number; level: UnitLevel; typeLabel: string; name: string; code: string | null; ancestorIds: number[] };

export async function sweepReminders(today: Date = todayInVietnam()): Promise<SweepResult> {
  const day = isoDay(today);
  const year = today.getUTCFullYear();
  const calendar = await loadHolidayCalendar(db, year - 1, year + 1);
  if (!isWorkingDay(day, calendar)) return { day, workingDay: false, petitions: 0, created: 0, emailIds: [] };

  const schedules = new Map<number, ReminderScheduleValues>(
    (await db.reminderSchedule.findMany({ select: { fieldId: true, daysBefore: true, onDueDay: true, overdueEvery: true } })).map((s) => [s.fieldId, s]),
  );
  const scheduleOf = (fieldId: number) => schedules.get(fieldId) ?? DEFAULT_SCHEDULE;
  const furthest = Math.max(DEFAULT_SCHEDULE.daysBefore, ...[...schedules.values()].map((s) => s.daysBefore));
  const horizon = new Date(`${addWorkingDays(day, furthest, calendar)}T00:00:00Z`);

  const petitions = await db.petition.findMany({
    where: { isOpen: true, dueOn: { lte: horizon } },
    select: { id: true, code: true, dueOn: true, fieldId: true, field: { select: { name: true } }, unitId: true, unit: { select: { ancestorIds: true } }, handlingUnitId: true },
    orderBy: { id: "asc" },
  });
  if (petitions.length === 0) return { day, workingDay: true, petitions: 0, created: 0, emailIds: [] };
  const ids = petitions.map((p) => p.id);

  const lastOverdue = new Map<number, string>();
  for (const row of await db.notification.groupBy({ by: ["petitionId"], where: { petitionId: { in: ids }, kind: "OVERDUE" }, _max: { day: true } })) {
    if (row.petitionId !== null && row._max.day) lastOverdue.set(row.petitionId, isoDay(row._max.day));
  }
  const due = new Map<number, Reminder>();
  for (const p of petitions) {
    const r = reminderOn(day, isoDay(p.dueOn!), scheduleOf(p.fieldId), calendar, lastOverdue.get(p.id) ?? null);
    if (r) due.set(p.id, r);
  }
  const reminded = petitions.filter((p) => due.has(p.id));
  if (reminded.length === 0) return { day, workingDay: true, petitions: 0, created: 0, emailIds: [] };

  // Petition staff on every reminded petition's path, and the units they sit on.
  const pathOf = (p: (typeof reminded)[number]) => (p.handlingUnitId ? [p.handlingUnitId] : [...p.unit.ancestorIds, p.unitId]);
  const pathUnits = [...new Set(reminded.flatMap(pathOf))];
  // Duties filtered here: the users of a few units, and Prisma's enum-array filters fail on the PGlite adapter.
  const staff = (await db.user.findMany({ where: { unitId: { in: pathUnits }, active: true }, select: { id: true, unitId: true, duties: true } })).filter((u) =>
    u.duties.includes("PETITIONS"),
  );
  const staffByUnit = groupBy(staff, (u) => u.unitId);
  const units = new Map<number, UnitRow>((await db.unit.findMany({ where: { id: { in: pathUnits } }, select: unitSelect })).map((u) => [u.id, u]));
  const assigners = new Map<number, number>();
  for (const e of await db.petitionEvent.findMany({
    where: { petitionId: { in: reminded.map((p) => p.id) }, kind: "ASSIGNED" },
    orderBy: [{ petitionId: "asc" }, { at: "asc" }],
    select: { petitionId: true, actorId: true },
  })) {
    if (e.actorId !== null) assigners.set(e.petitionId, e.actorId); // the last assignment wins
  }
  const activeAssigners = new Set(
    (await db.user.findMany({ where: { id: { in: [...new Set(assigners.values())] }, active: true }, select: { id: true } })).map((u) => u.id),
  );

  const supervisorsCache = new Map<string, { unit: UnitRow; userIds: number[] } | null>();
  async function supervisorsOf(p: (typeof reminded)[number], level: UnitLevel) {
    const key = `${p.unitId}:${level}`;
    if (!supervisorsCache.has(key)) {
      const up = await supervisingUnit(db, { unitId: p.unitId, ancestorIds: p.unit.ancestorIds }, { level }, today);
      const users = up
        ? (await db.user.findMany({ where: { unitId: up.id, active: true }, select: { id: true, duties: true } })).filter((u) => u.duties.includes("PETITIONS") || u.duties.includes("DIRECTING"))
        : [];
      supervisorsCache.set(key, up ? { unit: up, userIds: users.map((u) => u.id) } : null);
    }
    return supervisorsCache.get(key)!;
  }

  const rows: { userId: number; kind: NotificationKind; petitionId: number; day: Date; title: string; body: string; link: string; dedupeKey: string }[] = [];
  for (const p of reminded) {
    const reminder = due.get(p.id)!;
    // The unit handling it: the level that took it over, else the deepest unit of its path with petition staff.
    const path = pathOf(p);
    const handling = [...path].reverse().find((id) => staffByUnit.has(id)) ?? p.handlingUnitId ?? null;
    const actors = new Set((handling ? staffByUnit.get(handling) ?? [] : []).map((u) => u.id));
    const assigner = assigners.get(p.id);
    if (assigner && activeAssigners.has(assigner)) actors.add(assigner);
    const handlingUnit = handling ? units.get(handling) : undefined;
    const facts = {
      code: p.code,
      field: p.field.name,
      dueOn: p.dueOn!,
      unit: handlingUnit ? officeName(handlingUnit, day) : "chưa có đơn vị xử lý",
      workingDaysLeft: reminder.kind === "DUE_SOON" ? reminder.workingDaysLeft : undefined,
      workingDaysOverdue: reminder.kind === "OVERDUE" ? reminder.workingDaysOverdue : undefined,
    };
    const add = (userId: number, kind: NotificationKind) =>
      rows.push({ userId, kind, petitionId: p.id, day: today, ...reminderText(kind, facts), link: `/petitions/${p.id}`, dedupeKey: `${kind}:${p.id}:${day}:${userId}` });
    for (const userId of actors) add(userId, reminder.kind);
    // Nobody below to act: the level above is told at once.
    if (reminder.kind === "OVERDUE" && (reminder.escalate || actors.size === 0)) {
      const up = await supervisorsOf(p, handlingUnit?.level ?? "COMMUNE");
      for (const userId of up?.userIds ?? []) if (!actors.has(userId)) add(userId, "OVERDUE_ESCALATED");
    }
  }

  const created = rows.length ? await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, userId: true } }) : [];
  const byEmail = new Set(
    (
      await db.notificationSettings.findMany({
        where: { userId: { in: [...new Set(created.map((n) => n.userId))] }, byEmail: true, email: { not: null } },
        select: { userId: true },
      })
    ).map((s) => s.userId),
  );
  return { day, workingDay: true, petitions: reminded.length, created: created.length, emailIds: created.filter((n) => byEmail.has(n.userId)).map((n) => n.id) };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
