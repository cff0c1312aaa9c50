/**
 * POST /field/meetings and /field/petitions (lib/field/send.ts, decision 071): what the field app's service
 * worker sends from its queue. A resend with the same idempotency key makes nothing new, for meetings and
 * petitions alike; a refusal comes back with its messages and what was typed; the doors (session, permission,
 * another user's item, another site, size) answer before any work; and junk never gives a 500 or a throw.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { answerQueuedForm, type QueuedKind } from "@/lib/field/send";
import { MAX_FORM_BYTES } from "@/lib/actions/form-post";
import { paramsFor } from "../support/arbitraries";
import { actorAt, buildTree, createField, createOrganisation, createUser, type Tree } from "../support/factories";

let tree: Tree;
let fieldId: number;
let secretary: Actor;
let viewer: Actor;
let team: Awaited<ReturnType<typeof createOrganisation>>;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  secretary = actorAt(tree.communeA, "COMMUNE_SECRETARY", (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id);
  viewer = actorAt(tree.communeA, "VIEWER", (await createUser(tree.communeA, "VIEWER")).id);
  team = await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn Tổ", "Trần Thị Hai"]);
});

const today = () => new Date().toISOString().slice(0, 10);

function meeting(key: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    idempotencyKey: key,
    kind: "TEAM_MONTHLY",
    target: `org:${team.org.id}`,
    raisedUnitId: String(tree.villageA1.id),
    heldOn: today(),
    place: "Nhà văn hóa thôn Đình",
    chair: "Nguyễn Văn Tổ",
    [`att.${team.members[0].id}`]: "PRESENT",
    [`att.${team.members[1].id}`]: "ABSENT",
    "raised.0.content": "Đề nghị lắp đèn chiếu sáng đường trục thôn.",
    "raised.0.fieldId": String(fieldId),
    ...overrides,
  };
}

function petition(key: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    idempotencyKey: key,
    receivedOn: today(),
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: "Lê Văn Ba",
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldId),
    content: "Đề nghị nạo vét kênh mương nội đồng trước mùa mưa.",
    ...overrides,
  };
}

function send(kind: QueuedKind, actor: Actor | null, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return answerQueuedForm(new Request(`http://localhost/field/${kind}s`, { method: "POST", body, headers: { host: "localhost", ...headers } }), actor, kind);
}

describe("a queued form sent again", () => {
  it("a meeting sent twice with one key is one meeting, with its attendance and the petition raised at it", async () => {
    const key = randomUUID();
    const first = await (await send("meeting", secretary, meeting(key))).json();
    expect(first).toMatchObject({ ok: true, created: true });
    const again = await (await send("meeting", secretary, meeting(key))).json();
    expect(again).toEqual({ ...first, created: false });
    expect(await db.meeting.count({ where: { idempotencyKey: key } })).toBe(1);
    const saved = await db.meeting.findUniqueOrThrow({ where: { id: first.id }, include: { attendances: true, raisedPetitions: true } });
    expect(saved.attendances.map((a) => a.status).sort()).toEqual(["ABSENT", "PRESENT"]);
    expect(saved.raisedPetitions).toHaveLength(1);
  });

  it("a petition sent twice with one key is one petition", async () => {
    const key = randomUUID();
    const first = await (await send("petition", secretary, petition(key))).json();
    expect(first).toMatchObject({ ok: true, created: true, url: expect.stringMatching(/^\/petitions\/\d+$/) });
    expect(await (await send("petition", secretary, petition(key))).json()).toEqual({ ...first, created: false });
    expect(await db.petition.count({ where: { idempotencyKey: key } })).toBe(1);
  });
});

describe("a queued form the server refuses", () => {
  it("comes back with its messages and what was typed, and makes nothing", async () => {
    const key = randomUUID();
    const answer = await send("meeting", secretary, meeting(key, { "raised.0.content": "Ngắn" }));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ ok: false, error: "VALIDATION", values: { place: "Nhà văn hóa thôn Đình", "raised.0.content": "Ngắn" } });
    expect(JSON.stringify(body.fieldErrors)).toContain("quá ngắn");
    expect(await db.meeting.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("a roster changed since the form was kept: refused with a message, nothing made", async () => {
    const key = randomUUID();
    const body = await (await send("meeting", secretary, meeting(key, { [`att.999999`]: "PRESENT" }))).json();
    expect(body).toMatchObject({ ok: false, error: "INVALID_STATE", message: expect.stringContaining("trạng thái") });
    expect(await db.meeting.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("text for the place that names no village: the intake's message", async () => {
    const { unitId: _unitId, ...rest } = petition(randomUUID());
    const body = await (await send("petition", secretary, { ...rest, unitIdText: "Không có thôn nào tên này" })).json();
    expect(body).toMatchObject({ ok: false, error: "VALIDATION", fieldErrors: { unitId: [expect.stringContaining("Không tìm thấy")] } });
  });
});

describe("the doors", () => {
  it("no session 401, no permission 404, another user's item 409, another site 403, too large 413", async () => {
    expect((await send("meeting", null, meeting(randomUUID()))).status).toBe(401);
    expect((await send("petition", viewer, petition(randomUUID()))).status).toBe(404);
    expect((await send("petition", secretary, petition(randomUUID()), { "x-queued-for": String(secretary.userId + 1) })).status).toBe(409);
    expect((await send("petition", secretary, petition(randomUUID()), { "x-queued-for": "junk" })).status).toBe(409);
    expect((await send("petition", secretary, petition(randomUUID()), { origin: "https://evil.example" })).status).toBe(403);
    const big = await answerQueuedForm(
      new Request("http://localhost/field/petitions", { method: "POST", body: "x", headers: { host: "localhost", "content-length": String(MAX_FORM_BYTES + 1) } }),
      secretary,
      "petition",
    );
    expect(big.status).toBe(413);
  });

  it("the one gate's other answer (decision 082): a password to change, a second factor, a closed home unit wait on the phone as 401", async () => {
    const cases: [Actor, string][] = [
      [{ ...secretary, mustChangePassword: true }, "/profile/password"],
      [{ ...secretary, mustEnrolTwoFactor: true }, "/profile/two-factor"],
      [{ ...secretary, unit: { ...secretary.unit, validTo: new Date("2025-06-30T00:00:00Z") } }, "/home-closed"],
    ];
    for (const [actor, to] of cases) {
      const key = randomUUID();
      const res = await send("meeting", actor, meeting(key));
      expect(res.status, to).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthenticated", to });
      expect(await db.meeting.count({ where: { idempotencyKey: key } })).toBe(0);
    }
  });
});

const MEETING_FIELDS = ["idempotencyKey", "kind", "target", "heldOn", "place", "chair", "raisedUnitId", "raised.0.content", "raised.0.fieldId", "raised.99.unitId", "att.1", "carry.1", "agenda"];
const PETITION_FIELDS = ["idempotencyKey", "receivedOn", "channel", "petitionerKind", "petitionerName", "petitionerPhone", "unitId", "unitIdText", "fieldId", "content", "meetingId"];

describe("junk never gives a 500", () => {
  for (const kind of ["meeting", "petition"] as const) {
    it(`POST /field/${kind}s`, { timeout: 240_000 }, async () => {
      const real = kind === "meeting" ? meeting(randomUUID()) : petition(randomUUID());
      const fields = kind === "meeting" ? MEETING_FIELDS : PETITION_FIELDS;
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(
          paramsFor(fields),
          fc.subarray(fields),
          fc.option(fc.string({ unit: "binary", maxLength: 300 }), { freq: 4 }),
          fc.constantFrom("multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", ""),
          fc.constantFrom(undefined, String(secretary.userId), "0", "-1", "2147483648"),
          async (params, keep, raw, type, owner) => {
            const headers: Record<string, string> = { host: "localhost" };
            if (owner) headers["x-queued-for"] = owner;
            let body: BodyInit;
            if (raw !== null) {
              body = raw;
              if (type) headers["content-type"] = type;
            } else {
              const form = new FormData();
              const merged: Record<string, unknown> = { ...params };
              // Most fields right, a few junk: so that the checks past the schema are reached too.
              for (const name of fields) if (!keep.includes(name) && real[name] !== undefined) merged[name] = real[name];
              merged.idempotencyKey = randomUUID();
              for (const [k, v] of Object.entries(merged)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, String(one));
              body = form;
            }
            const response = await answerQueuedForm(new Request(`http://localhost/field/${kind}s`, { method: "POST", body, headers }), secretary, kind);
            expect([200, 409], `status ${response.status}`).toContain(response.status);
            const answer = (await response.json()) as { ok?: boolean; error?: string };
            if (response.status === 200) expect(answer.error).not.toBe("INTERNAL");
            seen.add(response.status);
          },
        ),
        { numRuns: 120 },
      );
      expect(seen.has(200)).toBe(true);
    });
  }
});
