import { describe, expect, it } from "vitest";
import { BOARDS_MERGED, officeName, unitFullName } from "./labels";

describe("officeName: the office of a unit on a day (issue 15)", () => {
  it.each([
    // Before the boards merged, and before the reform.
    [{ level: "NATION", typeLabel: "Quốc gia", name: "Việt Nam", code: null }, "2024-12-31", "Ban Dân vận Trung ương"],
    [{ level: "PROVINCE", typeLabel: "Tỉnh", name: "Vĩnh Phúc", code: "26" }, "2024-12-31", "Ban Dân vận Tỉnh ủy Vĩnh Phúc"],
    [{ level: "PROVINCE", typeLabel: "Thành phố Trung ương", name: "Hà Nội", code: "01" }, "2024-06-30", "Ban Dân vận Thành ủy Hà Nội"],
    [{ level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch", code: "246" }, "2025-06-30", "Ban Dân vận Huyện ủy Lập Thạch"],
    [{ level: "DISTRICT", typeLabel: "Thành phố", name: "Vĩnh Yên", code: "243" }, "2024-01-01", "Ban Dân vận Thành ủy Vĩnh Yên"],
    [{ level: "COMMUNE", typeLabel: "Thị trấn", name: "Lập Thạch", code: "08890" }, "2025-06-30", "Khối dân vận Thị trấn Lập Thạch"],
    [{ level: "VILLAGE", typeLabel: "Thôn", name: "Đình", code: null }, "2024-01-01", "Tổ dân vận Thôn Đình"],
    // The central boards merged, announced 3/2/2025; a province's on its own day.
    [{ level: "NATION", typeLabel: "Quốc gia", name: "Việt Nam", code: null }, "2025-02-03", "Ban Tuyên giáo và Dân vận Trung ương"],
    [{ level: "PROVINCE", typeLabel: "Tỉnh", name: "Bắc Giang", code: "24" }, "2025-02-28", "Ban Dân vận Tỉnh ủy Bắc Giang"],
    [{ level: "PROVINCE", typeLabel: "Tỉnh", name: "Bắc Giang", code: "24" }, "2025-03-01", "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Giang"],
    [{ level: "PROVINCE", typeLabel: "Tỉnh", name: "Tiền Giang", code: "82" }, "2025-02-06", "Ban Tuyên giáo và Dân vận Tỉnh ủy Tiền Giang"],
    // Today's shape: a province's merged board, a commune's Party committee, a village's team.
    [{ level: "PROVINCE", typeLabel: "Tỉnh", name: "Phú Thọ", code: "25" }, "2026-12-07", "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ"],
    [{ level: "PROVINCE", typeLabel: "Thành phố Trung ương", name: "Hà Nội", code: "01" }, "2026-12-07", "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"],
    [{ level: "COMMUNE", typeLabel: "Xã", name: "Lập Thạch", code: "08890" }, "2025-07-01", "Đảng ủy Xã Lập Thạch"],
    [{ level: "COMMUNE", typeLabel: "Phường", name: "Vĩnh Phúc", code: "08896" }, "2026-12-07", "Đảng ủy Phường Vĩnh Phúc"],
    [{ level: "VILLAGE", typeLabel: "Buôn", name: "Đôn", code: null }, "2026-12-07", "Tổ dân vận Buôn Đôn"],
  ] as const)("%o on %s", (unit, day, expected) => {
    expect(officeName(unit, day)).toBe(expected);
  });

  it("has a day for every province whose boards merged on a known day, each with its source", () => {
    for (const [code, merged] of Object.entries(BOARDS_MERGED)) {
      expect(code).toMatch(/^\d{2}$/);
      expect(merged.on).toMatch(/^2025-0[1-6]-\d{2}$/);
      expect(merged.source.length).toBeGreaterThan(10);
    }
  });

  it("joins type and name", () => {
    expect(unitFullName({ typeLabel: "Xã", name: "Đồng Ích" })).toBe("Xã Đồng Ích");
    expect(unitFullName({ typeLabel: "Thành phố Trung ương", name: "Hà Nội" })).toBe("Thành phố Hà Nội");
  });
});
