/**
 * Issue 16, parts 1–3 (decisions 060–062), written before the sweep: the clock moves day by day over
 * Tết 2025 (27–31/1 off, lib/calendar/official-schedules.ts) and the daily reminder sweep runs on each
 * day. Reminders come on the right working days and none on a weekend or on Tết; the staff who must
 * act are told first, the supervising level from the second overdue reminder; the e-mail goes through
 * the real job queue (pg-boss on this test's database) to a real SMTP server started here; a sweep run
 * twice makes nothing twice; no text carries the petitioner's data.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/calendar";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { jobsOverview } from "@/lib/jobs/status";
import { jobQueue, stopJobQueue } from "@/lib/jobs/queue";
import { runSweep, sendSweep, startWorker } from "@/lib/jobs/worker";
import { sendWeeklyDigest } from "@/lib/notifications/digest";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { isoDay } from "@/lib/time";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";
import { startSmtpSink } from "../support/smtp-sink";

const PERSONAL = { name: "Hoàng Thị Mận", phone: "0912345678", address: "Số 7 ngõ Chùa, thôn Đình" };

let tree: Tree;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const users = {} as Record<"staff" | "secretary" | "admin" | "provinceStaff" | "leader" | "viewer" | "otherDistrict", { id: number }>;
let staff: Actor;
let petitionA: { id: number; code: string };
let petitionB: { id: number; code: string };
const sweeps: Record<string, number> = {};

async function intake(actor: Actor, fieldId: number, unitId: number) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn: "2025-01-17",
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: PERSONAL.name,
    petitionerPhone: PERSONAL.phone,
    petitionerAddress: PERSONAL.address,
    unitId: String(unitId),
    fieldId: String(fieldId),
    content: `Bà ${PERSONAL.name} (${PERSONAL.phone}) đề nghị sửa cống thoát nước trước nhà.`,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  const p = await createPetition(actor, parsed.data);
  return db.petition.findUniqueOrThrow({ where: { id: p.id }, select: { id: true, code: true, dueOn: true } });
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false", SMTP_FROM: "Dân vận <no-reply@danvan.test>", NEXTAUTH_URL: "https://danvan.test" });
  tree = await buildTree();
  const field = await db.petitionField.create({ data: { code: `f-${uid()}`, name: "Môi trường", defaultDeadlineDays: 5, assignmentDeadlineDays: 5 } });
  await db.reminderSchedule.create({ data: { fieldId: field.id, daysBefore: 2, onDueDay: true, overdueEvery: 3 } });
  users.staff = await createUser(tree.districtA, "DISTRICT_STAFF");
  users.secretary = await createUser(tree.communeA, "COMMUNE_SECRETARY");
  users.admin = await createUser(tree.nation, "ADMIN");
  users.provinceStaff = await createUser(tree.province, ["PETITIONS", "READING"]);
  users.leader = await createUser(tree.province, "PROVINCE_LEADER");
  users.viewer = await createUser(tree.province, "VIEWER");
  users.otherDistrict = await createUser(tree.districtB, "DISTRICT_STAFF");
  await db.notificationSettings.create({ data: { userId: users.staff.id, email: "can.bo@danvan.test", byEmail: true } });
  await db.notificationSettings.create({ data: { userId: users.provinceStaff.id, email: "tinh@danvan.test", byEmail: false } });
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", users.staff.id);
  const a = await intake(staff, field.id, tree.villageA1.id);
  const b = await intake(staff, field.id, tree.villageA2.id);
  // B is assigned on 20/1 by the national administrator: they are told of it too, A's is not theirs.
  const agency = await db.agency.create({ data: { unitId: tree.districtA.id, name: "Phòng Tài nguyên và Môi trường" } });
  const parsed = await parseInput(stepSchema, { petitionId: String(b.id), version: "0", step: "assign", agencyId: String(agency.id) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  await takeStep(actorAt(tree.nation, "ADMIN", users.admin.id), parsed.data, new Date("2025-01-20T03:00:00Z"));
  const bAfter = await db.petition.findUniqueOrThrow({ where: { id: b.id }, select: { dueOn: true } });
  expect([a.dueOn && isoDay(a.dueOn), bAfter.dueOn && isoDay(bAfter.dueOn)]).toEqual(["2025-01-24", "2025-01-24"]);
  petitionA = a;
  petitionB = b;
  // The clock: one sweep per calendar day, as the queue's daily job runs it.
  for (let day = "2025-01-13"; day <= "2025-02-14"; day = addDays(day, 1)) sweeps[day] = (await runSweep(day)).created;
});

afterAll(async () => {
  await stopJobQueue();
  await smtp?.close();
});

/** A user's reminders of petitions (the weekly digest aside: its own tests below). */
// The petitions' reminders: the digest has its own tests below, the periodic reports' reminders theirs (decision 081).
const PETITION_KINDS = { notIn: ["DIGEST", "REPORT_DUE_SOON", "REPORT_OVERDUE"] as NotificationKind[] };
async function received(userId: number) {
  const rows = await db.notification.findMany({ where: { userId, kind: PETITION_KINDS }, orderBy: [{ day: "asc" }, { petitionId: "asc" }], select: { day: true, kind: true, petitionId: true } });
  return rows.map((r) => `${isoDay(r.day)} ${r.kind} ${r.petitionId === petitionA.id ? "A" : r.petitionId === petitionB.id ? "B" : r.petitionId}`);
}

