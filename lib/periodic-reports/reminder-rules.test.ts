import { describe, expect, it } from "vitest";
import { calendarForYears } from "../calendar";
import { deadlineDayAmong, reportReminderOn, reportReminderText } from "./reminder-rules";

const calendar = calendarForYears(2025, 2026);

describe("which reminder a report not sent gets (decision 081)", () => {
  it("reminds from three working days before the deadline to the day, counting working days", () => {
    // Friday 10 April 2026.
    expect(reportReminderOn("2026-04-06", "2026-04-10", calendar)).toBeNull();
    expect(reportReminderOn("2026-04-07", "2026-04-10", calendar)).toEqual({ kind: "REPORT_DUE_SOON", workingDaysLeft: 3 });
    expect(reportReminderOn("2026-04-10", "2026-04-10", calendar)).toEqual({ kind: "REPORT_DUE_SOON", workingDaysLeft: 0 });
    // Over a weekend: Thursday 9 April for a deadline on Tuesday 14 April is three working days.
    expect(reportReminderOn("2026-04-09", "2026-04-14", calendar)).toEqual({ kind: "REPORT_DUE_SOON", workingDaysLeft: 3 });
  });

  it("reminds of an overdue report within a month of its deadline, never on a day off", () => {
    expect(reportReminderOn("2026-04-13", "2026-04-10", calendar)).toEqual({ kind: "REPORT_OVERDUE" });
    expect(reportReminderOn("2026-05-11", "2026-04-10", calendar)).toEqual({ kind: "REPORT_OVERDUE" });
    expect(reportReminderOn("2026-05-12", "2026-04-10", calendar)).toBeNull();
    expect(reportReminderOn("2026-04-11", "2026-04-10", calendar)).toBeNull();
    // Tết 2026: 17 February is a day off.
    expect(reportReminderOn("2026-02-17", "2026-02-10", calendar)).toBeNull();
  });

  it("takes the deadline of the nearest ancestor's latest template, else the level's default", () => {
    const unit = { level: "COMMUNE" as const, ancestorIds: [1, 2, 3, 4] };
    const t = (ownerUnitId: number, version: number, deadlineDay: number, level: "COMMUNE" | "DISTRICT" = "COMMUNE") => ({ ownerUnitId, level, periodKind: "MONTH" as const, version, deadlineDay });
    expect(deadlineDayAmong([], unit, "MONTH")).toBe(10);
    expect(deadlineDayAmong([t(1, 1, 8), t(2, 1, 12), t(2, 2, 14), t(9, 5, 3), t(3, 1, 1, "DISTRICT")], unit, "MONTH")).toBe(14);
    expect(deadlineDayAmong([t(2, 1, 12)], unit, "QUARTER")).toBe(10);
  });

  it("says the period, the unit and the deadline, nobody's name", () => {
    const text = reportReminderText("REPORT_DUE_SOON", { unit: "Đảng ủy xã Bình Lư", period: "tháng 03/2026", dueOn: new Date("2026-04-10T00:00:00Z"), workingDaysLeft: 2 });
    expect(text).toEqual({ title: "Báo cáo tháng 03/2026 sắp đến hạn gửi", body: "Báo cáo tháng 03/2026 của Đảng ủy xã Bình Lư chưa được gửi lên cấp trên; hạn gửi ngày 10/04/2026, còn 2 ngày làm việc." });
    expect(reportReminderText("REPORT_DUE_SOON", { unit: "X", period: "quý I/2026", dueOn: new Date("2026-04-10T00:00:00Z"), workingDaysLeft: 0 }).body).toContain("hạn gửi là hôm nay, ngày 10/04/2026");
  });
});
