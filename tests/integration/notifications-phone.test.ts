/**
 * Zalo (ZNS) and SMS (issue 16 part 3, decision 062), against a local HTTP server that checks each request as the
 * providers do (method, path, content type, credentials, the body's fields, the number's form) and answers in
 * their format. Off until configured; a channel sends once whatever the retries; a failure on one retries that one.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSmsEnv, loadZaloEnv } from "@/lib/env";
import { configuredChannels, deliverNotification, toDeliver, type Channels } from "@/lib/notifications/deliver";
import { settingsSchema } from "@/lib/notifications/schemas";
import { buildTree, createUser, uid } from "../support/factories";

interface Seen {
  path: string;
  body: Record<string, unknown>;
}
const seen: Seen[] = [];
let znsAnswer: { error: number; message: string } = { error: 0, message: "Success" };
let server: http.Server;
let channels: Channels;

/** The providers' checks: a POST of JSON to the right path with the right credentials, and a number in 84xxxxxxxxx form. */
function provider(req: http.IncomingMessage, res: http.ServerResponse) {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "POST" || req.headers["content-type"] !== "application/json") return reply(415, { error: -1 });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw);
    } catch {
      return reply(400, { error: -1 });
    }
    seen.push({ path: req.url!, body });
    if (req.url === "/message/template") {
      if (req.headers.access_token !== "oa-token") return reply(200, { error: -124, message: "Access token is invalid" });
      const data = body.template_data as Record<string, unknown> | undefined;
      if (!/^84\d{9}$/.test(String(body.phone)) || body.template_id !== "250001" || !data?.title || !data.content || !data.link) return reply(200, { error: -108, message: "Invalid parameter" });
      return reply(200, { ...znsAnswer, data: znsAnswer.error === 0 ? { msg_id: `m${seen.length}`, sent_time: String(Date.now()) } : undefined });
    }
    if (req.url === "/MainService.svc/json/SendMultipleMessage_V4_post_json/") {
      if (body.ApiKey !== "api-key" || body.SecretKey !== "secret") return reply(200, { CodeResult: "101", ErrorMessage: "Authorize Failed" });
      if (!/^84\d{9}$/.test(String(body.Phone)) || body.Brandname !== "DANVAN" || body.SmsType !== "2" || !body.Content || !body.RequestId) return reply(200, { CodeResult: "99", ErrorMessage: "Invalid" });
      return reply(200, { CodeResult: "100", SMSID: `s${seen.length}` });
    }
    reply(404, {});
  });
}

let user: { id: number };
const notify = async () =>
  db.notification.create({
    data: { userId: user.id, kind: "OVERDUE", day: new Date("2026-03-10"), title: "Kiến nghị 246-2026-00012 đã quá hạn", body: "Kiến nghị 246-2026-00012 (lĩnh vực Đất đai) đã quá hạn 3 ngày làm việc.", link: "/petitions/7", dedupeKey: `t:${uid()}` },
  });

beforeAll(async () => {
  server = http.createServer(provider);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  channels = configuredChannels({
    NEXTAUTH_URL: "https://danvan.test",
    ZALO_ZNS_URL: `${base}/message/template`,
    ZALO_ZNS_ACCESS_TOKEN: "oa-token",
    ZALO_ZNS_TEMPLATE_ID: "250001",
    SMS_URL: `${base}/MainService.svc/json/SendMultipleMessage_V4_post_json/`,
    SMS_API_KEY: "api-key",
    SMS_SECRET_KEY: "secret",
    SMS_BRANDNAME: "DANVAN",
  });
  const tree = await buildTree();
  user = await createUser(tree.districtA, "DISTRICT_STAFF");
  const settings = settingsSchema.parse({ email: "", phone: "0912 345 678", byZalo: "on", bySms: "on" });
  await db.notificationSettings.create({ data: { userId: user.id, ...settings } });
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe("Zalo and SMS", () => {
  it("send a notification once on each channel the user chose, in each provider's own format", async () => {
    const n = await notify();
    expect(await toDeliver([{ id: n.id, userId: user.id }])).toEqual([n.id]);
    const before = seen.length;
    expect(await deliverNotification(n.id, channels)).toEqual({ email: "not-wanted", zalo: "sent", sms: "sent" });
    const sent = seen.slice(before);
    expect(sent.map((s) => s.path)).toEqual(["/message/template", "/MainService.svc/json/SendMultipleMessage_V4_post_json/"]);
    expect(sent[0].body).toMatchObject({ phone: "84912345678", template_id: "250001", tracking_id: `dv-${n.id}`, template_data: { title: n.title, link: "https://danvan.test/petitions/7" } });
    expect(sent[1].body).toMatchObject({ Phone: "84912345678", Brandname: "DANVAN", SmsType: "2", IsUnicode: "1", RequestId: `dv-${n.id}`, Content: `${n.title}. https://danvan.test/petitions/7` });
    // A second run of the job sends nothing more.
    expect(await deliverNotification(n.id, channels)).toEqual({ email: "not-wanted", zalo: "already-sent", sms: "already-sent" });
    expect(seen.length).toBe(before + 2);
  });

  it("retry only the channel that failed: Zalo refuses, the SMS goes; the retry sends Zalo alone", async () => {
    const n = await notify();
    znsAnswer = { error: -124, message: "Access token is invalid" };
    await expect(deliverNotification(n.id, channels)).rejects.toThrow("ZNS error -124");
    const after = await db.notification.findUniqueOrThrow({ where: { id: n.id }, select: { zaloSentAt: true, smsSentAt: true } });
    expect(after.zaloSentAt).toBeNull();
    expect(after.smsSentAt).not.toBeNull();
    znsAnswer = { error: 0, message: "Success" };
    const before = seen.length;
    expect(await deliverNotification(n.id, channels)).toEqual({ email: "not-wanted", zalo: "sent", sms: "already-sent" });
    expect(seen.slice(before).map((s) => s.path)).toEqual(["/message/template"]);
  });

  it("are off until configured: nothing is sent, and a half-made setting is refused by name", async () => {
    const n = await notify();
    const before = seen.length;
    expect(await deliverNotification(n.id, configuredChannels({}))).toEqual({ email: "not-wanted", zalo: "off", sms: "off" });
    expect(seen.length).toBe(before);
    expect(() => loadZaloEnv({ ZALO_ZNS_ACCESS_TOKEN: "x" })).toThrow(/ZALO_ZNS_URL/);
    expect(() => loadSmsEnv({ SMS_API_KEY: "x", SMS_URL: "https://sms.test/" })).toThrow(/SMS_SECRET_KEY/);
    expect(() => loadZaloEnv({ ZALO_ZNS_ACCESS_TOKEN: "x", ZALO_ZNS_URL: "not a url", ZALO_ZNS_TEMPLATE_ID: "1" })).toThrow(/ZALO_ZNS_URL/);
  });

  it("take a Vietnamese mobile number on the profile, and need one for Zalo or SMS", () => {
    expect(settingsSchema.parse({ phone: "+84 912 345 678", bySms: "on" })).toMatchObject({ phone: "84912345678", bySms: true, byZalo: false });
    expect(settingsSchema.safeParse({ phone: "02113 862 000", byZalo: "on" }).success).toBe(false);
    const missing = settingsSchema.safeParse({ byZalo: "on" });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]).toMatchObject({ path: ["phone"], message: "Vui lòng nhập số điện thoại để nhận thông báo qua Zalo hoặc SMS." });
  });
});