describe("reminders on the working days of the holiday calendar", () => {
  it("tell the district's petition staff two working days before, on the day, and every three working days overdue, skipping Tết", async () => {
    expect(await received(users.staff.id)).toEqual([
      "2025-01-22 DUE_SOON A",
      "2025-01-22 DUE_SOON B",
      "2025-01-24 DUE_TODAY A",
      "2025-01-24 DUE_TODAY B",
      "2025-02-03 OVERDUE A",
      "2025-02-03 OVERDUE B",
      "2025-02-06 OVERDUE A",
      "2025-02-06 OVERDUE B",
      "2025-02-11 OVERDUE A",
      "2025-02-11 OVERDUE B",
      "2025-02-14 OVERDUE A",
      "2025-02-14 OVERDUE B",
    ]);
  });

  it("make nothing on a weekend or a day of Tết", () => {
    for (const day of ["2025-01-18", "2025-01-19", "2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02"]) {
      expect(sweeps[day], day).toBe(0);
    }
    expect(sweeps["2025-01-22"]).toBeGreaterThan(0);
  });

  it("tell whoever assigned the petition about that petition only", async () => {
    expect(await received(users.admin.id)).toEqual(["2025-01-22 DUE_SOON B", "2025-01-24 DUE_TODAY B", "2025-02-03 OVERDUE B", "2025-02-06 OVERDUE B", "2025-02-11 OVERDUE B", "2025-02-14 OVERDUE B"]);
  });

  it("go up to the supervising province from the second overdue reminder: its petition staff and its leader", async () => {
    const up = ["2025-02-06", "2025-02-11", "2025-02-14"].flatMap((d) => [`${d} OVERDUE_ESCALATED A`, `${d} OVERDUE_ESCALATED B`]);
    expect(await received(users.provinceStaff.id)).toEqual(up);
    expect(await received(users.leader.id)).toEqual(up);
  });

  it("tell nobody who does not handle petitions there: the commune's intake secretary, a viewer, another district", async () => {
    for (const u of [users.secretary, users.viewer, users.otherDistrict]) expect(await received(u.id)).toEqual([]);
  });

  it("make nothing twice when a day's sweep runs again", async () => {
    const before = await db.notification.count();
    expect((await runSweep("2025-02-06")).created).toBe(0);
    expect(await db.notification.count()).toBe(before);
  });

  it("say the code, the field, the deadline and the unit, in Vietnamese, and nothing of the petitioner", async () => {
    const all = await db.notification.findMany({ where: { kind: PETITION_KINDS }, select: { title: true, body: true, link: true, petitionId: true } });
    expect(all.length).toBeGreaterThan(20);
    for (const n of all) {
      const text = `${n.title}\n${n.body}\n${n.link}`;
      for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.address, "cống thoát nước"]) expect(text).not.toContain(secret);
      expect(n.body).toContain("Môi trường");
      expect(n.body).toContain("24/01/2025");
      expect(n.body).toMatch(/Ban Dân vận Huyện ủy Lập Thạch/);
      expect(n.link).toBe(`/petitions/${n.petitionId}`);
    }
    const a = await db.notification.findFirstOrThrow({ where: { userId: users.staff.id, petitionId: petitionA.id, kind: "OVERDUE", day: new Date("2025-02-06") } });
    expect(a.title).toBe(`Kiến nghị ${petitionA.code} đã quá hạn`);
    expect(a.body).toContain("quá hạn 4 ngày làm việc");
  });
});

