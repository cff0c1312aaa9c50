import { describe, it, expect } from "vitest";
import { dayOfWeek, isWeekend } from "./date";
import { computeHolidays } from "./holidays";

const datesOf = (year: number) => computeHolidays(year).map((h) => h.date);
const nameOn = (year: number, date: string) => computeHolidays(year).find((h) => h.date === date)?.name;

describe("computeHolidays", () => {
  it("2026: computed default schedule", () => {
    const dates = datesOf(2026);
    for (const d of [
      "2026-01-01",
      "2026-02-16", // Tết eve (29 tháng Chạp)
      "2026-02-17", // mùng 1
      "2026-02-18",
      "2026-02-19",
      "2026-02-20", // mùng 4
      "2026-04-26", // Giỗ Tổ, a Sunday
      "2026-04-27", // compensatory day for Giỗ Tổ
      "2026-04-30",
      "2026-05-01",
      "2026-09-01",
      "2026-09-02",
    ]) {
      expect(dates).toContain(d);
    }
    expect(dates).toHaveLength(12);
    expect(dayOfWeek("2026-04-26")).toBe(0);
    expect(dayOfWeek("2026-04-27")).toBe(1);
    expect(nameOn(2026, "2026-04-26")).toBe("Giỗ Tổ Hùng Vương");
    expect(nameOn(2026, "2026-04-27")).toBe("Nghỉ bù Giỗ Tổ Hùng Vương");
    expect(nameOn(2026, "2026-02-17")).toBe("Tết Nguyên đán");
    expect(nameOn(2026, "2026-09-02")).toBe("Quốc khánh");
    expect(nameOn(2026, "2026-01-01")).toBe("Tết Dương lịch");
    expect(nameOn(2026, "2026-04-30")).toBe("Ngày Chiến thắng");
    expect(nameOn(2026, "2026-05-01")).toBe("Quốc tế Lao động");
  });

  it("2027: Tết 02-05..02-09 with two compensatory days for the weekend", () => {
    const dates = datesOf(2027);
    for (const d of ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"]) {
      expect(nameOn(2027, d)).toBe("Tết Nguyên đán");
    }
    // 02-06 (Sat) and 02-07 (Sun) are compensated after the Tết span.
    expect(nameOn(2027, "2027-02-10")).toBe("Nghỉ bù Tết Nguyên đán");
    expect(nameOn(2027, "2027-02-11")).toBe("Nghỉ bù Tết Nguyên đán");
    expect(dates).not.toContain("2027-02-12");
    // 01/5/2027 is a Saturday → Monday 03/5.
    expect(nameOn(2027, "2027-05-03")).toBe("Nghỉ bù Quốc tế Lao động");
  });

  it("compensation skips weekends and other holidays", () => {
    // 2023: Giỗ Tổ 29/4 (Sat), 30/4 (Sun), 1/5 (Mon) → compensation on 2/5 and 3/5.
    expect(nameOn(2023, "2023-04-29")).toBe("Giỗ Tổ Hùng Vương");
    expect(nameOn(2023, "2023-05-02")).toBe("Nghỉ bù Giỗ Tổ Hùng Vương");
    expect(nameOn(2023, "2023-05-03")).toBe("Nghỉ bù Ngày Chiến thắng");
    // 2029: 1/9 (Sat) and 2/9 (Sun) → 3/9 and 4/9.
    expect(datesOf(2029).filter((d) => d.startsWith("2029-09"))).toEqual([
      "2029-09-01",
      "2029-09-02",
      "2029-09-03",
      "2029-09-04",
    ]);
    // 2028: 1/1 is a Saturday → Monday 3/1.
    expect(nameOn(2028, "2028-01-03")).toBe("Nghỉ bù Tết Dương lịch");
  });

  it.each(Array.from({ length: 31 }, (_, i) => 2010 + i))("%i: sorted, unique, well-formed", (year) => {
    const list = computeHolidays(year);
    const dates = list.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of list) {
      expect(h.kind).toBe("HOLIDAY");
      expect(h.date.startsWith(`${year}-`)).toBe(true);
      expect(h.name).toBe(h.name.normalize("NFC"));
      if (h.name.startsWith("Nghỉ bù")) expect(isWeekend(h.date)).toBe(false);
    }
    const statutory = list.filter((h) => !h.name.startsWith("Nghỉ bù"));
    const compensatory = list.filter((h) => h.name.startsWith("Nghỉ bù"));
    // 11 statutory days (fewer only if two holidays coincide); one Nghỉ bù per weekend holiday.
    expect(statutory.length).toBeLessThanOrEqual(11);
    expect(statutory.length).toBeGreaterThanOrEqual(10);
    expect(compensatory.length).toBe(statutory.filter((h) => isWeekend(h.date)).length);
    expect(statutory.filter((h) => h.name.includes("Tết Nguyên đán"))).toHaveLength(5);
  });

  it("rejects unsupported years", () => {
    expect(() => computeHolidays(1800)).toThrow(RangeError);
    expect(() => computeHolidays(2026.5)).toThrow(RangeError);
  });
});
