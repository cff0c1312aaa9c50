/**
 * Issue 16, part 4 (decision 063): the assigned agency answers through its link, without an account. Through
 * the route handler as the agency's plain forms reach it (lib/agency-links/routes.ts) and staff's mutations, on
 * a real database, nothing stood in for: a link opens its petition only; a wrong, expired, revoked or
 * reassigned link gets the same 404; a proposal accepted resolves the petition by the resolve step and the
 * rollups equal a rebuild; an extension accepted moves the deadline by working days; the 31st post in a minute
 * is refused; no personal data or token reaches the log.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { agencyView } from "@/lib/agency-links/agency";
import { openLink, tokenOf } from "@/lib/agency-links/links";
import { AGENCY_LINK_RULE, agencyThrottleKey, answerFromForm } from "@/lib/agency-links/routes";
import { decideSchema } from "@/lib/agency-links/schemas";
import { decideAnswer, reissueLink, revokeLink, agencyLinkPanel } from "@/lib/agency-links/staff";
import type { Actor } from "@/lib/auth/actor";
import { takeAttempt } from "@/lib/auth/throttle";
import { deadlineFor } from "@/lib/calendar/table";
import { db } from "@/lib/db/client";
import { withRequestLog } from "@/lib/http/server";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

const ORIGIN = "http://localhost";
const NAME = "Phạm Thị Cơquan";
const PHONE = "0987 654 321";
const ADDRESS = "Xóm Đồng Sen";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let tree: Tree;
let fieldId: number;
let staff: Actor;
let neighbour: Actor;
let address = 0;
const nextAddress = () => `203.0.113.${++address}`;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  neighbour = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB, "DISTRICT_STAFF")).id);
});

async function step(petitionId: number, version: number, input: Record<string, string>) {
  const parsed = await parseInput(stepSchema, { petitionId: String(petitionId), version: String(version), ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return takeStep(staff, parsed.data);
}

/** A petition received and assigned by staff: its link, as staff copy it. */
async function assigned() {
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
    content: "Đề nghị nạo vét kênh tưới tiêu trước vụ mùa.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  const petition = await createPetition(staff, parsed.data);
  const agency = await db.agency.create({ data: { name: `Phòng Nông nghiệp ${randomUUID().slice(0, 6)}`, unitId: tree.districtA.id } });
  const { version } = await step(petition.id, 0, { step: "assign", agencyId: String(agency.id) });
  return { id: petition.id, code: petition.code, version, agency, token: await tokenFor(petition.id) };
}

async function tokenFor(petitionId: number): Promise<string> {
  const link = await db.agencyLink.findFirstOrThrow({ where: { petitionId, revokedAt: null }, orderBy: { id: "desc" } });
  return tokenOf(link)!;
}

function post(fields: Record<string, string | Blob>, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v as string);
  return new Request(`${ORIGIN}/co-quan/gui`, { method: "POST", headers: { origin: ORIGIN, host: "localhost", "x-forwarded-for": nextAddress(), ...headers }, body: form });
}

const settled = (token: string) => ({ k: token, loai: "ket-qua", "ket-qua": "SETTLED", "noi-dung": "Đã nạo vét xong 2 km kênh.", "van-ban": new File([PDF], "tra-loi.pdf", { type: "application/pdf" }) });

async function bytesOf(response: Response) {
  return { status: response.status, headers: [...response.headers.entries()].sort(), body: Buffer.from(await response.arrayBuffer()).toString("hex") };
}

