import { describe, expect, it } from "vitest";
import { percent } from "../percent";
import { countStandings, standingOf } from "./standing";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const due = day("2026-12-10");

describe("completeness and timeliness", () => {
  it("a report sent by the end of its deadline day (in Vietnam) is on time, after it late", () => {
    // 16:59 UTC on the 10th is 23:59 in Vietnam: still the 10th.
    expect(standingOf({ status: "SUBMITTED", submittedAt: new Date("2026-12-10T16:59:00Z") }, due, day("2026-12-20"))).toBe("onTime");
    expect(standingOf({ status: "APPROVED", submittedAt: new Date("2026-12-10T17:01:00Z") }, due, day("2026-12-20"))).toBe("late");
  });

  it("a draft or a returned report is not sent: overdue after the deadline, else not yet due", () => {
    expect(standingOf(null, due, day("2026-12-11"))).toBe("missing");
    expect(standingOf({ status: "DRAFT", submittedAt: null }, due, day("2026-12-10"))).toBe("pending");
    expect(standingOf({ status: "RETURNED", submittedAt: new Date("2026-12-01T03:00:00Z") }, due, day("2026-12-11"))).toBe("missing");
  });

  it("counts the shares over every unit expected to report", () => {
    expect(countStandings(["onTime", "late", "missing", "pending"], percent)).toEqual({ units: 4, onTime: 1, late: 1, missing: 1, pending: 1, completeness: 50, timeliness: 25 });
    expect(countStandings([], percent).completeness).toBeNull();
  });
});
