/**
 * The demo sign-ins. The README and the start script print them and the tests sign in
 * with them, so this file must stay free of database code.
 */
import type { Role } from "../../lib/generated/prisma/enums";

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
  role: Role;
  displayName: string;
  /** The workplace, as users name it. */
  description: string;
  unit: DemoUnitRef;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "admin",
    role: "ADMIN",
    displayName: "Quản trị hệ thống",
    description: "Quản trị hệ thống (toàn quốc)",
    unit: { level: "NATION", code: null },
  },
  {
    username: "tinh.vinhphuc",
    role: "PROVINCE_LEADER",
    displayName: "Nguyễn Thị Hương",
    description: "Ban Dân vận Tỉnh ủy Vĩnh Phúc",
    unit: { level: "PROVINCE", code: "26" },
  },
  {
    username: "huyen.lapthach",
    role: "DISTRICT_STAFF",
    displayName: "Trần Văn Thắng",
    description: "Ban Dân vận Huyện ủy Lập Thạch",
    unit: { level: "DISTRICT", code: "246" },
  },
  {
    username: "huyen.vinhtuong",
    role: "DISTRICT_STAFF",
    displayName: "Lê Thị Thu Hà",
    description: "Ban Dân vận Huyện ủy Vĩnh Tường",
    unit: { level: "DISTRICT", code: "252" },
  },
  {
    username: "xa.lapthach",
    role: "COMMUNE_SECRETARY",
    // Also the name of the cadre who heads the commune's bloc: the account is linked to that cadre.
    displayName: SHOWCASE_SECRETARY_NAME,
    description: "Khối dân vận Thị trấn Lập Thạch",
    unit: { level: "COMMUNE", code: "08761" },
  },
  {
    username: "xem.vinhphuc",
    role: "VIEWER",
    displayName: "Phạm Minh Đức",
    description: "Tỉnh Vĩnh Phúc (chỉ xem)",
    unit: { level: "PROVINCE", code: "26" },
  },
  {
    username: "tinh.laichau",
    role: "PROVINCE_LEADER",
    displayName: "Lò Văn Hùng",
    description: "Ban Dân vận Tỉnh ủy Lai Châu",
    unit: { level: "PROVINCE", code: "12" },
  },
  {
    username: "admin.vinhphuc",
    role: "ADMIN",
    displayName: "Đỗ Quang Minh",
    description: "Quản trị hệ thống Tỉnh Vĩnh Phúc",
    unit: { level: "PROVINCE", code: "26" },
  },
];
