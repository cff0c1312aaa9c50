/**
 * Importing the 2025-07-01 reform (issue 3 §3): the new provinces and communes are
 * created (communes directly under provinces), each old unit is linked to its successors
 * (`UnitSuccession`, FULL or PARTIAL), the old provinces, their districts and the merged
 * communes are closed the day before, and the villages of communes merged whole move to
 * their new commune. Villages of split communes stay and are listed for an admin to
 * place. Everything is set-based, in one transaction.
 */
import { isoDay } from "../../time";
import type { PrismaClient } from "../../generated/prisma/client";
import type { UnitLevel } from "../../generated/prisma/enums";
import type { Tx } from "../../db/client";
import { audit } from "../../audit/log";
import { blocsAfterMerger } from "../../organisations/carry";
import { organisationName } from "../../organisations/labels";
import { unitSearchName } from "../tree";
import type { ParsedMerger, PredecessorLevel } from "./parse";
import { carryOpenPetitions } from "./petitions";
import { closeUnits, insertLinks, moveChildren, planMoves, uniqueLinks, villagesOfSplits, type SuccessionLink, type VillageToPlace } from "./steps";
import { REFORM_DATE } from "./schemas";

export type { VillageToPlace };


export interface MergerImportOptions {
  /** The user who imports; null for the command line. */
  actorId: number | null;
  /** The day the new units start; the old ones end the day before. Defaults to 2025-07-01. */
  effectiveOn?: Date;
}

// A type, not an interface, so that it fits the audit row's JSON.
export type MergerCounts = {
  provincesCreated: number;
  communesCreated: number;
  successionsFull: number;
  successionsPartial: number;
  provincesClosed: number;
  districtsClosed: number;
  communesClosed: number;
  villagesMoved: number;
  villagesToPlace: number;
  /** Old communes valid the day before that the file does not mention: they stay open. */
  unmentionedOpen: number;
  /** Blocs founded on the new communes, on the effective date (decision 050). */
  blocsFounded: number;
  /** Blocs of the closed communes, dissolved with them. */
  blocsDissolved: number;
  /** Members of those blocs carried into the new commune's bloc (communes that went whole only). */
  blocMembersCarried: number;
  /** Open petitions of communes that went whole, moved to their new commune (decision 055). */
  petitionsCarried: number;
};

export interface MergerImportResult {
  counts: MergerCounts;
  villagesToPlace: VillageToPlace[];
}

const DAY_MS = 86_400_000;

type Db = Pick<Tx, "$queryRaw">;

export interface UnitOnDate {
  id: number;
  code: string | null;
  typeLabel: string;
  name: string;
  parentId: number | null;
}

/** The units of `level` valid on `date` (validFrom null or ≤, validTo null or ≥), by code. */
export async function unitsValidOn(client: Db, date: Date, level: UnitLevel): Promise<UnitOnDate[]> {
  return client.$queryRaw<UnitOnDate[]>`
    SELECT id, code, "typeLabel", name, "parentId" FROM "Unit"
    WHERE level = ${level}::"UnitLevel"
      AND ("validFrom" IS NULL OR "validFrom" <= ${date}::date)
      AND ("validTo" IS NULL OR "validTo" >= ${date}::date)
    ORDER BY code, id`;
}

