import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formPost, refusalAsFailure, runFormAction } from "@/lib/actions/form-post";
import { db } from "@/lib/db/client";
import { logMeeting } from "@/lib/meetings/create";
import type { Actor } from "@/lib/auth/actor";
import { actorAt, buildTree, createField, createOrganisation, createUser, type Tree } from "../support/factories";

/** What the meeting page does with a POST: read and check the form, then run the action as the actor. */
async function postAs(req: http.IncomingMessage, actor: Actor) {
  const post = formPost(req);
  if (post.crossSite) return "cross-site";
  const form = await post.read();
  return form instanceof FormData ? runFormAction(logMeeting, form, actor) : refusalAsFailure(form);
}

/**
 * The meeting form's POST on the Pages Router (lib/actions/form-post.ts), over a real HTTP
 * request: what the page's getServerSideProps does with a submission.
 */
let tree: Tree;
let fieldId: number;
let secretary: ReturnType<typeof actorAt>;
let team: Awaited<ReturnType<typeof createOrganisation>>;
let server: http.Server;
let base: string;
let handle: (req: http.IncomingMessage) => Promise<unknown>;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  const user = await createUser(tree.communeA, "COMMUNE_SECRETARY");
  secretary = actorAt(tree.communeA, "COMMUNE_SECRETARY", user.id);
  team = await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn Tổ", "Trần Thị Hai"]);
  server = http.createServer((req, res) => {
    handle(req).then(
      (out) => res.end(JSON.stringify(out)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function meetingForm(key: string): FormData {
  const form = new FormData();
  const entries: Record<string, string> = {
    idempotencyKey: key,
    kind: "TEAM_MONTHLY",
    target: `org:${team.org.id}`,
    raisedUnitId: String(tree.villageA1.id),
    heldOn: "2026-03-15",
    place: "Nhà văn hóa thôn Đình",
    chair: "Nguyễn Văn Tổ",
    [`att.${team.members[0].id}`]: "PRESENT",
    [`att.${team.members[1].id}`]: "ABSENT",
    "raised.0.content": "Đề nghị lắp đèn chiếu sáng đường trục thôn.",
    "raised.0.fieldId": String(fieldId),
  };
  for (const [name, value] of Object.entries(entries)) form.append(name, value);
  form.append("attachments", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a])], "bien-ban.pdf", { type: "application/pdf" }));
  return form;
}

const post = (body: BodyInit, headers: Record<string, string> = {}) => fetch(base, { method: "POST", body, headers }).then((r) => r.json());

describe("the meeting form's POST", () => {
  it("saves one meeting with its petition and file, and a second send of the same form makes nothing new", async () => {
    handle = (req) => postAs(req, secretary);
    const key = randomUUID();
    const first = (await post(meetingForm(key))) as { ok: true; data: { id: number; created: boolean; petitionIds: number[] } };
    expect(first.ok).toBe(true);
    expect(first.data.created).toBe(true);
    expect(first.data.petitionIds).toHaveLength(1);
    const again = (await post(meetingForm(key))) as typeof first;
    expect(again.data).toEqual({ ...first.data, created: false });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: first.data.id }, select: { attachments: { select: { fileName: true } }, attendances: { select: { status: true } } } });
    expect(meeting.attachments.map((a) => a.fileName)).toEqual(["bien-ban.pdf"]);
    expect(meeting.attendances.map((a) => a.status).sort()).toEqual(["ABSENT", "PRESENT"]);
  });

  it("refuses a form posted from another site, and saves nothing", async () => {
    handle = (req) => postAs(req, secretary);
    const key = randomUUID();
    expect(await post(meetingForm(key), { Origin: "http://elsewhere.invalid" })).toBe("cross-site");
    expect(await db.meeting.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("answers a refusal with the fields' messages and what was typed", async () => {
    handle = (req) => postAs(req, secretary);
    const form = meetingForm(randomUUID());
    form.set("raised.0.content", "Ngắn");
    form.set("place", " ");
    const out = (await post(form)) as { ok: false; error: string; fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(out.ok).toBe(false);
    expect(out.error).toBe("VALIDATION");
    expect(out.fieldErrors["raised.0.content"]?.[0]).toMatch(/^Nội dung kiến nghị quá ngắn/);
    expect(out.fieldErrors.place).toEqual(["Vui lòng nhập địa điểm họp."]);
    expect(out.values["raised.0.content"]).toBe("Ngắn");
  });

  it("answers a body that is too large or not a form with a message, before anything is saved", async () => {
    handle = (req) => formPost(req, 1024).read();
    expect(await post("x".repeat(2048), { "content-type": "application/x-www-form-urlencoded" })).toMatchObject({ refused: "too-large" });
    handle = (req) => postAs(req, secretary);
    const malformed = (await post("--b\r\nnot a part", { "content-type": "multipart/form-data; boundary=b" })) as { fieldErrors: { _form: string[] } };
    expect(malformed.fieldErrors._form).toEqual(["Không đọc được biểu mẫu đã gửi, vui lòng gửi lại."]);
  });
});
