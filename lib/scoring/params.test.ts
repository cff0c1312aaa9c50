import { describe, expect, it } from "vitest";
import { parseScoringParams, periodChoices, scoringQuery } from "./params";

const TODAY = new Date("2026-12-07T00:00:00Z");

describe("the scoring pages' URLs", () => {
  it("read what is well formed and fall back on the rest", () => {
    expect(parseScoringParams({ unit: "12", period: "2025-H2", page: "3", weakest: "1" }, TODAY)).toMatchObject({ unit: 12, period: { key: "2025-H2" }, periodGiven: true, page: 3, weakestOnly: true });
    const bad = parseScoringParams({ unit: "-1", period: "2026-13", page: "1e9", weakest: ["0", "1"] }, TODAY);
    expect(bad).toMatchObject({ unit: null, period: { key: "2026" }, periodGiven: false, page: 1, weakestOnly: false });
    expect(parseScoringParams({ unit: ["5", "6"], page: "0" }, TODAY)).toMatchObject({ unit: 5, page: 1 });
  });

  it("write back what they read", () => {
    const q = scoringQuery({ unit: 7, period: "2026-Q1", page: 2, weakestOnly: true });
    expect(parseScoringParams(Object.fromEntries(new URLSearchParams(q)), TODAY)).toMatchObject({ unit: 7, period: { key: "2026-Q1" }, page: 2, weakestOnly: true });
  });

  it("offer the scored periods first, then the usual ones, each once", () => {
    expect(periodChoices(["2026-H1", "2024"], TODAY)).toEqual(["2026-H1", "2024", "2026", "2026-H2", "2025", "2025-H2", "2025-H1"]);
  });
});
