import { describe, expect, it } from "vitest";
import { nextStatus, openSteps } from "./workflow";

describe("the periodic report's cycle", () => {
  it("goes draft → submitted → returned → submitted → approved, and back only by a reopening", () => {
    expect(nextStatus("DRAFT", "submit")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "return")).toBe("RETURNED");
    expect(nextStatus("RETURNED", "submit")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "approve")).toBe("APPROVED");
    expect(nextStatus("APPROVED", "reopen")).toBe("RETURNED");
  });

  it("keeps figures and text fixed once submitted, and an approved report locked", () => {
    for (const step of ["save", "refresh", "submit"] as const) {
      expect(nextStatus("SUBMITTED", step)).toBeNull();
      expect(nextStatus("APPROVED", step)).toBeNull();
    }
    expect(nextStatus("APPROVED", "approve")).toBeNull();
    expect(nextStatus("APPROVED", "return")).toBeNull();
    expect(nextStatus("DRAFT", "approve")).toBeNull();
    expect(nextStatus("DRAFT", "reopen")).toBeNull();
  });

  it("offers the writer and the approver only their own steps", () => {
    expect(openSteps("DRAFT", "writer")).toEqual(["save", "refresh", "submit"]);
    expect(openSteps("DRAFT", "approver")).toEqual([]);
    expect(openSteps("SUBMITTED", "writer")).toEqual([]);
    expect(openSteps("SUBMITTED", "approver")).toEqual(["approve", "return"]);
    expect(openSteps("APPROVED", "approver")).toEqual(["reopen"]);
  });
});
