/**
 * Issue 16, part 2 and 4 (decision 075), on a real database, the real job queue (pg-boss on this test's database)
 * and a real SMTP server started here: staff set an agency's e-mail address (validated, audited, in their reach
 * only); a link issued to an agency with an address is e-mailed to it once, by a job that carries the link's id
 * and no token, with the petition's code, deadline and link and none of the petitioner's data; staff see on the
 * panel whether it was sent. The reminder sweep tells the assigned agency's own accounts as it tells staff, on
 * the working days the clock moves over (March 2025: no holiday), while the agency holds the petition.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { mailAgencyLink } from "@/lib/agency-links/email";
import { openLink } from "@/lib/agency-links/links";
import { agencyLinkPanel, reissueLink, revokeLink } from "@/lib/agency-links/staff";
import type { Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/calendar";
import { currentDbHandle, db } from "@/lib/db/client";
import { loadMailEnv } from "@/lib/env";
import { jobQueue, JOB_SCHEMA, stopJobQueue } from "@/lib/jobs/queue";
import { runSweep, startWorker } from "@/lib/jobs/worker";
import { createPetition } from "@/lib/petitions/intake";
import { setAgencyEmail } from "@/lib/petitions/reference/agencies";
import { setAgencyEmailSchema } from "@/lib/petitions/reference/schemas";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { isoDay } from "@/lib/time";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";
import { startSmtpSink } from "../support/smtp-sink";

const PERSONAL = { name: "Đinh Thị Lụa", phone: "0915 246 813", address: "Số 12 xóm Bến Đò" };
const CONTENT = `Bà ${PERSONAL.name} đề nghị khơi thông mương thoát nước xóm Bến Đò.`;
const BASE = "https://danvan.test";

let tree: Tree;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let fieldId: number;
let staff: Actor;
let neighbour: Actor;
let secretary: Actor;

beforeAll(async () => {
  smtp = await startSmtpSink();
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false", SMTP_FROM: "Dân vận <no-reply@danvan.test>", NEXTAUTH_URL: BASE });
  tree = await buildTree();
  const field = await db.petitionField.create({ data: { code: `f-${uid()}`, name: "Thủy lợi", defaultDeadlineDays: 5, assignmentDeadlineDays: 5 } });
  await db.reminderSchedule.create({ data: { fieldId: field.id, daysBefore: 2, onDueDay: true, overdueEvery: 3 } });
  fieldId = field.id;
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  neighbour = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB, "DISTRICT_STAFF")).id);
  secretary = actorAt(tree.communeA, "COMMUNE_SECRETARY", (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id);
});

afterAll(async () => {
  await stopJobQueue();
  await smtp?.close();
});

async function intake(receivedOn: string) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn,
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: PERSONAL.name,
    petitionerPhone: PERSONAL.phone,
    petitionerAddress: PERSONAL.address,
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldId),
    content: CONTENT,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(staff, parsed.data);
}

async function assign(petitionId: number, version: number, agencyId: number, now = new Date()) {
  const parsed = await parseInput(stepSchema, { petitionId: String(petitionId), version: String(version), step: "assign", agencyId: String(agencyId) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return takeStep(staff, parsed.data, now);
}

async function emailInput(id: number, email: unknown) {
  return parseInput(setAgencyEmailSchema, { id: String(id), email });
}

async function newAgency(email: string | null = null) {
  return db.agency.create({ data: { name: `Phòng Nông nghiệp ${uid()}`, unitId: tree.districtA.id, email } });
}

let working = false;
/** The queue's worker in this process, started once (again after the test stopped the queue). */
async function worker() {
  if (working) return;
  await startWorker({ sweepNow: false, log: () => {} });
  working = true;
}

/** Waits for the SMTP server to hold `count` messages to `to`, the worker running (bounded, not timed: the test fails on the count). */
async function mailsTo(to: string, count: number) {
  for (let i = 0; i < 400 && smtp.mails.filter((m) => m.to.includes(to)).length < count; i++) await new Promise((r) => setTimeout(r, 250));
  return smtp.mails.filter((m) => m.to.includes(to));
}

