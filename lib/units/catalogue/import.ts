/**
 * Importing the GSO catalogue into the unit tree (issue 3 §2). Units are matched by
 * level and code among the units valid on the catalogue's date (codes are reused across
 * reforms, see decision 003); new ones are created, renamed or moved ones updated, and
 * nothing else is written. The writes are set-based (a few statements per level), in one
 * transaction, so that the national file (≈ 10,800 units) imports in seconds.
 */
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { Tx } from "../../db/client";
import { audit } from "../../audit/log";
import { insertUnit, unitSearchName } from "../tree";
import { CATALOGUE_LEVELS, type CatalogueLevel, type CatalogueUnit } from "./parse";

// A type, not an interface, so that it fits the audit row's JSON.
export type CatalogueCounts = {
  new: number;
  changed: number;
  unchanged: number;
};

export type CatalogueSummary = Record<CatalogueLevel, CatalogueCounts>;

export interface CatalogueImportOptions {
  /** The user who imports; null for the command line. */
  actorId: number | null;
  /** The day the catalogue describes: units are matched among those valid on it. */
  asOf: Date;
  /**
   * `validFrom` of the units created. Null (the default) says they predate our records,
   * right for a first load; pass the reform's date when importing a later catalogue.
   */
  validFrom?: Date | null;
  /** Test seam: called inside the transaction after each level is written. */
  afterLevel?: (level: CatalogueLevel, tx: Tx) => Promise<void> | void;
}

export interface CatalogueImportResult {
  counts: CatalogueSummary;
  /** Id of the NATION root the provinces hang under. */
  rootId: number | null;
}

export const ROOT_NAME = "Việt Nam";
export const ROOT_TYPE_LABEL = "Cả nước";

const PARENT_LEVEL = { PROVINCE: "NATION", DISTRICT: "PROVINCE", COMMUNE: "DISTRICT" } as const;

interface ExistingUnit {
  id: number;
  level: CatalogueLevel;
  code: string;
  typeLabel: string;
  name: string;
  searchName: string;
  parentId: number | null;
}

type Db = Pick<Tx, "unit">;

/** Prisma filter: valid on `asOf` (validFrom null or ≤, validTo null or ≥). */
function validOn(asOf: Date): Prisma.UnitWhereInput {
  return {
    AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: asOf } }] }, { OR: [{ validTo: null }, { validTo: { gte: asOf } }] }],
  };
}

async function loadExisting(db: Db, asOf: Date) {
  const rows = await db.unit.findMany({
    where: { level: { in: [...CATALOGUE_LEVELS] }, code: { not: null }, ...validOn(asOf) },
    select: { id: true, level: true, code: true, typeLabel: true, name: true, searchName: true, parentId: true },
    orderBy: { id: "asc" },
  });
  const byLevel: Record<CatalogueLevel, Map<string, ExistingUnit>> = { PROVINCE: new Map(), DISTRICT: new Map(), COMMUNE: new Map() };
  const duplicates: string[] = [];
  for (const row of rows) {
    const level = row.level as CatalogueLevel;
    const unit = { ...row, level, code: row.code as string };
    if (byLevel[level].has(unit.code)) duplicates.push(`${level} ${unit.code}`);
    else byLevel[level].set(unit.code, unit);
  }
  if (duplicates.length) {
    throw new Error(
      `Có nhiều đơn vị cùng mã còn hiệu lực vào ngày ${asOf.toISOString().slice(0, 10)}, không thể đối chiếu: ${duplicates.slice(0, 10).join(", ")}${duplicates.length > 10 ? "…" : ""}`,
    );
  }
  const nations = await db.unit.findMany({ where: { level: "NATION", ...validOn(asOf) }, select: { id: true }, orderBy: { id: "asc" } });
  return { byLevel, nationIds: new Set(nations.map((n) => n.id)), rootId: nations[0]?.id ?? null };
}

type Existing = Awaited<ReturnType<typeof loadExisting>>;

interface Planned extends CatalogueUnit {
  searchName: string;
  existing?: ExistingUnit;
}

/** Compares the catalogue with the units valid on the day: what is new, changed or unchanged. */
function plan(units: CatalogueUnit[], existing: Existing) {
  const levels: Record<CatalogueLevel, { created: Planned[]; changed: Planned[]; unchanged: number }> = {
    PROVINCE: { created: [], changed: [], unchanged: 0 },
    DISTRICT: { created: [], changed: [], unchanged: 0 },
    COMMUNE: { created: [], changed: [], unchanged: 0 },
  };
  for (const unit of units) {
    const planned: Planned = { ...unit, searchName: unitSearchName(unit) };
    const current = existing.byLevel[unit.level].get(unit.code);
    const slot = levels[unit.level];
    if (!current) {
      slot.created.push(planned);
      continue;
    }
    planned.existing = current;
    let sameParent: boolean;
    if (unit.level === "PROVINCE") {
      sameParent = current.parentId !== null && existing.nationIds.has(current.parentId);
    } else {
      const parent = unit.parentCode === null ? undefined : existing.byLevel[PARENT_LEVEL[unit.level] as CatalogueLevel].get(unit.parentCode);
      sameParent = parent !== undefined && parent.id === current.parentId;
    }
    const same = sameParent && current.name === unit.name && current.typeLabel === unit.typeLabel && current.searchName === planned.searchName;
    if (same) slot.unchanged++;
    else slot.changed.push(planned);
  }
  return levels;
}

