import type { UnitLevel } from "../generated/prisma/enums";
import { isoDay } from "../time";
import { REFORM_DATE } from "./merger/schemas";

const REFORM_DAY = isoDay(REFORM_DATE);

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
 * The days the provinces' Ban Dân vận merged into the Ban Tuyên giáo và Dân vận (Kết luận 121-KL/TW of
 * 24/01/2025), by the province's GSO code, where a decision is known: each province chose its own day in
 * February or March 2025. Only the 63 provinces before the reform merged boards; the 34 since were founded
 * with the merged one. A province not listed is taken to have merged by `BOARDS_MERGED_BY` (decision 052).
 */
export const BOARDS_MERGED: Record<string, { on: string; source: string }> = {
  "24": { on: "2025-03-01", source: "Quyết định 983-QĐ/TU ngày 12/02/2025 của Ban Chấp hành Đảng bộ tỉnh Bắc Giang, hiệu lực từ 01/3/2025" },
  "82": { on: "2025-02-06", source: "Hội nghị công bố quyết định thành lập Ban Tuyên giáo và Dân vận Tỉnh ủy Tiền Giang, ngày 06/02/2025" },
};

/** The latest day a province's boards are taken to have merged when its own day is not known (the latest known). */
export const BOARDS_MERGED_BY = "2025-03-01";

/** The central Ban Tuyên giáo và Dân vận: the Politburo's decision announced on 3/2/2025. */
export const CENTRAL_BOARDS_MERGED = "2025-02-03";

/** "Ban Dân vận" before a province's (or the centre's) merger of boards, "Ban Tuyên giáo và Dân vận" from it. */
const board = (mergedOn: string, day: string) => (day < mergedOn ? "Ban Dân vận" : "Ban Tuyên giáo và Dân vận");

/**
 * The office a unit's dân vận work was done by on `day` (ISO): "Ban Dân vận Huyện ủy Lập Thạch" (2024),
 * "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ" (2026), "Khối dân vận Thị trấn Lập Thạch" before the reform
 * of 1 July 2025 and "Đảng ủy Xã Lập Thạch" from it, "Tổ dân vận Thôn Đình". Headers and the home page name
 * the user's office today; a report names the office of its period's last day (DOMAIN.md: a report about
 * 2024 is signed by the Ban Dân vận, one about 2026 by the Ban Tuyên giáo và Dân vận).
 */
export function officeName(unit: UnitLabelParts & { code: string | null }, day: string): string {
  const committee = () => `${COMMITTEE_BY_TYPE[unit.typeLabel] ?? `${unit.typeLabel} ủy`} ${unit.name}`;
  switch (unit.level) {
    case "NATION":
      return `${board(CENTRAL_BOARDS_MERGED, day)} Trung ương`;
    case "PROVINCE":
      return `${board(BOARDS_MERGED[unit.code ?? ""]?.on ?? BOARDS_MERGED_BY, day)} ${committee()}`;
    case "DISTRICT":
      return `Ban Dân vận ${committee()}`;
    case "COMMUNE":
      return day < REFORM_DAY ? `Khối dân vận ${unitFullName(unit)}` : `Đảng ủy ${unitFullName(unit)}`;
    case "VILLAGE":
      return `Tổ dân vận ${unitFullName(unit)}`;
  }
}
