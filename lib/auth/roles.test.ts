import { describe, expect, it } from "vitest";
import { allows, can } from "./roles";

describe("can", () => {
  it.each([
    ["ADMIN", "admin:access", true],
    ["PROVINCE_LEADER", "admin:access", false],
    ["PROVINCE_LEADER", "report:read:subtree", true],
    ["PROVINCE_LEADER", "petition:update:subtree", false],
    ["DISTRICT_STAFF", "petition:update:subtree", true],
    ["DISTRICT_STAFF", "meeting:create:subtree", false],
    ["COMMUNE_SECRETARY", "meeting:create:subtree", true],
    ["COMMUNE_SECRETARY", "petition:update:subtree", false],
    ["COMMUNE_SECRETARY", "petition:comment:subtree", true],
    ["VIEWER", "petition:comment:subtree", false],
    ["PROVINCE_LEADER", "petition:comment:subtree", false],
    ["ADMIN", "village:manage:subtree", true],
    ["DISTRICT_STAFF", "village:manage:subtree", true],
    ["DISTRICT_STAFF", "unit:manage:subtree", false],
    ["COMMUNE_SECRETARY", "village:manage:subtree", false],
    ["PROVINCE_LEADER", "village:manage:subtree", false],
    ["VIEWER", "village:manage:subtree", false],
    ["VIEWER", "petition:read:subtree", true],
    ["VIEWER", "petition:personal-data:subtree", false],
    ["VIEWER", "petition:create:subtree", false],
    ["ADMIN", "agency:manage:subtree", true],
    ["DISTRICT_STAFF", "agency:manage:subtree", true],
    ["PROVINCE_LEADER", "agency:manage:subtree", false],
    ["COMMUNE_SECRETARY", "agency:manage:subtree", false],
    ["SOMETHING_ELSE", "petition:read:subtree", false],
  ] as const)("%s %s → %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });
});

describe("allows: the national reach (decision 020)", () => {
  const at = (role: string, level: string) => ({ role, unit: { level } });
  it.each([
    ["ADMIN", "NATION", true],
    ["ADMIN", "PROVINCE", false],
    ["ADMIN", "DISTRICT", false],
    ["PROVINCE_LEADER", "NATION", false],
    ["VIEWER", "NATION", false],
  ] as const)("%s at %s → %s", (role, level, expected) => {
    expect(allows(at(role, level), "reference:manage:national")).toBe(expected);
  });

  it("answers subtree permissions from the role alone, wherever the home unit is", () => {
    expect(allows(at("ADMIN", "PROVINCE"), "admin:access")).toBe(true);
    expect(allows(at("VIEWER", "COMMUNE"), "petition:read:subtree")).toBe(true);
    expect(allows(at("VIEWER", "NATION"), "admin:access")).toBe(false);
  });

  it("never grants a national permission from the role alone", () => {
    expect(can("ADMIN", "reference:manage:national")).toBe(false);
  });
});
