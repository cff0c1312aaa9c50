import { describe, expect, it } from "vitest";
import { knownDeviceCookie, knownUserIds } from "./known-device";

const secret = "k".repeat(40);

describe("known-device cookie", () => {
  it("remembers the users who signed in on this browser, newest first, at most five", () => {
    let cookie: string | undefined;
    for (const user of [1, 2, 3, 2, 4, 5, 6]) cookie = knownDeviceCookie(cookie, user, secret).value;
    expect(knownUserIds(cookie, secret)).toEqual([6, 5, 4, 2, 3]);
  });

  it("knows nobody from a forged or foreign cookie", () => {
    expect(knownUserIds("eyJ1c2VycyI6WzFdfQ", secret)).toEqual([]);
    expect(knownUserIds(knownDeviceCookie(undefined, 1, "x".repeat(40)).value, secret)).toEqual([]);
    expect(knownUserIds(undefined, secret)).toEqual([]);
  });

  it("is httpOnly and long-lived", () => {
    expect(knownDeviceCookie(undefined, 1, secret).options).toMatchObject({ httpOnly: true, sameSite: "lax", maxAge: 180 * 24 * 3600 });
  });
});
