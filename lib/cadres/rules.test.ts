import { describe, expect, it } from "vitest";
import { maxBirthYear, parseGender, parseYesNo } from "./rules";

describe("parseGender and parseYesNo", () => {
  it("read Vietnamese words with or without accents", () => {
    expect(parseGender("Nam")).toBe("MALE");
    expect(parseGender("Nữ")).toBe("FEMALE");
    expect(parseGender("nu")).toBe("FEMALE");
    expect(parseGender(" Khác ")).toBe("OTHER");
    expect(parseGender("M")).toBeNull();
    expect(parseYesNo("Có")).toBe(true);
    expect(parseYesNo("x")).toBe(true);
    expect(parseYesNo("")).toBe(false);
    expect(parseYesNo("Không")).toBe(false);
    expect(parseYesNo("có lẽ")).toBeNull();
  });
});

describe("maxBirthYear", () => {
  it("is the current year minus 16", () => {
    expect(maxBirthYear(new Date("2026-11-23T00:00:00Z"))).toBe(2010);
  });
});
