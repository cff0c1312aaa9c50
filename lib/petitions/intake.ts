/**
 * Intake: a new petition, with its code, its first timeline event, its attachments and its
 * audit row. Everything that can be checked is checked first (reach, the unit open on the day,
 * the field, the meeting, the code's area), by reads outside any transaction; the write is
 * then one SQL statement, atomic on its own, that allocates the code from its counter row and
 * inserts the rest (decision 027). Locks on hot rows (the district's counter, the nation's
 * rollup rows the triggers update) are held for that statement and its commit only. A
 * resubmitted form (same idempotency key) returns the petition the first submission made
 * instead of making another; so does a retried write whose first attempt did commit.
 * A meeting's raised petitions go through the same two steps: checked before the meeting's
 * transaction, written inside it (lib/meetings/create.ts).
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitScopeSql } from "../auth/scope";
import { auditInsertSql } from "../audit/log";
import { deadlineFor } from "../calendar/table";
import { db, type Tx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { withRetries } from "../db/retry";
import { Prisma } from "../generated/prisma/client";
import { isoDay, todayInVietnam } from "../time";
import { allocationSql, areaCodeSql, codePrefix } from "./code";
import type { IntakeInput } from "./schemas";
import { petitionSearchColumns, petitionSearchTextAround } from "./search";

export interface IntakeResult {
  id: number;
  code: string;
  /** False when the form had already been submitted: nothing new was made. */
  created: boolean;
}

/** A petition checked and ready to write: what `writePetition` needs and nothing it must look up. */
export interface PreparedPetition {
  actorId: number;
  areaCode: string;
  unitId: number;
  input: IntakeInput;
  now: Date;
  /** The deadline to assign it: the field's working days after receipt (decision 051). */
  dueOn: Date;
}

async function earlierSubmission(client: Pick<Tx, "petition">, actor: Actor, key: string): Promise<IntakeResult | null> {
  const existing = await client.petition.findUnique({ where: { idempotencyKey: key }, select: { id: true, code: true, createdById: true } });
  if (!existing) return null;
  // Someone else's key: never reveal their petition.
  if (existing.createdById !== actor.userId) throw new ActionError("DUPLICATE");
  return { id: existing.id, code: existing.code, created: false };
}

interface CheckRow {
  id: number;
  validFrom: Date | null;
  validTo: Date | null;
  areaCode: string | null;
  /** The active field's working days to assign, null when the field is not active. */
  assignDays: number | null;
  meetingInReach: boolean;
}

/**
 * Every check of intake, by one read: the right to enter petitions, the day, the unit in the
 * actor's reach and open on that day, an active field, the meeting in reach; and the area whose
 * code starts the petition's code. One SQL query rather than four Prisma ones: intake is the
 * hottest write, and each query costs the Node process about half a millisecond of CPU. Then the
 * deadline to assign it (the field's working days after receipt, by the holiday calendar).
 */
export async function preparePetition(client: Tx, actor: Actor, input: IntakeInput, now = new Date()): Promise<PreparedPetition> {
  if (!allows(actor, "petition:create:subtree")) throw new ActionError("NOT_FOUND");
  if (input.receivedOn > todayInVietnam(now)) throw new ActionError("INVALID_STATE", "receivedOn in the future");
  const meetingId = input.meetingId ?? null;
  const [unit] = await client.$queryRaw<CheckRow[]>`
    SELECT u.id, u."validFrom", u."validTo", ${areaCodeSql(Prisma.sql`u."ancestorIds"`)} AS "areaCode",
           (SELECT f."assignmentDeadlineDays" FROM "PetitionField" f WHERE f.id = ${input.fieldId}::int AND f.active) AS "assignDays",
           (${meetingId}::int IS NULL OR EXISTS (
             SELECT 1 FROM "Meeting" m JOIN "Unit" mu ON mu.id = m."unitId" WHERE m.id = ${meetingId}::int AND ${unitScopeSql(actor, Prisma.sql`mu."ancestorIds"`)}
           )) AS "meetingInReach"
    FROM "Unit" u
    WHERE u.id = ${input.unitId}::int AND u.level IN ('VILLAGE', 'COMMUNE') AND ${unitScopeSql(actor, Prisma.sql`u."ancestorIds"`)}`;
  if (!unit) throw new ActionError("NOT_FOUND");
  const openOn = (!unit.validFrom || unit.validFrom <= input.receivedOn) && (!unit.validTo || unit.validTo >= input.receivedOn);
  if (!openOn) throw new ActionError("INVALID_STATE", "the unit did not exist on the day of receipt");
  if (unit.assignDays === null || !unit.meetingInReach) throw new ActionError("NOT_FOUND");
  if (!unit.areaCode) throw new Error("preparePetition: the unit has no district or province with a code");
  const dueOn = await deadlineFor(client, input.receivedOn, unit.assignDays);
  return { actorId: actor.userId, areaCode: unit.areaCode, unitId: unit.id, input, now, dueOn };
}

