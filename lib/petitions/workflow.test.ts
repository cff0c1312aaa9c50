import { describe, expect, it } from "vitest";
import type { Duty, PetitionStatus } from "../generated/prisma/enums";
import { can, PRESET_NAMES, PRESETS, type Preset } from "../auth/roles";

const d = (preset: Preset): Duty[] => [...PRESETS[preset]];
import { availableSteps, mayEverTake, nextStatus, PETITION_STEPS, startedByAgency, stepPermission, type PetitionStep } from "./workflow";

const STATUSES: PetitionStatus[] = ["RECEIVED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "MERGED", "ESCALATED"];

/**
 * For district staff, admins and the commune Party committee (decision 049), with an agency assigned: status × step → next status ("·" = refused).
 * Columns: edit, assign, start, resolve, reply, rate (a reply whose satisfaction is not known), reject, merge, escalate, takeOver, reopen, comment. A take-over needs a
 * unit the petition waits for, which these rows have not (see below).
 */
const HANDLER_TABLE: Record<PetitionStatus, string> = {
  //           edit         assign     start        resolve   reply   rate    reject    merge   escalate   takeOver  reopen    comment
  RECEIVED:    "RECEIVED    ASSIGNED   ·            ·         ·       ·       REJECTED  MERGED  ESCALATED  ·         ·         RECEIVED",
  ASSIGNED:    "ASSIGNED    ASSIGNED   IN_PROGRESS  RESOLVED  ·       ·       REJECTED  MERGED  ESCALATED  ·         ·         ASSIGNED",
  IN_PROGRESS: "IN_PROGRESS ASSIGNED   ·            RESOLVED  ·       ·       REJECTED  MERGED  ESCALATED  ·         ·         IN_PROGRESS",
  RESOLVED:    "·           ·          ·            ·         CLOSED  ·       ·         ·       ·          ·         ASSIGNED  RESOLVED",
  CLOSED:      "·           ·          ·            ·         ·       CLOSED  ·         ·       ·          ·         ASSIGNED  CLOSED",
  REJECTED:    "·           ·          ·            ·         ·       ·       ·         ·       ·          ·         ASSIGNED  REJECTED",
  MERGED:      "·           ·          ·            ·         ·       ·       ·         ·       ·          ·         ·         MERGED",
  ESCALATED:   "·           ·          ·            ·         ·       ·       ·         ·       ·          ·         ·         ESCALATED",
};

function row(status: PetitionStatus): Record<PetitionStep, PetitionStatus | null> {
  const cells = HANDLER_TABLE[status].split(/\s+/);
  expect(cells).toHaveLength(PETITION_STEPS.length);
  return Object.fromEntries(PETITION_STEPS.map((step, i) => [step, cells[i] === "·" ? null : (cells[i] as PetitionStatus)])) as Record<
    PetitionStep,
    PetitionStatus | null
  >;
}

describe("petition workflow", () => {
  for (const role of ["DISTRICT_STAFF", "ADMIN", "COMMUNE_COMMITTEE"] as Preset[]) {
    for (const status of STATUSES) {
      it(`${role} from ${status}`, () => {
        const expected = row(status);
        for (const step of PETITION_STEPS) {
          expect(nextStatus(d(role), { status, agencyId: 7 }, step), step).toBe(expected[step]);
        }
      });
    }
  }

  it("reopens to RECEIVED when no agency holds the petition", () => {
    expect(nextStatus(d("DISTRICT_STAFF"), { status: "REJECTED", agencyId: null }, "reopen")).toBe("RECEIVED");
    expect(nextStatus(d("DISTRICT_STAFF"), { status: "CLOSED", agencyId: 3 }, "reopen")).toBe("ASSIGNED");
  });

  it("lets a commune secretary comment anywhere and correct only their own petition before assignment", () => {
    for (const status of STATUSES) {
      const steps = availableSteps(d("COMMUNE_SECRETARY"), { status, agencyId: null });
      expect(steps).toEqual(["comment"]);
    }
    expect(availableSteps(d("COMMUNE_SECRETARY"), { status: "RECEIVED", agencyId: null }, true)).toEqual(["edit", "comment"]);
    expect(availableSteps(d("COMMUNE_SECRETARY"), { status: "ASSIGNED", agencyId: 1 }, true)).toEqual(["comment"]);
  });

  it("gives readers no steps at all", () => {
    for (const role of ["PROVINCE_LEADER", "VIEWER"] as Preset[]) {
      for (const status of STATUSES) expect(availableSteps(d(role), { status, agencyId: 1 }, true)).toEqual([]);
    }
  });

  it("asks the role table (lib/auth/roles.ts) for each step's permission: petition:update:subtree for handling", () => {
    for (const step of PETITION_STEPS) expect(stepPermission(step)).toBe(step === "comment" ? "petition:comment:subtree" : "petition:update:subtree");
    for (const role of PRESET_NAMES) {
      for (const step of PETITION_STEPS) {
        for (const status of STATUSES) {
          // Only the creator's own correction (petition:create:subtree, from RECEIVED) goes beyond the step's permission.
          if (nextStatus(d(role), { status, agencyId: 7 }, step, false) !== null) expect(can(d(role), stepPermission(step)), `${role} ${step}`).toBe(true);
        }
        expect(mayEverTake(d(role), step, true)).toBe(can(d(role), stepPermission(step)) || (step === "edit" && can(d(role), "petition:create:subtree")));
      }
    }
    expect(mayEverTake(d("VIEWER"), "comment", true)).toBe(false);
    expect(mayEverTake(d("COMMUNE_SECRETARY"), "assign", true)).toBe(false);
  });

  it("takes over an escalated petition only where it waits for a unit in the actor's reach (decision 054)", () => {
    const waiting = { status: "ESCALATED" as const, agencyId: 7, awaitingUnitId: 12 };
    expect(nextStatus(d("DISTRICT_STAFF"), waiting, "takeOver", false, { handles: true, takesOver: true })).toBe("RECEIVED");
    expect(nextStatus(d("DISTRICT_STAFF"), waiting, "takeOver", false, { handles: true, takesOver: false })).toBeNull();
    expect(nextStatus(d("PROVINCE_LEADER"), waiting, "takeOver", false, { handles: true, takesOver: true })).toBeNull();
    // Sent to a body outside the app: it ends there.
    expect(nextStatus(d("DISTRICT_STAFF"), { ...waiting, awaitingUnitId: null }, "takeOver", false, { handles: true, takesOver: true })).toBeNull();
    expect(availableSteps(d("COMMUNE_COMMITTEE"), waiting, false, { handles: true, takesOver: true })).toEqual(["takeOver", "comment"]);
  });

  it("leaves the levels below a take-over only comments (decision 054)", () => {
    const below = { handles: false, takesOver: false };
    for (const status of STATUSES) {
      expect(availableSteps(d("COMMUNE_COMMITTEE"), { status, agencyId: 7 }, true, below)).toEqual(["comment"]);
      expect(availableSteps(d("COMMUNE_SECRETARY"), { status, agencyId: null }, true, below)).toEqual(["comment"]);
    }
  });

  it("rates a reply once: only while its satisfaction is not known (decision 058)", () => {
    expect(nextStatus(d("DISTRICT_STAFF"), { status: "CLOSED", agencyId: 7, satisfaction: null }, "rate")).toBe("CLOSED");
    for (const satisfaction of ["SATISFIED", "PARTLY", "NOT_SATISFIED"] as const) {
      expect(nextStatus(d("DISTRICT_STAFF"), { status: "CLOSED", agencyId: 7, satisfaction }, "rate")).toBeNull();
    }
    expect(nextStatus(d("VIEWER"), { status: "CLOSED", agencyId: 7, satisfaction: null }, "rate")).toBeNull();
  });

  it("refuses unknown duties and none", () => {
    expect(nextStatus(["GUEST" as Duty], { status: "RECEIVED", agencyId: null }, "comment")).toBeNull();
    expect(nextStatus([], { status: "RECEIVED", agencyId: null }, "comment")).toBeNull();
  });
});

describe("the agency's progress report (issue 16, part 3)", () => {
  it("starts an assigned petition as the start step does, and moves nothing else", () => {
    expect(startedByAgency("ASSIGNED")).toBe("IN_PROGRESS");
    expect(startedByAgency("ASSIGNED")).toBe(nextStatus(["PETITIONS"], { status: "ASSIGNED", agencyId: 1 }, "start"));
    for (const status of ["RECEIVED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "MERGED", "ESCALATED"] as const) expect(startedByAgency(status), status).toBeNull();
  });
});
