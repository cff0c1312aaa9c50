/**
 * The words of a reminder, in Vietnamese (decision 062). They name the petition's code, its field,
 * its deadline and the unit handling it, nothing else: never the petitioner's name, phone or
 * address, nor the content (which may quote them). tests/integration/notifications-personal-data.test.ts
 * holds every text and e-mail to that.
 */
import type { NotificationKind } from "../generated/prisma/enums";
import { formatDate } from "../format";

export interface ReminderFacts {
  code: string;
  field: string;
  dueOn: Date;
  /** The office handling it, named as on the day ("Đảng ủy xã Lập Thạch"). */
  unit: string;
  workingDaysLeft?: number;
  workingDaysOverdue?: number;
}

/** The kinds about one petition (the digest is about a leader's reach). */
export type ReminderKind = Exclude<NotificationKind, "DIGEST" | "REPORT_DUE_SOON" | "REPORT_OVERDUE">;

export function reminderText(kind: ReminderKind, f: ReminderFacts): { title: string; body: string } {
  const due = formatDate(f.dueOn);
  switch (kind) {
    case "DUE_SOON":
      return {
        title: `Kiến nghị ${f.code} sắp đến hạn`,
        body: `Kiến nghị ${f.code} (lĩnh vực ${f.field}) đến hạn giải quyết ngày ${due}, còn ${f.workingDaysLeft ?? 0} ngày làm việc. Đơn vị xử lý: ${f.unit}.`,
      };
    case "DUE_TODAY":
      return {
        title: `Kiến nghị ${f.code} đến hạn hôm nay`,
        body: `Kiến nghị ${f.code} (lĩnh vực ${f.field}) đến hạn giải quyết hôm nay, ngày ${due}. Đơn vị xử lý: ${f.unit}.`,
      };
    case "OVERDUE":
      return {
        title: `Kiến nghị ${f.code} đã quá hạn`,
        body: `Kiến nghị ${f.code} (lĩnh vực ${f.field}) đã quá hạn ${f.workingDaysOverdue ?? 0} ngày làm việc (hạn ngày ${due}). Đơn vị xử lý: ${f.unit}.`,
      };
    case "OVERDUE_ESCALATED":
      return {
        title: `Cấp dưới có kiến nghị quá hạn: ${f.code}`,
        body: `Kiến nghị ${f.code} (lĩnh vực ${f.field}) do ${f.unit} xử lý đã quá hạn ${f.workingDaysOverdue ?? 0} ngày làm việc (hạn ngày ${due}). Đề nghị đôn đốc giải quyết.`,
      };
  }
}

/** The e-mail of a notification: its title as the subject, its text and the link to the record (the list, for a digest). */
export function emailOf(n: { kind: NotificationKind; title: string; body: string; link: string }, baseUrl: string): { subject: string; text: string } {
  const url = new URL(n.link, baseUrl).toString();
  return {
    subject: `[Dân vận] ${n.title}`,
    text: `${n.body}\n\n${n.kind === "DIGEST" ? "Xem danh sách" : n.kind === "REPORT_DUE_SOON" || n.kind === "REPORT_OVERDUE" ? "Xem báo cáo" : "Xem kiến nghị"}: ${url}\n\nThư tự động của hệ thống Dân vận; chọn kênh nhận thông báo tại Hồ sơ → Thông báo.`,
  };
}

export interface DigestFacts {
  /** The week's first day (its Monday). */
  week: Date;
  /** The office the leader directs, named as on the day. */
  unit: string;
  overdue: number;
  /** The most overdue, worst first. */
  worst: { code: string; field: string; workingDaysOverdue: number }[];
}

/** The leaders' weekly digest (decision 061): the count and the most overdue by code, field and working days overdue. */
export function digestText(f: DigestFacts): { title: string; body: string } {
  const worst = f.worst.map((p) => `${p.code} (${p.field}, quá hạn ${p.workingDaysOverdue} ngày làm việc)`).join("; ");
  return {
    title: `Tổng hợp tuần ${formatDate(f.week)}: ${f.overdue} kiến nghị quá hạn`,
    body: `Trong phạm vi ${f.unit} có ${f.overdue} kiến nghị đã quá hạn giải quyết. Quá hạn lâu nhất: ${worst}.`,
  };
}
