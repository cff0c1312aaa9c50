/**
 * The open petitions of a unit a merger closes (decision 055). A petition's unit is where the
 * matter is (a village or a commune); villages move with their commune, but a petition made at
 * the commune itself stays on the closed commune, out of reach of the successor's staff. So:
 * - a unit gone whole into one successor: its open petitions go there, in the merger's own
 *   transaction, each with a timeline row and an audit row (`carryOpenPetitions`);
 * - any other closed unit with successors (a split): its open petitions are listed for placing
 *   among those successors, derived from the units and links, never stored, as villages of a split
 *   are (`./placement.ts`); placing one is audited like the carry.
 * Closed petitions stay where they were: their figures were made there.
 */
import { ActionError } from "../../actions/result";
import type { Actor } from "../../auth/actor";
import { allows } from "../../auth/roles";
import { petitionWhereFor, unitWhereFor, type ScopedActor } from "../../auth/scope";
import { audit } from "../../audit/log";
import { db, type Tx } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { formatDate } from "../../format";
import { todayInVietnam } from "../../time";
import { unitFullName } from "../labels";
import type { PlacePetitionInput } from "./schemas";

type Db = Pick<Tx, "$queryRaw">;

/** The timeline's note, in the user's language of record. */
const carryNote = (to: string, effectiveOn: Date) => `Chuyển về ${to} do sắp xếp đơn vị hành chính, từ ngày ${formatDate(effectiveOn)}.`;
const placeNote = (to: string) => `Xếp về ${to}: đơn vị cũ đã chia tách.`;

/**
 * Moves the open petitions of each old unit to its one successor, with a timeline row (when the
 * merger has a user: a row needs its actor; the command-line import has none) and an audit row
 * each, in one statement. Returns how many moved.
 */
