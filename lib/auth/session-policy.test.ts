import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS, isPastAbsoluteLimit, isSessionClaims, remainingLifetime } from "./session-policy";

const loginAt = 1_800_000_000;

describe("session policy", () => {
  it("gives a fresh session 30 idle minutes", () => {
    expect(IDLE_TIMEOUT_SECONDS).toBe(1800);
    expect(remainingLifetime({ uid: 1, sv: 0, loginAt, sid: "s" }, loginAt + 60)).toBe(1800);
  });

  it("never lets the idle window run past 12 hours from sign-in", () => {
    const end = loginAt + ABSOLUTE_TIMEOUT_SECONDS;
    expect(remainingLifetime({ uid: 1, sv: 0, loginAt, sid: "s" }, end - 600)).toBe(600);
    expect(remainingLifetime({ uid: 1, sv: 0, loginAt, sid: "s" }, end + 5)).toBe(0);
    expect(isPastAbsoluteLimit({ uid: 1, sv: 0, loginAt, sid: "s" }, end - 1)).toBe(false);
    expect(isPastAbsoluteLimit({ uid: 1, sv: 0, loginAt, sid: "s" }, end + 1)).toBe(true);
  });

  it("recognises only complete claims", () => {
    expect(isSessionClaims({ uid: 1, sv: 0, loginAt, sid: "s" })).toBe(true);
    expect(isSessionClaims({ uid: "1", sv: 0, loginAt, sid: "s" })).toBe(false);
    expect(isSessionClaims({ uid: 1, sv: 0, loginAt })).toBe(false);
    expect(isSessionClaims({ name: "x" })).toBe(false);
    expect(isSessionClaims(null)).toBe(false);
  });
});
