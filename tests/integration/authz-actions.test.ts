/**
 * The authorisation matrix for server actions (decision 024): every exported action of every
 * "use server" file (tests/support/authz-registry.ts), called as the app calls it, for each of the
 * seven seats (each a ready-made combination of duties, decision 049), on a record made for the call in the user's own unit, a child unit, a unit a
 * merger closed into the user's (decision 057), a sibling, the parent, and a unit a merger closed into the sibling. The answer must be NOT_FOUND exactly where the matrix says 404, and anything but
 * NOT_FOUND, UNAUTHENTICATED, VALIDATION or INTERNAL where it says ✓.
 *
 * Only the session is stood in for: `getActor` answers the seat's actor (a real user row), and
 * `revalidatePath` has no Next.js request to revalidate. Everything else (parsing, the permission,
 * the mutation with its scope check, the database) is the real thing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { callAction, loadAction, PROBES, unit, type Case, type UnitRow } from "../support/action-probes";
import { ACTIONS } from "../support/authz-registry";
import { expectedOutcome, relationsOf, SEATS, type Relation, type Seat } from "../support/authz-matrix";
import { createField, createUser, uid } from "../support/factories";

let currentActor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => currentActor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

let fieldId: number;
type Level = "province" | "district" | "commune";
type Place = "nation" | Level | `${Level}2` | `${Level}Merged` | `${Level}2Merged` | "village";
const units = {} as Record<Place, UnitRow>;
const home: Record<Seat["level"], Place> = { NATION: "nation", PROVINCE: "province", DISTRICT: "district", COMMUNE: "commune" };
const RELATED: Record<Seat["level"], Partial<Record<Relation, Place>>> = {
  NATION: { own: "nation", child: "province" },
  PROVINCE: { own: "province", child: "district", merged: "provinceMerged", sibling: "province2", parent: "nation", mergedNext: "province2Merged" },
  DISTRICT: { own: "district", child: "commune", merged: "districtMerged", sibling: "district2", parent: "province", mergedNext: "district2Merged" },
  COMMUNE: { own: "commune", child: "village", merged: "communeMerged", sibling: "commune2", parent: "district", mergedNext: "commune2Merged" },
};
/** A unit of the same level beside `successor` that a merger closed into it on 30/6/2025. */
async function closedInto(successor: UnitRow, parent: UnitRow, typeLabel: string): Promise<UnitRow> {
  const old = await db.unit.update({ where: { id: (await unit(parent, successor.level, typeLabel)).id }, data: { validTo: new Date("2025-06-30T00:00:00Z") } });
  await db.unitSuccession.create({ data: { predecessorId: old.id, successorId: successor.id, kind: "FULL", effectiveOn: new Date("2025-07-01T00:00:00Z") } });
  return old;
}
const actors = new Map<string, Actor>();
/** A user who makes the records the seats act on (a meeting's author is never the seat). */
let author: { id: number };

beforeAll(async () => {
  units.nation = await unit(null, "NATION", "Cả nước", `Việt Nam ${uid()}`);
  units.province = await unit(units.nation, "PROVINCE", "Tỉnh");
  units.province2 = await unit(units.nation, "PROVINCE", "Tỉnh");
  units.district = await unit(units.province, "DISTRICT", "Huyện");
  units.district2 = await unit(units.province, "DISTRICT", "Huyện");
  units.commune = await unit(units.district, "COMMUNE", "Xã");
  units.commune2 = await unit(units.district, "COMMUNE", "Xã");
  units.village = await unit(units.commune, "VILLAGE", "Thôn");
  for (const [level, parent, typeLabel] of [["province", units.nation, "Tỉnh"], ["district", units.province, "Huyện"], ["commune", units.district, "Xã"]] as const) {
    units[`${level}Merged`] = await closedInto(units[level], parent, typeLabel);
    units[`${level}2Merged`] = await closedInto(units[`${level}2`], parent, typeLabel);
  }
  fieldId = (await createField()).id;
  author = await createUser(units.district, "DISTRICT_STAFF");
  for (const seat of SEATS) {
    const at = units[home[seat.level]];
    // The actor as a session loads it, with the units that closed into its home (decision 057); a second factor
    // enrolled (the gate of decision 025 is not what this matrix checks).
    const actor = { ...(await loadActor((await createUser(at, seat.preset)).id))!, mustEnrolTwoFactor: false };
    expect(actor.unit.standsFor).toEqual(seat.level === "NATION" ? [] : [units[`${home[seat.level] as Level}Merged`].id]);
    actors.set(seat.username, actor);
  }
});

afterAll(() => {
  currentActor = null;
});

describe("the authorisation matrix of server actions", () => {
  it("has a probe for every action in the registry, and none for an action it lacks", () => {
    expect(Object.keys(PROBES).sort()).toEqual(ACTIONS.map((a) => a.name.split("#")[1]).sort());
  });

  for (const row of ACTIONS) {
    const name = row.name.split("#")[1];
    it(`${name}: NOT_FOUND exactly where the matrix says 404`, { timeout: 180_000 }, async () => {
      const fn = await loadAction(row);
      expect(typeof fn, row.name).toBe("function");
      const mismatches: string[] = [];
      let calls = 0;
      for (const seat of SEATS) {
        // A row pointed at no record answers the same whatever the relation: one call per seat.
        const relations = row.target === "none" ? (["own"] as const) : relationsOf(seat);
        for (const relation of relations) {
          const c: Case = { seat, actor: actors.get(seat.username)!, home: units[home[seat.level]], unit: units[RELATED[seat.level][relation]!], fieldId, authorId: author.id };
          const fields = await PROBES[name](c);
          currentActor = c.actor;
          const got = await callAction(fn, fields);
          currentActor = null;
          calls++;
          const want = expectedOutcome(row, seat, relation);
          if (got.outcome !== want) mismatches.push(`${seat.username} (${seat.preset}) on ${relation}: expected ${want}, got ${got.outcome} (${got.detail})`);
        }
      }
      expect(calls).toBeGreaterThanOrEqual(SEATS.length);
      expect(mismatches).toEqual([]);
    });
  }
});
