/** Blocs, teams and their cadres, with the head shares that provincial reports measure. */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { Affiliation, MembershipRole, OrganisationKind } from "../../lib/generated/prisma/enums";
import { addDays, type CalendarDate } from "../../lib/calendar";
import { toSearchText } from "../../lib/text/search";
import { SHOWCASE_SECRETARY_NAME } from "./accounts";
import { bulkInsert } from "./bulk";
import type { SeedContext } from "./context";
import { SHOWCASE_COMMUNE_CODE } from "./data";
import { mobilePhone, personName, type Sex } from "./names";
import { fullName, inlineName, type CommuneNode, type UnitTree, type VillageNode } from "./units";
import { dayBetween, dbDate, insertChunked, maxDate, reserveIds } from "./util";

export interface CadreRec {
  id: number;
  fullName: string;
  sex: Sex;
  birthYear: number;
  phone: string;
  isPartyMember: boolean;
  position: string;
  unitId: number;
}

export interface MemberRec {
  cadre: CadreRec;
  role: MembershipRole;
  representing: Affiliation;
  termStart: CalendarDate;
}

export interface OrgRec {
  id: number;
  kind: OrganisationKind;
  unitId: number;
  name: string;
  establishedOn: CalendarDate;
  members: MemberRec[];
  head: MemberRec;
}

export interface Organisations {
  blocs: Map<number, OrgRec>;
  teams: Map<number, OrgRec>;
  cadres: CadreRec[];
  memberships: number;
  trainings: number;
}

/** Share of women per affiliation, so that names and genders look like real rosters (also the bench generator's). */
export const FEMALE_SHARE: Record<Affiliation, number> = {
  PARTY_STANDING_DEPUTY: 0.2, PARTY_CELL_SECRETARY: 0.15, VILLAGE_HEAD: 0.12, FATHERLAND_FRONT: 0.35,
  FARMERS_UNION: 0.2, WOMENS_UNION: 1, YOUTH_UNION: 0.4, VETERANS_ASSOCIATION: 0.03, POLICE: 0.05, MILITARY: 0.02, OTHER: 0.3,
};

export const BIRTH_YEARS: Partial<Record<Affiliation, [number, number]>> = {
  YOUTH_UNION: [1990, 1995],
  VETERANS_ASSOCIATION: [1960, 1968],
  POLICE: [1978, 1992],
  MILITARY: [1978, 1992],
};

export function villagePosition(a: Affiliation, v: Pick<VillageNode, "typeLabel" | "name">): string {
  const name = fullName(v);
  switch (a) {
    case "PARTY_CELL_SECRETARY": return `Bí thư chi bộ ${name}`;
    case "VILLAGE_HEAD":
      if (v.typeLabel === "Tổ dân phố") return `Tổ trưởng tổ dân phố ${v.name}`;
      return `Trưởng ${v.typeLabel.toLowerCase()} ${v.name}`;
    case "FATHERLAND_FRONT": return `Trưởng ban công tác Mặt trận ${name}`;
    case "WOMENS_UNION": return `Chi hội trưởng Phụ nữ ${name}`;
    case "FARMERS_UNION": return `Chi hội trưởng Nông dân ${name}`;
    case "YOUTH_UNION": return `Bí thư Chi đoàn ${name}`;
    case "VETERANS_ASSOCIATION": return `Chi hội trưởng Cựu chiến binh ${name}`;
    default: return `Thành viên Tổ dân vận ${name}`;
  }
}

export function communePosition(a: Affiliation, c: Pick<CommuneNode, "typeLabel" | "name">, deputy: boolean): string {
  const name = inlineName(c);
  switch (a) {
    case "PARTY_STANDING_DEPUTY": return `Phó Bí thư thường trực Đảng ủy ${name}`;
    case "FATHERLAND_FRONT": return `${deputy ? "Phó Chủ tịch" : "Chủ tịch"} Ủy ban MTTQ ${name}`;
    case "FARMERS_UNION": return `Chủ tịch Hội Nông dân ${name}`;
    case "WOMENS_UNION": return `Chủ tịch Hội Liên hiệp Phụ nữ ${name}`;
    case "YOUTH_UNION": return `Bí thư Đoàn Thanh niên ${name}`;
    case "VETERANS_ASSOCIATION": return `Chủ tịch Hội Cựu chiến binh ${name}`;
    case "POLICE": return `Trưởng Công an ${name}`;
    case "MILITARY": return `Chỉ huy trưởng Ban Chỉ huy Quân sự ${name}`;
    default: return `Ủy viên Khối dân vận ${name}`;
  }
}

