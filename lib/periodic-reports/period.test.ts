import { describe, expect, it } from "vitest";
import { dueOnOf, endedPeriods, lastEndedPeriod, parseReportPeriod, previousReportPeriod, reportPeriodLabel } from "./period";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("report periods", () => {
  it("reads each kind of key as its whole months", () => {
    expect(parseReportPeriod("2026-11")).toMatchObject({ kind: "MONTH", from: "2026-11-01", to: "2026-11-30", months: 1 });
    expect(parseReportPeriod("2024-02")).toMatchObject({ to: "2024-02-29" });
    expect(parseReportPeriod("2026-Q4")).toMatchObject({ kind: "QUARTER", from: "2026-10-01", to: "2026-12-31", months: 3 });
    expect(parseReportPeriod("2026-H1")).toMatchObject({ kind: "HALF", from: "2026-01-01", to: "2026-06-30", months: 6 });
    expect(parseReportPeriod("2026-H2")).toMatchObject({ kind: "HALF", from: "2026-07-01", to: "2026-12-31" });
    expect(parseReportPeriod("2026")).toMatchObject({ kind: "YEAR", from: "2026-01-01", to: "2026-12-31", months: 12 });
  });

  it("names nothing for malformed keys and years out of range", () => {
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "2026-H3", "26-11", "2026-1", "1999", "2101-01", "", " 2026", "2026-11 ", "2026-q1", null, 2026, "２０２６"]) {
      expect(parseReportPeriod(bad), String(bad)).toBeNull();
    }
  });

  it("steps back one period of the same kind, across years", () => {
    expect(previousReportPeriod(parseReportPeriod("2026-01")!).key).toBe("2025-12");
    expect(previousReportPeriod(parseReportPeriod("2026-Q1")!).key).toBe("2025-Q4");
    expect(previousReportPeriod(parseReportPeriod("2026-H2")!).key).toBe("2026-H1");
    expect(previousReportPeriod(parseReportPeriod("2026")!).key).toBe("2025");
  });

  it("the last period ended by a day is the one before the day's own", () => {
    expect(lastEndedPeriod("MONTH", day("2026-12-07")).key).toBe("2026-11");
    expect(lastEndedPeriod("QUARTER", day("2026-12-07")).key).toBe("2026-Q3");
    expect(lastEndedPeriod("HALF", day("2026-12-07")).key).toBe("2026-H1");
    expect(lastEndedPeriod("YEAR", day("2026-01-01")).key).toBe("2025");
    expect(endedPeriods("MONTH", day("2026-03-15"), 3).map((p) => p.key)).toEqual(["2026-02", "2026-01", "2025-12"]);
  });

  it("is due on the deadline day of the month after, or that month's last day", () => {
    expect(dueOnOf(parseReportPeriod("2026-11")!, 20).toISOString().slice(0, 10)).toBe("2026-12-20");
    expect(dueOnOf(parseReportPeriod("2026-Q4")!, 10).toISOString().slice(0, 10)).toBe("2027-01-10");
    expect(dueOnOf(parseReportPeriod("2026-01")!, 31).toISOString().slice(0, 10)).toBe("2026-02-28");
  });

  it("labels periods as a Party report's title does", () => {
    expect(reportPeriodLabel(parseReportPeriod("2026-11")!)).toBe("tháng 11/2026");
    expect(reportPeriodLabel(parseReportPeriod("2026-Q4")!)).toBe("quý IV/2026");
    expect(reportPeriodLabel(parseReportPeriod("2026-H1")!)).toBe("6 tháng đầu năm 2026");
    expect(reportPeriodLabel(parseReportPeriod("2026")!)).toBe("năm 2026");
  });
});

describe("the report period of a dashboard's months", () => {
  it("is the month, quarter, half or year those months make, else none", async () => {
    const { reportPeriodOf } = await import("./period");
    expect(reportPeriodOf({ from: "2026-11-01", months: 1 })?.key).toBe("2026-11");
    expect(reportPeriodOf({ from: "2026-10-01", months: 3 })?.key).toBe("2026-Q4");
    expect(reportPeriodOf({ from: "2026-07-01", months: 6 })?.key).toBe("2026-H2");
    expect(reportPeriodOf({ from: "2026-01-01", months: 12 })?.key).toBe("2026");
    expect(reportPeriodOf({ from: "2026-02-01", months: 3 })).toBeNull();
    expect(reportPeriodOf({ from: "2026-03-01", months: 6 })).toBeNull();
    expect(reportPeriodOf({ from: "2026-01-01", months: 2 })).toBeNull();
  });
});
