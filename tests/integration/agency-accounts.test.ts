/**
 * Issue 16, part 1 (decision 064): an agency's own account sees only the petitions its agency holds or held and
 * answers on those it holds, through the link's own function. On a real database, nothing stood in for: accounts
 * made by an administrator through the account mutations and loaded as a session loads them; petitions assigned by
 * staff through the workflow's assign step; answers posted through the route handler as the page's plain forms
 * reach it; a proposal accepted by staff through their decision.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { heldPetition, listHeldPetitions } from "@/lib/agency-accounts/queries";
import { parseHeldListParams } from "@/lib/agency-accounts/list-params";
import { answerAsAccount } from "@/lib/agency-accounts/routes";
import { submitAnswer } from "@/lib/agency-links/agency";
import { tokenOf } from "@/lib/agency-links/links";
import { decideAnswer } from "@/lib/agency-links/staff";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/roles";
import { agencyWhereFor, meetingWhereFor, petitionWhereFor, unitWhereFor, userWhereFor } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { createUser as createAccount, updateUser } from "@/lib/users/mutations";
import { createUserSchema, updateUserSchema } from "@/lib/users/schemas";
import { paramsFor } from "../support/arbitraries";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

const ORIGIN = "http://localhost";
const NAME = "Phạm Thị Kiến Nghị";
const PHONE = "0912 345 678";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let tree: Tree;
let fieldId: number;
let staff: Actor;
let admin: Actor;
let agencyX: { id: number; name: string };
let agencyY: { id: number; name: string };
/** Kept by the neighbouring district: outside a district administrator's reach. */
let agencyFar: { id: number; name: string };
let account: Actor;

async function step(petitionId: number, version: number, input: Record<string, string>) {
  const parsed = await parseInput(stepSchema, { petitionId: String(petitionId), version: String(version), ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return takeStep(staff, parsed.data);
}

/** A petition received by staff and assigned to `agencyId` through the workflow. */
async function assignedTo(agencyId: number, content = "Đề nghị nạo vét kênh tưới tiêu trước vụ mùa.") {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn: "2026-03-02",
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: NAME,
    petitionerPhone: PHONE,
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldId),
    content,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  const petition = await createPetition(staff, parsed.data);
  const { version } = await step(petition.id, 0, { step: "assign", agencyId: String(agencyId) });
  return { id: petition.id, code: petition.code, version };
}

async function makeAccount(actor: Actor, fields: Record<string, string>) {
  const parsed = await parseInput(createUserSchema, { username: `cq.${randomUUID().slice(0, 8)}`, displayName: "Phòng Nông nghiệp", preset: "AGENCY", unitId: String(tree.districtA.id), ...fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createAccount(actor, parsed.data);
}

function post(petitionId: number | string, fields: Record<string, string | Blob>, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v as string);
  return new Request(`${ORIGIN}/agency/${petitionId}/gui`, { method: "POST", headers: { origin: ORIGIN, host: "localhost", ...headers }, body: form });
}

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  admin = actorAt(tree.districtA, "ADMIN", (await createUser(tree.districtA, "ADMIN")).id);
  agencyX = await db.agency.create({ data: { name: `Phòng Nông nghiệp ${randomUUID().slice(0, 6)}`, unitId: tree.districtA.id } });
  agencyY = await db.agency.create({ data: { name: `Phòng Kinh tế ${randomUUID().slice(0, 6)}`, unitId: tree.districtA.id } });
  agencyFar = await db.agency.create({ data: { name: `Phòng Tư pháp ${randomUUID().slice(0, 6)}`, unitId: tree.districtB.id } });
  const made = await makeAccount(admin, { agencyId: String(agencyX.id) });
  account = (await loadActor(made.id))!;
});

