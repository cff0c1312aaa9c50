/**
 * The daily reminder sweep (decision 061), run by the job queue on each day at 07:00 and once when
 * the worker starts: on a working day of the holiday table, every open petition with a deadline gets
 * the reminder its field's schedule gives for the day (lib/notifications/schedule.ts), as one
 * notification per recipient. Whoever must act is told first: the petition staff (the petitions
 * duty) of the unit handling it, whoever assigned it to its agency, and the agency's own accounts
 * (decision 064) while it holds the petition, their link to the agency's page of it (decision 075);
 * from the second overdue
 * reminder on, the supervising level too (`supervisingUnit`, decision 054): its petition staff and
 * its leaders (the directing duty). Each notification has a key of its own (user, petition, kind,
 * day), so a sweep run twice on a day makes nothing new.
 */
import { ANSWERING_STATUSES } from "../agency-links/links";
import { AGENCY_DUTY } from "../auth/roles";
import { addWorkingDays, isWorkingDay } from "../calendar";
import { loadHolidayCalendar } from "../calendar/table";
import { db } from "../db/client";
import type { NotificationKind, UnitLevel } from "../generated/prisma/enums";
import { nearestSupervising } from "../petitions/supervising";
import { isoDay, todayInVietnam } from "../time";
import { officeName } from "../units/labels";
import { DEFAULT_SCHEDULE, reminderOn, type Reminder, type ReminderScheduleValues } from "./schedule";
import { toDeliver } from "./deliver";
import { reminderText, type ReminderKind } from "./texts";

export interface SweepResult {
  day: string;
  workingDay: boolean;
  petitions: number;
  created: number;
  /** The new notifications whose user chose a channel beyond the app (e-mail, Zalo, SMS): the queue sends one job each. */
  deliverIds: number[];
}

const unitSelect = { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true, validFrom: true, validTo: true } as const;
type UnitRow = { id: number; level: UnitLevel; typeLabel: string; name: string; code: string | null; ancestorIds: number[]; validFrom: Date | null; validTo: Date | null };

/** Petitions read and reminded at a time: memory and each statement's list of ids stay bounded at any size. */
const PAGE_SIZE = 1000;

const petitionSelect = {
  id: true,
  code: true,
  dueOn: true,
  fieldId: true,
  field: { select: { name: true } },
  unitId: true,
  unit: { select: { ancestorIds: true } },
  handlingUnitId: true,
  agencyId: true,
  status: true,
} as const;
type SweptPetition = {
  id: number; code: string; dueOn: Date | null; fieldId: number; field: { name: string }; unitId: number; unit: { ancestorIds: number[] }; handlingUnitId: number | null;
  agencyId: number | null; status: string;
};

interface SweepDay {
  day: string;
  today: Date;
  calendar: Awaited<ReturnType<typeof loadHolidayCalendar>>;
  scheduleOf: (fieldId: number) => ReminderScheduleValues;
}

