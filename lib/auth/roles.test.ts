import { describe, expect, it } from "vitest";
import { allows, can, DUTIES, hasKnownDuty, isAgencyDuties, normaliseDuties, permissionsOf, PRESET_NAMES, PRESETS, presetOf, type Permission, type Preset } from "./roles";

describe("can: what the ready-made combinations grant", () => {
  it.each([
    ["ADMIN", "admin:access", true],
    ["PROVINCE_LEADER", "admin:access", false],
    ["PROVINCE_LEADER", "report:read:subtree", true],
    ["PROVINCE_LEADER", "report:configure:subtree", true],
    ["PROVINCE_LEADER", "petition:update:subtree", false],
    ["DISTRICT_STAFF", "petition:update:subtree", true],
    ["DISTRICT_STAFF", "meeting:create:subtree", false],
    ["DISTRICT_STAFF", "report:configure:subtree", false],
    ["COMMUNE_SECRETARY", "meeting:create:subtree", true],
    ["COMMUNE_SECRETARY", "meeting:correct:subtree", true],
    ["COMMUNE_SECRETARY", "petition:update:subtree", false],
    ["COMMUNE_SECRETARY", "petition:comment:subtree", true],
    ["COMMUNE_SECRETARY", "organisation:manage:subtree", false],
    ["VIEWER", "petition:comment:subtree", false],
    ["PROVINCE_LEADER", "petition:comment:subtree", false],
    ["ADMIN", "village:manage:subtree", true],
    ["ADMIN", "meeting:create:subtree", true],
    ["ADMIN", "meeting:unlock:subtree", true],
    ["ADMIN", "meeting:correct:subtree", false],
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
    // Issue 15: the commune Party committee of today does the three jobs.
    ["COMMUNE_COMMITTEE", "petition:create:subtree", true],
    ["COMMUNE_COMMITTEE", "petition:update:subtree", true],
    ["COMMUNE_COMMITTEE", "meeting:create:subtree", true],
    ["COMMUNE_COMMITTEE", "organisation:manage:subtree", true],
    ["COMMUNE_COMMITTEE", "cadre:manage:subtree", true],
    ["COMMUNE_COMMITTEE", "user:manage:subtree", false],
    ["COMMUNE_COMMITTEE", "report:configure:subtree", false],
  ] as const)("%s %s → %s", (preset, permission, expected) => {
    expect(can(PRESETS[preset], permission)).toBe(expected);
  });

  it("grants nothing to no duty, an unknown one, or something that is not a list", () => {
    expect(can([], "petition:read:subtree")).toBe(false);
    expect(can([], "profile:update:own")).toBe(false);
    expect(can(["SOMETHING_ELSE"], "petition:read:subtree")).toBe(false);
    expect(can(["SOMETHING_ELSE"], "profile:update:own")).toBe(false);
    expect(can(undefined, "petition:read:subtree")).toBe(false);
    expect(can("ADMIN" as never, "admin:access")).toBe(false);
  });

  it("grants the union of the duties held, and their own profile and tokens to anyone with a duty", () => {
    expect(can(["MEETINGS"], "petition:update:subtree")).toBe(false);
    expect(can(["MEETINGS", "PETITIONS"], "petition:update:subtree")).toBe(true);
    for (const duty of DUTIES) {
      expect(can([duty], "profile:update:own")).toBe(true);
      expect(can([duty], "api-token:manage:own")).toBe(duty !== "AGENCY");
    }
  });

  it("an agency's account holds its agency's petitions, its password and notifications, and nothing of a unit (decision 064)", () => {
    expect(permissionsOf(PRESETS.AGENCY)).toEqual(["agency-petition:answer:agency", "agency-petition:read:agency", "notification:read:own", "profile:update:own"]);
    expect(hasKnownDuty(["AGENCY"])).toBe(false);
    expect(hasKnownDuty(["AGENCY", "READING"])).toBe(true);
    expect(isAgencyDuties(["AGENCY"])).toBe(true);
    expect(isAgencyDuties(["READING"])).toBe(false);
    for (const preset of PRESET_NAMES.filter((p) => p !== "AGENCY")) expect(permissionsOf(PRESETS[preset]).some((p) => p.startsWith("agency-petition:"))).toBe(false);
  });
});

/**
 * The roles of before decision 049, as lib/auth/roles.ts granted them: the migration gave each old
 * role its combination, and each combination must grant exactly these, no more and no less.
 */
