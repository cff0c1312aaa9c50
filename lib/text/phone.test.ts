import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone";

describe("normalisePhone", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["+84 912.345.678", "0912345678"],
    ["84912345678", "0912345678"],
    ["091-234-5678", "0912345678"],
    ["(0211) 3862 123", "02113862123"],
  ])("%j → %j", (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each(["", "12345", "091234567", "09123456789", "1912345678", "0012345678", "+1 912 345 678", "09123abc78", "abc0912345678"])(
    "refuses %j",
    (input) => expect(normalisePhone(input)).toBeNull(),
  );
});
