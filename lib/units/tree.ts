import type { Tx } from "../db/client";
import type { UnitLevel } from "../generated/prisma/enums";
import { toSearchText } from "../text/search";

export interface NewUnit {
  parentId: number | null;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  code?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
}

/** The search key of a unit: its full name without accents ("xa dong ich"). */
export function unitSearchName(unit: { typeLabel: string; name: string }): string {
  return toSearchText(`${unit.typeLabel} ${unit.name}`);
}

/** Adds a unit under its parent, keeping the materialised path (`ancestorIds`) right. */
export async function insertUnit(tx: Pick<Tx, "unit">, input: NewUnit) {
  const parent = input.parentId === null ? null : await tx.unit.findUniqueOrThrow({ where: { id: input.parentId }, select: { ancestorIds: true } });
  const created = await tx.unit.create({
    data: {
      parentId: input.parentId,
      level: input.level,
      typeLabel: input.typeLabel,
      name: input.name,
      code: input.code ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      searchName: unitSearchName(input),
      ancestorIds: [],
      depth: parent ? parent.ancestorIds.length : 0,
    },
  });
  return tx.unit.update({ where: { id: created.id }, data: { ancestorIds: [...(parent?.ancestorIds ?? []), created.id] } });
}
