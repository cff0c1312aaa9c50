/**
 * The hotspot and template actions (decision 080) fed what an attacker sends: odd strings, NUL bytes, huge ids,
 * repeated fields, values off the scale; also real ids and real values beside junk, so that some reach the
 * mutation. Never a 500 (INTERNAL) or a throw: a field error, NOT_FOUND, a conflict or a refusal by name.
 */
import { beforeAll, describe, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { addHotspotAction, removeHotspotAction, saveTemplateAction } from "@/lib/periodic-reports/actions";
import { startReport } from "@/lib/periodic-reports/mutations";
import { assertActionTakesJunk, type FormAction } from "../support/action-fuzz";
import { actorAt, buildTree, createUser } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const real: string[] = [];
let writer: Actor;
let admin: Actor;

beforeAll(async () => {
  const tree = await buildTree();
  writer = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  admin = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
  const { reportId } = await startReport(writer, { unitId: tree.communeA.id, period: "2026-03" }, new Date("2026-04-05T03:00:00Z"));
  const h = await db.reportHotspot.create({
    data: { reportId, placeUnitId: tree.villageA1.id, placePath: tree.villageA1.ancestorIds, periodFrom: new Date("2026-03-01"), periodTo: new Date("2026-03-31"), topic: "Ô nhiễm", severity: "WATCH", people: 3, actions: "Theo dõi.", createdById: writer.userId },
  });
  real.push(String(reportId), String(h.id), String(tree.villageA1.id), String(tree.communeA.id), String(tree.villageB1.id));
});

const ACTIONS: [string, FormAction, string[], () => Actor][] = [
  ["addHotspotAction", addHotspotAction as unknown as FormAction, ["reportId", "placeUnitId", "topic", "severity", "people", "actions"], () => writer],
  ["removeHotspotAction", removeHotspotAction as unknown as FormAction, ["hotspotId", "confirm"], () => writer],
  ["saveTemplateAction", saveTemplateAction as unknown as FormAction, ["level", "kind", "shownVersion", "figureKeys", "sectionKeys", "deadlineDay", "confirm"], () => admin],
];
const FILLERS = ["0", "1", "28", "-1", "SERIOUS", "CRITICAL", "COMMUNE", "PROVINCE", "MONTH", "YEAR", "situation", "results", "received", "on", "Khiếu kiện"];

describe("the hotspot and template actions take junk without a 500", () => {
  for (const [name, action, keys, who] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      actor = who();
      await assertActionTakesJunk(action, keys, { real, fillers: FILLERS, numRuns: 80 });
    });
  }
});
