import { describe, expect, it } from "vitest";
import { toSearchText } from "./search";

describe("toSearchText", () => {
  it.each([
    ["Lập Thạch", "lap thach"],
    ["Xã Đồng Ích", "xa dong ich"],
    ["NGUYỄN  VĂN ĐỨC", "nguyen van duc"],
    // decomposed input (NFD) gives the same result as composed input
    ["Lập Thạch".normalize("NFD"), "lap thach"],
  ])("%s → %s", (input, expected) => {
    expect(toSearchText(input)).toBe(expected);
  });
});
