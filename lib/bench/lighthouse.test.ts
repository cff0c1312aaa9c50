import { describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS, median } from "./lighthouse";

describe("median", () => {
  it("is the middle run of an odd count and the mean of the two middle ones of an even count, whatever the order", () => {
    expect(median([1011, 631, 1961])).toBe(1011);
    expect(median([3, 1, 4, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("refuses no runs rather than report a figure", () => {
    expect(() => median([])).toThrow();
  });
});

describe("Chromium for Lighthouse", () => {
  it("runs headless with nothing reaching out on its own (no background networking, updates, sync or QUIC)", () => {
    for (const flag of ["--headless", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"]) {
      expect(CHROMIUM_FLAGS).toContain(flag);
    }
  });
});