const timestamp = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The one write of a petition, as one statement: the code from its counter row, the petition,
 * its CREATED event, its attachments and its audit row. Atomic without a transaction around
 * it; inside a caller's transaction (a meeting) it is one round trip of that transaction.
 */
export async function writePetition(client: Pick<Tx, "$queryRaw">, p: PreparedPetition): Promise<{ id: number; code: string }> {
  const { input, actorId, now } = p;
  const year = input.receivedOn.getUTCFullYear();
  const search = petitionSearchTextAround(codePrefix(p.areaCode, year), input.content);
  const { petitionerSearch } = petitionSearchColumns({ code: "", content: "", petitionerName: input.petitionerName, petitionerPhone: input.petitionerPhone });
  // The row's own clock, as Prisma's @default(now()) and @updatedAt would set them; the timeline keeps `now`.
  const written = new Date();
  const attachments = input.attachments.map(
    (file, i) => Prisma.sql`, ${Prisma.raw(`attachment_${i}`)} AS (
      INSERT INTO "Attachment" ("petitionId", "fileName", "mimeType", size, sha256, content, "uploadedById", "createdAt")
      SELECT p.id, ${file.fileName}::text, ${file.mimeType}::text, ${file.size}::int, ${file.sha256}::text, ${file.bytes}::bytea, ${actorId}::int, ${timestamp(written)}
      FROM p)`,
  );
  const auditData = {
    personalData: Boolean(input.petitionerName || input.petitionerPhone || input.petitionerAddress),
    attachments: input.attachments.length,
    ...(input.meetingId !== undefined ? { meetingId: input.meetingId } : {}),
  };
  const [row] = await client.$queryRaw<{ id: number; code: string }[]>`
    WITH c AS (${allocationSql(p.areaCode, year)}),
    p AS (
      INSERT INTO "Petition" (code, "unitId", "receivedOn", channel, "petitionerKind", "petitionerName", "petitionerPhone", "petitionerAddress",
                             "fieldId", content, "searchText", "petitionerSearch", "meetingId", "idempotencyKey", "createdById", "createdAt", "updatedAt", "dueOn")
      SELECT c.code, ${p.unitId}::int, ${isoDay(input.receivedOn)}::date, ${input.channel}::"PetitionChannel", ${input.petitionerKind}::"PetitionerKind",
             ${input.petitionerName ?? null}::text, ${input.petitionerPhone ?? null}::text, ${input.petitionerAddress ?? null}::text,
             ${input.fieldId}::int, ${input.content}::text, ${search.before}::text || c.number || ${search.after}::text, ${petitionerSearch}::text,
             ${input.meetingId ?? null}::int, ${input.idempotencyKey}::text, ${actorId}::int, ${timestamp(written)}, ${timestamp(written)},
             ${isoDay(p.dueOn)}::date
      FROM c
      RETURNING id, code
    ),
    event AS (
      INSERT INTO "PetitionEvent" ("petitionId", kind, "toStatus", "actorId", at)
      SELECT p.id, 'CREATED', 'RECEIVED', ${actorId}::int, ${timestamp(now)} FROM p
    ),
    audit AS (${auditInsertSql(
      { actorId, action: "petition.create", entity: "Petition", unitId: p.unitId, at: written },
      { from: Prisma.sql`p`, entityId: Prisma.sql`p.id::text`, data: Prisma.sql`${JSON.stringify(auditData)}::jsonb || jsonb_build_object('code', p.code)` },
    )})
    ${attachments.length ? Prisma.join(attachments, "") : Prisma.empty}
    SELECT id, code FROM p`;
  return row;
}

/** The intake form: checks, then the write (retried after a deadlock or a serialisation failure). */
export async function createPetition(actor: Actor, input: IntakeInput, now = new Date()): Promise<IntakeResult> {
  // Both reads at once: a resubmitted form answers with its petition whatever the checks say now.
  const [earlier, prepared] = await Promise.allSettled([earlierSubmission(db, actor, input.idempotencyKey), preparePetition(db, actor, input, now)]);
  if (earlier.status === "rejected") throw earlier.reason;
  if (earlier.value) return earlier.value;
  if (prepared.status === "rejected") throw prepared.reason;
  try {
    return { ...(await withRetries(() => writePetition(db, prepared.value))), created: true };
  } catch (error) {
    // Two submissions of one form raced, or an attempt committed before its reply was lost:
    // the idempotency key finds the petition that was made.
    if (isUniqueViolation(error)) {
      const again = await earlierSubmission(db, actor, input.idempotencyKey);
      if (again) return again;
    }
    throw error;
  }
}
