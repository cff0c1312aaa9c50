/**
 * The demo across the reform of 1 July 2025 (issue 15 part 5, decision 056): Vĩnh Phúc's
 * districts keep their records until 30 June 2025, the real merger into Phú Thọ's new
 * communes is applied by the app's own import (lib/units/merger/import.ts), and the months
 * since are recorded on the new communes, their blocs and the teams their villages brought.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { MembershipRole } from "../../lib/generated/prisma/enums";
import { PRESETS } from "../../lib/auth/roles";
import { importMerger, type MergerCounts } from "../../lib/units/merger/import";
import type { MergerCommune, ParsedMerger } from "../../lib/units/merger/parse";
import { addDays, type CalendarDate } from "../../lib/calendar";
import { DEMO_ACCOUNTS } from "./accounts";
import { REFORM_DATE, SHOWCASE_COMMUNE_CODE } from "./data";
import type { OrgRec, Organisations } from "./organisations";
import type { Users } from "./reference";
import type { Area, CommuneNode, UnitNode, UnitTree, VillageNode } from "./units";
import { dbDate } from "./util";

/** The last day of the three-tier shape. */
export const REFORM_EVE: CalendarDate = addDays(REFORM_DATE, -1);

/**
 * The new communes of Tỉnh Phú Thọ that took in the demo's communes of Lập Thạch (246) and
 * Vĩnh Tường (252), as `admin-units-2025-07-merges.json` lists them (all whole merges). Xã Sơn
 * Đông also took in commune 08860, which the demo does not hold, so it is not named here.
 */
const NEW_COMMUNES: { code: string; name: string; district: "246" | "252"; merges: [string, string][] }[] = [
  { code: "08761", name: "Lập Thạch", district: "246", merges: [["08761", "Thị trấn Lập Thạch"], ["08794", "Xã Xuân Hòa"], ["08797", "Xã Vân Trục"], ["08815", "Xã Tử Du"]] },
  { code: "08770", name: "Hợp Lý", district: "246", merges: [["08764", "Xã Quang Sơn"], ["08767", "Xã Ngọc Mỹ"], ["08770", "Xã Hợp Lý"]] },
  { code: "08788", name: "Thái Hòa", district: "246", merges: [["08785", "Xã Bắc Bình"], ["08788", "Xã Thái Hòa"], ["08791", "Xã Liễn Sơn"]] },
  { code: "08812", name: "Liên Hòa", district: "246", merges: [["08789", "Thị trấn Hoa Sơn"], ["08812", "Xã Liên Hòa"], ["08833", "Xã Bàn Giản"]] },
  { code: "08842", name: "Tiên Lữ", district: "246", merges: [["08836", "Xã Xuân Lôi"], ["08839", "Xã Đồng Ích"], ["08842", "Xã Tiên Lữ"], ["08845", "Xã Văn Quán"]] },
  { code: "08866", name: "Sơn Đông", district: "246", merges: [["08863", "Xã Tây Sơn"], ["08866", "Xã Sơn Đông"]] },
  { code: "09076", name: "Vĩnh Tường", district: "252", merges: [["09076", "Thị trấn Vĩnh Tường"], ["09118", "Xã Lương Điền"], ["09130", "Xã Vũ Di"], ["09145", "Thị trấn Tứ Trưng"]] },
  { code: "09079", name: "Vĩnh An", district: "252", merges: [["09079", "Xã Kim Xá"], ["09082", "Xã Yên Bình"], ["09085", "Xã Chấn Hưng"]] },
  { code: "09100", name: "Vĩnh Hưng", district: "252", merges: [["09088", "Xã Nghĩa Hưng"], ["09091", "Xã Yên Lập"], ["09100", "Xã Đại Đồng"]] },
  { code: "09106", name: "Vĩnh Thành", district: "252", merges: [["09097", "Xã Sao Đại Việt"], ["09106", "Xã Lũng Hoà"], ["09124", "Xã Tân Phú"]] },
  { code: "09112", name: "Thổ Tang", district: "252", merges: [["09112", "Thị Trấn Thổ Tang"], ["09127", "Xã Thượng Trưng"], ["09136", "Xã Tuân Chính"]] },
  { code: "09154", name: "Vĩnh Phú", district: "252", merges: [["09148", "Xã Ngũ Kiên"], ["09151", "Xã An Nhân"], ["09154", "Xã Vĩnh Thịnh"], ["09157", "Xã Vĩnh Phú"]] },
];

/** Tỉnh Phú Thọ since 1 July 2025 took in Hòa Bình (17), Phú Thọ (25) and Vĩnh Phúc (26); the demo holds only the last. */
export const NEW_PROVINCE = { code: "25", typeLabel: "Tỉnh", name: "Phú Thọ" };

