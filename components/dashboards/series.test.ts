import { describe, expect, it } from "vitest";
import { complianceSeries, monthsBetween, statusSeries, trendSeries } from "./series";

describe("monthsBetween", () => {
  it("lists every month across a new year", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
    expect(() => monthsBetween("2026-13", "2026-03")).toThrow(/YYYY-MM/);
  });
});

describe("trendSeries", () => {
  const rows = [
    { month: "2026-01", fieldId: 1, received: 10, resolved: 4 },
    { month: "2026-01", fieldId: 2, received: 3, resolved: 3 },
    { month: "2026-03", fieldId: 1, received: 7, resolved: 9 },
  ];

  it("sums the fields per month and fills a month without rows with zeros", () => {
    expect(trendSeries(rows, null)).toEqual([
      { month: "2026-01", received: 13, resolved: 7 },
      { month: "2026-02", received: 0, resolved: 0 },
      { month: "2026-03", received: 7, resolved: 9 },
    ]);
  });

  it("keeps one field, over the months asked for", () => {
    expect(trendSeries(rows, 2, ["2025-12", "2026-01"])).toEqual([
      { month: "2025-12", received: 0, resolved: 0 },
      { month: "2026-01", received: 3, resolved: 3 },
    ]);
    expect(trendSeries([], null)).toEqual([]);
  });
});

describe("complianceSeries", () => {
  it("gives the share held, null when nothing was expected", () => {
    expect(complianceSeries([{ month: "2026-01", held: 199, expected: 212 }, { month: "2026-03", held: 212, expected: 212 }])).toEqual([
      { month: "2026-01", held: 199, expected: 212, share: 93.9 },
      { month: "2026-02", held: 0, expected: 0, share: null },
      { month: "2026-03", held: 212, expected: 212, share: 100 },
    ]);
  });
});

describe("statusSeries", () => {
  it("orders by the workflow, splits resolutions, leaves out empty statuses and gives shares", () => {
    const out = statusSeries([
      { status: "RESOLVED", resolution: "EXPLAINED", count: 10 },
      { status: "RECEIVED", count: 5 },
      { status: "REJECTED", count: 0 },
      { status: "RESOLVED", resolution: "SETTLED", count: 25 },
    ]);
    expect(out.total).toBe(40);
    expect(out.items.map((i) => [i.status, i.resolution, i.share])).toEqual([
      ["RECEIVED", null, 12.5],
      ["RESOLVED", "SETTLED", 62.5],
      ["RESOLVED", "EXPLAINED", 25],
    ]);
  });
});
