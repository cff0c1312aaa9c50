/**
 * The agency's link by e-mail (decision 075). When staff issue a link (the assign step, or a reissue) and the
 * agency has an e-mail address, the link row records the address (`emailTo`) and one job of the queue
 * `agency-link-email` is sent for it after the transaction commits. The job carries the link's id only: the
 * worker reads the row, opens the sealed token (lib/auth/sealed.ts, under NEXTAUTH_SECRET) and e-mails the
 * address. So the token is never in the queue's tables, in a log line or anywhere in clear. `emailedAt` makes a
 * retried job send once; a link revoked, expired or of an assignment that is over before the job runs is not
 * sent.
 *
 * The message names the petition's code, its field, the agency, the deadline, the last day of the link and
 * the link: never the petitioner's name, phone, address or the content (the page behind the link shows what
 * decision 063 lets the agency see, as an audited read).
 */
import nodemailer from "nodemailer";
import { db } from "../db/client";
import { loadMailEnv, type MailEnv } from "../env";
import { formatDate } from "../format";
import { QUEUES, sendOnce } from "../jobs/queue";
import { isLive, tokenOf } from "./links";
import { linkUrl } from "./token";

export interface LinkEmailFacts {
  agency: string;
  code: string;
  field: string;
  dueOn: Date | null;
  /** The moment the link stops working (the end of its last day in Vietnam). */
  expiresAt: Date;
  url: string;
}

/** The e-mail's words, in Vietnamese: the petition by its code, never the petitioner. */
export function linkEmailText(f: LinkEmailFacts): { subject: string; text: string } {
  const lastDay = formatDate(new Date(f.expiresAt.getTime() - 1));
  return {
    subject: `[Dân vận] Kiến nghị ${f.code} được giao cho ${f.agency}`,
    text: [
      `Kính gửi ${f.agency},`,
      "",
      `Kiến nghị ${f.code} (lĩnh vực ${f.field}) đã được giao cho cơ quan chủ trì giải quyết${f.dueOn ? `, hạn giải quyết ngày ${formatDate(f.dueOn)}` : ""}.`,
      "Qua đường liên kết dưới đây, cơ quan xem kiến nghị, báo cáo tiến độ, đề xuất kết quả giải quyết kèm văn bản trả lời, hoặc xin gia hạn:",
      "",
      f.url,
      "",
      `Đường liên kết chỉ dùng cho kiến nghị này, đến hết ngày ${lastDay}. Xin không chuyển tiếp thư này: ai có đường liên kết đều mở được kiến nghị.`,
      "",
      "Thư tự động của hệ thống Dân vận.",
    ].join("\n"),
  };
}

/** Sends the link's e-mail job once per link (its id is made from the link's). Null when sent before. */
export function queueLinkEmail(linkId: number): Promise<string | null> {
  return sendOnce(QUEUES.agencyLinkEmail, `link:${linkId}`, { linkId });
}

/**
 * After the issuing transaction committed: the job for a link to e-mail. A queue that cannot be reached does not
 * undo the step already taken: it is logged, and the panel shows the e-mail as not sent (staff reissue).
 */
export async function queueLinkEmailAfterCommit(link: { id: number; emailTo: string | null }): Promise<void> {
  if (!link.emailTo) return;
  try {
    await queueLinkEmail(link.id);
  } catch (error) {
    console.error(`[agency-link] e-mail of link ${link.id} not queued: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export type LinkEmailOutcome = "sent" | "already-sent" | "not-live" | "no-address" | "sealed-elsewhere" | "gone";

/**
 * The worker's side: e-mails the link to the address recorded when it was issued. Throws when the SMTP server
 * refuses or is off (the queue retries with back-off); returns without sending when there is nothing to send.
 */
export async function mailAgencyLink(linkId: number, mail: MailEnv | null = loadMailEnv(), baseUrl: string = process.env.NEXTAUTH_URL ?? "http://localhost:3000", now = new Date()): Promise<LinkEmailOutcome> {
  const link = await db.agencyLink.findUnique({
    where: { id: linkId },
    select: {
      id: true,
      sealedToken: true,
      emailTo: true,
      emailedAt: true,
      expiresAt: true,
      revokedAt: true,
      agencyId: true,
      assignedAt: true,
      agency: { select: { name: true } },
      petition: { select: { code: true, status: true, agencyId: true, assignedAt: true, dueOn: true, field: { select: { name: true } } } },
    },
  });
  if (!link) return "gone";
  if (link.emailedAt) return "already-sent";
  if (!link.emailTo) return "no-address";
  if (!isLive(link, now)) return "not-live";
  const token = tokenOf(link);
  if (!token) return "sealed-elsewhere";
  if (!mail) throw new Error("e-mail is off on this server (SMTP_HOST unset)");
  const { subject, text } = linkEmailText({
    agency: link.agency.name,
    code: link.petition.code,
    field: link.petition.field.name,
    dueOn: link.petition.dueOn,
    expiresAt: link.expiresAt,
    url: linkUrl(baseUrl, token),
  });
  const transport = nodemailer.createTransport({ host: mail.host, port: mail.port, secure: mail.secure, auth: mail.auth });
  try {
    await transport.sendMail({ from: mail.from, to: link.emailTo, subject, text });
  } finally {
    transport.close();
  }
  await db.agencyLink.updateMany({ where: { id: link.id, emailedAt: null }, data: { emailedAt: new Date() } });
  return "sent";
}
