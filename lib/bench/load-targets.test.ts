import { describe, expect, it } from "vitest";
import { ACTIONS, PAGES, REGISTRY, ROUTES, type Entry } from "../../tests/support/authz-registry";
import { EXPORTS_AT_ONCE, loadPlan, OVERRIDES, PERIOD_PLACEHOLDERS, PICKABLE, WRITES, withQuery } from "./load-targets";

describe("loadPlan over the app's registry", () => {
  const plan = loadPlan(REGISTRY);

  it("accounts for every page, route and server action: a target, the baseline or a reason, and no warning", () => {
    expect(plan.warnings).toEqual([]);
    const covered = new Set([plan.baseline.key, ...plan.targets.map((t) => t.key), ...plan.skipped.map((s) => s.key)]);
    for (const row of PAGES) expect(covered, row.file).toContain(row.file);
    for (const row of ROUTES) expect(covered, row.file).toContain(row.file);
    for (const row of ACTIONS) expect(covered, row.name).toContain(row.name);
  });

  it("measures every page template and GET route, not only lists it", () => {
    const read = new Set(plan.targets.filter((t) => t.kind === "read").map((t) => t.key));
    for (const row of PAGES) expect(read, row.file).toContain(row.file);
    for (const row of ROUTES.filter((r) => r.method === "GET" && r.url !== "/api/health")) expect(read, row.file).toContain(row.file);
  });

  it("has the three writes of the issue: intake, a workflow step, a meeting", () => {
    const writes = plan.targets.filter((t) => t.kind === "write").map((t) => (t.kind === "write" ? t.write : ""));
    expect(writes).toEqual(expect.arrayContaining(["intake-district", "intake-spread", "step", "meeting"]));
    // Writes come first, so that a read of a record they make finds one.
    expect(plan.targets.findIndex((t) => t.kind === "read")).toBeGreaterThan(plan.targets.findLastIndex((t) => t.kind === "write"));
  });

  it("takes /api/health as the baseline, without a session", () => {
    expect(plan.baseline).toMatchObject({ url: "/api/health", user: null, method: "GET", expect: [200] });
  });

  it("runs the pages whose work grows with the subtree as each bench user", () => {
    const users = (file: string) => plan.targets.filter((t) => t.key === file).map((t) => t.user);
    expect(users("app/(app)/petitions/page.tsx")).toEqual(["admin", "province", "district"]);
    expect(users("app/(app)/reports/page.tsx")).toEqual(["admin", "province", "district"]);
    expect(users("app/login/page.tsx")).toEqual([null]);
  });

  it("builds spreadsheets a few at a time, whatever the connection count", () => {
    // The spreadsheets: the exports and the cadre import's template (not the report templates' pages).
    const exports = plan.targets.filter((t) => t.kind === "read" && /export|cadres\/template/.test(t.url));
    expect(exports.length).toBeGreaterThanOrEqual(4);
    for (const t of exports) expect(t.kind === "read" && t.maxConnections, t.label).toBe(EXPORTS_AT_ONCE);
  });

  it("reads the periodic report pages, its .docx and a scoring sheet for the periods the generator made, expecting them found", () => {
    const of = (file: string) => plan.targets.filter((t) => t.key === file);
    const docx = of("app/(app)/reports/periodic/report/docx/route.ts");
    expect(docx.map((t) => [t.user, t.kind === "read" && t.expect])).toEqual([["province", [200]], ["district", [200]]]);
    for (const file of ["app/(app)/reports/periodic/report/page.tsx", "app/(app)/reports/periodic/report/print/page.tsx", "app/(app)/reports/periodic/report/docx/route.ts", "app/api/v1/periodic-reports/route.ts"]) {
      for (const t of of(file)) expect(t.kind === "read" && t.url, file).toMatch(new RegExp(`[?&]period=${PERIOD_PLACEHOLDERS.report}(&|$)`));
    }
    const sheet = of("app/(app)/scoring/sheet/page.tsx")[0];
    expect(sheet.kind === "read" && sheet.url).toBe(`/scoring/sheet?village={target}&period=${PERIOD_PLACEHOLDERS.scoring}`);
    expect(sheet.kind === "read" && sheet.label).toContain(PERIOD_PLACEHOLDERS.scoring);
  });

  it("sets a query parameter in an address, or adds it", () => {
    expect(withQuery("/a?unit={target}&period=2026-03&x=1", { period: "{p}" })).toBe("/a?unit={target}&period={p}&x=1");
    expect(withQuery("/a?unit={target}", { period: "{p}" })).toBe("/a?unit={target}&period={p}");
    expect(withQuery("/a", { period: "2026" })).toBe("/a?period=2026");
  });

  it("names no file or action that the registry lacks", () => {
    const keys = new Set(REGISTRY.map((e) => (e.kind === "action" ? e.name : e.file)));
    for (const key of [...Object.keys(OVERRIDES), ...Object.keys(WRITES)]) expect(keys, key).toContain(key);
  });
});

describe("loadPlan over a registry with a new row", () => {
  const base = REGISTRY.filter((e) => e.kind !== "action" || WRITES[e.name]);

  it("measures a new page by itself: GET as the national admin, expecting 200", () => {
    const page: Entry = { kind: "page", file: "app/(app)/new-thing/[id]/page.tsx", url: "/new-thing/{target}", permission: "petition:read:subtree", target: "petition" };
    const plan = loadPlan([...base, page]);
    expect(plan.warnings).toEqual([]);
    expect(plan.targets.filter((t) => t.key === page.file)).toEqual([
      { kind: "read", key: page.file, label: "GET /new-thing/{petition}", user: "admin", method: "GET", url: "/new-thing/{target}", target: "petition", expect: [200] },
    ]);
  });

  it("warns about a POST route, a server action, or a record kind the run cannot pick", () => {
    const extra: Entry[] = [
      { kind: "route", file: "app/new-post/route.ts", method: "POST", url: "/new-post", permission: "signed-in", target: "none" },
      { kind: "action", name: "lib/new/actions.ts#doAction", permission: "signed-in", target: "none" },
      { kind: "page", file: "app/(app)/mergers/[id]/page.tsx", url: "/mergers/{target}", permission: "signed-in", target: "merger" },
    ];
    expect(PICKABLE.has("merger")).toBe(false);
    const plan = loadPlan([...base, ...extra]);
    expect(plan.warnings).toHaveLength(3);
    expect(plan.warnings.join("\n")).toContain("lib/new/actions.ts#doAction");
    expect(plan.warnings.join("\n")).toContain("POST /new-post");
    expect(plan.warnings.join("\n")).toContain('"merger"');
    expect(plan.targets.some((t) => t.key === "app/new-post/route.ts" || t.key === "app/(app)/mergers/[id]/page.tsx")).toBe(false);
  });
});
