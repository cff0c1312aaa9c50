/**
 * The holiday calendar as an admin keeps it (Quản trị → Lịch nghỉ lễ): read a year, add,
 * edit and delete a day, restore a year's scheduled days (the published schedule, else the
 * computed estimate: decision 047). Every change is one transaction
 * with its audit row. The calendar holds for the whole country: national administrators only
 * (`reference:manage:national`, decision 020).
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { isoDay } from "../time";
import { scheduleForYear } from "./schedule";
import { applySchedule, ensureCalendarYears, lockCalendarYear as lockYear } from "./table";
import {
  kindRuleError,
  type AddCalendarDayInput,
  type DeleteCalendarDayInput,
  type RestoreCalendarYearInput,
  type UpdateCalendarDayInput,
} from "./schemas";

function requireAdmin(actor: Actor) {
  if (!allows(actor, "reference:manage:national")) throw new ActionError("NOT_FOUND");
}

const yearRange = (year: number) => ({ gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) });

/**
 * The year's rows, filled from its schedule the first time the year is seen, and whether that
 * schedule is the government's (with its sources) or an estimate.
 */
export async function getCalendarYear(year: number) {
  await ensureCalendarYears(db, [year]);
  const days = await db.calendarDay.findMany({ where: { date: yearRange(year) }, orderBy: { date: "asc" } });
  const schedule = scheduleForYear(year);
  return { days, status: schedule.status, sources: schedule.status === "OFFICIAL" ? schedule.sources : [] };
}

/** A decreed day off or a make-up working day. */
export async function addCalendarDay(actor: Actor, input: AddCalendarDayInput) {
  requireAdmin(actor);
  if (kindRuleError(input.date, input.kind)) throw new ActionError("INVALID_STATE");
  const year = input.date.getUTCFullYear();
  try {
    return await db.$transaction(async (tx) => {
      await lockYear(tx, year);
      // Fill the year first: a year that has a row is never filled from its schedule again.
      await ensureCalendarYears(tx, [year]);
      if (await tx.calendarDay.findUnique({ where: { date: input.date } })) throw new ActionError("DUPLICATE");
      const row = await tx.calendarDay.create({ data: { date: input.date, kind: input.kind, name: input.name, source: "MANUAL" } });
      await audit(tx, {
        actorId: actor.userId || null,
        action: "calendar.day.add",
        entity: "CalendarDay",
        entityId: isoDay(row.date),
        data: { kind: row.kind, name: row.name },
      });
      return { date: isoDay(row.date), year };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("DUPLICATE");
    throw error;
  }
}

/** A new name or kind; the row becomes MANUAL, so restoring the year keeps it. */
export async function updateCalendarDay(actor: Actor, input: UpdateCalendarDayInput) {
  requireAdmin(actor);
  if (kindRuleError(input.date, input.kind)) throw new ActionError("INVALID_STATE");
  const year = input.date.getUTCFullYear();
  return db.$transaction(async (tx) => {
    await lockYear(tx, year);
    const before = await tx.calendarDay.findUnique({ where: { date: input.date } });
    if (!before) throw new ActionError("NOT_FOUND");
    const { count } = await tx.calendarDay.updateMany({
      where: { date: input.date, updatedAt: new Date(input.updatedAt) },
      data: { kind: input.kind, name: input.name, source: "MANUAL" },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    await audit(tx, {
      actorId: actor.userId || null,
      action: "calendar.day.update",
      entity: "CalendarDay",
      entityId: isoDay(input.date),
      data: { before: { kind: before.kind, name: before.name, source: before.source }, after: { kind: input.kind, name: input.name } },
    });
    return { date: isoDay(input.date), year };
  });
}

export async function deleteCalendarDay(actor: Actor, input: DeleteCalendarDayInput) {
  requireAdmin(actor);
  const year = input.date.getUTCFullYear();
  return db.$transaction(async (tx) => {
    await lockYear(tx, year);
    const before = await tx.calendarDay.findUnique({ where: { date: input.date } });
    if (!before) throw new ActionError("NOT_FOUND");
    await tx.calendarDay.delete({ where: { date: input.date } });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "calendar.day.delete",
      entity: "CalendarDay",
      entityId: isoDay(input.date),
      data: { kind: before.kind, name: before.name, source: before.source },
    });
    return { date: isoDay(input.date), year };
  });
}

/**
 * "Tính lại theo quy định": the year's rows are brought back to its schedule (the published one,
 * else the computed estimate): scheduled days the table lacks are added, rows the schedule gave
 * take its kind and name again, and those it no longer gives are removed. MANUAL rows (added or
 * edited by an admin) are kept as they are.
 */
export async function restoreCalendarYear(actor: Actor, input: RestoreCalendarYearInput) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    await lockYear(tx, input.year);
    const { status, added, reset, removed, keptManual, manualOnScheduleDates } = await applySchedule(tx, input.year);
    await audit(tx, {
      actorId: actor.userId || null,
      action: "calendar.year.restore",
      entity: "CalendarDay",
      entityId: String(input.year),
      data: { schedule: status, added, reset, removed, keptManual, manualOnScheduleDates },
    });
    return { year: input.year, added, reset, removed, keptManual };
  });
}
