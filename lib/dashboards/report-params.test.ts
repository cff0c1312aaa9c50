import { describe, expect, it } from "vitest";
import { sortRows } from "./columns";
import { periodLabel } from "./period-label";
import { parseReportParams, predecessorQuery, reportQuery } from "./report-params";
import type { Kpis } from "./types";

const TODAY = new Date("2026-12-01T00:00:00Z");
const t = (key: string, values?: Record<string, string>) => `${key}${values ? JSON.stringify(values) : ""}`;

describe("the reports page's URL", () => {
  it("opens a unit merged into the one shown as the units were: for the period shown while it stood, else for its last year", () => {
    const year = parseReportParams({ at: "2026-12" }, TODAY);
    expect(predecessorQuery(year, { id: 26, validTo: "2025-06-30" })).toBe("unit=26&at=2025-06&view=historical");
    const crossing = parseReportParams({ period: "custom", from: "2025-01", to: "2025-12", sort: "overdue" }, TODAY);
    expect(predecessorQuery(crossing, { id: 26, validTo: "2025-06-30" })).toBe("unit=26&period=custom&from=2025-01&to=2025-12&view=historical&sort=overdue");
  });

  it("defaults to the year so far of the actor's own unit, on today's units, by name", () => {
    const p = parseReportParams({}, TODAY);
    expect(p).toMatchObject({ unit: undefined, kind: "year", at: "2026-12", view: "restated", sort: "name", dir: "asc", map: "onTimeRate" });
    expect(p.period).toEqual({ from: "2026-01-01", to: "2026-12-31", months: 12 });
    expect(reportQuery(p)).toBe("at=2026-12");
  });

  it("reads a month, a quarter and a custom run of months", () => {
    expect(parseReportParams({ period: "month", at: "2026-02" }, TODAY).period).toEqual({ from: "2026-02-01", to: "2026-02-28", months: 1 });
    expect(parseReportParams({ period: "quarter", at: "2026-05" }, TODAY).period).toEqual({ from: "2026-04-01", to: "2026-06-30", months: 3 });
    const custom = parseReportParams({ period: "custom", from: "2025-11", to: "2026-03", unit: "42", view: "historical" }, TODAY);
    expect(custom.period).toEqual({ from: "2025-11-01", to: "2026-03-31", months: 5 });
    expect(reportQuery(custom, { sort: "overdue", dir: "desc" })).toBe("unit=42&period=custom&from=2025-11&to=2026-03&view=historical&sort=overdue&dir=desc");
  });

  it("drops nonsense instead of failing, and says when a custom range cannot be read", () => {
    const p = parseReportParams({ unit: "abc", period: "decade", at: "2026-13", sort: "x", dir: "up", map: "nope", view: "x" }, TODAY);
    expect(p).toMatchObject({ unit: undefined, kind: "year", at: "2026-12", sort: "name", dir: "asc", map: "onTimeRate", view: "restated" });
    const backwards = parseReportParams({ period: "custom", from: "2026-05", to: "2026-01" }, TODAY);
    expect(backwards.kind).toBe("year");
    expect(backwards.periodError).toMatch(/ngày kết thúc phải sau ngày bắt đầu/);
    expect(backwards.typed).toEqual({ from: "2026-05", to: "2026-01" });
  });
});

describe("period labels", () => {
  it("name a month, a quarter, a year and a custom run", () => {
    expect(periodLabel({ from: "2026-03-01", to: "2026-03-31", months: 1 }, t)).toBe('period.labelMonth{"month":"03/2026"}');
    expect(periodLabel({ from: "2026-10-01", to: "2026-12-31", months: 3 }, t)).toBe('period.labelQuarter{"quarter":"IV","year":"2026"}');
    expect(periodLabel({ from: "2026-01-01", to: "2026-12-31", months: 12 }, t)).toBe('period.labelYear{"year":"2026"}');
    expect(periodLabel({ from: "2026-02-01", to: "2026-04-30", months: 3 }, t)).toBe('period.labelCustom{"from":"02/2026","to":"04/2026"}');
  });
});

describe("sorting the child table", () => {
  const row = (id: number, name: string, onTimeRate: number | null) => ({ unit: { id, name }, kpis: { onTimeRate } as Kpis });
  const rows = [row(1, "Đồng Ích", 70), row(2, "Bắc Bình", null), row(3, "Xuân Lôi", 95), row(4, "Ải Nam", 70)];
  it("sorts by a figure either way with empty figures last, and by name in Vietnamese order", () => {
    expect(sortRows(rows, "onTimeRate", "desc").map((r) => r.unit.id)).toEqual([3, 4, 1, 2]);
    expect(sortRows(rows, "onTimeRate", "asc").map((r) => r.unit.id)).toEqual([4, 1, 3, 2]);
    expect(sortRows(rows, "name", "asc").map((r) => r.unit.name)).toEqual(["Ải Nam", "Bắc Bình", "Đồng Ích", "Xuân Lôi"]);
  });
});
