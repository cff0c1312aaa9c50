import { describe, expect, it } from "vitest";
import { classColours, classIndex, quantileClasses } from "./choropleth-scale";

describe("quantileClasses", () => {
  it("splits ten values into five classes of two, each shown by its lowest and highest value", () => {
    expect(quantileClasses([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual([
      { min: 1, max: 2, count: 2 },
      { min: 3, max: 4, count: 2 },
      { min: 5, max: 6, count: 2 },
      { min: 7, max: 8, count: 2 },
      { min: 9, max: 10, count: 2 },
    ]);
  });

  it("never splits equal values and uses no more classes than distinct values", () => {
    expect(quantileClasses([0.5, 0.5, 0.5, 0.9])).toEqual([
      { min: 0.5, max: 0.5, count: 3 },
      { min: 0.9, max: 0.9, count: 1 },
    ]);
    expect(quantileClasses([7, 7, 7])).toEqual([{ min: 7, max: 7, count: 3 }]);
    expect(quantileClasses([])).toEqual([]);
  });

  it("puts every value in exactly one class", () => {
    const values = [0, 0, 1, 3, 3, 3, 4, 10, 11, 40, 41, 99, 100];
    const classes = quantileClasses(values);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(values.length);
    for (const v of values) expect(classIndex(classes, v)).toBeGreaterThanOrEqual(0);
    expect(classIndex(classes, null)).toBe(-1);
  });
});

describe("classColours", () => {
  it("runs from worse to better when higher is better, and the other way round otherwise", () => {
    const up = classColours(5, true);
    expect(up).toHaveLength(5);
    expect(classColours(5, false)).toEqual([...up].reverse());
    expect(up[0]).toBe("#d7191c"); // the lowest value, worse: red
    expect(classColours(3, true)).toEqual(["#d7191c", "#ffffbf", "#2c7bb6"]);
  });
});
