import { describe, expect, it } from "vitest";
import { csvField, safeCell } from "./safe-cell";

describe("safeCell", () => {
  it.each(["=1+1", "+84912345678", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("x")'])("neutralises %j", (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text, numbers, dates and empty values alone", () => {
    expect(safeCell("Nguyễn Văn Đức")).toBe("Nguyễn Văn Đức");
    expect(safeCell("0912345678")).toBe("0912345678");
    expect(safeCell("a=b")).toBe("a=b");
    expect(safeCell("")).toBe("");
    expect(safeCell(1975)).toBe(1975);
    expect(safeCell(-3)).toBe(-3);
    const day = new Date("2026-01-01T00:00:00Z");
    expect(safeCell(day)).toBe(day);
    expect(safeCell(null)).toBeNull();
  });
});

describe("csvField", () => {
  it("neutralises and quotes fields that need it", () => {
    expect(csvField('Anh "Ba", thôn Đình')).toBe('"Anh ""Ba"", thôn Đình"');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });
});
