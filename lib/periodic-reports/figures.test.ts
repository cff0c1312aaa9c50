import { describe, expect, it } from "vitest";
import { formatFigure, readFigures, sumCounts } from "./figures";

describe("a report's figures", () => {
  it("add up only the counts of several reports", () => {
    expect(sumCounts([{ received: 3, resolvedRate: 50, villages: 10 }, { received: 4, resolvedRate: 100, overdue: null }, {}])).toEqual({ received: 7, villages: 10 });
    expect(sumCounts([])).toEqual({});
  });

  it("read back from the JSON column only known figures with numbers or null", () => {
    expect(readFigures({ received: 2, resolvedRate: null, bogus: 1, settled: "3", overdue: Infinity })).toEqual({ received: 2, resolvedRate: null });
    expect(readFigures(null)).toEqual({});
  });

  it("are written as Vietnamese reports write them", () => {
    expect(formatFigure("received", 1234)).toBe("1.234");
    expect(formatFigure("resolvedRate", 91.84)).toBe("91,8");
    expect(formatFigure("received", null)).toBe("–");
  });
});
