/**
 * Issue 16, part 5 (decision 058): citizens follow their petition on /tra-cuu. Through the route handlers
 * as the browser's plain forms reach them (lib/lookup/routes.ts), on a real database, nothing stood in for:
 * the code and the last four digits open the status; a wrong guess and a code that does not exist get the
 * same bytes from the same statements; the 21st lookup in a minute from one address is refused; a
 * petition without a phone opens with the receipt's number; the citizen rates the reply once, on the
 * timeline and in the rollups as a staff rating is; and no personal data reaches the page's data, the
 * log file or an audit row.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { takeAttempt } from "@/lib/auth/throttle";
import { currentDbHandle, db, installDb } from "@/lib/db/client";
import { QueryRecorder, recordingFactory } from "@/lib/db/query-capture";
import { withRequestLog } from "@/lib/http/server";
import { lookupCookieName, lookupCookieValue, openedPetition } from "@/lib/lookup/cookie";
import { citizenView, LOOKUP_RULE, lookUp, lookupThrottleKey } from "@/lib/lookup/lookup";
import { getReceipt, issueLookupNumber } from "@/lib/lookup/receipt";
import { lookupFromForm, rateFromForm } from "@/lib/lookup/routes";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

const ORIGIN = "http://localhost";
const PHONE = "0912 345 678";
const NAME = "Nguyễn Thị Lookup";
const ADDRESS = "Xóm Giếng Ngọt";

let tree: Tree;
let fieldId: number;
let staff: Actor;
let staffName: string;
let address = 0;
/** A fresh client address per test: each starts with its own 20 lookups. */
const nextAddress = () => `198.51.100.${++address}`;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  const user = await createUser(tree.districtA, "DISTRICT_STAFF");
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", user.id);
  staffName = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName;
});

async function intake(overrides: Record<string, unknown> = {}) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn: "2026-03-02",
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: NAME,
    petitionerPhone: PHONE,
    petitionerAddress: ADDRESS,
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldId),
    content: "Đề nghị sửa đường liên thôn trước mùa mưa.",
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(staff, parsed.data);
}

/** Received → assigned → resolved → replied, as staff take the steps. */
async function toReplied(petitionId: number, satisfaction: string) {
  const agency = await db.agency.create({ data: { name: `UBND xã ${randomUUID().slice(0, 6)}`, unitId: tree.districtA.id } });
  let version = 0;
  for (const input of [
    { step: "assign", agencyId: String(agency.id) },
    { step: "resolve", resolution: "SETTLED", note: "Đã sửa xong đoạn đường." },
    { step: "reply", replyText: "Đường đã được sửa, mời ông bà kiểm tra.", satisfaction },
  ] as const) {
    const parsed = await parseInput(stepSchema, { petitionId: String(petitionId), version: String(version), ...input });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    version = (await takeStep(staff, parsed.data)).version;
  }
  return version;
}

function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${url}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, host: "localhost", ...headers },
    body: new URLSearchParams(fields),
  });
}

const from = (client: string, extra: Record<string, string> = {}) => ({ "x-forwarded-for": client, ...extra });

/** Everything a response carries, to compare byte for byte. */
async function bytesOf(response: Response) {
  return { status: response.status, headers: [...response.headers.entries()].sort(), body: Buffer.from(await response.arrayBuffer()).toString("hex") };
}

