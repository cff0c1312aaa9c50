/**
 * The actions of decision 055 (moving an account off a closed home, placing a split unit's open
 * petition) fed what an attacker sends: odd strings, NUL bytes, huge ids, repeated fields, and real
 * ids beside junk, so that some reach the mutation. Never a 500 (INTERNAL) or a throw: a field
 * error, NOT_FOUND, CONFLICT or a refusal.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { placePetitionAction } from "@/lib/units/merger/actions";
import { rehomeUserAction } from "@/lib/users/actions";
import { insertUnit } from "@/lib/units/tree";
import { paramsFor } from "../support/arbitraries";
import { actorAt, buildTree, createField, createPetition, createUser, uid } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const real: string[] = [];

beforeAll(async () => {
  const tree = await buildTree();
  const admin = await createUser(tree.province, "ADMIN");
  actor = actorAt(tree.province, "ADMIN", admin.id);
  // A commune split on 1/7/2026 into communeA and a new one; a user homed on it and an open petition of it.
  const old = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Cũ ${uid()}`, code: "08999" });
  await db.unit.update({ where: { id: old.id }, data: { validTo: new Date("2026-06-30T00:00:00Z") } });
  await db.unitSuccession.create({ data: { predecessorId: old.id, successorId: tree.communeA.id, kind: "PARTIAL", effectiveOn: new Date("2026-07-01T00:00:00Z") } });
  const user = await createUser(old, "VIEWER");
  const petition = await createPetition(old, admin.id, (await createField()).id);
  real.push(String(old.id), String(tree.communeA.id), String(tree.communeB.id), String(user.id), String(petition.id), String(admin.id));
});

type Action = (prev: null, form: FormData) => Promise<{ ok: boolean; error?: string }>;
const ACTIONS: [string, Action, string[]][] = [
  ["rehomeUserAction", rehomeUserAction as unknown as Action, ["userId", "fromUnitId", "unitId", "confirm"]],
  ["placePetitionAction", placePetitionAction as unknown as Action, ["petitionId", "version", "targetUnitId", "confirm"]],
];

describe("the actions of a merger's leftovers take junk without a 500", () => {
  for (const [name, action, keys] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      const withReal = fc.tuple(paramsFor(keys), fc.subarray(keys), fc.constantFrom(...["0", "1", "on", "", "-1", "2147483648"]), fc.nat()).map(([params, pick, filler, n]) => {
        for (const k of pick) params[k] = /Id$/.test(k) ? real[n % real.length] : filler;
        return params;
      });
      await fc.assert(
        fc.asyncProperty(withReal, async (params) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
          // A move that succeeds sends the browser back to its list (a redirect), as one made by hand does.
          const result = await action(null, form).catch((error: { digest?: unknown }) => {
            if (typeof error?.digest === "string" && error.digest.startsWith("NEXT_REDIRECT")) return { ok: true } as { ok: boolean; error?: string };
            throw error;
          });
          expect(result.ok || ["VALIDATION", "NOT_FOUND", "CONFLICT", "INVALID_STATE"].includes(result.error!), JSON.stringify({ params, result })).toBe(true);
        }),
        { numRuns: 80 },
      );
    });
  }
});
