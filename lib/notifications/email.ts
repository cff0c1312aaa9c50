/**
 * The e-mail channel (decision 062): nodemailer over SMTP, as configured by SMTP_* (lib/env.ts). Sent by
 * lib/notifications/deliver.ts, one job per notification (lib/jobs/worker.ts); a failure throws, so the
 * queue retries it with back-off.
 */
import nodemailer from "nodemailer";
import type { NotificationKind } from "../generated/prisma/enums";
import type { MailEnv } from "../env";
import { emailOf } from "./texts";

export async function mailNotification(n: { kind: NotificationKind; title: string; body: string; link: string }, to: string, mail: MailEnv, baseUrl: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: mail.host, port: mail.port, secure: mail.secure, auth: mail.auth });
  try {
    const { subject, text } = emailOf(n, baseUrl);
    await transport.sendMail({ from: mail.from, to, subject, text });
  } finally {
    transport.close();
  }
}
