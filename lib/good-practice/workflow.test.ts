import { describe, expect, it } from "vitest";
import { GOOD_PRACTICE_STATUSES, mayRecognise, nextStatus, openSteps, recognitionChoices } from "./workflow";

describe("the model's life cycle", () => {
  it("moves registered → building → assessed → recognised → replicated, and no step skips one", () => {
    expect(nextStatus("REGISTERED", "build")).toBe("BUILDING");
    expect(nextStatus("BUILDING", "assess")).toBe("ASSESSED");
    expect(nextStatus("ASSESSED", "recognise")).toBe("RECOGNISED");
    expect(nextStatus("RECOGNISED", "replicate")).toBe("REPLICATED");
    expect(nextStatus("REPLICATED", "replicate")).toBe("REPLICATED");
    expect(nextStatus("REGISTERED", "assess")).toBeNull();
    expect(nextStatus("BUILDING", "recognise")).toBeNull();
    expect(nextStatus("ASSESSED", "replicate")).toBeNull();
    expect(nextStatus("RECOGNISED", "assess")).toBeNull();
    // A recognised model keeps its status when recognised again (at a higher level).
    expect(nextStatus("REPLICATED", "recognise")).toBe("REPLICATED");
    for (const s of GOOD_PRACTICE_STATUSES) expect(openSteps(s).length).toBeGreaterThan(0);
  });

  it("lets a user recognise at their level or below, at or above the model's unit, higher than before", () => {
    expect(mayRecognise("COMMUNE", "VILLAGE", "COMMUNE", null)).toBe(true);
    expect(mayRecognise("COMMUNE", "COMMUNE", "DISTRICT", null)).toBe(false);
    expect(mayRecognise("PROVINCE", "COMMUNE", "DISTRICT", null)).toBe(true);
    expect(mayRecognise("PROVINCE", "DISTRICT", "COMMUNE", null)).toBe(false);
    expect(mayRecognise("DISTRICT", "COMMUNE", "DISTRICT", "COMMUNE")).toBe(true);
    expect(mayRecognise("DISTRICT", "COMMUNE", "COMMUNE", "COMMUNE")).toBe(false);
    expect(mayRecognise("NATION", "PROVINCE", "PROVINCE", null)).toBe(true);
    expect(recognitionChoices("DISTRICT", "VILLAGE", null)).toEqual(["COMMUNE", "DISTRICT"]);
    expect(recognitionChoices("COMMUNE", "COMMUNE", "COMMUNE")).toEqual([]);
  });
});
