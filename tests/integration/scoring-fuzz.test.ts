/**
 * The scoring actions (decision 078) fed what an attacker sends: odd strings, NUL bytes, huge ids and numbers,
 * repeated fields, strangers, row and score fields out of order; also real ids beside junk, so that some reach
 * the mutation (a province with a template, villages in and out of reach). Never a 500 (INTERNAL) or a throw.
 */
import { beforeAll, describe, it, vi } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { saveSheetAction, saveScoringTemplateAction, setWeakestShareAction } from "@/lib/scoring/actions";
import { saveTemplate } from "@/lib/scoring/mutations";
import { templateSchema } from "@/lib/scoring/schemas";
import { assertActionTakesJunk, type FormAction } from "../support/action-fuzz";
import { actorAt, buildTree, createUser } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const real: string[] = [];

beforeAll(async () => {
  const tree = await buildTree();
  // A province administrator holds both the template's and the sheet's permissions (directing, organisation).
  actor = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
  const form = { unitId: String(tree.province.id), name: "Bảng", "row.0.section": "I", "row.0.label": "Tiêu chí", "row.0.max": "10", "row.0.weight": "1", "row.1.label": "Tự động", "row.1.max": "5", "row.1.weight": "2", "row.1.auto": "TEAM_MEETINGS" };
  const parsed = await parseInput(templateSchema, form);
  if (!parsed.ok) throw new Error("template");
  await saveTemplate(actor, parsed.data);
  real.push(String(tree.province.id), String(tree.villageA1.id), String(tree.villageB1.id), String(tree.communeA.id), String(tree.nation.id));
});

const ROWS = ["row.0.section", "row.0.label", "row.0.max", "row.0.weight", "row.0.auto", "row.1.label", "row.1.max", "row.99.max", "row.100.label"];
const ACTIONS: [string, FormAction, string[]][] = [
  ["saveScoringTemplateAction", saveScoringTemplateAction as unknown as FormAction, ["unitId", "name", ...ROWS]],
  ["setWeakestShareAction", setWeakestShareAction as unknown as FormAction, ["unitId", "weakestShare"]],
  ["saveSheetAction", saveSheetAction as unknown as FormAction, ["villageId", "period", "version", "note", "score.c1", "score.c2", "score.c1000"]],
];

describe("the scoring actions take junk without a 500", () => {
  for (const [name, action, keys] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      await assertActionTakesJunk(action, keys, { real, fillers: ["0", "1", "2,5", "10", "1e308", "-0", "2026", "2026-Q1", "TEAM_MEETINGS", "Tiêu chí"], numRuns: 80 });
    });
  }
});