describe("the weekly digest", () => {
  const digests = async (userId: number) =>
    (await db.notification.findMany({ where: { userId, kind: "DIGEST" }, orderBy: { day: "asc" }, select: { day: true, title: true, body: true, link: true, petitionId: true } })).map(
      (n) => ({ ...n, day: isoDay(n.day) }),
    );

  it("tells the leaders, on the first working day of each week, what is overdue in their reach, worst first", async () => {
    // Due on 24/1: nothing overdue on the Mondays 13/1 and 20/1; the week of Tết (27–31/1) has no working day;
    // then Monday 3/2 and Monday 10/2.
    const leader = await digests(users.leader.id);
    expect(leader.map((d) => d.day)).toEqual(["2025-02-03", "2025-02-10"]);
    expect(leader[0].title).toBe("Tổng hợp tuần 03/02/2025: 2 kiến nghị quá hạn");
    expect(leader[0].body).toContain(`${petitionA.code} (Môi trường, quá hạn 1 ngày làm việc); ${petitionB.code} (Môi trường, quá hạn 1 ngày làm việc)`);
    expect(leader[1].body).toContain(`${petitionA.code} (Môi trường, quá hạn 6 ngày làm việc)`);
    expect(leader[1].link).toBe("/petitions?overdue=1&sort=dueOn&dir=asc");
    expect(leader[1].petitionId).toBeNull();
    // The national administrator directs too; petition staff, a viewer and another district's staff do not get it.
    expect((await digests(users.admin.id)).map((d) => d.day)).toEqual(["2025-02-03", "2025-02-10"]);
    for (const u of [users.staff, users.secretary, users.viewer, users.otherDistrict]) expect(await digests(u.id)).toEqual([]);
  });

  it("moves to the first working day when the week begins with holidays, and is made once a week", async () => {
    // 2025: Monday 1/9 and Tuesday 2/9 are the National Day's days off: the week's digest is on Wednesday 3/9.
    // The digest alone: the reminders of those days would move the petitions' last overdue day past the queue's test.
    const made = [];
    for (const day of ["2025-09-01", "2025-09-02", "2025-09-03", "2025-09-04", "2025-09-03"]) made.push((await sendWeeklyDigest(new Date(`${day}T00:00:00Z`))).created);
    expect(made).toEqual([0, 0, 2, 0, 0]);
    expect((await digests(users.leader.id)).map((d) => d.day).filter((d) => d >= "2025-09-01")).toEqual(["2025-09-03"]);
  });

  it("says codes, fields and days overdue only, nothing of the petitioner", async () => {
    for (const n of await digests(users.leader.id)) {
      for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.address, "cống thoát nước"]) expect(`${n.title}\n${n.body}`).not.toContain(secret);
    }
  });
});

describe("the job queue", () => {
  it("sends the e-mails of those who chose e-mail to the SMTP server, through pg-boss, once each", async () => {
    await startWorker({ sweepNow: false, log: () => {} });
    // The clock's sweeps ran before the worker: the queue holds their e-mail jobs; run a day's sweep
    // through the queue too, which finds its notifications already made.
    const wanted = await db.notification.count({ where: { userId: users.staff.id } });
    for (let i = 0; i < 600 && smtp.mails.length < wanted; i++) await new Promise((r) => setTimeout(r, 250));
    expect(smtp.mails.length).toBe(wanted);
    expect(new Set(smtp.mails.flatMap((m) => m.to))).toEqual(new Set(["can.bo@danvan.test"]));
    // The SMTP server holds the last mail before the worker, answered, marks it: wait for the marks (bounded).
    for (let i = 0; i < 200 && (await db.notification.count({ where: { userId: users.staff.id, emailedAt: null } })) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await db.notification.count({ where: { userId: users.staff.id, emailedAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { userId: { not: users.staff.id }, emailedAt: { not: null } } })).toBe(0);
    const overdue = smtp.mails.find((m) => m.subject === `[Dân vận] Kiến nghị ${petitionA.code} đã quá hạn` && m.text.includes("quá hạn 7 ngày làm việc"));
    expect(overdue?.text).toContain(`Xem kiến nghị: https://danvan.test/petitions/${petitionA.id}`);
    for (const m of smtp.mails) for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.address]) expect(`${m.subject}\n${m.text}`).not.toContain(secret);
  });

  it("keeps one job per day's sweep however often it is sent, and shows the queues to administrators", async () => {
    const first = await sendSweep(new Date("2025-02-19T00:00:00Z"));
    expect(first).not.toBeNull();
    expect(await sendSweep(new Date("2025-02-19T00:00:00Z"))).toBeNull();
    const boss = await jobQueue();
    for (let i = 0; i < 600; i++) {
      const job = await boss.getJobById("reminders-sweep", first!);
      if (job?.state === "completed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await boss.getJobById("reminders-sweep", first!))?.state).toBe("completed");
    // 19/2 is the next overdue reminder's day after 14/2 (three working days), through the queue.
    expect(await received(users.staff.id)).toContain("2025-02-19 OVERDUE A");
    const overview = await jobsOverview();
    const sweep = overview.queues.find((q) => q.name === "reminders-sweep")!;
    expect(sweep.completed).toBeGreaterThanOrEqual(1);
    expect(sweep.lastCompletedAt).not.toBeNull();
    const email = overview.queues.find((q) => q.name === "notification-deliver")!;
    expect(email.completed).toBeGreaterThanOrEqual(12);
    expect(email.failed).toBe(0);
  });
});
