import { describe, expect, it } from "vitest";
import { loggedUrl } from "./redact";

describe("loggedUrl", () => {
  it("keeps the path and masks every query value", () => {
    expect(loggedUrl("/petitions?q=Nguy%E1%BB%85n%20V%C4%83n%20A&status=RECEIVED")).toEqual({ path: "/petitions", query: "q=*&status=*" });
    expect(loggedUrl("/login?callbackUrl=%2Fcadres%3Fq%3Dabc")).toEqual({ path: "/login", query: "callbackUrl=*" });
    expect(loggedUrl("/reports")).toEqual({ path: "/reports" });
    expect(loggedUrl("/reports?")).toEqual({ path: "/reports" });
    expect(loggedUrl(undefined)).toEqual({ path: "/" });
  });

  it("masks a parameter name that is not an identifier: it may be the value itself", () => {
    expect(loggedUrl("/petitions?Nguy%E1%BB%85n%20V%C4%83n%20A")).toEqual({ path: "/petitions", query: "*" });
    expect(loggedUrl("/x?a%0Ab=1&ok=2")).toEqual({ path: "/x", query: "*&ok=*" });
  });

  it("bounds what a crafted URL can put in a line", () => {
    const many = Array.from({ length: 50 }, (_, i) => `k${i}=v`).join("&");
    expect(loggedUrl(`/x?${many}`).query!.split("&")).toHaveLength(21);
    expect(loggedUrl(`/${"a".repeat(5000)}`).path).toHaveLength(200);
  });
});