/** Imports the reform in one transaction; throws, saving nothing, on a missing old unit or a second run. */
export async function importMerger(client: PrismaClient, parsed: ParsedMerger, options: MergerImportOptions): Promise<MergerImportResult> {
  const effectiveOn = options.effectiveOn ?? REFORM_DATE;
  const dayBefore = new Date(effectiveOn.getTime() - DAY_MS);
  const effectiveText = isoDay(effectiveOn);

  return client.$transaction(
    async (tx) => {
      // 1. A second run: the new units exist already.
      const provinceCodes = parsed.provinces.map((p) => p.code);
      const communeCodes = parsed.communes.map((c) => c.code);
      const [{ existing }] = await tx.$queryRaw<{ existing: number }[]>`
        SELECT count(*)::int AS existing FROM "Unit"
        WHERE "validFrom" = ${effectiveOn}::date AND ("validTo" IS NULL OR "validTo" >= ${effectiveOn}::date)
          AND ((level = 'PROVINCE' AND code = ANY(${provinceCodes}::text[])) OR (level = 'COMMUNE' AND code = ANY(${communeCodes}::text[])))`;
      if (existing > 0) {
        throw new Error(
          `Đã nhập sắp xếp đơn vị hành chính ngày ${effectiveText}: ${existing} đơn vị mới trong tệp đã tồn tại với ngày hiệu lực ${effectiveText}. Không nhập lại, không thay đổi gì.`,
        );
      }

      // 2. The old units: valid on the day before.
      const old = await tx.$queryRaw<{ id: number; level: PredecessorLevel; code: string }[]>`
        SELECT id, level::text AS level, code FROM "Unit"
        WHERE level IN ('PROVINCE', 'DISTRICT', 'COMMUNE') AND code IS NOT NULL
          AND ("validFrom" IS NULL OR "validFrom" <= ${dayBefore}::date)
          AND ("validTo" IS NULL OR "validTo" >= ${dayBefore}::date)
        ORDER BY id`;
      const oldIds: Record<PredecessorLevel, Map<string, number>> = { PROVINCE: new Map(), DISTRICT: new Map(), COMMUNE: new Map() };
      const duplicated = new Set<string>();
      for (const u of old) {
        if (oldIds[u.level].has(u.code)) duplicated.add(`${u.level} ${u.code}`);
        else oldIds[u.level].set(u.code, u.id);
      }
      const duplicates: string[] = [];
      const missing: string[] = [];
      const seenMissing = new Set<string>();
      const resolve = (level: PredecessorLevel, code: string): number | undefined => {
        const id = oldIds[level].get(code);
        const key = `${level} ${code}`;
        if (duplicated.has(key) && !seenMissing.has(key)) {
          seenMissing.add(key);
          duplicates.push(key);
        }
        if (id === undefined && !seenMissing.has(key)) {
          seenMissing.add(key);
          missing.push(`${level === "PROVINCE" ? "tỉnh" : level === "DISTRICT" ? "huyện" : "xã"} ${code}`);
        }
        return id;
      };
      for (const p of parsed.provinces) for (const m of p.merges) resolve(m.level, m.code);
      for (const c of parsed.communes) for (const m of c.merges) resolve(m.level, m.code);
      if (missing.length) {
        throw new Error(
          `Không tìm thấy ${missing.length} đơn vị cũ còn hiệu lực ngày ${isoDay(dayBefore)}, không nhập gì: ${missing.slice(0, 50).join(", ")}${missing.length > 50 ? "…" : ""}`,
        );
      }
      if (duplicates.length) {
        throw new Error(
          `Có nhiều đơn vị cùng mã còn hiệu lực ngày ${isoDay(dayBefore)}, không thể đối chiếu: ${duplicates.slice(0, 10).join(", ")}${duplicates.length > 10 ? "…" : ""}`,
        );
      }

      const [root] = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM "Unit" WHERE level = 'NATION'
          AND ("validFrom" IS NULL OR "validFrom" <= ${effectiveOn}::date) AND ("validTo" IS NULL OR "validTo" >= ${effectiveOn}::date)
        ORDER BY id LIMIT 1`;
      if (!root) throw new Error("Chưa có đơn vị gốc (Việt Nam): hãy nhập danh mục đơn vị hành chính trước.");

      // 3. The new provinces, then the new communes under them. Ids are drawn first so that
      //    each row's path is written by the insert itself.
      const provinceRows = parsed.provinces.map((p) => ({ code: p.code, typeLabel: p.typeLabel, name: p.name, searchName: unitSearchName(p), parentId: root.id }));
      const newProvinces = await tx.$queryRaw<{ id: number; code: string }[]>`
        WITH r AS MATERIALIZED (
          SELECT nextval(pg_get_serial_sequence('"Unit"', 'id'))::int AS id, x.*
          FROM jsonb_to_recordset(${JSON.stringify(provinceRows)}::jsonb)
            AS x(code text, "typeLabel" text, name text, "searchName" text, "parentId" int)
        )
        INSERT INTO "Unit" (id, code, level, "typeLabel", name, "searchName", "parentId", "ancestorIds", depth, "validFrom", "updatedAt")
        SELECT r.id, r.code, 'PROVINCE'::"UnitLevel", r."typeLabel", r.name, r."searchName", r."parentId",
               p."ancestorIds" || r.id, cardinality(p."ancestorIds"), ${effectiveOn}::date, now()
        FROM r JOIN "Unit" p ON p.id = r."parentId"
        RETURNING id, code`;
      const provinceId = new Map(newProvinces.map((p) => [p.code, p.id]));

      const communeRows = parsed.communes.map((c) => {
        const parentId = provinceId.get(c.provinceCode);
        if (parentId === undefined) throw new Error(`Không tìm thấy tỉnh mới mã ${c.provinceCode} của ${c.typeLabel} ${c.name} (mã ${c.code})`);
        return { code: c.code, typeLabel: c.typeLabel, name: c.name, searchName: unitSearchName(c), parentId };
      });
      const newCommunes = communeRows.length
        ? await tx.$queryRaw<{ id: number; code: string }[]>`
            WITH r AS MATERIALIZED (
              SELECT nextval(pg_get_serial_sequence('"Unit"', 'id'))::int AS id, x.*
              FROM jsonb_to_recordset(${JSON.stringify(communeRows)}::jsonb)
                AS x(code text, "typeLabel" text, name text, "searchName" text, "parentId" int)
            )
            INSERT INTO "Unit" (id, code, level, "typeLabel", name, "searchName", "parentId", "ancestorIds", depth, "validFrom", "updatedAt")
            SELECT r.id, r.code, 'COMMUNE'::"UnitLevel", r."typeLabel", r.name, r."searchName", r."parentId",
                   p."ancestorIds" || r.id, cardinality(p."ancestorIds"), ${effectiveOn}::date, now()
            FROM r JOIN "Unit" p ON p.id = r."parentId"
            RETURNING id, code`
        : [];
      if (newProvinces.length !== provinceRows.length || newCommunes.length !== communeRows.length) {
        throw new Error(`Chỉ tạo được ${newProvinces.length}/${provinceRows.length} tỉnh và ${newCommunes.length}/${communeRows.length} xã mới`);
      }
      const communeId = new Map(newCommunes.map((c) => [c.code, c.id]));

      // 4. Succession links, one per (old unit, new unit); PARTIAL wins over FULL.
      const provinceLinks: SuccessionLink[] = parsed.provinces.flatMap((p) =>
        p.merges.map((m) => ({ predecessorId: oldIds[m.level].get(m.code)!, successorId: provinceId.get(p.code)!, kind: m.kind })),
      );
      const communeLinks: SuccessionLink[] = parsed.communes.flatMap((c) =>
        c.merges.map((m) => ({ predecessorId: oldIds[m.level].get(m.code)!, successorId: communeId.get(c.code)!, kind: m.kind })),
      );
      const linkRows = uniqueLinks([...provinceLinks, ...communeLinks]);
      await insertLinks(tx, linkRows, effectiveOn);

      // 5. Close the old provinces, their districts and every old unit a commune merges.
      const oldProvinceIds = [...new Set(provinceLinks.map((l) => l.predecessorId))];
      const mergedIds = [...new Set(communeLinks.map((l) => l.predecessorId))];
      const closed = await closeUnits(tx, [...new Set([...oldProvinceIds, ...mergedIds])], dayBefore, { withDistrictsOf: oldProvinceIds });
      const closedOf = (level: PredecessorLevel) => closed.get(level) ?? 0;

      // 6. Villages: those of an old unit whose only successor link is FULL move to it; the others are listed.
      const { whole, splits } = planMoves(communeLinks);
      const movedVillages = await moveChildren(tx, whole, dayBefore, "VILLAGE");
      const villagesToPlace = await villagesOfSplits(tx, splits, dayBefore);
      // The open petitions of a commune gone whole follow it; a split's wait on /admin/units/placement (decision 055).
      const petitionsCarried = await carryOpenPetitions(tx, whole, { actorId: options.actorId, effectiveOn });

      // 7. Each new commune gets its bloc; the old communes' blocs end with them (decision 050).
      const byCode = new Map(parsed.communes.map((c) => [c.code, c]));
      const blocs = await blocsAfterMerger(
        tx,
        {
          successors: newCommunes.map((c) => ({ unitId: c.id, name: organisationName("BLOC", byCode.get(c.code)!) })),
          closed: [...whole.map((w) => ({ unitId: w.old, successorUnitId: w.successor })), ...splits.map((s) => ({ unitId: s.old, successorUnitId: null }))],
        },
        effectiveOn,
      );

      const mentioned = new Set(mergedIds);
      let unmentionedOpen = 0;
      for (const id of oldIds.COMMUNE.values()) if (!mentioned.has(id)) unmentionedOpen++;

      const counts: MergerCounts = {
        provincesCreated: newProvinces.length,
        communesCreated: newCommunes.length,
        successionsFull: linkRows.filter((l) => l.kind === "FULL").length,
        successionsPartial: linkRows.filter((l) => l.kind === "PARTIAL").length,
        provincesClosed: closedOf("PROVINCE"),
        districtsClosed: closedOf("DISTRICT"),
        communesClosed: closedOf("COMMUNE"),
        villagesMoved: movedVillages.length,
        villagesToPlace: villagesToPlace.length,
        unmentionedOpen,
        ...blocs,
        petitionsCarried,
      };
      await audit(tx, {
        actorId: options.actorId,
        action: "units.merger-import",
        entity: "Unit",
        data: { effectiveOn: effectiveText, counts, villagesToPlace: villagesToPlace.map((v) => ({ ...v })) },
      });
      return { counts, villagesToPlace };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
