/**
 * GET /api/v1/periodic-reports (issue 17): `{ items, nextCursor }` with each report's unit, period, status and
 * dates; out of reach 404; junk in the query a 400, never a 500. And the periodic reports' actions fed junk:
 * a field error, NOT_FOUND or a refusal by name, never INTERNAL.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute } from "@/app/api/v1/periodic-reports/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { decideReportAction, refreshReportAction, saveReportAction, startReportAction } from "@/lib/periodic-reports/actions";
import { decideReport, saveReport, startReport } from "@/lib/periodic-reports/mutations";
import { paramsFor } from "../support/arbitraries";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

let tree: Tree;
let leaderToken: string;
let districtToken: string;
let communeA: Actor;
let approvedId: number;
let draftId: number;
const NOW = new Date("2026-04-05T03:00:00Z");
const texts = { situation: "Ổn định.", results: "Đã làm." };

beforeAll(async () => {
  tree = await buildTree();
  communeA = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  const communeB = actorAt(tree.communeB, "COMMUNE_COMMITTEE", (await createUser(tree.communeB, "COMMUNE_COMMITTEE")).id);
  const districtA = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  approvedId = (await startReport(communeA, { unitId: tree.communeA.id, period: "2026-03" }, NOW)).reportId;
  await saveReport(communeA, { reportId: approvedId, version: 0, intent: "submit", ...texts });
  await decideReport(districtA, { reportId: approvedId, version: 1, decision: "approve" });
  draftId = (await startReport(communeB, { unitId: tree.communeB.id, period: "2026-03" }, NOW)).reportId;
  leaderToken = (await createToken(leader, { name: "thử", lifetime: 30 })).token;
  districtToken = (await createToken(districtA, { name: "thử", lifetime: 30 })).token;
});

const get = (url: string, token: string) => listRoute(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) } as never);

describe("/api/v1/periodic-reports", () => {
  it("lists the reports of the unit and the units below it for the period, in keyset pages", async () => {
    const res = await get("/api/v1/periodic-reports?unit=26&period=2026-03", leaderToken);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.nextCursor).toBeNull();
    const approved = await db.periodicReport.findUniqueOrThrow({ where: { id: approvedId } });
    expect(body.items).toEqual([
      {
        id: approvedId,
        unit: { id: tree.communeA.id, code: "08839", level: "COMMUNE", name: `Xã ${tree.communeA.name}` },
        period: "2026-03",
        status: "approved",
        dueOn: "2026-04-10",
        submittedAt: approved.submittedAt!.toISOString(),
        approvedAt: approved.approvedAt!.toISOString(),
      },
      expect.objectContaining({ id: draftId, period: "2026-03", status: "draft", submittedAt: null, approvedAt: null }),
    ]);
    const first = await (await get("/api/v1/periodic-reports?unit=26&period=2026-03&limit=1", leaderToken)).json();
    expect(first.items.map((i: { id: number }) => i.id)).toEqual([approvedId]);
    const second = await (await get(`/api/v1/periodic-reports?unit=26&period=2026-03&limit=1&cursor=${first.nextCursor}`, leaderToken)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: draftId })], nextCursor: null });
    // Another period, another kind: none.
    expect((await (await get("/api/v1/periodic-reports?unit=26&period=2026-Q1", leaderToken)).json()).items).toEqual([]);
  });

  it("answers 404 for a unit out of reach, and only the reach's reports for one in it", async () => {
    expect((await get("/api/v1/periodic-reports?unit=252&period=2026-03", districtToken)).status).toBe(404);
    expect((await get("/api/v1/periodic-reports?unit=26&period=2026-03", districtToken)).status).toBe(404);
    const own = await (await get("/api/v1/periodic-reports?unit=246&period=2026-03", districtToken)).json();
    expect(own.items.map((i: { id: number }) => i.id)).toEqual([approvedId]);
  });

  it("answers 400 with a message for a bad period or unit, and never 500 on junk", async () => {
    const bad = await get("/api/v1/periodic-reports?unit=26&period=2026-Q5", leaderToken);
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.period[0]).toContain("YYYY-MM");
    expect((await get("/api/v1/periodic-reports?period=2026-03", leaderToken)).status).toBe(400);
    expect((await get("/api/v1/periodic-reports?unit=26&period=2026-03&cursor=abc", leaderToken)).status).toBe(400);
    await fc.assert(
      fc.asyncProperty(paramsFor(["unit", "period", "limit", "cursor"]), async (params) => {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, one);
        const res = await get(`/api/v1/periodic-reports?${q}`, leaderToken);
        expect([200, 400, 404], q.toString()).toContain(res.status);
      }),
      { numRuns: 150 },
    );
  });
});

type Action = (prev: null, form: FormData) => Promise<{ ok: boolean; error?: string }>;
const ACTIONS: [string, Action, string[]][] = [
  ["startReportAction", startReportAction as unknown as Action, ["unitId", "period"]],
  ["saveReportAction", saveReportAction as unknown as Action, ["reportId", "version", "intent", "situation", "results", "weaknesses"]],
  ["refreshReportAction", refreshReportAction as unknown as Action, ["reportId", "version"]],
  ["decideReportAction", decideReportAction as unknown as Action, ["reportId", "version", "decision", "comment", "confirm"]],
];

describe("the periodic reports' actions take junk without a 500", () => {
  for (const [name, action, keys] of ACTIONS) {
    it(name, { timeout: 180_000 }, async () => {
      actor = communeA;
      const real = [String(approvedId), String(draftId), String(tree.communeA.id), String(tree.communeB.id), "2026-03", "save", "submit", "approve", "return", "reopen", "on", "0", "1"];
      const withReal = fc.tuple(paramsFor(keys), fc.subarray(keys), fc.nat()).map(([params, pick, n]) => {
        for (const k of pick) params[k] = real[(n + k.length) % real.length];
        return params;
      });
      await fc.assert(
        fc.asyncProperty(withReal, async (params) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
          const result = await action(null, form);
          expect(result.ok || ["VALIDATION", "NOT_FOUND", "CONFLICT", "INVALID_STATE"].includes(result.error!), JSON.stringify({ params, result })).toBe(true);
        }),
        { numRuns: 60 },
      );
      actor = null;
    });
  }
});
