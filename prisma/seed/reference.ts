/** Reference lists: petition fields, agencies, the holiday calendar and the demo users. */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { PRESETS } from "../../lib/auth/roles";
import { calendarRowsOf } from "../../lib/calendar/table";
import type { SeedContext } from "./context";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { SHOWCASE_COMMUNE_CODE } from "./data";
import type { Organisations } from "./organisations";
import type { Random } from "./random";
import type { Area, UnitNode, UnitTree } from "./units";

export interface FieldRec {
  id: number;
  code: string;
  name: string;
  defaultDeadlineDays: number;
  /** Working days to assign (decision 051): the column's default, 5, for every demo field. */
  assignmentDeadlineDays: number;
}

export const FIELDS: readonly Omit<FieldRec, "id" | "assignmentDeadlineDays">[] = [
  { code: "dat-dai", name: "Đất đai", defaultDeadlineDays: 30 },
  { code: "moi-truong", name: "Môi trường", defaultDeadlineDays: 15 },
  { code: "chinh-sach-xa-hoi", name: "Chính sách xã hội", defaultDeadlineDays: 15 },
  { code: "ha-tang-giao-thong", name: "Hạ tầng – giao thông", defaultDeadlineDays: 20 },
  { code: "an-ninh-trat-tu", name: "An ninh trật tự", defaultDeadlineDays: 10 },
  { code: "can-bo-dang-vien", name: "Cán bộ – đảng viên", defaultDeadlineDays: 15 },
  { code: "y-te", name: "Y tế", defaultDeadlineDays: 10 },
  { code: "giao-duc", name: "Giáo dục", defaultDeadlineDays: 10 },
  { code: "kinh-te-viec-lam", name: "Kinh tế – việc làm", defaultDeadlineDays: 15 },
  { code: "khac", name: "Khác", defaultDeadlineDays: 15 },
];

export type AgencyKey = "land" | "landOffice" | "social" | "infra" | "police" | "education" | "health" | "office" | "home" | "farming";

/** The agencies of an area (a district, or a province in the new shape). */
export function agencyNames(area: { unit: Pick<UnitNode, "level" | "name"> }): Record<AgencyKey, string> {
  const n = area.unit.name;
  if (area.unit.level === "DISTRICT") {
    return {
      land: `Phòng Tài nguyên và Môi trường huyện ${n}`,
      landOffice: `Chi nhánh Văn phòng Đăng ký đất đai huyện ${n}`,
      social: `Phòng Lao động – Thương binh và Xã hội huyện ${n}`,
      infra: `Phòng Kinh tế và Hạ tầng huyện ${n}`,
      police: `Công an huyện ${n}`,
      education: `Phòng Giáo dục và Đào tạo huyện ${n}`,
      health: `Trung tâm Y tế huyện ${n}`,
      office: `Văn phòng HĐND và UBND huyện ${n}`,
      home: `Phòng Nội vụ huyện ${n}`,
      farming: `Phòng Nông nghiệp và Phát triển nông thôn huyện ${n}`,
    };
  }
  // Since the 2025 reform the provincial departments were merged: the names differ.
  return {
    land: `Sở Nông nghiệp và Môi trường tỉnh ${n}`,
    landOffice: `Văn phòng Đăng ký đất đai tỉnh ${n}`,
    social: `Sở Nội vụ tỉnh ${n}`,
    infra: `Sở Xây dựng tỉnh ${n}`,
    police: `Công an tỉnh ${n}`,
    education: `Sở Giáo dục và Đào tạo tỉnh ${n}`,
    health: `Sở Y tế tỉnh ${n}`,
    office: `Văn phòng UBND tỉnh ${n}`,
    home: `Sở Nội vụ tỉnh ${n}`,
    farming: `Sở Nông nghiệp và Môi trường tỉnh ${n}`,
  };
}

/** Which agency leads on a field; land matters split between two offices. */
export const AGENCY_BY_FIELD: Record<string, [AgencyKey, number][]> = {
  "dat-dai": [["land", 7], ["landOffice", 3]],
  "moi-truong": [["land", 1]],
  "chinh-sach-xa-hoi": [["social", 1]],
  "ha-tang-giao-thong": [["infra", 1]],
  "an-ninh-trat-tu": [["police", 1]],
  "can-bo-dang-vien": [["home", 1]],
  "y-te": [["health", 1]],
  "giao-duc": [["education", 1]],
  "kinh-te-viec-lam": [["farming", 6], ["social", 4]],
  khac: [["office", 1]],
};

export interface AgencyRec {
  id: number;
  name: string;
}

export interface Reference {
  fields: FieldRec[];
  agencies: number;
  calendarDays: number;
  /** The agency that handles `fieldCode` in `area`. */
  agencyFor(area: Area, fieldCode: string, rng: Random): AgencyRec;
  /** Creates the agencies of areas that begin later (the new province after the reform). */
  addAgencies(areas: Area[]): Promise<void>;
}

