import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDay, deleteCalendarDay, getCalendarYear, restoreCalendarYear, updateCalendarDay } from "@/lib/calendar/admin";
import { computeHolidays } from "@/lib/calendar/holidays";
import { addCalendarDaySchema, updateCalendarDaySchema } from "@/lib/calendar/schemas";
import { deadlineFor } from "@/lib/calendar/table";
import { db } from "@/lib/db/client";
import { actorAt, buildTree, createUser } from "../support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
let admin: Actor;
let staff: Actor;

async function expectCode(promise: Promise<unknown>, code: ActionError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
}

beforeAll(async () => {
  const tree = await buildTree();
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
});

describe("calendar administration", () => {
  it("shows a year without a published schedule filled from the computation on first view, as an estimate", async () => {
    const { days: rows, status, sources } = await getCalendarYear(2030);
    expect(status).toBe("ESTIMATE");
    expect(sources).toEqual([]);
    expect(rows.map((r) => iso(r.date))).toEqual(computeHolidays(2030).map((h) => h.date));
    expect(rows.every((r) => r.source === "COMPUTED" && r.kind === "HOLIDAY")).toBe(true);
  });

  it("shows 2025 filled from the published schedule, as official with its notice", async () => {
    const { days: rows, status, sources } = await getCalendarYear(2025);
    expect(status).toBe("OFFICIAL");
    expect(sources.map((s) => s.document).join(" ")).toContain("6150/TB-BLĐTBXH");
    const byDate = new Map(rows.map((r) => [iso(r.date), r]));
    for (const day of ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]) {
      expect(byDate.get(day)).toMatchObject({ kind: "HOLIDAY", name: "Tết Nguyên đán", source: "OFFICIAL" });
    }
    expect(byDate.has("2025-02-03")).toBe(false);
    expect(byDate.get("2025-04-26")).toMatchObject({ kind: "WORKING_DAY", source: "OFFICIAL" });
    expect(byDate.get("2025-05-02")).toMatchObject({ kind: "HOLIDAY", source: "OFFICIAL" });
    expect(rows.every((r) => r.source === "OFFICIAL")).toBe(true);
  });

  it("brings a year estimated before its schedule was shipped to the published days, once, keeping the admin's rows", async () => {
    // 2024 as a database filled by the earlier code holds it: the computed estimate, plus an admin's day.
    await db.calendarDay.deleteMany({ where: { date: { gte: d("2024-01-01"), lt: d("2025-01-01") } } });
    await db.calendarDay.createMany({
      data: computeHolidays(2024).map((h) => ({ date: d(h.date), kind: "HOLIDAY" as const, name: h.name, source: "COMPUTED" as const })),
    });
    await db.calendarDay.create({ data: { date: d("2024-03-05"), kind: "HOLIDAY", name: "Nghỉ theo quyết định", source: "MANUAL" } });
    // Friday 2/2/2024 + 4 working days: 5, 6, 7 and 15/2 by the published Tết 8/2–14/2 (the estimate, Tết
    // 9/2–15/2, gave 5, 6, 7 and 8/2).
    expect(iso(await deadlineFor(db, d("2024-02-02"), 4))).toBe("2024-02-15");
    const rows = await db.calendarDay.findMany({ where: { date: { gte: d("2024-01-01"), lt: d("2025-01-01") } } });
    const byDate = new Map(rows.map((r) => [iso(r.date), r]));
    expect(rows.filter((r) => r.source === "COMPUTED")).toEqual([]);
    expect(byDate.get("2024-02-08")).toMatchObject({ kind: "HOLIDAY", source: "OFFICIAL" });
    expect(byDate.get("2024-05-04")).toMatchObject({ kind: "WORKING_DAY", source: "OFFICIAL" });
    expect(byDate.has("2024-02-15")).toBe(false);
    expect(byDate.get("2024-03-05")).toMatchObject({ source: "MANUAL", name: "Nghỉ theo quyết định" });
    const logs = await db.auditLog.findMany({ where: { action: "calendar.year.official", entityId: "2024" } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ actorId: null, entity: "CalendarDay" });
    // Once: the next use finds nothing estimated and changes nothing.
    await getCalendarYear(2024);
    expect(await db.auditLog.count({ where: { action: "calendar.year.official", entityId: "2024" } })).toBe(1);
  });

  it("restores an official year to its published schedule", async () => {
    await getCalendarYear(2026);
    await deleteCalendarDay(admin, { date: d("2026-01-10") });
    await db.calendarDay.update({ where: { date: d("2026-02-17") }, data: { name: "Tên cũ" } });
    const result = await restoreCalendarYear(admin, { year: 2026 });
    expect(result).toMatchObject({ added: 1, reset: 1, removed: 0 });
    const { days } = await getCalendarYear(2026);
    const byDate = new Map(days.map((r) => [iso(r.date), r]));
    expect(byDate.get("2026-01-10")).toMatchObject({ kind: "WORKING_DAY", source: "OFFICIAL" });
    expect(byDate.get("2026-02-17")).toMatchObject({ name: "Tết Nguyên đán", source: "OFFICIAL" });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "calendar.year.restore", entityId: "2026" } });
    expect(log.data).toMatchObject({ schedule: "OFFICIAL", added: 1, reset: 1 });
  });

  it("adds a decreed day off on a weekday, fills the year first, audits, and deadlines follow it", async () => {
    // Monday 06/01/2031 + 5 working days is Monday 13/01/2031.
    expect(iso(await deadlineFor(db, d("2031-01-06"), 5))).toBe("2031-01-13");
    await db.calendarDay.deleteMany({ where: { date: { gte: d("2031-01-01"), lt: d("2032-01-01") } } });
    await addCalendarDay(admin, { date: d("2031-01-08"), kind: "HOLIDAY", name: "Nghỉ theo quyết định" });
    const rows = await db.calendarDay.findMany({ where: { date: { gte: d("2031-01-01"), lt: d("2032-01-01") } } });
    // The computed days came first: the manual row did not stop the year from being filled.
    expect(rows.length).toBe(computeHolidays(2031).length + 1);
    expect(rows.find((r) => iso(r.date) === "2031-01-08")).toMatchObject({ kind: "HOLIDAY", source: "MANUAL", name: "Nghỉ theo quyết định" });
    expect(iso(await deadlineFor(db, d("2031-01-06"), 5))).toBe("2031-01-14");
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "calendar.day.add", entityId: "2031-01-08" } });
    expect(log).toMatchObject({ actorId: admin.userId, entity: "CalendarDay" });
  });

  it("refuses a day off on a weekend, a make-up day on a weekday, and a date already there", async () => {
    // 11/01/2031 is a Saturday, 09/01/2031 a Thursday.
    const weekendHoliday = addCalendarDaySchema.safeParse({ date: "2031-01-11", kind: "HOLIDAY", name: "Nghỉ" });
    expect(weekendHoliday.success).toBe(false);
    expect(weekendHoliday.error?.issues[0].path).toEqual(["date"]);
    expect(addCalendarDaySchema.safeParse({ date: "2031-01-09", kind: "WORKING_DAY", name: "Làm bù" }).success).toBe(false);
    expect(addCalendarDaySchema.safeParse({ date: "2031-01-11", kind: "WORKING_DAY", name: "Làm bù" }).success).toBe(true);
    await expectCode(addCalendarDay(admin, { date: d("2031-01-11"), kind: "HOLIDAY", name: "Nghỉ" }), "INVALID_STATE");
    await expectCode(addCalendarDay(admin, { date: d("2031-01-09"), kind: "WORKING_DAY", name: "Làm bù" }), "INVALID_STATE");
    await expectCode(addCalendarDay(admin, { date: d("2031-01-01"), kind: "HOLIDAY", name: "Trùng" }), "DUPLICATE");
    expect(await db.calendarDay.findUnique({ where: { date: d("2031-01-11") } })).toBeNull();
    await addCalendarDay(admin, { date: d("2031-01-11"), kind: "WORKING_DAY", name: "Làm bù" });
    expect(await db.calendarDay.findUnique({ where: { date: d("2031-01-11") } })).toMatchObject({ kind: "WORKING_DAY" });
  });

  it("edits a day (it becomes MANUAL) and refuses a stale form", async () => {
    const row = await db.calendarDay.findUniqueOrThrow({ where: { date: d("2031-01-01") } });
    expect(row.source).toBe("COMPUTED");
    const input = { date: row.date, kind: "HOLIDAY" as const, name: "Tết Dương lịch (đã sửa)", updatedAt: row.updatedAt.toISOString() };
    await updateCalendarDay(admin, input);
    expect(await db.calendarDay.findUniqueOrThrow({ where: { date: row.date } })).toMatchObject({ name: "Tết Dương lịch (đã sửa)", source: "MANUAL" });
    await expectCode(updateCalendarDay(admin, { ...input, name: "Cũ" }), "CONFLICT");
    expect((await db.calendarDay.findUniqueOrThrow({ where: { date: row.date } })).name).toBe("Tết Dương lịch (đã sửa)");
    expect(updateCalendarDaySchema.safeParse({ date: "2031-01-01", kind: "WORKING_DAY", name: "x", updatedAt: row.updatedAt.toISOString() }).success).toBe(false);
    expect(await db.auditLog.count({ where: { action: "calendar.day.update", entityId: "2031-01-01" } })).toBe(1);
    await expectCode(updateCalendarDay(admin, { ...input, date: d("2031-03-03") }), "NOT_FOUND");
  });

  it("deletes a day with an audit row", async () => {
    await deleteCalendarDay(admin, { date: d("2031-01-08") });
    expect(await db.calendarDay.findUnique({ where: { date: d("2031-01-08") } })).toBeNull();
    expect(await db.auditLog.findFirst({ where: { action: "calendar.day.delete", entityId: "2031-01-08" } })).not.toBeNull();
    await expectCode(deleteCalendarDay(admin, { date: d("2031-01-08") }), "NOT_FOUND");
  });

  it("restores a year: re-adds missing computed days, resets and removes computed rows, keeps manual ones", async () => {
    const computed = computeHolidays(2032);
    await getCalendarYear(2032);
    const [first, second] = computed;
    await deleteCalendarDay(admin, { date: d(first.date) });
    await db.calendarDay.update({ where: { date: d(second.date) }, data: { name: "Tên cũ" } });
    // A computed row the rules no longer give (say, from an older version of the computation).
    await db.calendarDay.create({ data: { date: d("2032-06-16"), kind: "HOLIDAY", name: "Lạc", source: "COMPUTED" } });
    await addCalendarDay(admin, { date: d("2032-06-15"), kind: "HOLIDAY", name: "Nghỉ thủ công" });
    const third = await db.calendarDay.findUniqueOrThrow({ where: { date: d(computed[2].date) } });
    await updateCalendarDay(admin, { date: third.date, kind: "HOLIDAY", name: "Sửa tay", updatedAt: third.updatedAt.toISOString() });

    const result = await restoreCalendarYear(admin, { year: 2032 });
    expect(result).toMatchObject({ added: 1, reset: 1, removed: 1, keptManual: 2 });
    const { days: rows } = await getCalendarYear(2032);
    const byDate = new Map(rows.map((r) => [iso(r.date), r]));
    expect(byDate.get(first.date)).toMatchObject({ name: first.name, source: "COMPUTED" });
    expect(byDate.get(second.date)?.name).toBe(second.name);
    expect(byDate.has("2032-06-16")).toBe(false);
    expect(byDate.get("2032-06-15")).toMatchObject({ source: "MANUAL", name: "Nghỉ thủ công" });
    expect(byDate.get(computed[2].date)).toMatchObject({ source: "MANUAL", name: "Sửa tay" });
    expect(rows.length).toBe(computed.length + 1);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "calendar.year.restore", entityId: "2032" } });
    expect(log.data).toMatchObject({ added: 1, reset: 1, removed: 1 });
  });

  it("refuses every change to a non-admin as not found", async () => {
    await expectCode(addCalendarDay(staff, { date: d("2031-02-03"), kind: "HOLIDAY", name: "Nghỉ" }), "NOT_FOUND");
    await expectCode(deleteCalendarDay(staff, { date: d("2031-01-11") }), "NOT_FOUND");
    await expectCode(restoreCalendarYear(staff, { year: 2031 }), "NOT_FOUND");
    const row = await db.calendarDay.findUniqueOrThrow({ where: { date: d("2031-01-11") } });
    await expectCode(updateCalendarDay(staff, { date: row.date, kind: "WORKING_DAY", name: "x", updatedAt: row.updatedAt.toISOString() }), "NOT_FOUND");
    expect(await db.calendarDay.findUnique({ where: { date: d("2031-02-03") } })).toBeNull();
  });
});