describe("the agency's link (decision 063)", () => {
  it("comes with the assignment and opens that petition only, showing what the agency needs", async () => {
    const a = await assigned();
    const b = await assigned();
    const linkA = await openLink(a.token);
    expect(linkA?.petition.id).toBe(a.id);
    expect((await openLink(b.token))?.petition.id).toBe(b.id);
    const view = await agencyView(linkA!);
    expect(view).toMatchObject({ petition: { code: a.code, petitionerName: NAME, field: { name: "Đất đai" } }, agency: { name: a.agency.name }, answers: [] });
    // Showing the petitioner is a read of personal data, audited with the link, without an actor.
    const read = await db.auditLog.findFirstOrThrow({ where: { action: "petition.personal-data.read", entityId: String(a.id) }, orderBy: { id: "desc" } });
    expect(read).toMatchObject({ actorId: null, data: { via: "agency-link", ids: [a.id] } });
    // Staff see it on the page, to copy, with its expiry.
    const panel = await agencyLinkPanel(staff, a.id, "https://danvan.example.gov.vn");
    expect(panel?.link?.url).toBe(`https://danvan.example.gov.vn/co-quan?k=${a.token}`);
    expect(await agencyLinkPanel(neighbour, a.id, "https://danvan.example.gov.vn")).toBeNull();
  });

  it("answers a wrong, expired, revoked, reassigned or ended link with the same 404", async () => {
    const wrong = await bytesOf(await answerFromForm(post({ k: "dvc_" + "A".repeat(43), loai: "tien-do", "noi-dung": "Đang khảo sát." })));
    expect(wrong.status).toBe(404);
    const same = async (token: string) => {
      expect(await openLink(token)).toBeNull();
      expect(await bytesOf(await answerFromForm(post({ k: token, loai: "tien-do", "noi-dung": "Đang khảo sát." })))).toEqual(wrong);
    };
    await same("not a token");
    // A post that names no link is sent to the page that says what it is for.
    expect((await answerFromForm(post({ loai: "tien-do", "noi-dung": "Đang khảo sát." }))).headers.get("location")).toBe("/co-quan");

    const expired = await assigned();
    await db.agencyLink.updateMany({ where: { petitionId: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await same(expired.token);

    const revoked = await assigned();
    await revokeLink(staff, revoked.id);
    await same(revoked.token);
    expect(await db.auditLog.count({ where: { action: "agency-link.revoke", entityId: String(revoked.id) } })).toBe(1);
    // Reissued: the new link works, the old one does not.
    await reissueLink(staff, revoked.id);
    const fresh = await tokenFor(revoked.id);
    expect(fresh).not.toBe(revoked.token);
    expect((await openLink(fresh))?.petition.id).toBe(revoked.id);
    await same(revoked.token);

    const reassigned = await assigned();
    const other = await db.agency.create({ data: { name: `Phòng Tài nguyên ${randomUUID().slice(0, 6)}`, unitId: tree.districtA.id } });
    await step(reassigned.id, reassigned.version, { step: "assign", agencyId: String(other.id) });
    await same(reassigned.token);
    expect((await openLink(await tokenFor(reassigned.id)))?.agency.id).toBe(other.id);

    const ended = await assigned();
    await step(ended.id, ended.version, { step: "reject", note: "Không thuộc thẩm quyền." });
    await same(ended.token);
  });

  it("a result proposed as settled and accepted by staff resolves the petition, on the timeline and in the rollups", async () => {
    const p = await assigned();
    const before = await rollupSnapshot();
    const sent = await answerFromForm(post(settled(p.token)));
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/co-quan?k=${p.token}&da-gui=ket-qua`);
    // A second proposal waits for the first.
    expect((await answerFromForm(post(settled(p.token)))).headers.get("location")).toBe(`/co-quan?k=${p.token}&loi=cho&mau=ket-qua`);
    const answer = await db.agencyAnswer.findFirstOrThrow({ where: { petitionId: p.id }, include: { attachment: true } });
    expect(answer).toMatchObject({ kind: "RESULT", resolution: "SETTLED", decision: null, attachment: { petitionId: p.id, fileName: "tra-loi.pdf", uploadedById: null } });
    // Nothing moved yet: staff decide.
    expect(await rollupSnapshot()).toEqual(before);
    const current = await db.petition.findUniqueOrThrow({ where: { id: p.id } });
    expect(current.status).toBe("ASSIGNED");
    await expect(decideAnswer(neighbour, { answerId: answer.id, version: current.version, decision: "accept" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await decideAnswer(staff, { answerId: answer.id, version: current.version, decision: "accept" });

    const petition = await db.petition.findUniqueOrThrow({ where: { id: p.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(petition).toMatchObject({ status: "RESOLVED", resolution: "SETTLED" });
    expect(petition.resolvedAt).not.toBeNull();
    const kinds = petition.events.map((e) => [e.kind, e.actorId === null ? "agency" : "staff"]);
    expect(kinds.slice(-2)).toEqual([["AGENCY_PROPOSED", "agency"], ["STATUS_CHANGED", "staff"]]);
    expect(petition.events.at(-2)).toMatchObject({ data: { by: "agency", agency: p.agency.name, resolution: "SETTLED" } });
    expect(await db.agencyAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ decision: "ACCEPTED", decidedById: staff.userId });
    expect(await db.auditLog.count({ where: { entityId: String(p.id), action: { in: ["agency-link.propose", "agency-answer.accept", "petition.resolve"] } } })).toBe(3);
    // The petition's end voids its link.
    expect(await openLink(p.token)).toBeNull();
    const after = await rollupSnapshot();
    expect(after.RollupPetition).not.toEqual(before.RollupPetition);
    expect(after).toEqual(await rebuiltRollupSnapshot());
  });

  it("an extension accepted moves the deadline by working days and stays on the timeline; a refusal says why", async () => {
    const p = await assigned();
    const due = (await db.petition.findUniqueOrThrow({ where: { id: p.id } })).dueOn!;
    expect((await answerFromForm(post({ k: p.token, loai: "gia-han", "so-ngay": "5", "noi-dung": "Chờ kết quả đo đạc." }))).status).toBe(303);
    const ask = await db.agencyAnswer.findFirstOrThrow({ where: { petitionId: p.id, kind: "EXTENSION" } });
    const version = (await db.petition.findUniqueOrThrow({ where: { id: p.id } })).version;
    const result = await decideAnswer(staff, { answerId: ask.id, version, decision: "accept" });
    const expected = await deadlineFor(db, due, 5);
    expect(expected.getTime() - due.getTime()).toBeGreaterThanOrEqual(5 * 86_400_000);
    const petition = await db.petition.findUniqueOrThrow({ where: { id: p.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(petition.dueOn).toEqual(expected);
    expect(result).toMatchObject({ decision: "extended", dueOn: expected });
    expect(petition.events.at(-1)).toMatchObject({ kind: "DEADLINE_EXTENDED", actorId: staff.userId, data: { days: 5, dueOn: expected.toISOString().slice(0, 10) } });
    expect(petition.events.at(-2)).toMatchObject({ kind: "AGENCY_EXTENSION_ASKED", actorId: null, note: "Chờ kết quả đo đạc." });

    // Progress, then a result refused with a reason: the agency reads it and may propose again. The first progress
    // report starts the work (decision 065): the petition is "đang giải quyết", its version one further.
    expect((await answerFromForm(post({ k: p.token, loai: "tien-do", "noi-dung": "Đã thuê đơn vị đo đạc." }))).status).toBe(303);
    const started = await db.petition.findUniqueOrThrow({ where: { id: p.id } });
    expect(started).toMatchObject({ status: "IN_PROGRESS", version: petition.version + 1 });
    await answerFromForm(post({ ...settled(p.token), "ket-qua": "EXPLAINED" }));
    const proposal = await db.agencyAnswer.findFirstOrThrow({ where: { petitionId: p.id, kind: "RESULT" } });
    // A refusal needs its reason.
    expect(await parseInput(decideSchema, { answerId: String(proposal.id), version: String(started.version), decision: "refuse", note: " " })).toMatchObject({ ok: false, fieldErrors: { note: [expect.any(String)] } });
    await decideAnswer(staff, { answerId: proposal.id, version: started.version, decision: "refuse", note: "Thiếu biên bản nghiệm thu." });
    const view = await agencyView((await openLink(p.token))!);
    expect(view?.resultPending).toBe(false);
    expect(view?.answers.map((a) => [a.kind, a.decision])).toEqual([["RESULT", "REFUSED"], ["PROGRESS", null], ["EXTENSION", "ACCEPTED"]]);
    expect(view?.answers[0].decisionNote).toBe("Thiếu biên bản nghiệm thu.");
    expect((await db.petition.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("IN_PROGRESS");
  });

  it("refuses another site's form, a body over the limit before reading it, and the 31st post in a minute", async () => {
    const p = await assigned();
    expect((await answerFromForm(post({ k: p.token, loai: "tien-do", "noi-dung": "Đang làm." }, { origin: "https://evil.example" }))).status).toBe(403);
    const huge = new Request(`${ORIGIN}/co-quan/gui`, { method: "POST", headers: { origin: ORIGIN, host: "localhost", "content-length": String(11 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" }, body: "x" });
    expect((await answerFromForm(huge)).status).toBe(413);
    const client = "192.0.2.77";
    for (let i = 0; i < AGENCY_LINK_RULE.max; i++) await takeAttempt(db, agencyThrottleKey(client), AGENCY_LINK_RULE);
    const refused = await answerFromForm(post({ k: p.token, loai: "tien-do", "noi-dung": "Đang làm." }, { "x-forwarded-for": client }));
    expect(refused.status).toBe(429);
    expect(await db.agencyAnswer.count({ where: { petitionId: p.id } })).toBe(0);
    // A file that is not one of the allowed types is told apart without saving anything.
    const exe = await answerFromForm(post({ ...settled(p.token), "van-ban": new File([Buffer.from("MZ\x90\x00")], "virus.exe") }));
    expect(exe.headers.get("location")).toBe(`/co-quan?k=${p.token}&loi=van-ban&mau=ket-qua`);
    expect(await db.agencyAnswer.count({ where: { petitionId: p.id } })).toBe(0);
  });
});

describe("no personal data or token leaves through the agency's link", () => {
  it("not in the log file, not in any audit row", async () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dv-agency-")), "requests.log");
    const logger = pino({ base: { service: "dan-van" } }, pino.destination({ dest: logFile, sync: true }));
    const server = http.createServer(
      withRequestLog(
        async (req, res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
          const answer = await answerFromForm(new Request(`${ORIGIN}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
          res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
          res.end(Buffer.from(await answer.arrayBuffer()));
        },
        { trustProxy: true, logger },
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const p = await assigned();
    const send = (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v as string);
      return fetch(`http://127.0.0.1:${port}/co-quan/gui?k=${p.token}`, { method: "POST", redirect: "manual", headers: { origin: `http://127.0.0.1:${port}`, "x-forwarded-for": nextAddress() }, body: form });
    };
    try {
      expect((await send({ k: p.token, loai: "tien-do", "noi-dung": `Đã gặp bà ${NAME} tại ${ADDRESS}.` })).status).toBe(303);
      expect((await send(settled(p.token))).status).toBe(303);
      expect((await send({ k: "dvc_" + "B".repeat(43), loai: "tien-do", "noi-dung": "x".repeat(10) })).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    logger.flush();
    await agencyView((await openLink(p.token))!);
    const secrets = [p.token, p.token.slice(4, 20), NAME, "Cơquan", "0987654321", ADDRESS, "Đồng Sen", "nạo vét"];
    const log = fs.readFileSync(logFile, "utf8");
    expect(log.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(3);
    for (const secret of secrets) expect(log, `log holds ${secret}`).not.toContain(secret);
    const rows = await db.auditLog.findMany({ where: { entity: "Petition", entityId: String(p.id) } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["agency-link.progress", "agency-link.propose", "petition.personal-data.read"]));
    for (const row of rows) for (const secret of secrets) expect(JSON.stringify(row.data ?? null), `${row.action} holds ${secret}`).not.toContain(secret);
  });
});
