import { describe, expect, it } from "vitest";
import { copyField } from "./copy";

describe("copyField", () => {
  it("writes COPY's text format: null, numbers, booleans, dates, int arrays", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField(42)).toBe("42");
    expect(copyField(true)).toBe("t");
    expect(copyField(new Date("2026-11-23T03:00:00Z"))).toBe("2026-11-23T03:00:00.000Z");
    expect(copyField([1, 2, 3])).toBe("{1,2,3}");
  });

  it("escapes backslashes, tabs and line breaks, and leaves Vietnamese text alone", () => {
    expect(copyField("Thôn Đình, xã Quang Sơn")).toBe("Thôn Đình, xã Quang Sơn");
    expect(copyField("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyField("\\N")).toBe("\\\\N");
  });
});
