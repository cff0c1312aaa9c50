import { Prisma } from "../generated/prisma/client";
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

/**
 * The audit row of a write made in one SQL statement (intake, lib/petitions/intake.ts): an
 * INSERT … SELECT that takes the new record's id, and data known only then, from `row.from`
 * (a CTE of that statement). The same columns as `audit`.
 */
export function auditInsertSql(
  entry: { actorId: number | null; action: string; entity: string; unitId: number; at: Date },
  row: { from: Prisma.Sql; entityId: Prisma.Sql; data: Prisma.Sql },
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditLog" (at, "actorId", action, entity, "entityId", "unitId", data)
    SELECT ${entry.at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${entry.actorId}::int, ${entry.action}::text, ${entry.entity}::text,
           ${row.entityId}, ${entry.unitId}::int, ${row.data}
    FROM ${row.from}`;
}

/** Where a personal-data read happened: a page, the read API, an export. */
export type PersonalDataVia = "list" | "detail" | "edit" | "api" | "export" | "agency-link" | "agency-account";

/**
 * The one way to record that a user was shown citizens' or cadres' personal data: one row per
 * read, `<entity>.personal-data.read`, with the ids of the records shown (`data.ids`, which the
 * audit page's record filter searches) and the record's id in `entityId` when there is one.
 * Call it only once the data is going to be shown: a refusal or a 404 shows nothing and
 * writes nothing; a read whose records have no personal data in them (`ids` empty) neither.
 */
export async function auditPersonalDataRead(
  tx: Pick<Tx, "auditLog">,
  actor: { userId: number },
  read: { entity: "Petition" | "Cadre"; ids: number[]; unitId: number; via: PersonalDataVia; extra?: Record<string, Prisma.InputJsonValue> },
): Promise<void> {
  if (read.ids.length === 0) return;
  await audit(tx, {
    actorId: actor.userId || null,
    action: `${read.entity.toLowerCase()}.personal-data.read`,
    entity: read.entity,
    entityId: read.ids.length === 1 ? read.ids[0] : undefined,
    unitId: read.unitId,
    data: { ...read.extra, ids: read.ids, via: read.via },
  });
}