function summarise(levels: ReturnType<typeof plan>): CatalogueSummary {
  const out = {} as CatalogueSummary;
  for (const level of CATALOGUE_LEVELS) {
    out[level] = { new: levels[level].created.length, changed: levels[level].changed.length, unchanged: levels[level].unchanged };
  }
  return out;
}

/** What importing `units` would do, level by level, without writing anything. */
export async function previewCatalogue(db: Db, units: CatalogueUnit[], asOf: Date): Promise<CatalogueSummary> {
  return summarise(plan(units, await loadExisting(db, asOf)));
}

/**
 * Imports the catalogue in one transaction and writes one audit row
 * (`units.catalogue-import`) with the counts. Throws, leaving nothing behind, when a
 * unit's parent is neither in the catalogue nor in the database.
 */
export async function importCatalogue(client: PrismaClient, units: CatalogueUnit[], options: CatalogueImportOptions): Promise<CatalogueImportResult> {
  return client.$transaction(
    async (tx) => {
      const existing = await loadExisting(tx, options.asOf);
      const levels = plan(units, existing);
      const counts = summarise(levels);
      let rootId = existing.rootId;

      // Ids of the units of each level by code: the existing ones, then the new ones.
      const ids: Record<CatalogueLevel, Map<string, number>> = { PROVINCE: new Map(), DISTRICT: new Map(), COMMUNE: new Map() };
      for (const level of CATALOGUE_LEVELS) for (const [code, unit] of existing.byLevel[level]) ids[level].set(code, unit.id);

      for (const level of CATALOGUE_LEVELS) {
        const { created, changed } = levels[level];
        if ((created.length || changed.length) && level === "PROVINCE" && rootId === null) {
          const root = await insertUnit(tx, { parentId: null, level: "NATION", typeLabel: ROOT_TYPE_LABEL, name: ROOT_NAME });
          rootId = root.id;
        }
        const parentIdOf = (unit: Planned): number => {
          if (unit.level === "PROVINCE") return rootId as number;
          const parentLevel = PARENT_LEVEL[unit.level] as CatalogueLevel;
          const id = unit.parentCode === null ? undefined : ids[parentLevel].get(unit.parentCode);
          if (id === undefined) {
            throw new Error(`Không tìm thấy đơn vị cấp trên mã ${unit.parentCode ?? "(trống)"} của ${unit.typeLabel} ${unit.name} (mã ${unit.code})`);
          }
          return id;
        };

        if (created.length) {
          const rows = created.map((u) => ({ code: u.code, typeLabel: u.typeLabel, name: u.name, searchName: u.searchName, parentId: parentIdOf(u) }));
          // Ids are drawn first so that each row's path (parent's path + own id) is written by the insert itself.
          const inserted = await tx.$queryRaw<{ id: number; code: string }[]>`
            WITH r AS MATERIALIZED (
              SELECT nextval(pg_get_serial_sequence('"Unit"', 'id'))::int AS id, x.*
              FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                AS x(code text, "typeLabel" text, name text, "searchName" text, "parentId" int)
            )
            INSERT INTO "Unit" (id, code, level, "typeLabel", name, "searchName", "parentId", "ancestorIds", depth, "validFrom", "updatedAt")
            SELECT r.id, r.code, ${level}::"UnitLevel", r."typeLabel", r.name, r."searchName", r."parentId",
                   p."ancestorIds" || r.id, cardinality(p."ancestorIds"), ${options.validFrom ?? null}::date, now()
            FROM r JOIN "Unit" p ON p.id = r."parentId"
            RETURNING id, code`;
          if (inserted.length !== rows.length) throw new Error(`Chỉ tạo được ${inserted.length}/${rows.length} đơn vị cấp ${level}`);
          for (const row of inserted) ids[level].set(row.code, row.id);
        }

        if (changed.length) {
          const rows = changed.map((u) => ({
            id: u.existing!.id,
            typeLabel: u.typeLabel,
            name: u.name,
            searchName: u.searchName,
            parentId: parentIdOf(u),
          }));
          const moved = rows.filter((r, i) => r.parentId !== changed[i].existing!.parentId).map((r) => r.id);
          await tx.$executeRaw`
            UPDATE "Unit" u
            SET "typeLabel" = r."typeLabel", name = r.name, "searchName" = r."searchName", "parentId" = r."parentId",
                "updatedAt" = now(), version = u.version + 1
            FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id int, "typeLabel" text, name text, "searchName" text, "parentId" int)
            WHERE u.id = r.id`;
          if (moved.length) {
            // A moved unit's subtree (itself included) gets the new parent's path in front
            // of the part of its path that starts at the moved unit. Units of one level are
            // disjoint subtrees, and their parents' paths are final by now.
            await tx.$executeRaw`
              UPDATE "Unit" d
              SET "ancestorIds" = p."ancestorIds" || d."ancestorIds"[array_position(d."ancestorIds", m.id):],
                  depth = cardinality(p."ancestorIds") + cardinality(d."ancestorIds") - array_position(d."ancestorIds", m.id),
                  "updatedAt" = now()
              FROM "Unit" m JOIN "Unit" p ON p.id = m."parentId"
              WHERE m.id = ANY(${moved}::int[]) AND d."ancestorIds" @> ARRAY[m.id]`;
          }
        }
        await options.afterLevel?.(level, tx);
      }

      await audit(tx, {
        actorId: options.actorId,
        action: "units.catalogue-import",
        entity: "Unit",
        data: { asOf: options.asOf.toISOString().slice(0, 10), total: units.length, counts },
      });
      return { counts, rootId };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
