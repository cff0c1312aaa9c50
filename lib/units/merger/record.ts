/**
 * A merger recorded by hand (issue 3 §1): some current units of one level close on the day
 * before the effective date and are linked, FULL or PARTIAL, to one successor (an existing
 * current unit or a new one). The children of FULL predecessors move under the successor;
 * the villages of PARTIAL ones stay and await placement (decision 005, 009). The same steps
 * as the reform import (`./steps.ts`), in one transaction with its audit row.
 *
 * Rule refusals throw `ActionError("INVALID_STATE", reason)` with a `MergerRefusal` as the
 * message, so the page can say which rule; a unit outside the actor's scope is NOT_FOUND.
 */
import { ActionError } from "../../actions/result";
import type { Actor } from "../../auth/actor";
import { allows } from "../../auth/roles";
import { unitWhereFor } from "../../auth/scope";
import { audit } from "../../audit/log";
import { db, type Tx } from "../../db/client";
import type { UnitLevel } from "../../generated/prisma/enums";
import { blocsAfterMerger } from "../../organisations/carry";
import { organisationName } from "../../organisations/labels";
import { isoDay } from "../../time";
import { unitFullName } from "../labels";
import { insertUnit } from "../tree";
import { CODE_LENGTH, MERGER_LEVELS, REFORM_DATE, SUCCESSOR_TYPE_LABELS, TYPES_ENDED_BY_REFORM, type MergerInput, type MergerLevel, type NewSuccessor } from "./schemas";
import { carryOpenPetitions } from "./petitions";
import { closeUnits, insertLinks, moveChildren, type SuccessionLink } from "./steps";

export const MERGER_REFUSALS = [
  "notMergeable",
  "mixedLevels",
  "alreadyClosed",
  "beforeValidFrom",
  "sameUnit",
  "successorLevel",
  "successorNotCurrent",
  "badParent",
  "badType",
  "typeEnded",
  "districtAfterReform",
  "badCode",
] as const;
export type MergerRefusal = (typeof MERGER_REFUSALS)[number];

const DAY_MS = 86_400_000;
const refuse = (reason: MergerRefusal): never => {
  throw new ActionError("INVALID_STATE", reason);
};

/** The levels a unit of each merger level may hang under (reformed communes sit directly under provinces). */
const PARENT_LEVELS: Record<MergerLevel, UnitLevel[]> = { PROVINCE: ["NATION"], DISTRICT: ["PROVINCE"], COMMUNE: ["DISTRICT", "PROVINCE"] };
/** The children that move with a predecessor that goes whole: every current child of the level(s) below it. */
const CHILD_LEVELS: Record<MergerLevel, UnitLevel[]> = { PROVINCE: ["DISTRICT", "COMMUNE"], DISTRICT: ["COMMUNE"], COMMUNE: ["VILLAGE"] };

export interface MergerPlan {
  level: MergerLevel;
  effectiveOn: string;
  lastDay: string;
  predecessors: {
    id: number;
    fullName: string;
    code: string | null;
    kind: "FULL" | "PARTIAL";
    /** False for a PARTIAL predecessor already closed by an earlier part of the same split. */
    closes: boolean;
    /** Current villages below it: they move (FULL) or await placement (PARTIAL commune). */
    villages: number;
    /** Current children that move with it (FULL only). */
    childrenMoving: number;
  }[];
  successor: { id: number | null; fullName: string; code: string | null; parentName: string | null; created: boolean };
  villagesMoving: number;
  villagesToPlace: number;
}

type Loaded = { plan: MergerPlan; successorId: number | null; newSuccessor: (NewSuccessor & { parentId: number }) | null };

async function inScope(tx: Tx, actor: Actor, id: number) {
  const unit = await tx.unit.findFirst({ where: { AND: [{ id }, unitWhereFor(actor)] } });
  if (!unit) throw new ActionError("NOT_FOUND");
  return unit;
}

