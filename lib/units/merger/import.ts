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
import { unitSearchName } from "../tree";
import type { MergeKind, ParsedMerger, PredecessorLevel } from "./parse";

export const REFORM_DATE = new Date("2025-07-01T00:00:00Z");

export interface MergerImportOptions {
  /** The user who imports; null for the command line. */
  actorId: number | null;
  /** The day the new units start; the old ones end the day before. Defaults to 2025-07-01. */
  effectiveOn?: Date;
}

/** A village left under a split commune, for an admin to place. */
export interface VillageToPlace {
  villageId: number;
  oldCommuneId: number;
  candidateSuccessorIds: number[];
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
      const links = new Map<string, { predecessorId: number; successorId: number; kind: MergeKind }>();
      const addLink = (predecessorId: number, successorId: number, kind: MergeKind) => {
        const key = `${predecessorId}:${successorId}`;
        const seen = links.get(key);
        if (!seen || kind === "PARTIAL") links.set(key, { predecessorId, successorId, kind });
      };
      for (const p of parsed.provinces) for (const m of p.merges) addLink(oldIds[m.level].get(m.code)!, provinceId.get(p.code)!, m.kind);
      const communeLinks: { predecessorId: number; successorId: number; kind: MergeKind }[] = [];
      for (const c of parsed.communes) {
        for (const m of c.merges) {
          const link = { predecessorId: oldIds[m.level].get(m.code)!, successorId: communeId.get(c.code)!, kind: m.kind };
          addLink(link.predecessorId, link.successorId, link.kind);
          communeLinks.push(link);
        }
      }
      const linkRows = [...links.values()];
      await tx.$executeRaw`
        INSERT INTO "UnitSuccession" ("predecessorId", "successorId", kind, "effectiveOn")
        SELECT r."predecessorId", r."successorId", r.kind::"SuccessionKind", ${effectiveOn}::date
        FROM jsonb_to_recordset(${JSON.stringify(linkRows)}::jsonb) AS r("predecessorId" int, "successorId" int, kind text)`;

      // 5. Close the old provinces, their districts and every old unit a commune merges.
      const oldProvinceIds = [...new Set(parsed.provinces.flatMap((p) => p.merges.map((m) => oldIds[m.level].get(m.code)!)))];
      const mergedIds = [...new Set(communeLinks.map((l) => l.predecessorId))];
      // Joins on unnest(), not `= ANY(array)` tests, so that thousands of ids stay cheap.
      const closed = await tx.$queryRaw<{ level: PredecessorLevel; n: number }[]>`
        WITH t AS (
          SELECT x.id FROM unnest(${[...oldProvinceIds, ...mergedIds]}::int[]) AS x(id)
          UNION
          SELECT d.id FROM unnest(${oldProvinceIds}::int[]) AS p(id) JOIN "Unit" d ON d."parentId" = p.id
          WHERE d.level = 'DISTRICT'
            AND (d."validFrom" IS NULL OR d."validFrom" <= ${dayBefore}::date)
            AND (d."validTo" IS NULL OR d."validTo" >= ${dayBefore}::date)
        ), c AS (
          UPDATE "Unit" u SET "validTo" = ${dayBefore}::date, "updatedAt" = now(), version = u.version + 1
          FROM t WHERE u.id = t.id
          RETURNING u.level
        )
        SELECT level::text AS level, count(*)::int AS n FROM c GROUP BY level`;
      const closedOf = (level: PredecessorLevel) => closed.find((c) => c.level === level)?.n ?? 0;

      // 6. Villages: those of an old unit whose only successor link is FULL move to it.
      const successorsOf = new Map<number, { ids: Set<number>; partial: boolean }>();
      for (const l of communeLinks) {
        const s = successorsOf.get(l.predecessorId) ?? { ids: new Set<number>(), partial: false };
        s.ids.add(l.successorId);
        if (l.kind === "PARTIAL") s.partial = true;
        successorsOf.set(l.predecessorId, s);
      }
      const wholeMoves: { old: number; successor: number }[] = [];
      const splits: { old: number; candidates: number[] }[] = [];
      for (const [old, s] of successorsOf) {
        if (!s.partial && s.ids.size === 1) wholeMoves.push({ old, successor: [...s.ids][0] });
        else splits.push({ old, candidates: [...s.ids].sort((a, b) => a - b) });
      }

      // One statement moves the villages and rewrites the paths of their subtrees: each unit
      // below (or being) a moved village gets the successor's path in front of the part of its
      // path that starts at the village. The village is found in the path by a hash join on
      // the path's elements, not by one containment test per pair.
      const movedVillages = wholeMoves.length
        ? await tx.$queryRaw<{ id: number; village: boolean }[]>`
            WITH r AS (
              SELECT * FROM jsonb_to_recordset(${JSON.stringify(wholeMoves)}::jsonb) AS x(old int, successor int)
            ), mv AS (
              SELECT v.id, r.successor, s."ancestorIds" AS pa
              FROM r JOIN "Unit" v ON v."parentId" = r.old JOIN "Unit" s ON s.id = r.successor
              WHERE v.level = 'VILLAGE' AND (v."validTo" IS NULL OR v."validTo" >= ${dayBefore}::date)
            ), hit AS (
              SELECT d.id AS did, mv.id AS vid, mv.successor, mv.pa, a.ord::int AS ord
              FROM "Unit" d CROSS JOIN LATERAL unnest(d."ancestorIds") WITH ORDINALITY AS a(uid, ord)
              JOIN mv ON mv.id = a.uid
              WHERE d.level = 'VILLAGE'
            )
            UPDATE "Unit" d
            SET "ancestorIds" = hit.pa || d."ancestorIds"[hit.ord:],
                depth = cardinality(hit.pa) + cardinality(d."ancestorIds") - hit.ord,
                "parentId" = CASE WHEN d.id = hit.vid THEN hit.successor ELSE d."parentId" END,
                version = CASE WHEN d.id = hit.vid THEN d.version + 1 ELSE d.version END,
                "updatedAt" = now()
            FROM hit WHERE d.id = hit.did
            RETURNING d.id, (d.id = hit.vid) AS village`.then((rows) => rows.filter((r) => r.village))
        : [];

      const villagesToPlace = splits.length
        ? await tx.$queryRaw<VillageToPlace[]>`
            SELECT v.id AS "villageId", r.old AS "oldCommuneId", r.candidates AS "candidateSuccessorIds"
            FROM jsonb_to_recordset(${JSON.stringify(splits)}::jsonb) AS r(old int, candidates int[])
            JOIN "Unit" v ON v."parentId" = r.old AND v.level = 'VILLAGE'
            WHERE v."validTo" IS NULL OR v."validTo" >= ${dayBefore}::date
            ORDER BY v.id`
        : [];

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
