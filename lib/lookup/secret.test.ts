import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLookupNumberText } from "./format";
import { hashLookupNumber, lastFourDigits, LOOKUP_NUMBER_DIGITS, newLookupNumber, normaliseCode, normaliseDigits, opens, type LookupRow } from "./secret";

const withPhone: LookupRow = { id: 42, petitionerPhone: "0912345678", lookupNumberHash: null };
const withNumber: LookupRow = { id: 43, petitionerPhone: null, lookupNumberHash: hashLookupNumber(43, "01234567") };

describe("what opens a petition on the lookup page", () => {
  it("takes a phone's last four digits, or the receipt's number, and nothing else", () => {
    expect(opens(withPhone, "5678")).toBe(true);
    expect(opens(withPhone, "5679")).toBe(false);
    expect(opens(withPhone, "12345678")).toBe(false);
    expect(opens(withNumber, "01234567")).toBe(true);
    expect(opens(withNumber, "01234568")).toBe(false);
    // Another petition's hash of the same number does not open this one.
    expect(opens({ ...withNumber, id: 44 }, "01234567")).toBe(false);
    // Without a phone and without a number issued, nothing opens it.
    expect(opens({ id: 45, petitionerPhone: null, lookupNumberHash: null }, "0000")).toBe(false);
    expect(opens({ id: 45, petitionerPhone: null, lookupNumberHash: null }, "00000000")).toBe(false);
  });

  it("opens nothing without a petition, whatever is typed", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\d{4}|\d{8})$/), (typed) => {
        expect(opens(null, typed)).toBe(false);
      }),
    );
  });

  it("reads codes and digits as people type them, and refuses what cannot be one", () => {
    expect(normaliseCode(" 246-2026-00042 ")).toBe("246-2026-00042");
    expect(normaliseCode("T-1a2b3c4d")).toBe("T-1a2b3c4d");
    for (const bad of ["", "-12", "12 34", "246\u00002026", "x".repeat(41), "mã-1", 42, null, undefined, ["246"]]) expect(normaliseCode(bad), String(bad)).toBeNull();
    expect(normaliseDigits("5678")).toBe("5678");
    expect(normaliseDigits(" 0123 4567 ")).toBe("01234567");
    expect(normaliseDigits("0123-4567")).toBe("01234567");
    for (const bad of ["", "123", "12345", "1234567", "123456789", "12a4", "１２３４", "9".repeat(41), 1234, null]) expect(normaliseDigits(bad), String(bad)).toBeNull();
  });

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 60 }), (code, digits) => {
        normaliseCode(code);
        const typed = normaliseDigits(digits);
        if (typed) opens(withPhone, typed);
      }),
    );
  });

  it("takes the last four digits of a stored phone", () => {
    expect(lastFourDigits("0912345678")).toBe("5678");
    expect(lastFourDigits("02113862123")).toBe("2123");
    expect(lastFourDigits(null)).toBeNull();
    expect(lastFourDigits("")).toBeNull();
  });

  it("issues eight random digits, printed in two groups", () => {
    const numbers = new Set(Array.from({ length: 200 }, newLookupNumber));
    for (const n of numbers) expect(n).toMatch(new RegExp(`^\\d{${LOOKUP_NUMBER_DIGITS}}$`));
    expect(numbers.size).toBeGreaterThan(190);
    expect(formatLookupNumberText("01234567")).toBe("0123 4567");
    expect(hashLookupNumber(1, "01234567")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLookupNumber(1, "01234567")).not.toContain("01234567");
  });
});
