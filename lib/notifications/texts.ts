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

export function reminderText(kind: NotificationKind, f: ReminderFacts): { title: string; body: string } {
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

/** The e-mail of a notification: its title as the subject, its text and the link to the record. */
export function emailOf(n: { title: string; body: string; link: string }, baseUrl: string): { subject: string; text: string } {
  const url = new URL(n.link, baseUrl).toString();
  return {
    subject: `[Dân vận] ${n.title}`,
    text: `${n.body}\n\nXem kiến nghị: ${url}\n\nThư tự động của hệ thống Dân vận; chọn kênh nhận thông báo tại Hồ sơ → Thông báo.`,
  };
}
