/**
 * Delivering a notification on the channels its user chose (decision 062): e-mail, Zalo (ZNS), SMS, each
 * configured or off (lib/env.ts). One job per notification (lib/jobs/worker.ts). Each channel is marked
 * when it has sent (`emailedAt`, `zaloSentAt`, `smsSentAt`), so a retry sends only what failed; a failure
 * is thrown after the other channels have had their turn, and the queue retries with back-off.
 */
import { db } from "../db/client";
import { loadMailEnv, loadSmsEnv, loadZaloEnv, type Env, type MailEnv, type SmsEnv, type ZaloEnv } from "../env";
import { sendSms, sendZns, vietnamMobile } from "./channels/phone";
import { mailNotification } from "./email";

export interface Channels {
  mail: MailEnv | null;
  zalo: ZaloEnv | null;
  sms: SmsEnv | null;
  /** The app's address, for the links. */
  baseUrl: string;
}

export function configuredChannels(env: Env = process.env): Channels {
  return { mail: loadMailEnv(env), zalo: loadZaloEnv(env), sms: loadSmsEnv(env), baseUrl: env.NEXTAUTH_URL ?? "http://localhost:3000" };
}

/** What happened on one channel: sent now, sent before, not chosen (or no address), off on this server. */
export type ChannelOutcome = "sent" | "already-sent" | "not-wanted" | "off";
export type Delivery = { email: ChannelOutcome; zalo: ChannelOutcome; sms: ChannelOutcome } | "gone";

export async function deliverNotification(notificationId: number, channels: Channels = configuredChannels()): Promise<Delivery> {
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      link: true,
      emailedAt: true,
      zaloSentAt: true,
      smsSentAt: true,
      user: { select: { active: true, notificationSettings: { select: { email: true, byEmail: true, phone: true, byZalo: true, bySms: true } } } },
    },
  });
  if (!n) return "gone";
  const s = n.user.active ? n.user.notificationSettings : null;
  const phone = s?.phone ? vietnamMobile(s.phone) : null;
  const failures: unknown[] = [];
  const channel = async (wanted: boolean, configured: boolean, sentAt: Date | null, send: () => Promise<void>, sent: { emailedAt?: Date; zaloSentAt?: Date; smsSentAt?: Date }) => {
    if (!wanted) return "not-wanted" as const;
    if (!configured) return "off" as const;
    if (sentAt) return "already-sent" as const;
    try {
      await send();
    } catch (error) {
      failures.push(error);
      return null;
    }
    await db.notification.update({ where: { id: n.id }, data: sent });
    return "sent" as const;
  };
  const email = await channel(!!s?.byEmail && !!s.email, !!channels.mail, n.emailedAt, () => mailNotification(n, s!.email!, channels.mail!, channels.baseUrl), { emailedAt: new Date() });
  const zalo = await channel(!!s?.byZalo && !!phone, !!channels.zalo, n.zaloSentAt, () => sendZns(n, phone!, channels.zalo!, channels.baseUrl), { zaloSentAt: new Date() });
  const sms = await channel(!!s?.bySms && !!phone, !!channels.sms, n.smsSentAt, () => sendSms(n, phone!, channels.sms!, channels.baseUrl), { smsSentAt: new Date() });
  if (failures.length || !email || !zalo || !sms) throw failures[0];
  return { email, zalo, sms };
}

/** Of notifications just made, those whose user chose a channel beyond the app: the queue gets a job for each. */
export async function toDeliver(created: { id: number; userId: number }[]): Promise<number[]> {
  if (created.length === 0) return [];
  const settings = await db.notificationSettings.findMany({
    where: { userId: { in: [...new Set(created.map((n) => n.userId))] }, OR: [{ byEmail: true, email: { not: null } }, { byZalo: true, phone: { not: null } }, { bySms: true, phone: { not: null } }] },
    select: { userId: true },
  });
  const chose = new Set(settings.map((s) => s.userId));
  return created.filter((n) => chose.has(n.userId)).map((n) => n.id);
}