/** The part of the real merger list the demo's units take part in, as the merger import reads it. */
export function demoMerger(): ParsedMerger {
  const communes: MergerCommune[] = NEW_COMMUNES.map((c) => ({
    code: c.code,
    typeLabel: "Xã",
    name: c.name,
    provinceCode: NEW_PROVINCE.code,
    merges: c.merges.map(([code, name]) => ({ level: "COMMUNE", code, name, kind: "FULL" })),
  }));
  return {
    provinces: [{ ...NEW_PROVINCE, merges: [{ level: "PROVINCE", code: "26", name: "Tỉnh Vĩnh Phúc", kind: "FULL" }] }],
    communes,
  };
}

export interface ReformResult {
  counts: MergerCounts;
  /** The new shape of Vĩnh Phúc's former area: Tỉnh Phú Thọ and its new communes. */
  tree: UnitTree;
  area: Area;
}

/** Ends the old units, founds the new ones and moves the villages, blocs' members and accounts. */
export async function applyReform(db: PrismaClient, old: UnitTree, orgs: Organisations, users: Users): Promise<ReformResult> {
  const { counts } = await importMerger(db, demoMerger(), { actorId: null, effectiveOn: dbDate(REFORM_DATE) });
  const effective = dbDate(REFORM_DATE);

  const units = await db.unit.findMany({
    where: { validFrom: effective, level: { in: ["PROVINCE", "COMMUNE"] } },
    select: { id: true, code: true, level: true, typeLabel: true, name: true, parentId: true, ancestorIds: true },
    orderBy: { id: "asc" },
  });
  const provinceRow = units.find((u) => u.level === "PROVINCE" && u.code === NEW_PROVINCE.code)!;
  const asNode = (u: (typeof units)[number]): UnitNode => ({ ...u, validFrom: REFORM_DATE });
  const province = asNode(provinceRow);
  const vinhPhuc = old.areas.find((a) => a.province.code === "26")!;
  const area: Area = { unit: province, province, region: vinhPhuc.region, since: REFORM_DATE, until: null, communes: [] };

  const oldCommuneByCode = new Map(old.communes.map((c) => [c.code, c]));
  const communes: CommuneNode[] = [];
  const villages: VillageNode[] = [];
  for (const def of NEW_COMMUNES) {
    const row = units.find((u) => u.level === "COMMUNE" && u.code === def.code)!;
    const commune: CommuneNode = { ...asNode(row), area, villages: [] };
    for (const [code] of def.merges) {
      for (const v of oldCommuneByCode.get(code)!.villages) {
        const moved: VillageNode = { ...v, parentId: commune.id, ancestorIds: [...commune.ancestorIds, v.id], commune };
        commune.villages.push(moved);
        villages.push(moved);
      }
    }
    communes.push(commune);
  }
  area.communes = communes;

  // Each new bloc took in the members of the communes merged into it; the head of the commune
  // whose code the new one keeps heads it (the merger names no head when several arrive, decision 050).
  const newBlocs = await db.organisation.findMany({
    where: { kind: "BLOC", unitId: { in: communes.map((c) => c.id) }, dissolvedOn: null },
    select: { id: true, unitId: true, name: true, memberships: { select: { id: true, cadreId: true, role: true, representing: true, termStart: true }, where: { termEnd: null }, orderBy: { id: "asc" } } },
  });
  const cadreById = new Map(orgs.cadres.map((c) => [c.id, c]));
  for (const bloc of newBlocs) {
    const commune = communes.find((c) => c.id === bloc.unitId)!;
    const previous = orgs.blocs.get(oldCommuneByCode.get(commune.code)!.id)!;
    const head = bloc.memberships.find((m) => m.cadreId === previous.head.cadre.id)!;
    await db.membership.update({ where: { id: head.id }, data: { role: "HEAD" } });
    const members = bloc.memberships.map((m) => ({
      cadre: cadreById.get(m.cadreId)!,
      role: (m.id === head.id ? "HEAD" : m.role) as MembershipRole,
      representing: m.representing,
      termStart: REFORM_DATE,
    }));
    const rec: OrgRec = { id: bloc.id, kind: "BLOC", unitId: bloc.unitId, name: bloc.name, establishedOn: REFORM_DATE, members, head: members.find((m) => m.role === "HEAD")! };
    orgs.blocs.set(commune.id, rec);
  }

  // The accounts follow their people (issue 15 part 5); district staff stay on their district,
  // which keeps its records until 30 June 2025.
  for (const account of DEMO_ACCOUNTS) {
    const after = account.afterReform;
    const id = users.byUsername.get(account.username);
    if (!after || id === undefined || after.unit.level === "DISTRICT") continue;
    const home = after.unit.level === "PROVINCE" ? province : communes.find((c) => c.code === after.unit.code)!;
    await db.user.update({ where: { id }, data: { unitId: home.id, duties: [...PRESETS[after.preset]] } });
    users.rehome(id, home.id);
  }
  const showcase = communes.find((c) => c.code === SHOWCASE_COMMUNE_CODE)!;
  users.setSecretary(showcase.id, users.byUsername.get("xa.lapthach") ?? null);

  const tree: UnitTree = { root: old.root, provinces: [province], areas: [area], communes, villages, all: [province, ...communes, ...villages] };
  return { counts, tree, area };
}
