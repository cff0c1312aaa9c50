/** The administrative tree of the demo: one old-shape and one new-shape province. */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { UnitLevel } from "../../lib/generated/prisma/enums";
import { toSearchText } from "../../lib/text/search";
import type { CalendarDate } from "../../lib/calendar";
import { BAN_NAMES, LAI_CHAU, THON_NAMES, TO_DAN_PHO_NAMES, VINH_PHUC, type CommuneDef, type ProvinceDef } from "./data";
import type { Region } from "./names";
import type { Random } from "./random";
import { dbDate, insertChunked, reserveIds } from "./util";

export interface UnitNode {
  id: number;
  code: string | null;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  parentId: number | null;
  ancestorIds: number[];
  validFrom: CalendarDate | null;
}

export interface VillageNode extends UnitNode {
  commune: CommuneNode;
  /** Relative share of the commune's petitions: some places simply complain more. */
  weight: number;
}

export interface CommuneNode extends UnitNode {
  area: Area;
  villages: VillageNode[];
}

/**
 * The unit that receives and numbers petitions, owns agencies and employs the staff
 * user: a district in the old shape, the province itself in the new one.
 */
export interface Area {
  unit: UnitNode;
  province: UnitNode;
  region: Region;
  /** First day the area has records (null: before the seed window). */
  since: CalendarDate | null;
  /** Last day the area has records of its own (null: still standing); a district ended by the reform. */
  until: CalendarDate | null;
  communes: CommuneNode[];
}

export interface UnitTree {
  root: UnitNode;
  provinces: UnitNode[];
  areas: Area[];
  communes: CommuneNode[];
  villages: VillageNode[];
  all: UnitNode[];
}

/** "Thôn Đình", "Huyện Lập Thạch". */
export function fullName(u: Pick<UnitNode, "typeLabel" | "name">): string {
  return `${u.typeLabel} ${u.name}`;
}

/** "xã Quang Sơn", "thị trấn Lập Thạch": the form used inside a sentence. */
export function inlineName(u: Pick<UnitNode, "typeLabel" | "name">): string {
  return `${u.typeLabel.toLowerCase()} ${u.name}`;
}

function node(
  id: number,
  parent: UnitNode | null,
  level: UnitLevel,
  typeLabel: string,
  name: string,
  code: string | null,
  validFrom: CalendarDate | null,
): UnitNode {
  return {
    id,
    code,
    level,
    typeLabel,
    name,
    parentId: parent?.id ?? null,
    ancestorIds: [...(parent?.ancestorIds ?? []), id],
    validFrom,
  };
}

function villageNames(rng: Random, commune: CommuneDef, region: Region, count: number): [string, string][] {
  if (region === "upland" && commune.typeLabel === "Phường") {
    return Array.from({ length: count }, (_, i): [string, string] => ["Tổ dân phố", `số ${i + 1}`]);
  }
  if (commune.typeLabel === "Thị trấn") {
    return rng.sample(TO_DAN_PHO_NAMES, count).map((n): [string, string] => ["Tổ dân phố", n]);
  }
  if (region === "upland") return rng.sample(BAN_NAMES, count).map((n): [string, string] => ["Bản", n]);
  // A commune does not name a village after itself.
  const pool = THON_NAMES.filter((n) => n !== commune.name);
  return rng.sample(pool, count).map((n): [string, string] => ["Thôn", n]);
}

/** Builds the tree in memory with ids taken from the sequence, then inserts it level by level. */
export async function seedUnits(db: PrismaClient, rng: Random): Promise<UnitTree> {
  const defs: [ProvinceDef, Region][] = [
    [VINH_PHUC, "delta"],
    [LAI_CHAU, "upland"],
  ];
  // Village counts are drawn first so that the number of ids to reserve is known.
  const plan = defs.map(([p, region]) => {
    const groups = p.districts.length > 0 ? p.districts.map((d) => ({ district: d, communes: d.communes })) : [{ district: null, communes: p.communes }];
    return {
      p,
      region,
      groups: groups.map((g) => ({
        ...g,
        communes: g.communes.map((c) => ({ c, names: villageNames(rng, c, region, region === "upland" ? rng.int(8, 12) : rng.int(8, 15)) })),
      })),
    };
  });
  let total = 1;
  for (const pp of plan) {
    total += 1;
    for (const g of pp.groups) total += (g.district ? 1 : 0) + g.communes.reduce((s, c) => s + 1 + c.names.length, 0);
  }
  const ids = await reserveIds(db, "Unit", total);
  let next = 0;
  const take = () => ids[next++];

  const root = node(take(), null, "NATION", "Cả nước", "Việt Nam", null, null);
  const tree: UnitTree = { root, provinces: [], areas: [], communes: [], villages: [], all: [root] };
  for (const { p, region, groups } of plan) {
    const province = node(take(), root, "PROVINCE", p.typeLabel, p.name, p.code, null);
    tree.provinces.push(province);
    tree.all.push(province);
    for (const g of groups) {
      const areaUnit = g.district ? node(take(), province, "DISTRICT", g.district.typeLabel, g.district.name, g.district.code, null) : province;
      if (g.district) tree.all.push(areaUnit);
      const area: Area = { unit: areaUnit, province, region, since: p.communesFrom, until: null, communes: [] };
      tree.areas.push(area);
      for (const { c, names } of g.communes) {
        const commune: CommuneNode = { ...node(take(), areaUnit, "COMMUNE", c.typeLabel, c.name, c.code, p.communesFrom), area, villages: [] };
        area.communes.push(commune);
        tree.communes.push(commune);
        tree.all.push(commune);
        for (const [typeLabel, name] of names) {
          const weight = 0.4 + rng.next() * 1.4 + (rng.chance(0.08) ? 1.5 : 0);
          const village: VillageNode = { ...node(take(), commune, "VILLAGE", typeLabel, name, null, p.communesFrom), commune, weight };
          commune.villages.push(village);
          tree.villages.push(village);
          tree.all.push(village);
        }
      }
    }
  }

  const depthOrder = [...tree.all].sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.id - b.id);
  await insertChunked(depthOrder, 2000, (chunk) =>
    db.unit.createMany({
      data: chunk.map((u) => ({
        id: u.id,
        code: u.code,
        level: u.level,
        typeLabel: u.typeLabel,
        name: u.name,
        searchName: toSearchText(fullName(u)),
        parentId: u.parentId,
        ancestorIds: u.ancestorIds,
        depth: u.ancestorIds.length - 1,
        validFrom: u.validFrom ? dbDate(u.validFrom) : null,
        validTo: null,
      })),
    }),
  );
  return tree;
}