// Issue 16 gave every user their own notifications, and the national administrator the job queue (decisions 060, 062).
// Issue 17 gave periodic reports (decision 066): reading to readers and directors, writing to those who keep the
// unit's meetings or organisation and to directors, approving to organisation keepers and directors; and the
// report templates to administrators (decision 080).
const READ_R = "periodic-report:read:subtree" as const;
const WRITE_R = "periodic-report:write:subtree" as const;
const APPROVE_R = "periodic-report:approve:subtree" as const;
// Issue 18 gave the "Dân vận khéo" models (decision 076): reading to every reader, keeping them to those who keep the
// unit's meetings or organisation, assessing and recognising to organisation keepers and directors.
const READ_M = "good-practice:read:subtree" as const;
const WRITE_M = "good-practice:write:subtree" as const;
const ASSESS_M = "good-practice:assess:subtree" as const;
// Issue 18 gave village scoring (decision 078): scoring a village to those who keep the unit's meetings or
// organisation, the province's template and weakest share to directors.
const SCORE_S = "scoring:score:subtree" as const;
const CONFIGURE_S = "scoring:configure:subtree" as const;
const OLD_GRANTS: Record<Exclude<Preset, "COMMUNE_COMMITTEE" | "AGENCY">, Permission[]> = {
  ADMIN: [
    "profile:update:own", "admin:access", "reference:manage:national", "security-policy:manage:national", "unit:manage:subtree",
    "village:manage:subtree", "user:manage:subtree", "agency:manage:subtree", "petition:read:subtree", "petition:create:subtree",
    "petition:comment:subtree", "petition:update:subtree", "petition:personal-data:subtree", "meeting:read:subtree",
    "meeting:create:subtree", "meeting:unlock:subtree", "organisation:read:subtree", "organisation:manage:subtree",
    "cadre:manage:subtree", "cadre:personal-data:subtree", "report:read:subtree", "report:configure:subtree", "api-token:manage:own",
    "notification:read:own", "jobs:read:national", READ_R, WRITE_R, APPROVE_R, READ_M, WRITE_M, ASSESS_M, SCORE_S, CONFIGURE_S, "periodic-template:manage:subtree",
  ],
  PROVINCE_LEADER: ["profile:update:own", "petition:read:subtree", "meeting:read:subtree", "organisation:read:subtree", "report:read:subtree", "report:configure:subtree", "api-token:manage:own", "notification:read:own", READ_R, WRITE_R, APPROVE_R, READ_M, ASSESS_M, CONFIGURE_S],
  DISTRICT_STAFF: [
    "profile:update:own", "village:manage:subtree", "agency:manage:subtree", "petition:read:subtree", "petition:create:subtree",
    "petition:comment:subtree", "petition:update:subtree", "petition:personal-data:subtree", "meeting:read:subtree",
    "organisation:read:subtree", "organisation:manage:subtree", "cadre:manage:subtree", "cadre:personal-data:subtree",
    "report:read:subtree", "api-token:manage:own", "notification:read:own", READ_R, WRITE_R, APPROVE_R, READ_M, WRITE_M, ASSESS_M, SCORE_S,
  ],
  // The commune secretary also corrected others' meetings of the commune, a rule in lib/meetings/rules.ts
  // then; it is the permission meeting:correct:subtree now.
  COMMUNE_SECRETARY: [
    "profile:update:own", "petition:read:subtree", "petition:create:subtree", "petition:comment:subtree",
    "petition:personal-data:subtree", "meeting:read:subtree", "meeting:create:subtree", "meeting:correct:subtree",
    "organisation:read:subtree", "cadre:personal-data:subtree", "report:read:subtree", "api-token:manage:own", "notification:read:own", READ_R, WRITE_R, READ_M, WRITE_M, SCORE_S,
  ],
  VIEWER: ["profile:update:own", "api-token:manage:own", "notification:read:own", "petition:read:subtree", "meeting:read:subtree", "organisation:read:subtree", "report:read:subtree", READ_R, READ_M],
};

describe("the old roles keep exactly their permissions (the migration's mapping)", () => {
  it.each(Object.entries(OLD_GRANTS))("%s", (preset, grants) => {
    expect(permissionsOf(PRESETS[preset as Preset])).toEqual([...grants].sort());
  });

  it("the commune Party committee holds what district staff hold and the commune secretary's meetings, and no administration", () => {
    const committee = new Set(permissionsOf(PRESETS.COMMUNE_COMMITTEE));
    for (const p of [...OLD_GRANTS.DISTRICT_STAFF, ...OLD_GRANTS.COMMUNE_SECRETARY]) expect(committee.has(p)).toBe(true);
    expect(committee.has("admin:access")).toBe(false);
    expect(committee.has("meeting:unlock:subtree")).toBe(false);
  });
});

describe("presetOf", () => {
  it("names the combination the duties make, in any order, and none for others", () => {
    expect(presetOf(["READING", "ORGANISATION", "PETITIONS"])).toBe("DISTRICT_STAFF");
    expect(presetOf(["MEETINGS", "PETITIONS", "ORGANISATION", "READING"])).toBe("COMMUNE_COMMITTEE");
    expect(presetOf(["MEETINGS"])).toBeNull();
    expect(presetOf(["READING", "HACKER"])).toBeNull();
    expect(presetOf([])).toBeNull();
  });

  it("each combination lists its duties once, in the one order (the order stored)", () => {
    for (const duties of Object.values(PRESETS)) expect([...duties]).toEqual(normaliseDuties(duties));
  });

  it("no two combinations are the same duties", () => {
    const keys = Object.values(PRESETS).map((d) => normaliseDuties(d).join(","));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("allows: the national reach (decision 020)", () => {
  const at = (preset: Preset, level: string) => ({ duties: PRESETS[preset], unit: { level } });
  it.each([
    ["ADMIN", "NATION", true],
    ["ADMIN", "PROVINCE", false],
    ["ADMIN", "DISTRICT", false],
    ["PROVINCE_LEADER", "NATION", false],
    ["VIEWER", "NATION", false],
  ] as const)("%s at %s → %s", (preset, level, expected) => {
    expect(allows(at(preset, level), "reference:manage:national")).toBe(expected);
  });

  it("answers subtree permissions from the duties alone, wherever the home unit is", () => {
    expect(allows(at("ADMIN", "PROVINCE"), "admin:access")).toBe(true);
    expect(allows(at("VIEWER", "COMMUNE"), "petition:read:subtree")).toBe(true);
    expect(allows(at("VIEWER", "NATION"), "admin:access")).toBe(false);
    expect(allows(at("COMMUNE_COMMITTEE", "COMMUNE"), "meeting:create:subtree")).toBe(true);
    expect(allows({ duties: ["MEETINGS"], unit: { level: "PROVINCE" } }, "meeting:create:subtree")).toBe(true);
  });

  it("never grants a national permission from the duties alone", () => {
    expect(can(PRESETS.ADMIN, "reference:manage:national")).toBe(false);
  });
});