describe("an agency's account (decision 064)", () => {
  it("is made by an administrator for an agency in reach, and reaches no unit", async () => {
    expect(account).toMatchObject({ duties: ["AGENCY"], agencyId: agencyX.id });
    await expect(makeAccount(admin, { agencyId: String(agencyFar.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Without JavaScript a name typed must find exactly one agency in reach.
    const byName = await makeAccount(admin, { agencyIdText: agencyY.name });
    expect((await db.user.findUniqueOrThrow({ where: { id: byName.id } })).agencyId).toBe(agencyY.id);
    await expect(makeAccount(admin, { agencyIdText: "Phòng" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Staff without account administration make none.
    await expect(makeAccount(staff, { agencyId: String(agencyX.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Nothing of a unit: every scope builder reaches nothing, no staff permission holds.
    expect(await db.unit.count({ where: unitWhereFor(account) })).toBe(0);
    expect(await db.petition.count({ where: petitionWhereFor(account) })).toBe(0);
    expect(await db.meeting.count({ where: meetingWhereFor(account) })).toBe(0);
    expect(await db.user.count({ where: userWhereFor(account) })).toBe(0);
    expect(await db.agency.count({ where: agencyWhereFor(account) })).toBe(0);
    // …while the same unit's staff reach them.
    expect(await db.unit.count({ where: unitWhereFor(staff) })).toBeGreaterThan(0);
    for (const p of ["petition:read:subtree", "petition:update:subtree", "report:read:subtree", "organisation:read:subtree", "meeting:read:subtree", "api-token:manage:own", "admin:access"] as const) expect(allows(account, p)).toBe(false);
    expect(allows(account, "agency-petition:answer:agency")).toBe(true);
  });

  it("lists only the petitions its agency holds or held, and opens no other", async () => {
    const mine = await assignedTo(agencyX.id, "Đề nghị nạo vét mương thoát nước thôn Đình.");
    const theirs = await assignedTo(agencyY.id);
    const moved = await assignedTo(agencyX.id, "Đề nghị sửa cống tiêu úng đồng Mả.");
    // Reassigned to Y: X held it, so it stays in X's list, no longer X's to answer.
    await step(moved.id, moved.version, { step: "assign", agencyId: String(agencyY.id) });

    const list = (await listHeldPetitions(account, parseHeldListParams({})))!;
    const ids = list.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, moved.id]));
    expect(ids).not.toContain(theirs.id);
    expect(list.items.find((i) => i.id === moved.id)?.heldNow).toBe(false);
    expect(list.items.find((i) => i.id === mine.id)?.heldNow).toBe(true);
    // The list carries no personal data.
    expect(JSON.stringify(list)).not.toContain(NAME);
    // Filters and search, accents ignored.
    expect((await listHeldPetitions(account, parseHeldListParams({ state: "dang-giu" })))!.items.map((i) => i.id)).not.toContain(moved.id);
    expect((await listHeldPetitions(account, parseHeldListParams({ state: "da-xong" })))!.items.map((i) => i.id)).toEqual([moved.id]);
    expect((await listHeldPetitions(account, parseHeldListParams({ q: "MUONG THOAT NUOC" })))!.items.map((i) => i.id)).toEqual([mine.id]);
    // "%" and "_" in a search match only themselves.
    expect((await listHeldPetitions(account, parseHeldListParams({ q: "%" })))!.items).toEqual([]);
    expect((await listHeldPetitions(account, parseHeldListParams({ q: "m_ong" })))!.items).toEqual([]);
    // Sorted as asked, both ways, with its count.
    const byCode = (await listHeldPetitions(account, parseHeldListParams({ sort: "code", dir: "asc" })))!;
    expect(byCode.items.map((i) => i.code)).toEqual(byCode.items.map((i) => i.code).sort());
    expect(byCode.total).toBe(byCode.items.length);
    const byCodeDown = (await listHeldPetitions(account, parseHeldListParams({ sort: "code", dir: "desc" })))!;
    expect(byCodeDown.items.map((i) => i.id)).toEqual(byCode.items.map((i) => i.id).reverse());
    // A staff actor has no list of its own: not an agency's account.
    expect(await listHeldPetitions(staff, parseHeldListParams({}))).toBeNull();

    expect(await heldPetition(account, theirs.id)).toBeNull();
    expect(await heldPetition(account, 2_000_000_000)).toBeNull();
    // Held now: the link's page, the petitioner's contact details an audited read by the account's user.
    const open = (await heldPetition(account, mine.id))!;
    expect(open).toMatchObject({ heldNow: true, petition: { code: mine.code, petitionerName: NAME, petitionerPhone: expect.stringMatching(/345/) } });
    const read = await db.auditLog.findFirstOrThrow({ where: { action: "petition.personal-data.read", entityId: String(mine.id) }, orderBy: { id: "desc" } });
    expect(read).toMatchObject({ actorId: account.userId, data: { via: "agency-account", agencyId: agencyX.id } });
    // Held before: what it sent, no contact details, no read.
    const before = await db.auditLog.count({ where: { action: "petition.personal-data.read", entityId: String(moved.id) } });
    const past = (await heldPetition(account, moved.id))!;
    expect(past.heldNow).toBe(false);
    expect(past.petition).not.toHaveProperty("petitionerName");
    expect(await db.auditLog.count({ where: { action: "petition.personal-data.read", entityId: String(moved.id) } })).toBe(before);
    // Answering is for the petitions held now: another agency's, and one held before, are not found.
    for (const id of [theirs.id, moved.id, "abc", "0", "99999999999"]) {
      expect((await answerAsAccount(post(id, { loai: "tien-do", "noi-dung": "Đang khảo sát hiện trường." }), String(id), account)).status, String(id)).toBe(404);
    }
    // Staff, without the permission: not found either; no session: 401; another site's form: 403.
    expect((await answerAsAccount(post(mine.id, { loai: "tien-do", "noi-dung": "Đang khảo sát." }), String(mine.id), staff)).status).toBe(404);
    expect((await answerAsAccount(post(mine.id, { loai: "tien-do", "noi-dung": "Đang khảo sát." }), String(mine.id), null)).status).toBe(401);
    expect((await answerAsAccount(post(mine.id, { loai: "tien-do", "noi-dung": "Đang khảo sát." }, { origin: "https://evil.example" }), String(mine.id), account)).status).toBe(403);
  });

  it("proposes a result with its reply document, which staff accept: the petition is resolved", async () => {
    const p = await assignedTo(agencyX.id);
    const progress = await answerAsAccount(post(p.id, { loai: "tien-do", "noi-dung": "Đã khảo sát, đang thi công." }), String(p.id), account);
    expect(progress.status).toBe(303);
    expect(progress.headers.get("location")).toBe(`/agency/${p.id}?da-gui=tien-do`);
    // A refused form names the field, never what was typed.
    const short = await answerAsAccount(post(p.id, { loai: "tien-do", "noi-dung": "ok" }), String(p.id), account);
    expect(short.headers.get("location")).toBe(`/agency/${p.id}?loi=noi-dung&mau=tien-do`);
    const result = { loai: "ket-qua", "ket-qua": "SETTLED", "noi-dung": "Đã nạo vét xong 2 km kênh.", "van-ban": new File([PDF], "tra-loi.pdf", { type: "application/pdf" }) };
    expect((await answerAsAccount(post(p.id, result), String(p.id), account)).headers.get("location")).toBe(`/agency/${p.id}?da-gui=ket-qua`);
    // One result waits at a time.
    expect((await answerAsAccount(post(p.id, result), String(p.id), account)).headers.get("location")).toBe(`/agency/${p.id}?loi=cho&mau=ket-qua`);

    const answer = await db.agencyAnswer.findFirstOrThrow({ where: { petitionId: p.id, kind: "RESULT" }, include: { attachment: true } });
    expect(answer).toMatchObject({ linkId: null, answeredById: account.userId, agencyId: agencyX.id, resolution: "SETTLED", attachment: { fileName: "tra-loi.pdf", uploadedById: account.userId } });
    const events = await db.petitionEvent.findMany({ where: { petitionId: p.id, kind: { in: ["AGENCY_PROGRESS", "AGENCY_PROPOSED"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId, (e.data as { via?: string }).via])).toEqual([
      ["AGENCY_PROGRESS", account.userId, "account"],
      ["AGENCY_PROPOSED", account.userId, "account"],
    ]);
    expect(await db.auditLog.count({ where: { action: { in: ["agency-account.progress", "agency-account.propose"] }, entityId: String(p.id), actorId: account.userId } })).toBe(2);

    const { version } = await db.petition.findUniqueOrThrow({ where: { id: p.id } });
    await decideAnswer(staff, { answerId: answer.id, version, decision: "accept" });
    expect(await db.petition.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "RESOLVED", resolution: "SETTLED" });
    // Resolved: still in the list, no longer answered on.
    expect((await heldPetition(account, p.id))?.heldNow).toBe(false);
    expect((await answerAsAccount(post(p.id, { loai: "tien-do", "noi-dung": "Đã xong việc." }), String(p.id), account)).status).toBe(404);
  });

  it("a progress report on an assigned petition moves it to “đang giải quyết”, as the start step does, by link or account (issue 16, part 3)", async () => {
    // By the account.
    const p = await assignedTo(agencyX.id);
    await answerAsAccount(post(p.id, { loai: "tien-do", "noi-dung": "Đã cử cán bộ xuống hiện trường." }), String(p.id), account);
    expect(await db.petition.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "IN_PROGRESS", version: p.version + 1 });
    const event = await db.petitionEvent.findFirstOrThrow({ where: { petitionId: p.id, kind: "AGENCY_PROGRESS" } });
    expect(event).toMatchObject({ fromStatus: "ASSIGNED", toStatus: "IN_PROGRESS", actorId: account.userId });
    expect(await db.auditLog.count({ where: { action: "petition.start", entityId: String(p.id), actorId: account.userId } })).toBe(1);
    // A second report leaves it where it is.
    await answerAsAccount(post(p.id, { loai: "tien-do", "noi-dung": "Đang hoàn thiện hồ sơ." }), String(p.id), account);
    expect(await db.petition.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "IN_PROGRESS", version: p.version + 1 });
    // A result or an extension does not start it: the agency has not said it is working on it.
    const q = await assignedTo(agencyX.id);
    await answerAsAccount(post(q.id, { loai: "gia-han", "so-ngay": "5", "noi-dung": "Chờ ý kiến của xã." }), String(q.id), account);
    expect((await db.petition.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("ASSIGNED");

    // By the link, the same; and the rollups the triggers keep equal a rebuild.
    const r = await assignedTo(agencyY.id);
    const link = await db.agencyLink.findFirstOrThrow({ where: { petitionId: r.id, revokedAt: null } });
    expect(await submitAnswer(tokenOf(link)!, { kind: "tien-do", text: "Đã tiếp nhận, đang khảo sát." })).toBe("sent");
    expect((await db.petition.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("IN_PROGRESS");
    expect(await db.petitionEvent.findFirstOrThrow({ where: { petitionId: r.id, kind: "AGENCY_PROGRESS" } })).toMatchObject({ fromStatus: "ASSIGNED", toStatus: "IN_PROGRESS", actorId: null });
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("follows its administrator: another agency, or another duty, and the old sessions end", async () => {
    const made = await makeAccount(admin, { agencyId: String(agencyX.id) });
    const row = await db.user.findUniqueOrThrow({ where: { id: made.id } });
    const edit = async (fields: Record<string, string>) => {
      const current = await db.user.findUniqueOrThrow({ where: { id: made.id } });
      const parsed = await parseInput(updateUserSchema, { userId: String(made.id), displayName: "Phòng Nông nghiệp", unitId: String(tree.districtA.id), updatedAt: current.updatedAt.toISOString(), ...fields });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
      return updateUser(admin, parsed.data);
    };
    await expect(edit({ preset: "AGENCY", agencyId: String(agencyFar.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await edit({ preset: "AGENCY", agencyId: String(agencyY.id) })).toMatchObject({ sessionsEnded: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ agencyId: agencyY.id, sessionVersion: row.sessionVersion + 1 });
    // Another duty unbinds it.
    await edit({ preset: "VIEWER" });
    expect(await db.user.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ agencyId: null, duties: ["READING"] });
  });

  it("takes junk in the list's parameters and the answer's form without a 500", { timeout: 240_000 }, async () => {
    const p = await assignedTo(agencyX.id);
    const real = [String(p.id), "tien-do", "ket-qua", "gia-han", "SETTLED", "5", "31", "Đã làm xong phần việc.", "dang-giu", "da-xong", "dueOn", "code"];
    const FIELDS = ["loai", "ket-qua", "so-ngay", "noi-dung", "q", "state", "sort", "dir", "page"];
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(paramsFor(FIELDS), fc.subarray(FIELDS), fc.nat(), fc.constantFrom(String(p.id), "x", "-1", "1e3", ""), async (params, pick, n, id) => {
        for (const [i, k] of pick.entries()) params[k] = real[(n + i) % real.length];
        await listHeldPetitions(account, parseHeldListParams(params));
        const form: Record<string, string> = {};
        for (const [k, v] of Object.entries(params)) if (typeof v === "string") form[k] = v;
        const response = await answerAsAccount(post(id || "0", form), id, account);
        expect([303, 404, 413]).toContain(response.status);
        seen.add(response.status);
      }),
      { numRuns: 120 },
    );
    expect([...seen]).toEqual(expect.arrayContaining([303, 404]));
  });
});
