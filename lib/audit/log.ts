import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db/client";

export interface AuditEntry {
  actorId: number | null;
  /** e.g. "auth.login", "petition.create", "petition.personal-data.read". */
  action: string;
  entity?: string;
  entityId?: string | number;
  unitId?: number;
  data?: Prisma.InputJsonValue;
}

/** Writes one audit row, inside the caller's transaction when given one. */
export async function audit(tx: Pick<Tx, "auditLog">, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined ? undefined : String(entry.entityId),
      unitId: entry.unitId,
      data: entry.data,
    },
  });
}