describe("the agency's e-mail address, kept by staff", () => {
  it("is validated: a real address (kept in lower case), or empty to remove it; anything else a field error", async () => {
    const agency = await newAgency();
    const ok = await emailInput(agency.id, "  Phong.NN@LapThach.gov.vn ");
    expect(ok).toMatchObject({ ok: true, data: { id: agency.id, email: "phong.nn@lapthach.gov.vn" } });
    expect(await emailInput(agency.id, "")).toMatchObject({ ok: true, data: { email: null } });
    expect(await emailInput(agency.id, undefined)).toMatchObject({ ok: true, data: { email: null } });
    for (const bad of ["không phải e-mail", "a@", "@b.vn", `${"a".repeat(250)}@b.vn`, "a@b.vn\r\nBcc: x@y.vn", ["a@b.vn"], 42, "x".repeat(100_000)]) {
      const parsed = await emailInput(agency.id, bad);
      expect(parsed.ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.fieldErrors ?? {})).toEqual(["email"]);
    }
  });

  it("is saved and audited with the old and new address; saving the same address changes nothing", async () => {
    const agency = await newAgency();
    const parsed = await emailInput(agency.id, "phong.nn@lapthach.gov.vn");
    if (!parsed.ok) throw new Error("invalid");
    await setAgencyEmail(staff, parsed.data);
    await setAgencyEmail(staff, parsed.data);
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).email).toBe("phong.nn@lapthach.gov.vn");
    await setAgencyEmail(staff, { id: agency.id, email: null });
    const rows = await db.auditLog.findMany({ where: { entity: "Agency", entityId: String(agency.id), action: "agency.email" }, orderBy: { id: "asc" }, select: { actorId: true, data: true, unitId: true } });
    expect(rows).toEqual([
      { actorId: staff.userId, unitId: tree.districtA.id, data: { before: null, after: "phong.nn@lapthach.gov.vn" } },
      { actorId: staff.userId, unitId: tree.districtA.id, data: { before: "phong.nn@lapthach.gov.vn", after: null } },
    ]);
  });

  it("is out of reach of another district's staff and of a commune's secretary: not found, nothing changed", async () => {
    const agency = await newAgency("giu.nguyen@lapthach.gov.vn");
    for (const actor of [neighbour, secretary]) {
      await expect(setAgencyEmail(actor, { id: agency.id, email: "ke.gian@example.com" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(setAgencyEmail(staff, { id: 2_000_000_000, email: "x@y.vn" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).email).toBe("giu.nguyen@lapthach.gov.vn");
  });
});

describe("the link e-mailed to the agency", () => {
  it("goes once, through one queue job holding the link's id and no token, to the agency's address, without the petitioner's data", async () => {
    const to = `phong.${uid()}@lapthach.gov.vn`;
    const agency = await newAgency(to);
    const petition = await intake(isoDay(new Date()));
    await assign(petition.id, 0, agency.id);
    const link = await db.agencyLink.findFirstOrThrow({ where: { petitionId: petition.id, revokedAt: null }, select: { id: true, emailTo: true, emailedAt: true, sealedToken: true, tokenHash: true } });
    expect(link).toMatchObject({ emailTo: to, emailedAt: null });
    expect((await agencyLinkPanel(staff, petition.id, BASE))?.email).toEqual({ state: "queued", to });

    // The queued job: the link's id alone, nothing of the token (neither clear, nor sealed, nor its hash).
    await jobQueue();
    const jobs = await currentDbHandle()!.executeSql(`SELECT data FROM ${JOB_SCHEMA}.job WHERE name = 'agency-link-email' AND data->>'linkId' = $1`, [String(link.id)]);
    expect(jobs.rows.map((r) => (r as { data: unknown }).data)).toEqual([{ linkId: link.id }]);

    await worker();
    const mails = await mailsTo(to, 1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const p = await db.petition.findUniqueOrThrow({ where: { id: petition.id }, select: { code: true, dueOn: true } });
    const due = p.dueOn!.toISOString().slice(0, 10).split("-").reverse().join("/");
    expect(mail.subject).toBe(`[Dân vận] Kiến nghị ${p.code} được giao cho ${agency.name}`);
    expect(mail.text).toContain(`Kiến nghị ${p.code} (lĩnh vực Thủy lợi)`);
    expect(mail.text).toContain(`hạn giải quyết ngày ${due}`);
    const url = mail.text.match(/https:\/\/danvan\.test\/co-quan\?k=\S+/)?.[0];
    expect(url).toBeDefined();
    const opened = await openLink(new URL(url!).searchParams.get("k"));
    expect(opened?.id).toBe(link.id);
    for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.address, "khơi thông mương", "0915"]) expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);

    // The SMTP server holds the mail before the worker, answered, marks the link: wait for the mark (bounded).
    let after = await db.agencyLink.findUniqueOrThrow({ where: { id: link.id }, select: { emailedAt: true } });
    for (let i = 0; i < 400 && after.emailedAt === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await db.agencyLink.findUniqueOrThrow({ where: { id: link.id }, select: { emailedAt: true } });
    }
    expect(after.emailedAt).not.toBeNull();
    const panel = await agencyLinkPanel(staff, petition.id, BASE);
    expect(panel?.email).toEqual({ state: "sent", to, at: after.emailedAt });
    // The job again (a retry after the send): nothing more is sent.
    expect(await mailAgencyLink(link.id, loadMailEnv(), BASE)).toBe("already-sent");
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("is sent again for a reissued link, and not at all for a link revoked before its job ran", async () => {
    const to = `phong.${uid()}@lapthach.gov.vn`;
    const agency = await newAgency(to);
    const petition = await intake(isoDay(new Date()));
    await assign(petition.id, 0, agency.id);
    await mailsTo(to, 1);
    const reissued = await reissueLink(staff, petition.id);
    expect(reissued.emailed).toBe(true);
    const mails = await mailsTo(to, 2);
    expect(mails).toHaveLength(2);
    const second = await openLink(new URL(mails[1].text.match(/https:\/\/danvan\.test\/co-quan\?k=\S+/)![0]).searchParams.get("k"));
    expect(second?.id).toBe(reissued.linkId);
    // The first mail's link no longer opens: the reissue revoked it.
    expect(await openLink(new URL(mails[0].text.match(/https:\/\/danvan\.test\/co-quan\?k=\S+/)![0]).searchParams.get("k"))).toBeNull();

    // A link revoked before its job runs: the job sends nothing.
    const other = await intake(isoDay(new Date()));
    const silent = await newAgency(`im.lang.${uid()}@lapthach.gov.vn`);
    await stopJobQueue();
    working = false;
    await assign(other.id, 0, silent.id);
    const link = await db.agencyLink.findFirstOrThrow({ where: { petitionId: other.id }, select: { id: true, emailTo: true } });
    expect(link.emailTo).toBe(silent.email);
    await revokeLink(staff, other.id);
    expect(await mailAgencyLink(link.id, loadMailEnv(), BASE)).toBe("not-live");
    await worker();
    // The queued job runs and sends nothing: a later link's mail arrives, this one's never.
    await reissueLink(staff, petition.id);
    await mailsTo(to, 3);
    expect(smtp.mails.filter((m) => m.to.includes(silent.email!))).toEqual([]);
  });

  it("is not sent to an agency without an address: the panel says so, and says it was not sent when the address came later", async () => {
    const agency = await newAgency();
    const petition = await intake(isoDay(new Date()));
    await assign(petition.id, 0, agency.id);
    const link = await db.agencyLink.findFirstOrThrow({ where: { petitionId: petition.id, revokedAt: null }, select: { emailTo: true } });
    expect(link.emailTo).toBeNull();
    expect((await agencyLinkPanel(staff, petition.id, BASE))?.email).toEqual({ state: "no-address" });
    await setAgencyEmail(staff, { id: agency.id, email: "den.sau@lapthach.gov.vn" });
    expect((await agencyLinkPanel(staff, petition.id, BASE))?.email).toEqual({ state: "not-sent", to: "den.sau@lapthach.gov.vn" });
    await reissueLink(staff, petition.id);
    expect((await mailsTo("den.sau@lapthach.gov.vn", 1)).length).toBe(1);
  });
});

describe("reminders reach the agency's accounts", () => {
  let petition: { id: number; code: string };
  let account: { id: number };
  let sleeping: { id: number };
  let otherAgencyAccount: { id: number };
  let accountMail: string;
  const sweeps: Record<string, number> = {};

  beforeAll(async () => {
    const agency = await newAgency();
    const otherAgency = await newAgency();
    const accountOf = async (agencyId: number, active = true) =>
      db.user.create({ data: { username: `co.quan.${uid()}`, displayName: "Tài khoản cơ quan", passwordHash: "x", duties: ["AGENCY"], unitId: tree.districtA.id, agencyId, active } });
    account = await accountOf(agency.id);
    sleeping = await accountOf(agency.id, false);
    otherAgencyAccount = await accountOf(otherAgency.id);
    accountMail = `tk.${uid()}@lapthach.gov.vn`;
    await db.notificationSettings.create({ data: { userId: account.id, email: accountMail, byEmail: true } });
    const p = await intake("2025-03-03");
    await assign(p.id, 0, agency.id, new Date("2025-03-03T03:00:00Z"));
    petition = p;
    for (let day = "2025-03-03"; day <= "2025-03-21"; day = addDays(day, 1)) sweeps[day] = (await runSweep(day)).created;
  });

  async function received(userId: number) {
    const rows = await db.notification.findMany({ where: { userId, petitionId: petition.id }, orderBy: [{ day: "asc" }, { id: "asc" }], select: { day: true, kind: true, link: true } });
    return rows.map((r) => `${isoDay(r.day)} ${r.kind} ${r.link}`);
  }

  it("on the days staff are told, with the same kinds, their link to the agency's page of the petition", async () => {
    const own = `/agency/${petition.id}`;
    const dueOn = isoDay((await db.petition.findUniqueOrThrow({ where: { id: petition.id }, select: { dueOn: true } })).dueOn!);
    expect(dueOn).toBe("2025-03-10");
    expect(await received(account.id)).toEqual([
      `2025-03-06 DUE_SOON ${own}`,
      `2025-03-10 DUE_TODAY ${own}`,
      `2025-03-11 OVERDUE ${own}`,
      `2025-03-14 OVERDUE ${own}`,
      `2025-03-19 OVERDUE ${own}`,
    ]);
    const staffDays = (await received(staff.userId)).map((r) => r.replace(` /petitions/${petition.id}`, ""));
    expect((await received(account.id)).map((r) => r.replace(` ${own}`, ""))).toEqual(staffDays);
    for (const day of ["2025-03-08", "2025-03-09", "2025-03-15", "2025-03-16"]) expect(sweeps[day], day).toBe(0);
  });

  it("not to an account deactivated, nor to another agency's", async () => {
    expect(await received(sleeping.id)).toEqual([]);
    expect(await received(otherAgencyAccount.id)).toEqual([]);
  });

  it("carry no personal data, and go by the e-mail the account chose", async () => {
    const rows = await db.notification.findMany({ where: { userId: account.id }, select: { title: true, body: true } });
    for (const n of rows) for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.address, "khơi thông mương"]) expect(`${n.title}\n${n.body}`).not.toContain(secret);
    await worker();
    const mails = await mailsTo(accountMail, 5);
    expect(mails).toHaveLength(5);
    expect(mails.every((m) => m.text.includes(`${BASE}/agency/${petition.id}`))).toBe(true);
    for (const m of mails) for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.address]) expect(`${m.subject}\n${m.text}`).not.toContain(secret);
  });

  it("stop once the agency no longer holds the petition (reassigned to another)", async () => {
    const other = await newAgency();
    const { version } = await db.petition.findUniqueOrThrow({ where: { id: petition.id }, select: { version: true } });
    await assign(petition.id, version, other.id, new Date("2025-03-21T03:00:00Z"));
    for (let day = "2025-03-24"; day <= "2025-04-04"; day = addDays(day, 1)) await runSweep(day);
    expect((await received(account.id)).filter((r) => r >= "2025-03-22")).toEqual([]);
    expect((await received(staff.userId)).filter((r) => r >= "2025-03-22").length).toBeGreaterThan(0);
  });
});
