import { describe, expect, it } from "vitest";
import { addCalendarDaySchema, HOLIDAY_ON_WEEKEND, kindRuleError, WORKING_DAY_ON_WEEKDAY } from "./schemas";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("kindRuleError", () => {
  it("wants a day off on a weekday and a make-up working day on a weekend", () => {
    // 02/09/2026 is a Wednesday, 05/09/2026 a Saturday, 06/09/2026 a Sunday.
    expect(kindRuleError(d("2026-09-02"), "HOLIDAY")).toBeNull();
    expect(kindRuleError(d("2026-09-05"), "HOLIDAY")).toBe(HOLIDAY_ON_WEEKEND);
    expect(kindRuleError(d("2026-09-06"), "WORKING_DAY")).toBeNull();
    expect(kindRuleError(d("2026-09-02"), "WORKING_DAY")).toBe(WORKING_DAY_ON_WEEKDAY);
  });

  it("puts the message on the date and trims the name", () => {
    const bad = addCalendarDaySchema.safeParse({ date: "2026-09-05", kind: "HOLIDAY", name: "Nghỉ" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["date", HOLIDAY_ON_WEEKEND]]);
    expect(addCalendarDaySchema.parse({ date: "2026-09-02", kind: "HOLIDAY", name: "  Nghỉ   lễ " }).name).toBe("Nghỉ lễ");
    expect(addCalendarDaySchema.safeParse({ date: "2026-09-02", kind: "HOLIDAY", name: "   " }).success).toBe(false);
    expect(addCalendarDaySchema.safeParse({ date: "2200-03-03", kind: "HOLIDAY", name: "x" }).success).toBe(false);
  });
});
