/**
 * Vietnamese personal names. Family names follow their real frequency so that lists
 * look plausible (a third are Nguyễn); Lai Châu mixes in Thái, Mông and Dao names.
 */
import type { Random } from "./random";

export type Sex = "MALE" | "FEMALE";
export type Region = "delta" | "upland";

const KINH_FAMILY: [string, number][] = [
  ["Nguyễn", 36], ["Trần", 11], ["Lê", 9], ["Phạm", 7], ["Hoàng", 5], ["Vũ", 4], ["Đỗ", 3], ["Bùi", 3],
  ["Đặng", 2.5], ["Ngô", 2], ["Dương", 1.5], ["Phan", 1.5], ["Trịnh", 1.2], ["Đào", 1.2], ["Đinh", 1],
  ["Lưu", 0.8], ["Khổng", 0.8], ["Tạ", 0.7], ["Hà", 0.7], ["Lý", 0.5], ["Kim", 0.5], ["Triệu", 0.5],
];

const UPLAND_FAMILY: [string, number][] = [
  ["Lò", 5], ["Lường", 3], ["Tòng", 2], ["Điêu", 2], ["Hoàng", 2], ["Giàng", 4], ["Vàng", 3], ["Sùng", 2],
  ["Thào", 2], ["Lý", 2], ["Tẩn", 2], ["Chảo", 1.5], ["Phàn", 1], ["Lùng", 1],
];

const MALE_MIDDLE = ["Văn", "Văn", "Văn", "Đức", "Quang", "Minh", "Hữu", "Xuân", "Ngọc", "Tiến", "Thanh", "Mạnh", "Duy", "Công", "Đình"];
const FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Kim", "Phương"];
const UPLAND_MALE_MIDDLE = ["Văn", "Văn", "A", "Seo", "Láo"];
const UPLAND_FEMALE_MIDDLE = ["Thị", "Thị", "Thị"];

const MALE_GIVEN = [
  "Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Sơn", "Bình", "Cường", "Hưng", "Quân", "Toàn", "Thành",
  "Trung", "Khánh", "Nam", "Phong", "Lâm", "Hòa", "Đạt", "Hiếu", "Tùng", "Vinh", "Chiến", "Tâm", "Lộc",
  "Quyết", "Thịnh", "Kiên", "Hậu", "Tiến", "Định", "Bảo", "Huy", "Nghĩa", "Phúc",
];
const FEMALE_GIVEN = [
  "Hương", "Lan", "Hoa", "Mai", "Hà", "Nga", "Hằng", "Thủy", "Linh", "Trang", "Huyền", "Thảo", "Yến", "Nhung",
  "Loan", "Hạnh", "Dung", "Phượng", "Oanh", "Liên", "Tuyết", "Vân", "Thơm", "Lý", "Huệ", "Ngân", "Quyên",
];
const UPLAND_MALE_GIVEN = ["Páo", "Sử", "Chứ", "Dình", "Pó", "Khoa", "Thanh", "Ơn", "Hặc", "Lả", "Chinh", "Xuân"];
const UPLAND_FEMALE_GIVEN = ["Mai", "Dung", "Sua", "Mỷ", "Pằng", "Xuân", "Lả", "Hương", "Chi", "Sính"];

export interface PersonName {
  fullName: string;
  sex: Sex;
}

export function personName(rng: Random, sex: Sex, region: Region = "delta"): PersonName {
  const upland = region === "upland" && rng.chance(0.6);
  const family = rng.weighted(upland ? UPLAND_FAMILY : KINH_FAMILY);
  let middle: string;
  let given: string;
  if (upland) {
    middle = rng.pick(sex === "MALE" ? UPLAND_MALE_MIDDLE : UPLAND_FEMALE_MIDDLE);
    given = rng.pick(sex === "MALE" ? UPLAND_MALE_GIVEN : UPLAND_FEMALE_GIVEN);
  } else {
    middle = rng.pick(sex === "MALE" ? MALE_MIDDLE : FEMALE_MIDDLE);
    given = rng.pick(sex === "MALE" ? MALE_GIVEN : FEMALE_GIVEN);
  }
  return { fullName: `${family} ${middle} ${given}`, sex };
}

/** A mobile number as Vietnamese carriers issue them (10 digits). */
export function mobilePhone(rng: Random, prefixes: readonly string[] = ["09"]): string {
  const prefix = rng.pick(prefixes);
  return prefix + rng.digits(10 - prefix.length);
}
