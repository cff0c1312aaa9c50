import type { UnitLevel } from "../generated/prisma/enums";

export interface UnitLabelParts {
  level: UnitLevel;
  typeLabel: string;
  name: string;
}

/** The catalogue's type for centrally governed cities; their name reads "Thành phố Hà Nội". */
const DISPLAY_TYPE: Record<string, string> = { "Thành phố Trung ương": "Thành phố" };

/** "Huyện Lập Thạch", "Thị trấn Lập Thạch", "Thôn Đình", "Thành phố Hà Nội". */
export function unitFullName(unit: Pick<UnitLabelParts, "typeLabel" | "name">): string {
  return `${DISPLAY_TYPE[unit.typeLabel] ?? unit.typeLabel} ${unit.name}`;
}

/** The party committee of a unit, as its Ban Dân vận is named after it. */
const COMMITTEE_BY_TYPE: Record<string, string> = {
  "Tỉnh": "Tỉnh ủy",
  "Thành phố Trung ương": "Thành ủy",
  "Huyện": "Huyện ủy",
  "Quận": "Quận ủy",
  "Thị xã": "Thị ủy",
  "Thành phố": "Thành ủy",
};

/**
 * How a user's place is named: "Ban Dân vận Huyện ủy Lập Thạch", "Ban Dân vận Tỉnh ủy
 * Vĩnh Phúc", "Khối dân vận Thị trấn Lập Thạch", "Tổ dân vận Thôn Đình".
 */
export function workplaceName(unit: UnitLabelParts): string {
  switch (unit.level) {
    case "NATION":
      return "Ban Dân vận Trung ương";
    case "PROVINCE":
    case "DISTRICT":
      return `Ban Dân vận ${COMMITTEE_BY_TYPE[unit.typeLabel] ?? `${unit.typeLabel} ủy`} ${unit.name}`;
    case "COMMUNE":
      return `Khối dân vận ${unitFullName(unit)}`;
    case "VILLAGE":
      return `Tổ dân vận ${unitFullName(unit)}`;
  }
}
