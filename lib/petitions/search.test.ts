import { describe, expect, it } from "vitest";
import { petitionSearchColumns, petitionSearchTextAround } from "./search";

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