export async function sweepReminders(today: Date = todayInVietnam()): Promise<SweepResult> {
  const day = isoDay(today);
  const year = today.getUTCFullYear();
  const calendar = await loadHolidayCalendar(db, year - 1, year + 1);
  if (!isWorkingDay(day, calendar)) return { day, workingDay: false, petitions: 0, created: 0, deliverIds: [] };

  const schedules = new Map<number, ReminderScheduleValues>(
    (await db.reminderSchedule.findMany({ select: { fieldId: true, daysBefore: true, onDueDay: true, overdueEvery: true } })).map((s) => [s.fieldId, s]),
  );
  const scheduleOf = (fieldId: number) => schedules.get(fieldId) ?? DEFAULT_SCHEDULE;
  const furthest = Math.max(DEFAULT_SCHEDULE.daysBefore, ...[...schedules.values()].map((s) => s.daysBefore));
  const horizon = new Date(`${addWorkingDays(day, furthest, calendar)}T00:00:00Z`);
  const ctx: SweepDay = { day, today, calendar, scheduleOf };

  // Open petitions due by the horizon, a page at a time in the order of `Petition_dueOn_id_idx`.
  const result: SweepResult = { day, workingDay: true, petitions: 0, created: 0, deliverIds: [] };
  let after: { dueOn: Date; id: number } | null = null;
  for (;;) {
    // The row comparison is the index's own condition: each page starts where the last ended (Prisma's OR of the two
    // columns was a filter, so that every page read the index from its start).
    const ids = await db.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Petition"
      WHERE "isOpen" AND "dueOn" <= ${isoDay(horizon)}::date
        AND ("dueOn", id) > (${after ? isoDay(after.dueOn) : "0001-01-01"}::date, ${after?.id ?? 0}::int)
      ORDER BY "dueOn", id
      LIMIT ${PAGE_SIZE}`;
    const page: SweptPetition[] = ids.length
      ? await db.petition.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: petitionSelect, orderBy: [{ dueOn: "asc" }, { id: "asc" }] })
      : [];
    if (page.length === 0) break;
    const done = await remindPage(ctx, page);
    result.petitions += done.petitions;
    result.created += done.created;
    result.deliverIds.push(...done.deliverIds);
    if (page.length < PAGE_SIZE) break;
    const last = page[page.length - 1];
    after = { dueOn: last.dueOn!, id: last.id };
  }
  return result;
}

/** The reminders of one page of petitions, written at once (a notification's key makes a second run harmless). */
async function remindPage(ctx: SweepDay, petitions: SweptPetition[]): Promise<Omit<SweepResult, "day" | "workingDay">> {
  const { day, today, calendar, scheduleOf } = ctx;
  const none = { petitions: 0, created: 0, deliverIds: [] };
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
  if (reminded.length === 0) return none;

  // Petition staff on every reminded petition's path, and the path's units (the supervising level among them).
  const pathOf = (p: (typeof reminded)[number]) => (p.handlingUnitId ? [p.handlingUnitId] : [...p.unit.ancestorIds, p.unitId]);
  const pathUnits = [...new Set(reminded.flatMap(pathOf))];
  // Duties filtered here: the users of a few units, and Prisma's enum-array filters fail on the PGlite adapter.
  const staff = (await db.user.findMany({ where: { unitId: { in: pathUnits }, active: true }, select: { id: true, unitId: true, duties: true } })).filter((u) =>
    u.duties.includes("PETITIONS"),
  );
  const staffByUnit = groupBy(staff, (u) => u.unitId);
  const unitIds = [...new Set([...pathUnits, ...reminded.flatMap((p) => p.unit.ancestorIds)])];
  const units = new Map<number, UnitRow>((await db.unit.findMany({ where: { id: { in: unitIds } }, select: unitSelect })).map((u) => [u.id, u]));
  const assigners = new Map<number, number>();
  for (const e of await db.petitionEvent.findMany({
    where: { petitionId: { in: reminded.map((p) => p.id) }, kind: "ASSIGNED" },
    orderBy: [{ petitionId: "asc" }, { at: "asc" }],
    select: { petitionId: true, actorId: true },
  })) {
    if (e.actorId !== null) assigners.set(e.petitionId, e.actorId); // the last assignment wins
  }
  // The accounts of the agencies holding the reminded petitions (decision 064): they must act too.
  const held = reminded.filter((p) => p.agencyId !== null && (ANSWERING_STATUSES as readonly string[]).includes(p.status));
  const agencyAccounts = groupBy(
    (held.length
      ? await db.user.findMany({ where: { agencyId: { in: [...new Set(held.map((p) => p.agencyId!))] }, active: true }, select: { id: true, agencyId: true, duties: true } })
      : []
    ).filter((u) => u.duties.includes(AGENCY_DUTY)),
    (u) => u.agencyId,
  );
  const activeAssigners = new Set(
    (await db.user.findMany({ where: { id: { in: [...new Set(assigners.values())] }, active: true }, select: { id: true } })).map((u) => u.id),
  );

  const rows: { userId: number; kind: NotificationKind; petitionId: number; day: Date; title: string; body: string; link: string; dedupeKey: string }[] = [];
  const escalations: { add: (userId: number, kind: ReminderKind) => void; actors: Set<number>; up: UnitRow | null }[] = [];
  const standing = (u: UnitRow | undefined): u is UnitRow => !!u && (!u.validFrom || u.validFrom <= today) && (!u.validTo || u.validTo >= today);
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
    const add = (userId: number, kind: ReminderKind, link = `/petitions/${p.id}`) =>
      rows.push({ userId, kind, petitionId: p.id, day: today, ...reminderText(kind, facts), link, dedupeKey: `${kind}:${p.id}:${day}:${userId}` });
    for (const userId of actors) add(userId, reminder.kind);
    // The agency's accounts, while it holds the petition: the same words, their link to the agency's page of it.
    if ((ANSWERING_STATUSES as readonly string[]).includes(p.status)) for (const u of (p.agencyId !== null && agencyAccounts.get(p.agencyId)) || []) add(u.id, reminder.kind, `/agency/${p.id}`);
    // Nobody below to act: the level above is told at once. Its unit: the rule of `supervisingUnit`, on the path's units
    // loaded above (today's path is the unit's own), so that a page costs its queries whatever the number of units.
    if (reminder.kind === "OVERDUE" && (reminder.escalate || actors.size === 0)) {
      const up = nearestSupervising(p.unit.ancestorIds.map((id) => units.get(id)).filter(standing), handlingUnit?.level ?? "COMMUNE");
      escalations.push({ add, actors, up });
    }
  }
  // The supervising levels' petition staff and leaders, for all the page's escalations at once.
  const upIds = [...new Set(escalations.flatMap((e) => (e.up ? [e.up.id] : [])))];
  const leaders = groupBy(
    (upIds.length ? await db.user.findMany({ where: { unitId: { in: upIds }, active: true }, select: { id: true, unitId: true, duties: true } }) : []).filter(
      (u) => u.duties.includes("PETITIONS") || u.duties.includes("DIRECTING"),
    ),
    (u) => u.unitId,
  );
  for (const e of escalations) for (const u of (e.up && leaders.get(e.up.id)) || []) if (!e.actors.has(u.id)) e.add(u.id, "OVERDUE_ESCALATED");

  const created = rows.length ? await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, userId: true } }) : [];
  return { petitions: reminded.length, created: created.length, deliverIds: await toDeliver(created) };
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