/** Checks every rule and works out what the merger would do, writing nothing. */
async function plan(tx: Tx, actor: Actor, input: MergerInput, lock: boolean): Promise<Loaded> {
  // Mergers change the national catalogue: national administrators only (decision 020).
  if (!allows(actor, "reference:manage:national")) throw new ActionError("NOT_FOUND");
  const effectiveOn = input.effectiveOn;
  const lastDay = new Date(effectiveOn.getTime() - DAY_MS);
  const ids = input.predecessors.map((p) => p.id);
  if (lock) await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  const predecessors = [];
  for (const p of input.predecessors) predecessors.push({ unit: await inScope(tx, actor, p.id), kind: p.kind });

  const level = predecessors[0].unit.level;
  if (!(MERGER_LEVELS as string[]).includes(level)) refuse("notMergeable");
  if (predecessors.some((p) => p.unit.level !== level)) refuse("mixedLevels");
  const mergerLevel = level as MergerLevel;

  // The successor: an existing current unit of the same level, or a new one under a current parent.
  let successorId: number | null = null;
  let newSuccessor: Loaded["newSuccessor"] = null;
  let successorView: MergerPlan["successor"];
  if ("id" in input.successor) {
    const successor = await inScope(tx, actor, input.successor.id);
    if (ids.includes(successor.id)) refuse("sameUnit");
    if (successor.level !== level) refuse("successorLevel");
    if (successor.validTo !== null || (successor.validFrom && successor.validFrom > effectiveOn)) refuse("successorNotCurrent");
    const parent = successor.parentId ? await tx.unit.findUnique({ where: { id: successor.parentId } }) : null;
    successorId = successor.id;
    successorView = { id: successor.id, fullName: unitFullName(successor), code: successor.code, parentName: parent ? unitFullName(parent) : null, created: false };
  } else {
    const s = input.successor;
    const parent = await inScope(tx, actor, s.parentId);
    if (!PARENT_LEVELS[mergerLevel].includes(parent.level) || parent.validTo !== null) refuse("badParent");
    // Districts ended with the reform: none is created from its day on, nor anything under one (issue 15).
    if (effectiveOn >= REFORM_DATE && (mergerLevel === "DISTRICT" || parent.level === "DISTRICT")) refuse("districtAfterReform");
    if (!(SUCCESSOR_TYPE_LABELS[mergerLevel] as readonly string[]).includes(s.typeLabel)) refuse("badType");
    if (effectiveOn >= REFORM_DATE && TYPES_ENDED_BY_REFORM.includes(s.typeLabel)) refuse("typeEnded");
    if (!new RegExp(`^\\d{${CODE_LENGTH[mergerLevel]}}$`).test(s.code)) refuse("badCode");
    const taken = await tx.unit.findFirst({ where: { level, code: s.code, validTo: null }, select: { id: true } });
    if (taken) throw new ActionError("DUPLICATE");
    newSuccessor = { ...s };
    successorView = { id: null, fullName: unitFullName(s), code: s.code, parentName: unitFullName(parent), created: true };
  }

  const rows: MergerPlan["predecessors"] = [];
  for (const { unit, kind } of predecessors) {
    if (unit.validFrom && unit.validFrom > lastDay) refuse("beforeValidFrom");
    let closes = true;
    if (unit.validTo !== null) {
      // The one closed unit accepted: a split recorded in parts, each part PARTIAL on the same day.
      const earlier = await tx.unitSuccession.findMany({ where: { predecessorId: unit.id }, select: { kind: true, effectiveOn: true, successorId: true } });
      const samePartialSplit =
        kind === "PARTIAL" &&
        unit.validTo.getTime() === lastDay.getTime() &&
        earlier.length > 0 &&
        earlier.every((l) => l.kind === "PARTIAL" && l.effectiveOn.getTime() === effectiveOn.getTime() && l.successorId !== successorId);
      if (!samePartialSplit) refuse("alreadyClosed");
      closes = false;
    }
    const [counts] = await tx.$queryRaw<{ villages: number; children: number }[]>`
      SELECT
        (SELECT count(*) FROM "Unit" v WHERE v."ancestorIds" @> ARRAY[${unit.id}::int] AND v.level = 'VILLAGE'
           AND (v."validTo" IS NULL OR v."validTo" >= ${lastDay}::date))::int AS villages,
        (SELECT count(*) FROM "Unit" c WHERE c."parentId" = ${unit.id} AND c.level::text = ANY(${CHILD_LEVELS[mergerLevel]}::text[])
           AND (c."validTo" IS NULL OR c."validTo" >= ${lastDay}::date))::int AS children`;
    rows.push({ id: unit.id, fullName: unitFullName(unit), code: unit.code, kind, closes, villages: counts.villages, childrenMoving: kind === "FULL" ? counts.children : 0 });
  }
  const plan: MergerPlan = {
    level: mergerLevel,
    effectiveOn: isoDay(effectiveOn),
    lastDay: isoDay(lastDay),
    predecessors: rows,
    successor: successorView,
    villagesMoving: rows.filter((r) => r.kind === "FULL").reduce((n, r) => n + r.villages, 0),
    villagesToPlace: mergerLevel === "COMMUNE" ? rows.filter((r) => r.kind === "PARTIAL").reduce((n, r) => n + r.villages, 0) : 0,
  };
  return { plan, successorId, newSuccessor };
}

