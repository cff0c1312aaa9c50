import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone";

describe("normalisePhone", () => {
  it.each([
    ["0912 345 678", "0912345678"],
    ["+84 912.345.678", "0912345678"],
    ["84912345678", "0912345678"],
    ["(0211) 3862 123", "02113862123"],
  ])("%s → %s", (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each(["", "12345", "0912 345", "091234567890", "abc0912345678", "+1 415 555 0100"])("refuses %j", (input) =>
    expect(normalisePhone(input)).toBeNull(),
  );
});
