import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHILDREN_PER_PAGE, pageOfRows, parsePeriodicParams, periodChoices, periodicQuery } from "./params";

const today = new Date("2026-12-07T00:00:00Z");

describe("the periodic reports' URL", () => {
  it("defaults to the last month that has ended, and says when a period names none", () => {
    expect(parsePeriodicParams({}, today)).toMatchObject({ period: { key: "2026-11" }, periodInvalid: false, sort: "name", dir: "asc", page: 1 });
    expect(parsePeriodicParams({ period: "2026-Q5" }, today)).toMatchObject({ period: { key: "2026-11" }, periodInvalid: true });
    expect(parsePeriodicParams({ period: "2026-H1", unit: "42", standing: "late", sort: "submitted", dir: "desc", page: "3" }, today)).toMatchObject({
      unit: 42, period: { key: "2026-H1" }, standing: "late", sort: "submitted", dir: "desc", page: 3,
    });
  });

  it("reads any query without throwing, and writes back what it read", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("unit", "period", "standing", "sort", "dir", "page", "x"), fc.oneof(fc.string(), fc.array(fc.string()))), (raw) => {
        const p = parsePeriodicParams(raw, today);
        const again = parsePeriodicParams(Object.fromEntries(new URLSearchParams(periodicQuery(p))), today);
        expect({ ...again, periodInvalid: false }).toEqual({ ...p, periodInvalid: false });
      }),
    );
  });

  it("offers the periods that have ended, newest first", () => {
    const choices = periodChoices(today);
    expect(choices.map((c) => [c.kind, c.periods[0].key])).toEqual([["MONTH", "2026-11"], ["QUARTER", "2026-Q3"], ["HALF", "2026-H1"], ["YEAR", "2025"]]);
  });

  it("filters, sorts and pages the units below", () => {
    const rows = Array.from({ length: CHILDREN_PER_PAGE + 3 }, (_, i) => ({
      unit: { id: i + 1, name: `Xã ${String(i).padStart(3, "0")}` },
      standing: i % 2 ? ("late" as const) : ("missing" as const),
      submittedAt: i % 2 ? new Date(2026, 11, 1 + (i % 20)) : null,
    }));
    const all = pageOfRows(rows, { sort: "name", dir: "asc", page: 2 });
    expect(all).toMatchObject({ page: 2, pages: 2, total: CHILDREN_PER_PAGE + 3 });
    expect(all.rows).toHaveLength(3);
    const late = pageOfRows(rows, { standing: "late", sort: "name", dir: "desc", page: 9 });
    expect(late.page).toBe(1);
    expect(late.rows.every((r) => r.standing === "late")).toBe(true);
    expect(late.rows[0].unit.name > late.rows[1].unit.name).toBe(true);
    const byStanding = pageOfRows(rows, { sort: "standing", dir: "asc", page: 1 });
    expect(byStanding.rows[0].standing).toBe("missing");
  });
});
