/**
 * Reminders of periodic reports' deadlines (issue 17, decision 081) on a real database and a real SMTP server: a
 * unit whose report has not been sent is reminded through its writers a few working days before the deadline and
 * once it has passed; each reminder once per unit, period, kind and user, however often the sweep runs; a report
 * sent is not reminded; a reader without the writing duty, an inactive account and another unit's people are not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { runSweep } from "@/lib/jobs/worker";
import { configuredChannels, deliverNotification } from "@/lib/notifications/deliver";
import { saveReport, startReport } from "@/lib/periodic-reports/mutations";
import { sweepReportReminders } from "@/lib/periodic-reports/reminders";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";
import { startSmtpSink } from "../support/smtp-sink";

let tree: Tree;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const users: Record<string, { id: number }> = {};
let communeB: Actor;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const remindersOf = (userId: number) => db.notification.findMany({ where: { userId, kind: { in: ["REPORT_DUE_SOON", "REPORT_OVERDUE"] } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  smtp = await startSmtpSink();
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false", SMTP_FROM: "Dân vận <no-reply@danvan.test>", NEXTAUTH_URL: "https://danvan.test" });
  tree = await buildTree();
  users.writerA = await createUser(tree.communeA, "COMMUNE_COMMITTEE");
  users.readerA = await createUser(tree.communeA, "VIEWER");
  users.inactiveA = await createUser(tree.communeA, "COMMUNE_COMMITTEE", { active: false });
  users.writerB = await createUser(tree.communeB, "COMMUNE_COMMITTEE");
  users.village = await createUser(tree.villageA1, "COMMUNE_SECRETARY");
  communeB = actorAt(tree.communeB, "COMMUNE_COMMITTEE", users.writerB.id);
  await db.notificationSettings.create({ data: { userId: users.writerA.id, email: "xa.a@danvan.test", byEmail: true } });
});

afterAll(async () => {
  await smtp?.close();
  for (const k of ["SMTP_HOST", "SMTP_PORT", "SMTP_SECURE", "SMTP_FROM"]) delete process.env[k];
});

describe("reminders of report deadlines", () => {
  it("reminds a commune's writers three working days before the deadline, and of the month just overdue", async () => {
    // Tuesday 7 April 2026: March's and the first quarter's reports are due on Friday 10 April; February's was due on 10 March.
    await sweepReportReminders(day("2026-04-07"));
    const a = await remindersOf(users.writerA.id);
    expect(a.map((n) => [n.kind, n.title])).toEqual(
      expect.arrayContaining([
        ["REPORT_DUE_SOON", "Báo cáo tháng 03/2026 sắp đến hạn gửi"],
        ["REPORT_DUE_SOON", "Báo cáo quý I/2026 sắp đến hạn gửi"],
        ["REPORT_OVERDUE", "Báo cáo tháng 02/2026 đã quá hạn gửi"],
      ]),
    );
    expect(a).toHaveLength(3);
    const march = a.find((n) => n.title.includes("03/2026"))!;
    expect(march.body).toContain("10/04/2026");
    expect(march.body).toContain("còn 3 ngày làm việc");
    expect(march.link).toBe(`/reports/periodic/report?unit=${tree.communeA.id}&period=2026-03`);
    expect(march.petitionId).toBeNull();
    // The other commune's writer about the other commune; nobody without the writing duty, nor an inactive account, nor a village's people.
    expect((await remindersOf(users.writerB.id)).every((n) => n.link.includes(`unit=${tree.communeB.id}&`))).toBe(true);
    expect(await remindersOf(users.writerB.id)).toHaveLength(3);
    for (const u of [users.readerA, users.inactiveA, users.village]) expect(await remindersOf(u.id)).toEqual([]);
  });

  it("makes no duplicate: the same day again, and the next days of the window", async () => {
    const before = await db.notification.count();
    expect((await sweepReportReminders(day("2026-04-07"))).created).toBe(0);
    expect((await sweepReportReminders(day("2026-04-08"))).created).toBe(0);
    expect((await sweepReportReminders(day("2026-04-10"))).created).toBe(0);
    expect(await db.notification.count()).toBe(before);
  });

  it("does nothing on a day off", async () => {
    expect(await sweepReportReminders(day("2026-04-11"))).toEqual({ day: "2026-04-11", created: 0, deliverIds: [] });
  });

  it("reminds of an overdue report once it has passed its deadline, but not of one sent", async () => {
    // Commune B sends March's report on the 10th; commune A does not.
    const { reportId } = await startReport(communeB, { unitId: tree.communeB.id, period: "2026-03" }, new Date("2026-04-09T03:00:00Z"));
    await saveReport(communeB, { reportId, version: 0, intent: "submit", situation: "Ổn định.", results: "Đạt kế hoạch." });
    // Monday 13 April, through the daily job (its petitions' sweep, then the reports').
    const result = await runSweep("2026-04-13");
    expect(result.reportReminders).toBeGreaterThan(0);
    const a = await remindersOf(users.writerA.id);
    expect(a.filter((n) => n.kind === "REPORT_OVERDUE").map((n) => n.title)).toEqual(["Báo cáo tháng 02/2026 đã quá hạn gửi", "Báo cáo tháng 03/2026 đã quá hạn gửi", "Báo cáo quý I/2026 đã quá hạn gửi"]);
    const b = await remindersOf(users.writerB.id);
    expect(b.filter((n) => n.kind === "REPORT_OVERDUE").map((n) => n.title)).toEqual(["Báo cáo tháng 02/2026 đã quá hạn gửi", "Báo cáo quý I/2026 đã quá hạn gửi"]);
    expect((await runSweep("2026-04-14")).reportReminders).toBe(0);
  });

  it("is e-mailed to the writer who chose e-mail, through the SMTP server, once", async () => {
    const wanted = await db.notification.findMany({ where: { userId: users.writerA.id, kind: { in: ["REPORT_DUE_SOON", "REPORT_OVERDUE"] } }, select: { id: true } });
    const channels = configuredChannels();
    for (const n of wanted) await deliverNotification(n.id, channels);
    for (const n of wanted) expect(await deliverNotification(n.id, channels)).toMatchObject({ email: "already-sent" });
    for (let i = 0; i < 40 && smtp.mails.length < wanted.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails).toHaveLength(wanted.length);
    expect(new Set(smtp.mails.flatMap((m) => m.to))).toEqual(new Set(["xa.a@danvan.test"]));
    const mail = smtp.mails.find((m) => m.subject === "[Dân vận] Báo cáo tháng 03/2026 sắp đến hạn gửi")!;
    expect(mail.text).toContain(`Xem báo cáo: https://danvan.test/reports/periodic/report?unit=${tree.communeA.id}&period=2026-03`);
  });
});
