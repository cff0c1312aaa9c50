import { describe, expect, it } from "vitest";
import { PRESETS, type Preset } from "../auth/roles";
import { editState, isLocked, locksAt } from "./rules";

const seat = (preset: Preset, userId: number) => ({ duties: [...PRESETS[preset]], unit: { level: "COMMUNE" as const }, userId });

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

  it("lets the author or the keeper of the unit's meetings correct it; readers and other staff never", () => {
    const now = new Date("2026-03-11T00:00:00Z");
    expect(editState(seat("COMMUNE_SECRETARY", 7), meeting, now)).toBe("editable");
    expect(editState(seat("COMMUNE_SECRETARY", 8), meeting, now)).toBe("editable");
    expect(editState(seat("ADMIN", 7), meeting, now)).toBe("editable");
    expect(editState(seat("ADMIN", 8), meeting, now)).toBe("not-allowed");
    expect(editState(seat("DISTRICT_STAFF", 7), meeting, now)).toBe("not-allowed");
    expect(editState(seat("VIEWER", 7), meeting, now)).toBe("not-allowed");
    expect(editState(seat("COMMUNE_SECRETARY", 7), meeting, new Date("2026-03-20T00:00:00Z"))).toBe("locked");
    // Decision 049: the meetings duty keeps the unit's meetings at any level, alone or with others.
    expect(editState(seat("COMMUNE_COMMITTEE", 8), meeting, now)).toBe("editable");
    expect(editState({ duties: ["MEETINGS"], unit: { level: "PROVINCE" }, userId: 8 }, meeting, now)).toBe("editable");
    expect(editState({ duties: ["ORGANISATION"], unit: { level: "COMMUNE" }, userId: 7 }, meeting, now)).toBe("not-allowed");
  });
});
