import { describe, expect, it } from "vitest";
import { checkboxField, cleanText, idField, isoDateField, MAX_INT, optionalTextField, parseId, parseIsoDay, versionField } from "./fields";

describe("shared form fields", () => {
  it("reads a date input and refuses impossible days", () => {
    const field = isoDateField();
    expect(field.parse("2026-02-17")).toEqual(new Date("2026-02-17T00:00:00Z"));
    expect(field.safeParse("2026-02-30").error?.issues[0].message).toBe("Ngày không hợp lệ.");
    expect(field.safeParse("17/02/2026").error?.issues[0].message).toBe("Vui lòng chọn ngày.");
  });

  it("coerces ids and checkboxes from form strings", () => {
    expect(idField().parse("42")).toBe(42);
    expect(idField("Vui lòng chọn thôn.").safeParse("").error?.issues[0].message).toBe("Vui lòng chọn thôn.");
    expect(checkboxField.parse("on")).toBe(true);
    expect(checkboxField.parse(undefined)).toBe(false);
  });

  it("trims optional text and turns blanks into undefined", () => {
    const field = optionalTextField(5, "Quá dài.");
    expect(field.parse("  ")).toBeUndefined();
    expect(field.parse(" abc ")).toBe("abc");
    expect(field.safeParse("abcdef").error?.issues[0].message).toBe("Quá dài.");
  });
});

// Issue 12, finding 7: ids past PostgreSQL's integer, year 0000 and NUL bytes gave 500s.
describe("input rules every route and schema shares", () => {
  it("parseId takes 1 … 2^31−1 written in digits, and nothing else", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId(String(MAX_INT))).toBe(MAX_INT);
    for (const raw of ["2147483648", "99999999999", "0", "-1", "1e3", "0x10", " 4", "4 ", "", "\u0000", "١٢", undefined, null, ["1"], 1.5]) {
      expect(parseId(raw), String(raw)).toBeNull();
    }
    expect(idField().safeParse("2147483648").success).toBe(false);
    expect(versionField.safeParse("2147483648").success).toBe(false);
    expect(versionField.parse("2147483647")).toBe(MAX_INT);
  });

  it("dates lie between 1900 and 2100; PostgreSQL has no year 0", () => {
    expect(parseIsoDay("2026-02-28")).toEqual(new Date("2026-02-28T00:00:00Z"));
    for (const raw of ["0000-01-01", "0001-01-01", "1899-12-31", "2101-01-01", "2026-02-30", "+275760-09-13", "2026-1-1", undefined]) {
      expect(parseIsoDay(raw), String(raw)).toBeNull();
    }
    expect(isoDateField().safeParse("0001-01-01").error?.issues[0].message).toBe("Ngày phải từ 01/01/1900 đến 31/12/2100.");
  });

  it("a bounded date field refuses days outside its own range, computed when parsed", () => {
    const field = isoDateField("Vui lòng chọn ngày.", { min: () => new Date("1945-01-01T00:00:00Z"), max: () => new Date("2026-12-07T00:00:00Z") });
    expect(field.safeParse("1945-01-01").success).toBe(true);
    expect(field.safeParse("1944-12-31").error?.issues[0].message).toBe("Ngày phải từ 01/01/1945 đến 07/12/2026.");
    expect(field.safeParse("2026-12-08").success).toBe(false);
  });

  it("cleanText drops NUL and other control characters but keeps tabs and line breaks", () => {
    expect(cleanText("a\u0000b\u0007c\td\r\ne\u007f")).toBe("abc\td\r\ne");
    expect(optionalTextField(10, "Quá dài.").parse("x\u0000y")).toBe("xy");
  });
});
