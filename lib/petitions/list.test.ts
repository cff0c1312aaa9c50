import { describe, expect, it } from "vitest";
import { petitionListQuery } from "../api/petitions";
import { parsePetitionFilters } from "./list";

describe("petition list filters: the page drops, the API refuses", () => {
  it("the page keeps the known values of a list filter and drops the rest", () => {
    expect(parsePetitionFilters({ status: "RECEIVED,BOGUS" }).status).toEqual(["RECEIVED"]);
    expect(parsePetitionFilters({ status: ["RECEIVED", "CLOSED"] }).status).toEqual(["RECEIVED", "CLOSED"]);
    expect(parsePetitionFilters({ channel: "BOGUS", from: "2026-02-30", unit: "2147483648" })).toMatchObject({ channel: [], from: undefined, unit: undefined });
  });

  it("the API names the parameter that makes no sense", () => {
    const issues = petitionListQuery.safeParse({ status: "RECEIVED,BOGUS", from: "2026-02-30" }).error?.issues ?? [];
    expect(Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]))).toEqual({
      status: expect.stringMatching(/^status: /),
      from: "from: một ngày có thật dạng YYYY-MM-DD, từ năm 1900 đến 2100.",
    });
    expect(petitionListQuery.safeParse({ status: "RECEIVED,CLOSED", from: "2026-02-28" }).success).toBe(true);
  });
});
