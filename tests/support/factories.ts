import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { Duty } from "@/lib/generated/prisma/enums";
import { PRESETS, type Preset } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/actor";
import { insertUnit } from "@/lib/units/tree";
import { petitionSearchColumns } from "@/lib/petitions/search";

export const uid = () => crypto.randomBytes(4).toString("hex");

/** nation → province → two districts → a commune each → two villages each, with unique names. */
export async function buildTree() {
  const s = uid();
  const nation = await insertUnit(db, { parentId: null, level: "NATION", typeLabel: "Cả nước", name: `Việt Nam ${s}` });
  const province = await insertUnit(db, { parentId: nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Vĩnh Phúc ${s}`, code: "26" });
  const districtA = await insertUnit(db, { parentId: province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Lập Thạch ${s}`, code: "246" });
  const districtB = await insertUnit(db, { parentId: province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Vĩnh Tường ${s}`, code: "252" });
  const communeA = await insertUnit(db, { parentId: districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Đồng Ích ${s}`, code: "08839" });
  const communeB = await insertUnit(db, { parentId: districtB.id, level: "COMMUNE", typeLabel: "Xã", name: `Tân Tiến ${s}`, code: "09100" });
  const villageA1 = await insertUnit(db, { parentId: communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Đình ${s}` });
  const villageA2 = await insertUnit(db, { parentId: communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Phú Thọ ${s}` });
  const villageB1 = await insertUnit(db, { parentId: communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: `Bến ${s}` });
  return { nation, province, districtA, districtB, communeA, communeB, villageA1, villageA2, villageB1 };
}

export type Tree = Awaited<ReturnType<typeof buildTree>>;
type UnitRow = Tree["nation"];

/** A ready-made combination by name (lib/auth/roles.ts PRESETS), or duties one by one (decision 049). */
export type Seat = Preset | readonly Duty[];
export const dutiesOf = (seat: Seat): Duty[] => (typeof seat === "string" ? [...PRESETS[seat]] : [...seat]);

export function actorAt(unit: UnitRow, seat: Seat = "DISTRICT_STAFF", userId = 0): Actor {
  return {
    userId,
    username: `u${userId}`,
    displayName: "Người thử",
    duties: dutiesOf(seat),
    mustChangePassword: false,
    unit: { id: unit.id, level: unit.level, typeLabel: unit.typeLabel, name: unit.name, code: unit.code, ancestorIds: unit.ancestorIds },
  };
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "mat-khau-thu-2026";

export async function createUser(unit: UnitRow, seat: Seat = "DISTRICT_STAFF", overrides: { active?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      username: `user.${uid()}`,
      displayName: "Nguyễn Văn Thử",
      passwordHash: await cachedHash,
      duties: dutiesOf(seat),
      unitId: unit.id,
      active: overrides.active ?? true,
    },
  });
}

export async function createField() {
  return db.petitionField.create({ data: { code: `f-${uid()}`, name: "Đất đai", defaultDeadlineDays: 15 } });
}

export async function createPetition(unit: { id: number }, createdById: number, fieldId: number) {
  const code = `T-${uid()}`;
  const content = "Đề nghị sửa chữa đường liên thôn bị xuống cấp";
  return db.petition.create({
    data: {
      code,
      unitId: unit.id,
      receivedOn: new Date("2026-03-02"),
      channel: "RECEPTION",
      petitionerKind: "PERSON",
      petitionerName: "Trần Thị Hoa",
      fieldId,
      content,
      ...petitionSearchColumns({ code, content, petitionerName: "Trần Thị Hoa" }),
      createdById,
    },
  });
}

/** A bloc or team in a unit, with members (cadres of that unit); the first member is its head. */
export async function createOrganisation(unit: UnitRow, kind: "BLOC" | "TEAM", memberNames: string[], dates: { establishedOn?: Date; dissolvedOn?: Date } = {}) {
  const org = await db.organisation.create({ data: { kind, unitId: unit.id, name: `${kind === "BLOC" ? "Khối" : "Tổ"} dân vận ${unit.typeLabel} ${unit.name}`, ...dates } });
  const members = [];
  for (const [i, fullName] of memberNames.entries()) {
    const cadre = await db.cadre.create({ data: { fullName, searchName: fullName.toLowerCase(), unitId: unit.id } });
    await db.membership.create({
      data: { organisationId: org.id, cadreId: cadre.id, role: i === 0 ? "HEAD" : "MEMBER", representing: i === 0 ? (kind === "BLOC" ? "PARTY_STANDING_DEPUTY" : "PARTY_CELL_SECRETARY") : "OTHER", termStart: new Date("2020-01-01") },
    });
    members.push(cadre);
  }
  return { org, members };
}
