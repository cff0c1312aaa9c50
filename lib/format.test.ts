import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, formatNumber } from "./format";

describe("format", () => {
  it("writes dates as dd/mm/yyyy in Vietnam's time zone", () => {
    expect(formatDate(new Date("2026-02-17T00:00:00Z"))).toBe("17/02/2026");
    // 20:00 UTC is already the next day in Hà Nội
    expect(formatDate(new Date("2026-12-31T20:00:00Z"))).toBe("01/01/2027");
    expect(formatDateTime(new Date("2026-11-23T02:05:00Z"))).toBe("23/11/2026 09:05");
  });

  it("uses Vietnamese separators", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(98.5, "vi", 1)).toBe("98,5");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });

  it("writes months as mm/yyyy", () => {
    expect(formatMonth("2026-03")).toBe("03/2026");
  });
});

describe("todayInVietnam", () => {
  it("takes the date in Hà Nội, not on the server", async () => {
    const { todayInVietnam } = await import("./time");
    expect(todayInVietnam(new Date("2026-11-23T18:30:00Z")).toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(todayInVietnam(new Date("2026-11-23T16:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
