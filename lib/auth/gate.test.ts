import { describe, expect, it } from "vitest";
import { gate, gateRedirect } from "./gate";

const open = { mustChangePassword: false, mustEnrolTwoFactor: false, unit: { validTo: null } };
const closed = { ...open, unit: { validTo: new Date("2025-06-30T00:00:00Z") } };

describe("the gate before every page", () => {
  it("lets a user in good standing through", () => {
    expect(gateRedirect(open, "/petitions")).toBeNull();
    expect(gateRedirect({ ...open, unit: { validTo: new Date("2099-12-31T00:00:00Z") } }, "/meetings/new")).toBeNull();
  });

  it("sends to the password change first, then the second factor, then the closed home's notice", () => {
    expect(gateRedirect({ ...closed, mustChangePassword: true, mustEnrolTwoFactor: true }, "/meetings/new")).toBe("/profile/password");
    expect(gateRedirect({ ...closed, mustChangePassword: true }, "/profile/password")).toBeNull();
    expect(gateRedirect({ ...closed, mustEnrolTwoFactor: true }, "/meetings/new")).toBe("/profile/two-factor");
    expect(gateRedirect({ ...open, mustEnrolTwoFactor: true }, "/profile/two-factor")).toBeNull();
    expect(gateRedirect(closed, "/meetings/new")).toBe("/home-closed");
    expect(gateRedirect(closed, null)).toBe("/home-closed");
  });

  it("keeps a stranded user's own profile, the notice and their old unit's reports (its past, as the units were) open", () => {
    for (const path of ["/home-closed", "/profile", "/profile/tokens", "/reports", "/reports/export"]) expect(gateRedirect(closed, path)).toBeNull();
    for (const path of ["/reportsx", "/petitions", "/"]) expect(gateRedirect(closed, path)).toBe("/home-closed");
  });
});

describe("the one gate of every way in (decision 082)", () => {
  const user = { ...open, duties: ["MEETINGS"] as string[], unit: { level: "COMMUNE", validTo: null } };
  const viewer = { ...user, duties: [] as string[] };

  it("answers sign-in without a session, elsewhere before anything else, not-found without the permission", () => {
    expect(gate(null, "/meetings/new", "meeting:create:subtree")).toEqual({ pass: false, answer: "sign-in" });
    expect(gate({ ...user, mustChangePassword: true }, "/field/meetings", "meeting:create:subtree")).toEqual({ pass: false, answer: "elsewhere", to: "/profile/password" });
    expect(gate({ ...user, unit: { ...user.unit, validTo: new Date("2025-06-30T00:00:00Z") } }, "/field/meetings")).toEqual({ pass: false, answer: "elsewhere", to: "/home-closed" });
    // The gate's redirect comes before the permission: a user who must change their password learns nothing of it.
    expect(gate({ ...viewer, mustEnrolTwoFactor: true }, "/meetings/new", "meeting:create:subtree")).toEqual({ pass: false, answer: "elsewhere", to: "/profile/two-factor" });
    expect(gate(viewer, "/meetings/new", "meeting:create:subtree")).toEqual({ pass: false, answer: "not-found" });
  });

  it("lets through with the actor, with or without a permission asked", () => {
    expect(gate(user, "/meetings/new", "meeting:create:subtree")).toEqual({ pass: true, actor: user });
    expect(gate(viewer, "/petitions")).toEqual({ pass: true, actor: viewer });
  });
});
