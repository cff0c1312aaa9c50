import { describe, expect, it } from "vitest";
import { maxBirthYear, normalisePhone, parseGender, parseYesNo } from "./rules";

describe("normalisePhone", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["+84912345678", "0912345678"],
    ["84912345678", "0912345678"],
    ["091.234.5678", "0912345678"],
    ["091-234-5678", "0912345678"],
  ])("%j → %j", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(["", "12345", "091234567", "09123456789", "1912345678", "0012345678", "+1 912 345 678", "09123abc78"])("refuses %j", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

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
