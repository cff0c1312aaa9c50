import type { Affiliation, MembershipRole, OrganisationKind } from "../generated/prisma/enums";
import { unitFullName } from "../units/labels";

export const AFFILIATIONS = [
  "PARTY_STANDING_DEPUTY",
  "PARTY_CELL_SECRETARY",
  "VILLAGE_HEAD",
  "FATHERLAND_FRONT",
  "FARMERS_UNION",
  "WOMENS_UNION",
  "YOUTH_UNION",
  "VETERANS_ASSOCIATION",
  "POLICE",
  "MILITARY",
  "OTHER",
] as const satisfies readonly Affiliation[];

export const MEMBERSHIP_ROLES = ["HEAD", "DEPUTY", "MEMBER"] as const satisfies readonly MembershipRole[];

/** The organisation a member represents, in Vietnamese. */
export const AFFILIATION_LABELS: Record<Affiliation, string> = {
  PARTY_STANDING_DEPUTY: "Phó Bí thư thường trực Đảng ủy",
  PARTY_CELL_SECRETARY: "Bí thư chi bộ",
  VILLAGE_HEAD: "Trưởng thôn / Tổ trưởng tổ dân phố",
  FATHERLAND_FRONT: "Mặt trận Tổ quốc",
  FARMERS_UNION: "Hội Nông dân",
  WOMENS_UNION: "Hội Liên hiệp Phụ nữ",
  YOUTH_UNION: "Đoàn Thanh niên",
  VETERANS_ASSOCIATION: "Hội Cựu chiến binh",
  POLICE: "Công an",
  MILITARY: "Quân sự",
  OTHER: "Khác",
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  BLOC: "Khối dân vận",
  TEAM: "Tổ dân vận",
};

/** "Khối dân vận Xã Đồng Ích", "Tổ dân vận Thôn Đình": the name the demo and the village form give. */
export function organisationName(kind: OrganisationKind, unit: { typeLabel: string; name: string }): string {
  return `${ORGANISATION_KIND_LABELS[kind]} ${unitFullName(unit)}`;
}

/** A member's role: the head of a bloc is "Trưởng khối", of a team "Tổ trưởng". */
export function membershipRoleLabel(kind: OrganisationKind, role: MembershipRole): string {
  if (role === "HEAD") return kind === "BLOC" ? "Trưởng khối" : "Tổ trưởng";
  return role === "DEPUTY" ? "Phó" : "Thành viên";
}

const ROLE_ORDER: Record<MembershipRole, number> = { HEAD: 0, DEPUTY: 1, MEMBER: 2 };

/** Heads first, then deputies, then members; by name within a role. */
export function compareMembers(a: { role: MembershipRole; fullName: string }, b: { role: MembershipRole; fullName: string }): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.fullName.localeCompare(b.fullName, "vi");
}
