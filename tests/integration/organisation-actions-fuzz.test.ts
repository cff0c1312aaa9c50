/**
 * The bloc and team actions (decision 050) fed what an attacker sends: odd strings, NUL bytes, huge ids,
 * impossible dates, repeated fields, strangers; also real ids beside junk, so that some reach the
 * mutation. Never a 500 (INTERNAL) or a throw: a field error, NOT_FOUND or a refusal by name.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createOrganisationAction, dissolveOrganisationAction, mergeOrganisationAction } from "@/lib/organisations/actions";
import { paramsFor } from "../support/arbitraries";
import { actorAt, buildTree, createOrganisation, createUser } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const real: string[] = [];

beforeAll(async () => {
  const tree = await buildTree();
  actor = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  const a = await createOrganisation(tree.villageA1, "TEAM", ["Một"]);
  const b = await createOrganisation(tree.villageA2, "TEAM", ["Hai"]);
  real.push(String(a.org.id), String(b.org.id), String(tree.villageA1.id), String(tree.communeA.id), String(tree.villageB1.id));
});

type Action = (prev: null, form: FormData) => Promise<{ ok: boolean; error?: string }>;
const ACTIONS: [string, Action, string[]][] = [
  ["createOrganisationAction", createOrganisationAction as unknown as Action, ["unitId", "kind", "establishedOn"]],
  ["dissolveOrganisationAction", dissolveOrganisationAction as unknown as Action, ["organisationId", "version", "lastDay", "confirm"]],
  ["mergeOrganisationAction", mergeOrganisationAction as unknown as Action, ["organisationId", "version", "targetId", "effectiveOn", "confirm"]],
];

describe("the bloc and team actions take junk without a 500", () => {
  for (const [name, action, keys] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      const withReal = fc.tuple(paramsFor(keys), fc.subarray(keys), fc.constantFrom(...["0", "1", "2026-01-01", "BLOC", "TEAM", "on"]), fc.nat()).map(([params, pick, filler, n]) => {
        // some fields real (ids of records in reach or not), the rest as the attacker chose
        for (const k of pick) params[k] = /Id$/.test(k) ? real[n % real.length] : filler;
        return params;
      });
      await fc.assert(
        fc.asyncProperty(withReal, async (params) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
          const result = await action(null, form);
          expect(result.ok || ["VALIDATION", "NOT_FOUND", "CONFLICT", "DUPLICATE", "INVALID_STATE"].includes(result.error!), JSON.stringify({ params, result })).toBe(true);
        }),
        { numRuns: 80 },
      );
    });
  }
});
