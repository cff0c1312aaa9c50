import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, formatNumber } from "./format";

describe("format", () => {
  it("writes dates as dd/mm/yyyy in Vietnam's time zone", () => {
    expect(formatDate(new Date("2026-02-17T00:00:00Z"))).toBe("17/02/2026");
    // 20:00 UTC is already the next day in Hà Nội
    expect(formatDate(new Date("2026-12-31T20:00:00Z"))).toBe("01/01/2027");
    expect(formatDateTime(new Date("2026-11-23T02:05:00Z"))).toBe("23/11/2026 09:05");
  });

  it("reads the day off a fixed UTC+7 from 1976 on, as the time-zone formatter does, at every hour of 1976–2100; earlier, the formatter's own offsets", () => {
    const zone = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const from = Date.UTC(1976, 0, 1);
    const span = Date.UTC(2100, 0, 1) - from;
    for (let i = 0; i < 5000; i++) {
      const at = new Date(from + Math.floor((next() / 2147483647) * span / 3_600_000) * 3_600_000);
      expect(formatDate(at), at.toISOString()).toBe(zone.format(at));
    }
    // The boundary: 31/12/1975 17:00 UTC is midnight in Hà Nội.
    expect(formatDate(new Date("1975-12-31T16:59:59Z"))).toBe("31/12/1975");
    expect(formatDate(new Date("1975-12-31T17:00:00Z"))).toBe("01/01/1976");
    // Saigon kept UTC+8 until 13 June 1975: 16:30 UTC on 1 June 1975 was already 2 June there.
    expect(formatDate(new Date("1975-06-01T16:30:00Z"))).toBe(zone.format(new Date("1975-06-01T16:30:00Z")));
    expect(formatDate("2026-03-05T00:00:00Z")).toBe("05/03/2026");
  });

  it("uses Vietnamese separators", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(98.5, "vi", 1)).toBe("98,5");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });

  it("builds each formatter once per process, not once per figure (a report page formats thousands)", () => {
    const made = { number: 0, date: 0 };
    const { NumberFormat, DateTimeFormat } = Intl;
    Intl.NumberFormat = class extends NumberFormat {
      constructor(...args: ConstructorParameters<typeof NumberFormat>) {
        super(...args);
        made.number++;
      }
    } as typeof NumberFormat;
    Intl.DateTimeFormat = class extends DateTimeFormat {
      constructor(...args: ConstructorParameters<typeof DateTimeFormat>) {
        super(...args);
        made.date++;
      }
    } as typeof DateTimeFormat;
    try {
      for (let i = 0; i < 50; i++) {
        formatNumber(i * 1000.25, "vi", 1);
        formatNumber(i, "en");
        formatDateTime(new Date(Date.UTC(2026, 0, 1 + i)));
      }
      expect(made.number).toBeLessThanOrEqual(2);
      expect(made.date).toBeLessThanOrEqual(2);
      expect(formatNumber(1234.56, "vi", 1)).toBe("1.234,6");
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
    }
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
