import { describe, expect, it } from "vitest";
import { unitFullName, workplaceName } from "./labels";

describe("workplaceName", () => {
  it.each([
    [{ level: "PROVINCE", typeLabel: "Tỉnh", name: "Vĩnh Phúc" }, "Ban Dân vận Tỉnh ủy Vĩnh Phúc"],
    [{ level: "PROVINCE", typeLabel: "Thành phố Trung ương", name: "Hà Nội" }, "Ban Dân vận Thành ủy Hà Nội"],
    [{ level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch" }, "Ban Dân vận Huyện ủy Lập Thạch"],
    [{ level: "DISTRICT", typeLabel: "Thành phố", name: "Vĩnh Yên" }, "Ban Dân vận Thành ủy Vĩnh Yên"],
    [{ level: "COMMUNE", typeLabel: "Thị trấn", name: "Lập Thạch" }, "Khối dân vận Thị trấn Lập Thạch"],
    [{ level: "VILLAGE", typeLabel: "Thôn", name: "Đình" }, "Tổ dân vận Thôn Đình"],
  ] as const)("%o", (unit, expected) => {
    expect(workplaceName(unit)).toBe(expected);
  });

  it("joins type and name", () => {
    expect(unitFullName({ typeLabel: "Xã", name: "Đồng Ích" })).toBe("Xã Đồng Ích");
    expect(unitFullName({ typeLabel: "Thành phố Trung ương", name: "Hà Nội" })).toBe("Thành phố Hà Nội");
  });
});