export const TEAM_UNIONS: Affiliation[] = ["WOMENS_UNION", "FARMERS_UNION", "YOUTH_UNION", "VETERANS_ASSOCIATION"];
export const BLOC_MEMBERS: Affiliation[] = ["FARMERS_UNION", "WOMENS_UNION", "YOUTH_UNION", "VETERANS_ASSOCIATION", "POLICE", "MILITARY"];

export const COURSES = [
  "Tập huấn nghiệp vụ công tác dân vận",
  "Bồi dưỡng kỹ năng dân vận khéo",
  "Tập huấn kỹ năng tiếp xúc, đối thoại với Nhân dân",
  "Bồi dưỡng nghiệp vụ tiếp công dân, xử lý đơn thư",
  "Tập huấn công tác dân vận chính quyền",
  "Bồi dưỡng lý luận chính trị cho cán bộ cơ sở",
  "Tập huấn chuyển đổi số trong công tác dân vận",
];

export async function seedOrganisations(db: PrismaClient, ctx: SeedContext, tree: UnitTree): Promise<Organisations> {
  const { rng } = ctx;
  const cadres: CadreRec[] = [];
  // Ids are assigned after the roster is drawn; until then a cadre is its index.
  const newCadre = (a: Affiliation, position: string, unitId: number, region: "delta" | "upland"): CadreRec => {
    const sex: Sex = rng.chance(FEMALE_SHARE[a]) ? "FEMALE" : "MALE";
    const [from, to] = BIRTH_YEARS[a] ?? [1960, 1990];
    const leader = a === "PARTY_STANDING_DEPUTY" || a === "PARTY_CELL_SECRETARY";
    const c: CadreRec = {
      id: cadres.length,
      fullName: personName(rng, sex, region).fullName,
      sex,
      birthYear: rng.int(from, to),
      phone: mobilePhone(rng),
      isPartyMember: leader || rng.chance(0.85),
      position,
      unitId,
    };
    cadres.push(c);
    return c;
  };
  // Terms started before the window, so every member attends every meeting they could.
  const termStartFor = (since: CalendarDate | null): CalendarDate =>
    since ?? dayBetween((a, b) => rng.int(a, b), addDays(ctx.windowStart, -4 * 365), addDays(ctx.windowStart, -30));
  const establishedFor = (since: CalendarDate | null): CalendarDate =>
    since ?? dayBetween((a, b) => rng.int(a, b), "2012-01-01", "2019-12-31");

  const blocs = new Map<number, OrgRec>();
  const teams = new Map<number, OrgRec>();
  const orgs: OrgRec[] = [];
  for (const commune of tree.communes) {
    const { region, since } = commune.area;
    const start = termStartFor(since);
    const headA: Affiliation = commune.code === SHOWCASE_COMMUNE_CODE || rng.chance(0.9) ? "PARTY_STANDING_DEPUTY" : "FATHERLAND_FRONT";
    const member = (a: Affiliation, role: MembershipRole): MemberRec => ({
      cadre: newCadre(a, communePosition(a, commune, role === "DEPUTY" && a === "FATHERLAND_FRONT" && headA === "FATHERLAND_FRONT"), commune.id, region),
      role,
      representing: a,
      termStart: start,
    });
    const head = member(headA, "HEAD");
    if (commune.code === SHOWCASE_COMMUNE_CODE) {
      // The demo account `xa.lapthach` is this cadre: give them the account's name.
      head.cadre.fullName = SHOWCASE_SECRETARY_NAME;
      head.cadre.sex = "MALE";
    }
    const members = [head, member("FATHERLAND_FRONT", "DEPUTY")];
    for (const a of BLOC_MEMBERS) if (rng.chance(0.88)) members.push(member(a, "MEMBER"));
    const bloc: OrgRec = { id: 0, kind: "BLOC", unitId: commune.id, name: `Khối dân vận ${fullName(commune)}`, establishedOn: establishedFor(since), members, head };
    blocs.set(commune.id, bloc);
    orgs.push(bloc);

    for (const village of commune.villages) {
      const vStart = termStartFor(since);
      const vMember = (a: Affiliation, role: MembershipRole): MemberRec => ({
        cadre: newCadre(a, villagePosition(a, village), village.id, region),
        role,
        representing: a,
        termStart: vStart,
      });
      const tHeadA: Affiliation = rng.chance(0.94) ? "PARTY_CELL_SECRETARY" : "VILLAGE_HEAD";
      const tHead = vMember(tHeadA, "HEAD");
      const size = rng.int(3, 5);
      const pool: Affiliation[] = tHeadA === "PARTY_CELL_SECRETARY" ? ["VILLAGE_HEAD"] : [];
      if (rng.chance(0.9)) pool.push("FATHERLAND_FRONT");
      const rest = rng.shuffle(tHeadA === "PARTY_CELL_SECRETARY" ? TEAM_UNIONS : [...TEAM_UNIONS, "FATHERLAND_FRONT" as Affiliation].filter((a) => !pool.includes(a)));
      const chosen = [...pool, ...rest].slice(0, size);
      const team: OrgRec = {
        id: 0,
        kind: "TEAM",
        unitId: village.id,
        name: `Tổ dân vận ${fullName(village)}`,
        establishedOn: establishedFor(since),
        members: [tHead, ...chosen.map((a) => vMember(a, "MEMBER"))],
        head: tHead,
      };
      teams.set(village.id, team);
      orgs.push(team);
    }
  }

  const orgIds = await reserveIds(db, "Organisation", orgs.length);
  orgs.forEach((o, i) => (o.id = orgIds[i]));
  const cadreIds = await reserveIds(db, "Cadre", cadres.length);
  cadres.forEach((c, i) => (c.id = cadreIds[i]));

  // The seed's rows are created "now", like the app's own; only business dates are historical.
  const now = new Date();
  await insertChunked(orgs, 2000, (chunk) =>
    db.organisation.createMany({
      data: chunk.map((o) => ({ id: o.id, kind: o.kind, unitId: o.unitId, name: o.name, establishedOn: dbDate(o.establishedOn) })),
    }),
  );
  await bulkInsert<Prisma.CadreCreateManyInput>(
    db,
    "Cadre",
    { id: "int", fullName: "text", searchName: "text", gender: { enum: "Gender" }, birthYear: "int", phone: "text", isPartyMember: "boolean", position: "text", unitId: "int", updatedAt: "timestamp" },
    cadres.map((c) => ({
      id: c.id,
      fullName: c.fullName,
      searchName: toSearchText(c.fullName),
      gender: c.sex,
      birthYear: c.birthYear,
      phone: c.phone,
      isPartyMember: c.isPartyMember,
      position: c.position,
      unitId: c.unitId,
      updatedAt: now,
    })),
  );
  const memberships: Prisma.MembershipCreateManyInput[] = orgs.flatMap((o) =>
    o.members.map((m) => ({ organisationId: o.id, cadreId: m.cadre.id, role: m.role, representing: m.representing, termStart: dbDate(m.termStart) })),
  );
  await bulkInsert(db, "Membership", { organisationId: "int", cadreId: "int", role: { enum: "MembershipRole" }, representing: { enum: "Affiliation" }, termStart: "date" }, memberships);

  const trainings = trainingRecords(ctx, tree, orgs);
  await bulkInsert(db, "TrainingRecord", { cadreId: "int", course: "text", organiser: "text", startOn: "date", endOn: "date", result: "text" }, trainings);
  return { blocs, teams, cadres, memberships: memberships.length, trainings: trainings.length };
}

