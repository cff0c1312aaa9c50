import { describe, expect, it } from "vitest";
import { DEFAULT_HELD_PARAMS, heldListHref, parseHeldListParams } from "./list-params";

describe("the agency account's list parameters", () => {
  it("reads what it knows and falls back on anything else", () => {
    expect(parseHeldListParams({})).toEqual(DEFAULT_HELD_PARAMS);
    expect(parseHeldListParams({ q: "  Đường \u0000 ", state: "dang-giu", sort: "dueOn", dir: "asc", page: "3" })).toEqual({ q: "Đường", state: "dang-giu", sort: "dueOn", dir: "asc", page: 3 });
    expect(parseHeldListParams({ state: "x", sort: "petitionerName", dir: "up", page: "-1" })).toEqual(DEFAULT_HELD_PARAMS);
    expect(parseHeldListParams({ page: "99999999999999999999" }).page).toBe(1);
    expect(parseHeldListParams({ q: "a".repeat(500) }).q).toHaveLength(100);
  });

  it("links back to what it read", () => {
    const params = parseHeldListParams({ q: "mương", state: "da-xong", sort: "code", dir: "asc", page: "2" });
    expect(parseHeldListParams(Object.fromEntries(new URL(heldListHref(params), "http://x").searchParams))).toEqual(params);
    expect(heldListHref(DEFAULT_HELD_PARAMS)).toBe("/agency");
    expect(heldListHref(params, { page: 1 })).toBe("/agency?q=m%C6%B0%C6%A1ng&state=da-xong&sort=code&dir=asc");
  });
});
