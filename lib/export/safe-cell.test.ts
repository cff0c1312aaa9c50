import { describe, expect, it } from "vitest";
import { csvField, safeCell } from "./safe-cell";

describe("safe cells", () => {
  it.each(["=HYPERLINK(\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1"])("neutralises %j", (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    expect(safeCell("Nguyễn Văn Đức")).toBe("Nguyễn Văn Đức");
    expect(safeCell("0912345678")).toBe("0912345678");
  });

  it("quotes CSV fields that need it", () => {
    expect(csvField('Anh "Ba", thôn Đình')).toBe('"Anh ""Ba"", thôn Đình"');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });
});
