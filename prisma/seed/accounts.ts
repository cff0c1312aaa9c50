/**
 * The demo sign-ins. The README and the start script print them and the tests sign in
 * with them, so this file must stay free of database code.
 */
import type { Preset } from "../../lib/auth/roles";
import type { AgencyKey } from "./reference";

export const DEMO_PASSWORD = "dan-van-demo-2026";

/** The standing deputy secretary of Thị trấn Lập Thạch, who signs in as `xa.lapthach`. */
export const SHOWCASE_SECRETARY_NAME = "Nguyễn Văn Thành";

/** Where a demo account sits, by the official code of its unit (null: the root). */
export interface DemoUnitRef {
  level: "NATION" | "PROVINCE" | "DISTRICT" | "COMMUNE";
  code: string | null;
}

export interface DemoAccount {
  username: string;
  /** The ready-made combination of duties the account holds (lib/auth/roles.ts, decision 049). */
  preset: Preset;
  displayName: string;
  /** The workplace, as users name it. */
  description: string;
  unit: DemoUnitRef;
  /**
   * Where the reform of 1 July 2025 moved the account's person, in the demo that spans it
   * (decision 056; prisma/seed/reform.ts moves them): the workplace and duties since.
   */
  afterReform?: { preset: Preset; description: string; unit: DemoUnitRef };
  /** An agency's account (decision 064): which of its unit's agencies it answers for (prisma/seed/reference.ts `agencyNames`). */
  agency?: AgencyKey;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "admin",
    preset: "ADMIN",
    displayName: "Quản trị hệ thống",
    description: "Quản trị hệ thống (toàn quốc)",
    unit: { level: "NATION", code: null },
  },
  {
    username: "tinh.vinhphuc",
    preset: "PROVINCE_LEADER",
    displayName: "Nguyễn Thị Hương",
    description: "Ban Dân vận Tỉnh ủy Vĩnh Phúc",
    unit: { level: "PROVINCE", code: "26" },
    afterReform: { preset: "PROVINCE_LEADER", description: "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ (Vĩnh Phúc đến 30/6/2025)", unit: { level: "PROVINCE", code: "25" } },
  },
  {
    username: "huyen.lapthach",
    preset: "DISTRICT_STAFF",
    displayName: "Trần Văn Thắng",
    description: "Ban Dân vận Huyện ủy Lập Thạch",
    unit: { level: "DISTRICT", code: "246" },
    afterReform: { preset: "DISTRICT_STAFF", description: "Ban Dân vận Huyện ủy Lập Thạch, đến 30/6/2025 (hồ sơ thời còn cấp huyện)", unit: { level: "DISTRICT", code: "246" } },
  },
  {
    username: "huyen.vinhtuong",
    preset: "DISTRICT_STAFF",
    displayName: "Lê Thị Thu Hà",
    description: "Ban Dân vận Huyện ủy Vĩnh Tường",
    unit: { level: "DISTRICT", code: "252" },
    afterReform: { preset: "DISTRICT_STAFF", description: "Ban Dân vận Huyện ủy Vĩnh Tường, đến 30/6/2025 (hồ sơ thời còn cấp huyện)", unit: { level: "DISTRICT", code: "252" } },
  },
  {
    username: "xa.lapthach",
    preset: "COMMUNE_SECRETARY",
    // Also the name of the cadre who heads the commune's bloc: the account is linked to that cadre.
    displayName: SHOWCASE_SECRETARY_NAME,
    description: "Khối dân vận Thị trấn Lập Thạch",
    unit: { level: "COMMUNE", code: "08761" },
    afterReform: { preset: "COMMUNE_COMMITTEE", description: "Đảng ủy xã Lập Thạch, Phú Thọ (Thị trấn Lập Thạch đến 30/6/2025)", unit: { level: "COMMUNE", code: "08761" } },
  },
  {
    username: "xem.vinhphuc",
    preset: "VIEWER",
    displayName: "Phạm Minh Đức",
    description: "Tỉnh Vĩnh Phúc (chỉ xem)",
    unit: { level: "PROVINCE", code: "26" },
    afterReform: { preset: "VIEWER", description: "Tỉnh Phú Thọ (chỉ xem)", unit: { level: "PROVINCE", code: "25" } },
  },
  {
    username: "tinh.laichau",
    preset: "PROVINCE_LEADER",
    displayName: "Lò Văn Hùng",
    description: "Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu",
    unit: { level: "PROVINCE", code: "12" },
  },
  {
    username: "admin.vinhphuc",
    preset: "ADMIN",
    displayName: "Đỗ Quang Minh",
    description: "Quản trị hệ thống Tỉnh Vĩnh Phúc",
    unit: { level: "PROVINCE", code: "26" },
    afterReform: { preset: "ADMIN", description: "Quản trị hệ thống Tỉnh Phú Thọ", unit: { level: "PROVINCE", code: "25" } },
  },
  {
    // Since the reform one commune Party committee takes petitions, keeps its blocs and teams and
    // logs their meetings (issue 15): the three jobs in one account.
    username: "xa.binhlu",
    preset: "COMMUNE_COMMITTEE",
    displayName: "Vàng Thị Mai",
    description: "Đảng ủy xã Bình Lư, Lai Châu",
    unit: { level: "COMMUNE", code: "03390" },
  },
  {
    // An agency's own account (decision 064): only the petitions its agency holds or held. Land matters are the
    // most common, so its list is the longest. Since the reform the province's department answers for them.
    username: "coquan.lapthach",
    preset: "AGENCY",
    displayName: "Phòng Tài nguyên và Môi trường huyện Lập Thạch",
    description: "Cơ quan chủ trì giải quyết: Phòng Tài nguyên và Môi trường huyện Lập Thạch",
    unit: { level: "DISTRICT", code: "246" },
    agency: "land",
    afterReform: { preset: "AGENCY", description: "Cơ quan chủ trì giải quyết: Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", unit: { level: "PROVINCE", code: "25" } },
  },
];

/** The accounts as a demo of `shape` holds them: in the reform shape, where the reform moved them. */
export function demoAccountsFor(shape: "reform" | "three-level"): DemoAccount[] {
  return DEMO_ACCOUNTS.map((a) => (shape === "reform" && a.afterReform ? { ...a, ...a.afterReform } : a));
}
