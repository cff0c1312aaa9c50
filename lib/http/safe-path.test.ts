import { describe, expect, it } from "vitest";
import { sameSitePath } from "./safe-path";

describe("sameSitePath: where a sign-in may send the user back to", () => {
  it.each([
    ["/petitions?status=OPEN", "/petitions?status=OPEN"],
    ["/meetings/new?kind=TEAM_MONTHLY&target=12#attendance", "/meetings/new?kind=TEAM_MONTHLY&target=12#attendance"],
    ["/reports", "/reports"],
  ])("keeps a path on this site: %s", (value, expected) => {
    expect(sameSitePath(value)).toBe(expected);
  });

  it.each([
    "/\\evil.example/x", // %5C: browsers read a backslash as a slash
    "/\tevil.example/x",
    "/\t/evil.example/x", // %09: browsers drop tabs and newlines
    "/\n/evil.example",
    "//evil.example/x",
    "///evil.example/x",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    " /x",
    "/x\u0000",
  ])("refuses anything that could leave the site: %j", (value) => {
    expect(sameSitePath(value)).toBe("/");
  });

  it("does not send the user back to the sign-in itself", () => {
    expect(sameSitePath("/login?expired=1")).toBe("/");
    expect(sameSitePath("/sign-in")).toBe("/");
  });

  it("takes anything, and a fallback", () => {
    expect(sameSitePath(undefined)).toBe("/");
    expect(sameSitePath(["/a", "/b"])).toBe("/");
    expect(sameSitePath("x".repeat(5000))).toBe("/");
    expect(sameSitePath("//evil", "/petitions")).toBe("/petitions");
  });
});