export async function seedReference(db: PrismaClient, ctx: SeedContext, tree: UnitTree): Promise<Reference> {
  const fields = await db.petitionField.createManyAndReturn({
    data: FIELDS.map((f, i) => ({ ...f, sortOrder: (i + 1) * 10 })),
    select: { id: true, code: true, name: true, defaultDeadlineDays: true, assignmentDeadlineDays: true },
  });
  const byCode = new Map(fields.map((f) => [f.code, f]));

  const agencyByKey = new Map<string, AgencyRec>();
  const addAgencies = async (areas: Area[]) => {
    const wanted = areas.flatMap((area) => [...new Set(Object.values(agencyNames(area)))].map((name) => ({ unitId: area.unit.id, name })));
    const created = await db.agency.createManyAndReturn({ data: wanted, select: { id: true, unitId: true, name: true } });
    for (const a of created) agencyByKey.set(`${a.unitId}|${a.name}`, a);
    return created.length;
  };
  const agencyCount = await addAgencies(tree.areas);

  const calendarRows = ctx.calendarYears.flatMap(calendarRowsOf);
  await db.calendarDay.createMany({ data: calendarRows });

  const ref: Reference = {
    fields: FIELDS.map((f) => byCode.get(f.code)!),
    agencies: agencyCount,
    calendarDays: calendarRows.length,
    agencyFor(area, fieldCode, rng) {
      const key = rng.weighted(AGENCY_BY_FIELD[fieldCode]);
      return agencyByKey.get(`${area.unit.id}|${agencyNames(area)[key]}`)!;
    },
    async addAgencies(areas) {
      ref.agencies += await addAgencies(areas);
    },
  };
  return ref;
}

/**
 * The demo's agency accounts (decision 064) bound to their agencies, once the agencies exist and the reform has moved
 * the accounts: each answers for the agency of its home unit named by its key.
 */
export async function bindAgencyAccounts(db: PrismaClient, users: Users): Promise<number> {
  let bound = 0;
  for (const account of DEMO_ACCOUNTS.filter((a) => a.agency)) {
    const id = users.byUsername.get(account.username);
    const user = id === undefined ? null : await db.user.findUnique({ where: { id }, select: { unit: { select: { id: true, level: true, name: true } } } });
    if (!user) continue;
    const name = agencyNames({ unit: user.unit })[account.agency!];
    const agency = await db.agency.findUnique({ where: { unitId_name: { unitId: user.unit.id, name } }, select: { id: true } });
    if (!agency) throw new Error(`seed: no agency "${name}" for ${account.username}`);
    await db.user.update({ where: { id: id! }, data: { agencyId: agency.id, displayName: name } });
    bound += 1;
  }
  return bound;
}

export interface Users {
  byUsername: Map<string, number>;
  /** The staff user who records an area's petitions and meetings. */
  staffOf(area: Area): number;
  /** The commune secretary's user, for the showcase commune only. */
  secretaryOf(communeId: number): number | null;
  /** A user moved to another unit (the reform), who records that unit's work from then on. */
  rehome(userId: number, unitId: number): void;
  /** The showcase commune after the reform: the new commune its secretary now works for. */
  setSecretary(communeId: number, userId: number | null): void;
}

export async function seedUsers(db: PrismaClient, tree: UnitTree, orgs: Organisations): Promise<Users> {
  // One hash for everyone: argon2id is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitFor = (level: string, code: string | null): UnitNode => {
    const found = tree.all.find((u) => u.level === level && u.code === code);
    if (!found) throw new Error(`seed: no ${level} unit with code ${code}`);
    return found;
  };
  const showcase = unitFor("COMMUNE", SHOWCASE_COMMUNE_CODE);
  const secretary = orgs.blocs.get(showcase.id)!.head.cadre;
  if (secretary.fullName !== DEMO_ACCOUNTS.find((a) => a.preset === "COMMUNE_SECRETARY")?.displayName) {
    throw new Error("seed: the commune secretary's account and cadre disagree");
  }
  const rows = DEMO_ACCOUNTS.map((a) => {
    const unit = unitFor(a.unit.level, a.unit.code);
    const isSecretary = a.preset === "COMMUNE_SECRETARY" && unit.id === showcase.id;
    return {
      username: a.username.toLowerCase(),
      displayName: a.displayName,
      passwordHash,
      duties: [...PRESETS[a.preset]],
      unitId: unit.id,
      cadreId: isSecretary ? secretary.id : null,
    };
  });
  const users = await db.user.createManyAndReturn({ data: rows, select: { id: true, username: true, unitId: true } });
  const presetOf = new Map(DEMO_ACCOUNTS.map((a) => [a.username.toLowerCase(), a.preset]));
  const byUsername = new Map(users.map((u) => [u.username, u.id]));
  const staffByUnit = new Map<number, number>();
  for (const u of users) {
    const preset = presetOf.get(u.username);
    if (preset === "DISTRICT_STAFF" || (preset === "PROVINCE_LEADER" && !staffByUnit.has(u.unitId))) staffByUnit.set(u.unitId, u.id);
  }
  const secretaries = new Map<number, number | null>([[showcase.id, byUsername.get("xa.lapthach") ?? null]]);
  return {
    byUsername,
    staffOf(area) {
      const id = staffByUnit.get(area.unit.id);
      if (id === undefined) throw new Error(`seed: no staff user for ${area.unit.name}`);
      return id;
    },
    secretaryOf: (communeId) => secretaries.get(communeId) ?? null,
    rehome(userId, unitId) {
      const preset = presetOf.get(users.find((u) => u.id === userId)!.username);
      if (preset === "PROVINCE_LEADER" && !staffByUnit.has(unitId)) staffByUnit.set(unitId, userId);
    },
    setSecretary: (communeId, userId) => secretaries.set(communeId, userId),
  };
}
