/**
 * The e-mail channel (decision 062): nodemailer over SMTP, as configured by SMTP_* (lib/env.ts). One
 * job per notification (lib/jobs/worker.ts); a failure throws, so the queue retries it with back-off.
 */
import nodemailer from "nodemailer";
import { db } from "../db/client";
import { loadMailEnv, type MailEnv } from "../env";
import { emailOf } from "./texts";

export type EmailOutcome = "sent" | "already-sent" | "not-wanted" | "no-smtp" | "gone";

export async function sendNotificationEmail(notificationId: number, mail: MailEnv | null = loadMailEnv(), baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): Promise<EmailOutcome> {
  if (!mail) return "no-smtp";
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    select: { id: true, kind: true, title: true, body: true, link: true, emailedAt: true, user: { select: { active: true, notificationSettings: { select: { email: true, byEmail: true } } } } },
  });
  if (!n) return "gone";
  if (n.emailedAt) return "already-sent";
  const settings = n.user.notificationSettings;
  if (!n.user.active || !settings?.byEmail || !settings.email) return "not-wanted";
  const transport = nodemailer.createTransport({ host: mail.host, port: mail.port, secure: mail.secure, auth: mail.auth });
  try {
    const { subject, text } = emailOf(n, baseUrl);
    await transport.sendMail({ from: mail.from, to: settings.email, subject, text });
  } finally {
    transport.close();
  }
  await db.notification.update({ where: { id: n.id }, data: { emailedAt: new Date() } });
  return "sent";
}
