import { describe, expect, it } from "vitest";
import { petitionSearchColumns, petitionSearchTextAround, searchWords } from "./search";

describe("petitionSearchTextAround", () => {
  const contents = [
    "Đề nghị nạo vét kênh mương nội đồng.",
    "  Đường   liên thôn\nbị SẠT LỞ  ",
    "ĐƯỜNG ĐIỆN",
    "   ",
    "",
  ];
  const codes = [["246-2026-", "00042"], ["01-2027-", "100000"], ["9A-2026-", "00001"]];

  it("puts the number between the two parts exactly where the finished code's searchText has it", () => {
    for (const content of contents) {
      for (const [prefix, number] of codes) {
        const { before, after } = petitionSearchTextAround(prefix, content);
        expect(before + number + after).toBe(petitionSearchColumns({ code: prefix + number, content }).searchText);
      }
    }
  });
});

describe("searchWords", () => {
  it("gives accent-free words, at most 8, and ends a word at LIKE's wildcards", () => {
    expect(searchWords("  Đỗ  Văn Khải ")).toEqual(["do", "van", "khai"]);
    expect(searchWords("%")).toEqual([]);
    expect(searchWords("50%_giảm\\x")).toEqual(["50", "giam", "x"]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
    expect(searchWords(undefined)).toEqual([]);
  });
});