function cookieFrom(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${lookupCookieName()}=`));
  return line?.split(";", 1)[0].slice(lookupCookieName().length + 1);
}

describe("the public lookup (decision 058)", () => {
  it("opens a petition's status with its code and the phone's last four digits", async () => {
    const p = await intake();
    const response = await lookupFromForm(post("/tra-cuu/xem", { ma: ` ${p.code} `, so: "5678" }, from(nextAddress())));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/tra-cuu");
    const cookie = cookieFrom(response);
    expect(openedPetition(cookie)).toBe(p.id);
    const view = await citizenView(p.id);
    expect(view).toMatchObject({ code: p.code, status: "RECEIVED", reply: null, mayRate: false });
    // Before an agency holds it, the deadline told is the one assignment will set: 15 working days from 2/3/2026.
    expect(view!.deadline?.toISOString().slice(0, 10)).toBe("2026-03-23");
  });

  it("answers a wrong guess and a code that does not exist with the same bytes, from the same statements", async () => {
    const p = await intake();
    const client = nextAddress();
    const wrong = await lookupFromForm(post("/tra-cuu/xem", { ma: p.code, so: "1111" }, from(client)));
    // The same code once no petition has it: what a prober of codes would meet.
    await db.$executeRaw`UPDATE "Petition" SET code = ${`${p.code}-X`} WHERE id = ${p.id}`;
    const missing = await lookupFromForm(post("/tra-cuu/xem", { ma: p.code, so: "1111" }, from(client)));
    const a = await bytesOf(wrong);
    expect(a.status).toBe(303);
    expect(a).toEqual(await bytesOf(missing));
    expect(wrong.headers.get("location")).toBe(`/tra-cuu?loi=khong-khop&ma=${encodeURIComponent(p.code)}`);
    // A code that never existed differs only by the code typed, which goes back into its field.
    const never = await bytesOf(await lookupFromForm(post("/tra-cuu/xem", { ma: "999-2026-99999", so: "1111" }, from(client))));
    const typed = (bytes: Awaited<ReturnType<typeof bytesOf>>, code: string) => JSON.stringify(bytes).replaceAll(encodeURIComponent(code), "CODE");
    expect(typed(never, "999-2026-99999")).toBe(typed(a, p.code));
    await db.$executeRaw`UPDATE "Petition" SET code = ${p.code} WHERE id = ${p.id}`;
  });

  it("sends the same statements for a wrong guess and for a code that does not exist", async () => {
    const p = await intake();
    const client = nextAddress();
    const now = new Date("2026-03-11T02:00:00Z");
    // Every statement sent, recorded at the driver adapter (lib/db/query-capture.ts, as the query-plan test does).
    const base = currentDbHandle()!;
    const recorder = new QueryRecorder();
    installDb({ ...base, factory: recordingFactory(base.factory, recorder), close: async () => {} });
    const sent = async (code: string) => {
      const start = recorder.queries.length;
      expect((await lookUp({ code, digits: "1111" }, client, now)).kind).toBe("not-found");
      const queries = recorder.queries.slice(start);
      expect(queries.some((q) => q.sql.includes('"SignInThrottle"'))).toBe(true);
      expect(queries.some((q) => q.sql.includes('"Petition"'))).toBe(true);
      return JSON.stringify(queries.map((q) => ({ sql: q.sql, args: q.args }))).replaceAll(code, "CODE");
    };
    try {
      const wrong = await sent(p.code);
      const missing = await sent("999-2026-99998");
      expect(missing).toBe(wrong);
    } finally {
      installDb(base);
    }
  });

  it("refuses the 21st lookup in a minute from one address, with a Vietnamese page (429), and counts per address", async () => {
    const client = nextAddress();
    const now = new Date("2026-03-10T03:00:00Z");
    for (let i = 1; i <= 20; i++) expect((await lookUp({ code: "999-2026-00001", digits: "1234" }, client, now)).kind, `lookup ${i}`).toBe("not-found");
    expect((await lookUp({ code: "999-2026-00001", digits: "1234" }, client, now)).kind).toBe("throttled");
    // Another address is not affected; a minute later this one starts afresh.
    expect((await lookUp({ code: "999-2026-00001", digits: "1234" }, nextAddress(), now)).kind).toBe("not-found");
    expect((await lookUp({ code: "999-2026-00001", digits: "1234" }, client, new Date(now.getTime() + 61_000))).kind).toBe("not-found");

    // Through the form: the 21st post answers 429 with its message, even with the right digits.
    const p = await intake();
    const other = nextAddress();
    for (let i = 1; i <= 20; i++) expect((await lookupFromForm(post("/tra-cuu/xem", { ma: p.code, so: "0000" }, from(other)))).status).toBe(303);
    const refused = await lookupFromForm(post("/tra-cuu/xem", { ma: p.code, so: "5678" }, from(other)));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(cookieFrom(refused)).toBeUndefined();
    const page = await refused.text();
    expect(page).toContain("Bạn đã tra cứu quá nhiều lần");
    expect(page).toContain("tối đa 20 lần trong một phút");
  });

  it("counts a parallel burst exactly: 20 let through, the rest refused", async () => {
    const client = nextAddress();
    const now = new Date("2026-03-10T04:00:00Z");
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => takeAttempt(db, lookupThrottleKey(client), LOOKUP_RULE, now)));
    expect(outcomes.filter(Boolean)).toHaveLength(20);
  });

  it("refuses another site's form and a body too large before any work", async () => {
    const client = nextAddress();
    expect((await lookupFromForm(post("/tra-cuu/xem", { ma: "1", so: "1234" }, from(client, { origin: "https://evil.example" })))).status).toBe(403);
    const big = await lookupFromForm(post("/tra-cuu/xem", { ma: "x".repeat(20_000), so: "1234" }, from(client)));
    expect(big.status).toBe(303);
    expect(big.headers.get("location")).toBe("/tra-cuu?loi=nhap");
    // Neither was counted as a lookup.
    expect(await db.signInThrottle.findUnique({ where: { key: lookupThrottleKey(client) } })).toBeNull();
  });

  it("opens a petition without a phone with the receipt's number only, the last one issued", async () => {
    const p = await intake({ petitionerKind: "ANONYMOUS", petitionerName: "", petitionerPhone: "", petitionerAddress: "" });
    const client = nextAddress();
    const receipt = await getReceipt(staff, p.id, "https://danvan.example.gov.vn");
    expect(receipt).toMatchObject({ code: p.code, byPhone: false, lookupNumberIssuedAt: null, url: `https://danvan.example.gov.vn/tra-cuu?ma=${encodeURIComponent(p.code)}` });
    expect(receipt!.qrSvg).toMatch(/^<svg/);
    // Nothing opens it before a number is issued.
    expect((await lookUp({ code: p.code, digits: "00000000" }, client)).kind).toBe("not-found");
    const first = await issueLookupNumber(staff, p.id);
    expect(first.number).toMatch(/^\d{8}$/);
    const stored = await db.petition.findUniqueOrThrow({ where: { id: p.id }, select: { lookupNumberHash: true } });
    expect(stored.lookupNumberHash).not.toContain(first.number);
    expect(await lookUp({ code: p.code, digits: `${first.number.slice(0, 4)} ${first.number.slice(4)}` }, client)).toEqual({ kind: "found", petitionId: p.id });
    // A new receipt's number replaces it.
    const second = await issueLookupNumber(staff, p.id);
    expect((await lookUp({ code: p.code, digits: second.number }, client)).kind).toBe("found");
    if (second.number !== first.number) expect((await lookUp({ code: p.code, digits: first.number }, client)).kind).toBe("not-found");
    // A petition with a phone gets no number: its digits open it.
    const withPhone = await intake();
    await expect(issueLookupNumber(staff, withPhone.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    // Out of the actor's reach: not found.
    const other = await createUser(tree.districtB, "DISTRICT_STAFF");
    await expect(issueLookupNumber(actorAt(tree.districtB, "DISTRICT_STAFF", other.id), p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getReceipt(actorAt(tree.districtB, "DISTRICT_STAFF", other.id), p.id, ORIGIN)).toBeNull();
  });

  it("lets the citizen rate a reply whose satisfaction staff did not know, once, on the timeline and in the rollups", async () => {
    const p = await intake();
    await toReplied(p.id, "UNKNOWN");
    expect(await db.petition.findUniqueOrThrow({ where: { id: p.id }, select: { satisfaction: true, status: true } })).toEqual({ satisfaction: null, status: "CLOSED" });
    const client = nextAddress();
    const opened = await lookupFromForm(post("/tra-cuu/xem", { ma: p.code, so: "5678" }, from(client)));
    const cookie = cookieFrom(opened)!;
    expect((await citizenView(p.id))!).toMatchObject({ status: "CLOSED", resolution: "SETTLED", mayRate: true, reply: "Đường đã được sửa, mời ông bà kiểm tra.", deadline: null });
    const before = await rollupSnapshot();

    const rated = await rateFromForm(post("/tra-cuu/danh-gia", { muc: "SATISFIED" }, from(client, { cookie: `${lookupCookieName()}=${cookie}` })));
    expect(rated.status).toBe(303);
    expect(rated.headers.get("location")).toBe("/tra-cuu?danh-gia=da-ghi");
    // A later tap, or a later lookup, changes nothing.
    const again = await rateFromForm(post("/tra-cuu/danh-gia", { muc: "NOT_SATISFIED" }, from(client, { cookie: `${lookupCookieName()}=${cookie}` })));
    expect(again.headers.get("location")).toBe("/tra-cuu?danh-gia=da-co");
    const petition = await db.petition.findUniqueOrThrow({ where: { id: p.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(petition.satisfaction).toBe("SATISFIED");
    const events = petition.events.filter((e) => e.kind === "RATED");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, data: { satisfaction: "SATISFIED", by: "citizen" } });
    expect((await citizenView(p.id))!).toMatchObject({ mayRate: false, satisfaction: "SATISFIED" });
    // Staff can no longer record another.
    await expect(takeStep(staff, { petitionId: p.id, version: petition.version, step: "rate", satisfaction: "PARTLY" })).rejects.toMatchObject({ code: "INVALID_STATE" });

    // The rollups count it as they count a staff rating, and equal a rebuild.
    const after = await rollupSnapshot();
    expect(after.RollupPetition).not.toEqual(before.RollupPetition);
    expect(after).toEqual(await rebuiltRollupSnapshot());
  });

  it("counts a citizen's rating exactly as staff's: the same rollups for the same ratings", async () => {
    const byCitizen = await intake();
    const byStaff = await intake();
    await toReplied(byCitizen.id, "UNKNOWN");
    const version = await toReplied(byStaff.id, "UNKNOWN");
    const base = await rollupSnapshot();
    const cookie = lookupCookieValue(byCitizen.id);
    await rateFromForm(post("/tra-cuu/danh-gia", { muc: "NOT_SATISFIED" }, from(nextAddress(), { cookie: `${lookupCookieName()}=${cookie}` })));
    const afterCitizen = await rollupSnapshot();
    // Staff record the other in person: the `rate` step, with the same satisfaction.
    await takeStep(staff, { petitionId: byStaff.id, version, step: "rate", satisfaction: "NOT_SATISFIED" });
    const afterStaff = await rollupSnapshot();
    const delta = (a: string[], b: string[]) => [b.filter((x) => !a.includes(x)).length, a.filter((x) => !b.includes(x)).length];
    expect(delta(base.RollupPetition, afterCitizen.RollupPetition)).toEqual(delta(afterCitizen.RollupPetition, afterStaff.RollupPetition));
    expect(afterStaff).toEqual(await rebuiltRollupSnapshot());
    const staffEvent = await db.petitionEvent.findFirstOrThrow({ where: { petitionId: byStaff.id, kind: "RATED" } });
    expect(staffEvent).toMatchObject({ actorId: staff.userId, data: { satisfaction: "NOT_SATISFIED", by: "staff" } });
  });

  it("refuses a rating without a lookup, of a petition not yet answered, or a choice that is not on the scale", async () => {
    const p = await intake();
    const client = nextAddress();
    const noCookie = await rateFromForm(post("/tra-cuu/danh-gia", { muc: "SATISFIED" }, from(client)));
    expect(noCookie.headers.get("location")).toBe("/tra-cuu?loi=het-han");
    const forged = await rateFromForm(post("/tra-cuu/danh-gia", { muc: "SATISFIED" }, from(client, { cookie: `${lookupCookieName()}=${String(p.id)}` })));
    expect(forged.headers.get("location")).toBe("/tra-cuu?loi=het-han");
    const cookie = `${lookupCookieName()}=${lookupCookieValue(p.id)}`;
    expect((await rateFromForm(post("/tra-cuu/danh-gia", { muc: "SATISFIED" }, from(client, { cookie })))).headers.get("location")).toBe("/tra-cuu?danh-gia=da-co");
    expect((await rateFromForm(post("/tra-cuu/danh-gia", { muc: "UNKNOWN" }, from(client, { cookie })))).headers.get("location")).toBe("/tra-cuu");
    expect(await db.petition.findUniqueOrThrow({ where: { id: p.id }, select: { satisfaction: true } })).toEqual({ satisfaction: null });
  });
});

describe("no personal data leaves through the lookup", () => {
  it("not in the page's data, not in the log file, not in any audit row", async () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dv-lookup-")), "requests.log");
    const logger = pino({ base: { service: "dan-van" } }, pino.destination({ dest: logFile, sync: true }));
    // The production server's request wrapper (lib/http/server.ts) around the two route handlers.
    const server = http.createServer(
      withRequestLog(
        async (req, res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const handler = req.url?.startsWith("/tra-cuu/danh-gia") ? rateFromForm : lookupFromForm;
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
          const answer = await handler(new Request(`${ORIGIN}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
          res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
          res.end(Buffer.from(await answer.arrayBuffer()));
        },
        { trustProxy: true, logger },
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const send = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}${url}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, ...headers },
        body: new URLSearchParams(fields),
      });

    const named = await intake();
    await toReplied(named.id, "UNKNOWN");
    const anonymous = await intake({ petitionerKind: "ANONYMOUS", petitionerName: "", petitionerPhone: "", petitionerAddress: "" });
    const { number } = await issueLookupNumber(staff, anonymous.id);
    const client = nextAddress();
    try {
      const opened = await send("/tra-cuu/xem", { ma: named.code, so: "5678" }, { "x-forwarded-for": client });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.getSetCookie().find((c) => c.startsWith(lookupCookieName()))!.split(";", 1)[0];
      expect((await send("/tra-cuu/danh-gia", { muc: "PARTLY" }, { "x-forwarded-for": client, cookie })).status).toBe(303);
      expect((await send("/tra-cuu/xem", { ma: named.code, so: "9999" }, { "x-forwarded-for": client })).status).toBe(303);
      expect((await send("/tra-cuu/xem", { ma: anonymous.code, so: number }, { "x-forwarded-for": client })).status).toBe(303);
      expect((await send("/tra-cuu/xem", { ma: anonymous.code, so: "12345678" }, { "x-forwarded-for": client })).status).toBe(303);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    logger.flush();

    const secrets = ["5678", "0912345678", "912 345 678", number, NAME, ADDRESS, "Lookup", "Giếng"];
    const log = fs.readFileSync(logFile, "utf8");
    expect(log.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(log, `log holds ${secret}`).not.toContain(secret);

    for (const id of [named.id, anonymous.id]) {
      const view = JSON.stringify(await citizenView(id));
      for (const secret of [...secrets, staffName]) expect(view, `the page's data holds ${secret}`).not.toContain(secret);
    }

    const rows = await db.auditLog.findMany({ where: { entity: "Petition", entityId: { in: [String(named.id), String(anonymous.id)] } } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["petition.create", "petition.reply", "petition.rate", "petition.lookup-number.issue"]));
    for (const row of rows) {
      const details = JSON.stringify(row.data ?? null);
      for (const secret of secrets) expect(details, `${row.action} holds ${secret}`).not.toContain(secret);
    }
  });
});
