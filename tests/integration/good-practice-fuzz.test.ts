/**
 * The good-practice models' actions (decision 076) fed what an attacker sends: odd strings, NUL bytes, huge ids,
 * impossible dates and scores, repeated fields; also real ids (of models in every state, in reach or not, and of
 * units) beside junk, so that some reach the mutations. Never a 500 (INTERNAL) or a throw.
 */
import { beforeAll, describe, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { addEvidenceAction, assessModelAction, buildModelAction, recogniseModelAction, registerModelAction, replicateModelAction } from "@/lib/good-practice/actions";
import type { GoodPracticeStatus } from "@/lib/generated/prisma/enums";
import { assertActionTakesJunk, type FormAction } from "../support/action-fuzz";
import { actorAt, buildTree, createUser } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const real: string[] = [];

beforeAll(async () => {
  const tree = await buildTree();
  const user = await createUser(tree.communeA, "COMMUNE_COMMITTEE");
  actor = actorAt(tree.communeA, "COMMUNE_COMMITTEE", user.id);
  const statuses: GoodPracticeStatus[] = ["REGISTERED", "BUILDING", "ASSESSED", "RECOGNISED", "REPLICATED"];
  for (const [i, status] of statuses.entries()) {
    const unitId = i % 2 ? tree.villageA1.id : tree.communeB.id;
    const m = await db.goodPracticeModel.create({
      data: { unitId, field: "OTHER", year: 2026, title: "Thử", description: "Thử", inCharge: "Thử", searchText: "thu", status, effective: status === "REGISTERED" ? null : true, registeredOn: new Date("2026-03-01"), createdById: user.id },
    });
    real.push(String(m.id));
  }
  real.push(String(tree.villageA1.id), String(tree.villageA2.id), String(tree.communeA.id), String(tree.villageB1.id), String(tree.nation.id));
});

const ACTIONS: [string, FormAction, string[]][] = [
  ["registerModelAction", registerModelAction as unknown as FormAction, ["idempotencyKey", "unitId", "field", "year", "title", "description", "inCharge"]],
  ["buildModelAction", buildModelAction as unknown as FormAction, ["modelId", "version"]],
  ["assessModelAction", assessModelAction as unknown as FormAction, ["modelId", "version", "score", "note", "effective", "assessedOn"]],
  ["recogniseModelAction", recogniseModelAction as unknown as FormAction, ["modelId", "version", "level", "recognisedOn"]],
  ["replicateModelAction", replicateModelAction as unknown as FormAction, ["modelId", "version", "unitId", "adoptedOn"]],
  ["addEvidenceAction", addEvidenceAction as unknown as FormAction, ["modelId", "version", "attachments"]],
];
const FILLERS = ["0", "1", "100", "101", "-1", "2026-03-10", "2999-01-01", "COMMUNE", "PROVINCE", "ECONOMY", "on", "2026", "00000000-0000-4000-8000-000000000000"];

describe("the good-practice actions take junk without a 500", () => {
  for (const [name, action, keys] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      await assertActionTakesJunk(action, keys, { real, fillers: FILLERS, numRuns: 60 });
    });
  }
});