function trainingRecords(ctx: SeedContext, tree: UnitTree, orgs: OrgRec[]) {
  const { rng } = ctx;
  const communeOf = new Map<number, CommuneNode>();
  for (const c of tree.communes) {
    communeOf.set(c.id, c);
    for (const v of c.villages) communeOf.set(v.id, c);
  }
  const rows: Prisma.TrainingRecordCreateManyInput[] = [];
  for (const o of orgs) {
    const commune = communeOf.get(o.unitId)!;
    const area = commune.area;
    const organisers =
      area.unit.level === "DISTRICT"
        ? [`Ban Dân vận Huyện ủy ${area.unit.name}`, `Trung tâm Chính trị huyện ${area.unit.name}`, `Ban Dân vận Tỉnh ủy ${area.province.name}`]
        : [`Ban Dân vận Tỉnh ủy ${area.province.name}`, `Trường Chính trị tỉnh ${area.province.name}`, `Đảng ủy ${inlineName(commune)}`];
    const earliest = maxDate(addDays(ctx.windowStart, -365), area.since ?? "1900-01-01");
    for (const m of o.members) {
      if (!rng.chance(0.3)) continue;
      for (const course of rng.sample(COURSES, rng.int(1, 2))) {
        const start = dayBetween((a, b) => rng.int(a, b), earliest, addDays(ctx.lastDay, -10));
        rows.push({
          cadreId: m.cadre.id,
          course,
          organiser: rng.pick(organisers),
          startOn: dbDate(start),
          endOn: dbDate(addDays(start, rng.int(1, 4))),
          result: rng.weighted([["Hoàn thành tốt", 50], ["Hoàn thành", 35], ["Xuất sắc", 15]] as const),
        });
      }
    }
  }
  return rows;
}
