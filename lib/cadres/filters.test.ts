import { describe, expect, it } from "vitest";
import { cadreFiltersQuery, parseCadreFilters } from "./filters";

describe("parseCadreFilters", () => {
  it("reads the address, falling back to defaults for anything unknown", () => {
    expect(parseCadreFilters({})).toEqual({ q: "", unitId: null, status: "current", party: "all", sort: "name" });
    expect(parseCadreFilters({ q: "  nguyen van  ", unit: "42", status: "ended", party: "yes", sort: "unit", cursor: "WyJhbiIsM10" })).toEqual({
      q: "nguyen van",
      unitId: 42,
      status: "ended",
      party: "yes",
      sort: "unit",
      cursor: "WyJhbiIsM10",
    });
    const odd = parseCadreFilters({ unit: "abc", status: "x", party: ["no", "yes"], sort: "phone", cursor: "not a cursor!" });
    expect(odd).toEqual({ q: "", unitId: null, status: "current", party: "no", sort: "name" });
  });

  it("round-trips through the query string without the defaults", () => {
    const filters = parseCadreFilters({ q: "đức", unit: "7", status: "all", cursor: "WyJhbiIsM10" });
    expect(cadreFiltersQuery(filters)).toBe("?q=%C4%91%E1%BB%A9c&unit=7&status=all&cursor=WyJhbiIsM10");
    expect(parseCadreFilters(Object.fromEntries(new URLSearchParams(cadreFiltersQuery(filters))))).toEqual(filters);
    expect(cadreFiltersQuery(parseCadreFilters({}))).toBe("");
  });
});
