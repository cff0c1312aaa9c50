import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_PARAMS, parseUserListParams, userListHref } from "./list-params";

describe("parseUserListParams", () => {
  it("reads known values", () => {
    expect(parseUserListParams({ q: "  nguyen ", duty: "MEETINGS", active: "false", sort: "lastLoginAt", dir: "desc", page: "3" })).toEqual({
      q: "nguyen",
      duty: "MEETINGS",
      active: false,
      sort: "lastLoginAt",
      dir: "desc",
      page: 3,
    });
  });

  it("falls back to the defaults for anything unknown", () => {
    expect(parseUserListParams({ duty: "ROOT", active: "maybe", sort: "passwordHash", dir: "up", page: "-2" })).toEqual(DEFAULT_LIST_PARAMS);
    expect(parseUserListParams({ page: "1.5" }).page).toBe(1);
    expect(parseUserListParams({ q: ["a", "b"] }).q).toBe("a");
  });
});

describe("userListHref", () => {
  it("leaves defaults out and keeps the rest", () => {
    expect(userListHref(DEFAULT_LIST_PARAMS)).toBe("/admin/users");
    expect(userListHref({ ...DEFAULT_LIST_PARAMS, q: "lập thạch", active: true }, { page: 2 })).toBe("/admin/users?q=l%E1%BA%ADp+th%E1%BA%A1ch&active=true&page=2");
  });
});
