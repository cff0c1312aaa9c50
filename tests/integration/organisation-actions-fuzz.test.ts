/**
 * The bloc and team actions (decision 050) fed what an attacker sends: odd strings, NUL bytes, huge ids,
 * impossible dates, repeated fields, strangers; also real ids beside junk, so that some reach the
 * mutation. Never a 500 (INTERNAL) or a throw: a field error, NOT_FOUND or a refusal by name.
 */
import { beforeAll, describe, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createOrganisationAction, dissolveOrganisationAction, mergeOrganisationAction } from "@/lib/organisations/actions";
import { assertActionTakesJunk, type FormAction } from "../support/action-fuzz";
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

const ACTIONS: [string, FormAction, string[]][] = [
  ["createOrganisationAction", createOrganisationAction as unknown as FormAction, ["unitId", "kind", "establishedOn"]],
  ["dissolveOrganisationAction", dissolveOrganisationAction as unknown as FormAction, ["organisationId", "version", "lastDay", "confirm"]],
  ["mergeOrganisationAction", mergeOrganisationAction as unknown as FormAction, ["organisationId", "version", "targetId", "effectiveOn", "confirm"]],
];

describe("the bloc and team actions take junk without a 500", () => {
  for (const [name, action, keys] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      await assertActionTakesJunk(action, keys, { real, fillers: ["0", "1", "2026-01-01", "BLOC", "TEAM", "on"], numRuns: 80 });
    });
  }
});