/** What recording the merger would do; nothing is written. */
export async function previewMerger(actor: Actor, input: MergerInput): Promise<MergerPlan> {
  return db.$transaction(async (tx) => (await plan(tx, actor, input, false)).plan);
}

/**
 * The units of this merger that now have exactly one successor: gone whole (FULL) and closing now. A
 * PARTIAL one, or one closed earlier by another part of a split, has several.
 */
function onlySuccessorOf(whole: { old: number; successor: number }[], predecessors: MergerPlan["predecessors"]) {
  const closing = new Set(predecessors.filter((p) => p.closes && p.kind === "FULL").map((p) => p.id));
  return whole.filter((w) => closing.has(w.old));
}

/** Records the merger in one transaction with its audit row. */
export async function recordMerger(actor: Actor, input: MergerInput): Promise<MergerPlan & { successorId: number }> {
  return db.$transaction(async (tx) => {
    const loaded = await plan(tx, actor, input, true);
    const { plan: result, newSuccessor } = loaded;
    const effectiveOn = input.effectiveOn;
    const lastDay = new Date(effectiveOn.getTime() - DAY_MS);
    let successorId = loaded.successorId;
    if (newSuccessor) {
      const created = await insertUnit(tx, {
        parentId: newSuccessor.parentId,
        level: result.level,
        typeLabel: newSuccessor.typeLabel,
        name: newSuccessor.name,
        code: newSuccessor.code,
        validFrom: effectiveOn,
      });
      successorId = created.id;
    }
    const links: SuccessionLink[] = result.predecessors.map((p) => ({ predecessorId: p.id, successorId: successorId!, kind: p.kind }));
    await insertLinks(tx, links, effectiveOn);
    // A concurrent merger that closed one of them first has bumped its version: the lock above
    // serialises us behind it, and plan() then refused the closed unit.
    await closeUnits(tx, result.predecessors.filter((p) => p.closes).map((p) => p.id), lastDay);
    const whole = result.predecessors.filter((p) => p.kind === "FULL").map((p) => ({ old: p.id, successor: successorId! }));
    let moved = 0;
    for (const childLevel of CHILD_LEVELS[result.level]) moved += (await moveChildren(tx, whole, lastDay, childLevel)).length;
    // The open petitions of a unit gone whole follow it; a split's wait to be placed (decision 055).
    const petitionsCarried = await carryOpenPetitions(tx, onlySuccessorOf(whole, result.predecessors), { actorId: actor.userId || null, effectiveOn });
    // The new commune gets its bloc; the closed communes' blocs end with them, their members carried over when whole (decision 050).
    const blocs =
      result.level === "COMMUNE"
        ? await blocsAfterMerger(
            tx,
            {
              successors: [{ unitId: successorId!, name: organisationName("BLOC", newSuccessor ?? (await tx.unit.findUniqueOrThrow({ where: { id: successorId! } }))) }],
              closed: result.predecessors.filter((p) => p.closes).map((p) => ({ unitId: p.id, successorUnitId: p.kind === "FULL" ? successorId! : null })),
            },
            effectiveOn,
          )
        : null;
    await audit(tx, {
      actorId: actor.userId || null,
      action: "unit.merger.record",
      entity: "Unit",
      entityId: successorId!,
      unitId: successorId!,
      data: {
        level: result.level,
        effectiveOn: result.effectiveOn,
        successorCreated: result.successor.created,
        predecessors: result.predecessors.map((p) => ({ id: p.id, kind: p.kind, closed: p.closes })),
        childrenMoved: moved,
        villagesMoved: result.villagesMoving,
        villagesToPlace: result.villagesToPlace,
        petitionsCarried,
        ...(blocs ?? {}),
      },
    });
    return { ...result, successor: { ...result.successor, id: successorId }, successorId: successorId! };
  });
}