export async function carryOpenPetitions(tx: Db, moves: { old: number; successor: number }[], options: { actorId: number | null; effectiveOn: Date }): Promise<number> {
  if (!moves.length) return 0;
  const prefix = carryNote("\u0000", options.effectiveOn).split("\u0000");
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) AS x(old int, successor int)
    ), moved AS (
      UPDATE "Petition" p SET "unitId" = r.successor, version = p.version + 1, "updatedAt" = now()
      FROM r WHERE p."unitId" = r.old AND p."isOpen"
      RETURNING p.id, p.status, r.old, r.successor
    ), named AS (
      SELECT m.*, s."typeLabel" || ' ' || s.name AS "toName" FROM moved m JOIN "Unit" s ON s.id = m.successor
    ), events AS (
      INSERT INTO "PetitionEvent" ("petitionId", kind, "fromStatus", "toStatus", "actorId", note, data)
      SELECT id, 'EDITED', status, status, ${options.actorId}::int, ${prefix[0]} || "toName" || ${prefix[1]},
             jsonb_build_object('unit', jsonb_build_object('from', old, 'to', successor), 'merger', ${options.effectiveOn.toISOString().slice(0, 10)}::text)
      FROM named WHERE ${options.actorId}::int IS NOT NULL
    ), audits AS (
      INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", "unitId", data)
      SELECT ${options.actorId}::int, 'petition.unit.carry', 'Petition', id::text, successor,
             jsonb_build_object('from', old, 'to', successor, 'merger', ${options.effectiveOn.toISOString().slice(0, 10)}::text)
      FROM moved
    )
    SELECT count(*)::int AS n FROM moved`;
  return row?.n ?? 0;
}

/** Open petitions in reach whose unit has closed and has successors: a split's, or left by an earlier import. */
function awaitingWhere(actor: ScopedActor): Prisma.PetitionWhereInput {
  return { AND: [petitionWhereFor(actor), { isOpen: true, unit: { validTo: { not: null }, successorLinks: { some: {} } } }] };
}

export const PETITION_PLACEMENT_PAGE_SIZE = 20;
export const PETITION_PLACEMENT_SORTS = ["received", "code"] as const;
export type PetitionPlacementSort = (typeof PETITION_PLACEMENT_SORTS)[number];

/** How many open petitions in reach await placing. */
export function countPetitionsAwaitingPlacement(actor: ScopedActor): Promise<number> {
  return db.petition.count({ where: awaitingWhere(actor) });
}

/**
 * One page of open petitions awaiting placing, oldest first (or by code), each with its closed
 * unit and the successors it may go to: the unit's successors standing today and in reach.
 */
export async function petitionsAwaitingPlacement(actor: ScopedActor, page = 1, sort: PetitionPlacementSort = "received") {
  const today = todayInVietnam();
  const where = awaitingWhere(actor);
  const orderBy: Prisma.PetitionOrderByWithRelationInput[] = sort === "code" ? [{ code: "asc" }, { id: "asc" }] : [{ receivedOn: "asc" }, { id: "asc" }];
  const [total, rows] = await Promise.all([
    db.petition.count({ where }),
    db.petition.findMany({
      where,
      orderBy,
      skip: (Math.max(1, page) - 1) * PETITION_PLACEMENT_PAGE_SIZE,
      take: PETITION_PLACEMENT_PAGE_SIZE,
      select: {
        id: true,
        code: true,
        version: true,
        receivedOn: true,
        status: true,
        content: true,
        unit: {
          select: {
            id: true,
            typeLabel: true,
            name: true,
            code: true,
            validTo: true,
            successorLinks: {
              where: { successor: { AND: [{ OR: [{ validTo: null }, { validTo: { gte: today } }] }, unitWhereFor(actor)] } },
              orderBy: [{ successor: { code: "asc" } }, { successorId: "asc" }],
              select: { successor: { select: { id: true, typeLabel: true, name: true, code: true } } },
            },
          },
        },
      },
    }),
  ]);
  const label = (u: { typeLabel: string; name: string; code: string | null }) => (u.code ? `${unitFullName(u)} (${u.code})` : unitFullName(u));
  return {
    total,
    page,
    pageSize: PETITION_PLACEMENT_PAGE_SIZE,
    rows: rows.map((p) => ({
      id: p.id,
      code: p.code,
      version: p.version,
      receivedOn: p.receivedOn,
      status: p.status,
      content: p.content,
      unit: { id: p.unit.id, label: label(p.unit), validTo: p.unit.validTo },
      candidates: p.unit.successorLinks.map((l) => ({ id: l.successor.id, label: label(l.successor) })),
    })),
  };
}

/** Places an open petition of a closed unit on one of that unit's successors standing today and in reach. */
export async function placePetition(actor: Actor, input: PlacePetitionInput, today = todayInVietnam()) {
  // The same people who place a split's villages place its petitions.
  if (!allows(actor, "unit:manage:subtree")) throw new ActionError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const petition = await tx.petition.findFirst({
      where: { AND: [{ id: input.petitionId }, petitionWhereFor(actor)] },
      select: { id: true, status: true, isOpen: true, unitId: true, unit: { select: { validTo: true, successorLinks: { select: { successorId: true } } } } },
    });
    if (!petition) throw new ActionError("NOT_FOUND");
    const awaiting = petition.isOpen === true && petition.unit.validTo !== null && petition.unit.successorLinks.length > 0;
    if (!awaiting || !petition.unit.successorLinks.some((l) => l.successorId === input.targetUnitId)) throw new ActionError("INVALID_STATE");
    const target = await tx.unit.findFirst({
      where: { AND: [{ id: input.targetUnitId }, unitWhereFor(actor), { OR: [{ validTo: null }, { validTo: { gte: today } }] }] },
      select: { id: true, typeLabel: true, name: true },
    });
    if (!target) throw new ActionError("INVALID_STATE");
    const updated = await tx.petition.updateMany({ where: { id: petition.id, version: input.version }, data: { unitId: target.id, version: { increment: 1 } } });
    if (updated.count === 0) throw new ActionError("CONFLICT");
    const change = { from: petition.unitId, to: target.id };
    await tx.petitionEvent.create({
      data: { petitionId: petition.id, kind: "EDITED", fromStatus: petition.status, toStatus: petition.status, actorId: actor.userId, note: placeNote(unitFullName(target)), data: { unit: change } },
    });
    await audit(tx, { actorId: actor.userId || null, action: "petition.unit.place", entity: "Petition", entityId: petition.id, unitId: target.id, data: change });
    return { id: petition.id, unitId: target.id, fromUnitId: petition.unitId };
  });
}

/** The petition just placed, for the list's confirmation: in reach, with its unit now; null otherwise. */
export async function placedPetition(actor: ScopedActor, petitionId: number) {
  const petition = await db.petition.findFirst({
    where: { AND: [{ id: petitionId }, petitionWhereFor(actor)] },
    select: { code: true, unit: { select: { typeLabel: true, name: true, code: true } } },
  });
  return petition ? { code: petition.code, unit: petition.unit.code ? `${unitFullName(petition.unit)} (${petition.unit.code})` : unitFullName(petition.unit) } : null;
}
