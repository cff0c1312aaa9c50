import { describe, expect, it } from "vitest";
import { editState, isLocked, locksAt } from "./rules";

const logged = new Date("2026-03-10T08:00:00Z");
const meeting = { createdAt: logged, createdById: 7, unlockedUntil: null };
const day = 86_400_000;

describe("who may correct a meeting, and until when", () => {
  it("locks seven days after the meeting was logged", () => {
    expect(locksAt(meeting)).toEqual(new Date("2026-03-17T08:00:00Z"));
    expect(isLocked(meeting, new Date(logged.getTime() + 7 * day - 1))).toBe(false);
    expect(isLocked(meeting, new Date(logged.getTime() + 7 * day))).toBe(true);
  });

  it("opens again while an admin's unlock lasts", () => {
    const unlocked = { ...meeting, unlockedUntil: new Date("2026-04-01T00:00:00Z") };
    expect(isLocked(unlocked, new Date("2026-03-31T23:00:00Z"))).toBe(false);
    expect(isLocked(unlocked, new Date("2026-04-01T00:00:00Z"))).toBe(true);
  });

  it("lets the author or a commune secretary correct it; readers and other staff never", () => {
    const now = new Date("2026-03-11T00:00:00Z");
    expect(editState({ role: "COMMUNE_SECRETARY", userId: 7 }, meeting, now)).toBe("editable");
    expect(editState({ role: "COMMUNE_SECRETARY", userId: 8 }, meeting, now)).toBe("editable");
    expect(editState({ role: "ADMIN", userId: 7 }, meeting, now)).toBe("editable");
    expect(editState({ role: "ADMIN", userId: 8 }, meeting, now)).toBe("not-allowed");
    expect(editState({ role: "DISTRICT_STAFF", userId: 7 }, meeting, now)).toBe("not-allowed");
    expect(editState({ role: "VIEWER", userId: 7 }, meeting, now)).toBe("not-allowed");
    expect(editState({ role: "COMMUNE_SECRETARY", userId: 7 }, meeting, new Date("2026-03-20T00:00:00Z"))).toBe("locked");
  });
});
