/**
 * The glue behind "Nhập từ Excel": parse and validate the file (./import.ts), then check the
 * rows against the cadres already recorded and insert them all in one transaction, audited.
 * Any error, in any row, and nothing is written. A plain function, so tests call it directly.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { todayInVietnam } from "../time";
import { parseCadreWorkbook, type ImportRowError } from "./import";
import { lockCadreInserts } from "./mutations";
import { cadreUnitOptions } from "./unit-options";

/** The errors sent back to the page; the rest are counted. */
export const MAX_REPORTED_ERRORS = 300;

export type CadreImportOutcome =
  | { status: "invalid"; errors: ImportRowError[]; more: number }
  | { status: "imported"; count: number };

function invalid(errors: ImportRowError[]): CadreImportOutcome {
  return { status: "invalid", errors: errors.slice(0, MAX_REPORTED_ERRORS), more: Math.max(0, errors.length - MAX_REPORTED_ERRORS) };
}

export async function importCadres(actor: Actor, bytes: Uint8Array, fileName: string, today = todayInVietnam()): Promise<CadreImportOutcome> {
  if (!allows(actor, "cadre:manage:subtree")) throw new ActionError("NOT_FOUND");
  const units = await cadreUnitOptions(actor);
  const parsed = await parseCadreWorkbook(bytes, { unitsByKey: new Map(units.map((u) => [u.key, u.id])), today });
  if (!parsed.ok) return invalid(parsed.errors);
  const rows = parsed.rows;

  // Throwing rolls the transaction back; the outcome travels out with it.
  class Refused extends Error {
    constructor(readonly errors: ImportRowError[]) {
      super("refused");
    }
  }
  try {
    return await db.$transaction(
      async (tx) => {
        await lockCadreInserts(tx);
        // Already recorded: a current cadre with the same name, unit and birth year (re-sending the same file).
        const existing = await tx.cadre.findMany({
          where: { endedOn: null, searchName: { in: [...new Set(rows.map((r) => r.searchName))] }, unitId: { in: [...new Set(rows.map((r) => r.unitId))] } },
          select: { searchName: true, unitId: true, birthYear: true },
        });
        const known = new Set(existing.map((c) => `${c.searchName}|${c.unitId}|${c.birthYear ?? ""}`));
        const dupes = rows
          .filter((r) => known.has(`${r.searchName}|${r.unitId}|${r.birthYear ?? ""}`))
          .map((r) => ({ row: r.row, column: "Họ và tên", message: `${r.fullName} đã có trong danh sách (cùng đơn vị và năm sinh).` }));
        if (dupes.length > 0) throw new Refused(dupes);
        const created = await tx.cadre.createManyAndReturn({
          data: rows.map(({ row: _row, ...r }) => r),
          select: { id: true },
        });
        await audit(tx, {
          actorId: actor.userId || null,
          action: "cadre.import",
          entity: "Cadre",
          unitId: actor.unit.id,
          data: { fileName, count: created.length, cadreIds: created.map((c) => c.id) },
        });
        return { status: "imported" as const, count: created.length };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Refused) return invalid(error.errors);
    throw error;
  }
}
