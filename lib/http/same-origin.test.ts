import { describe, expect, it } from "vitest";
import { isSameOrigin, returnPath } from "./same-origin";

describe("isSameOrigin", () => {
  it("accepts a form from this host, by Origin or else by Referer, and refuses another", () => {
    expect(isSameOrigin(new Headers({ host: "dv.local:3000", origin: "http://dv.local:3000" }))).toBe(true);
    expect(isSameOrigin({ host: "dv.local:3000", referer: "http://dv.local:3000/meetings/new?kind=BLOC" })).toBe(true);
    expect(isSameOrigin({ host: "dv.local:3000", origin: "http://evil.example" })).toBe(false);
    expect(isSameOrigin({ host: "dv.local:3000", origin: "http://dv.local:3001" })).toBe(false);
    expect(isSameOrigin({ host: "dv.local:3000", origin: "null" })).toBe(false);
  });

  it("takes the forwarded host behind a reverse proxy, and lets through a request with neither header", () => {
    expect(isSameOrigin({ host: "127.0.0.1:3000", "x-forwarded-host": "danvan.tinh.vn", origin: "https://danvan.tinh.vn" })).toBe(true);
    expect(isSameOrigin({ host: "dv.local" })).toBe(true);
  });
});

describe("returnPath", () => {
  it("goes back to the page the form was on, only on this site", () => {
    expect(returnPath(new Headers({ host: "dv.local", referer: "http://dv.local/reports?unit=26&view=restated" }))).toBe("/reports?unit=26&view=restated");
    expect(returnPath(new Headers({ host: "dv.local", referer: "http://evil.example/phish" }))).toBe("/");
    expect(returnPath(new Headers({ host: "dv.local" }), "/login")).toBe("/login");
  });
});
