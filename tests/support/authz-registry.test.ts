/**
 * The registry (./authz-registry.ts) must name every page, route handler and server action the
 * app has, and nothing else; the published matrix must be the registry's. A new page without its
 * row fails here, before any run.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PAGES, REGISTRY, ROUTES, keyOf } from "./authz-registry";
import { renderMatrix } from "./authz-matrix";

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return d.name === "generated" || d.name === "node_modules" ? [] : walk(rel);
    return [rel];
  });
}

/** Next.js's special Pages Router files are not addresses. */
const PAGES_ROUTER_SPECIAL = /^pages\/(_app|_document|_error|404|500)\.(tsx|ts|jsx|js)$/;

function appEntryFiles(): { pages: string[]; routes: string[] } {
  const app = walk("app");
  const pages = [
    ...app.filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f)),
    ...walk("pages").filter((f) => /\.(tsx|ts|jsx|js)$/.test(f) && !f.startsWith("pages/api/") && !PAGES_ROUTER_SPECIAL.test(f)),
  ];
  const routes = [...app.filter((f) => /\/route\.(ts|js)$/.test(f)), ...walk("pages").filter((f) => f.startsWith("pages/api/"))];
  return { pages: pages.sort(), routes: routes.sort() };
}

/** A module whose first statement is the "use server" directive. */
function isServerActionFile(source: string): boolean {
  const body = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, "");
  return /^\s*["']use server["'];?/.test(body);
}

function serverActionExports(): string[] {
  const files = ["app", "lib", "components"].flatMap(walk).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
  return files
    .filter((f) => isServerActionFile(fs.readFileSync(path.join(ROOT, f), "utf8")))
    .flatMap((f) => {
      const source = fs.readFileSync(path.join(ROOT, f), "utf8");
      const names = [
        ...source.matchAll(/export\s+(?:default\s+)?async\s+function\s+(\w+)/g),
        ...source.matchAll(/export\s+const\s+(\w+)\s*=/g),
        ...source.matchAll(/export\s*\{([^}]*)\}/g),
      ].flatMap((m) => m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean));
      return names.map((n) => `${f}#${n}`);
    })
    .sort();
}

describe("the authorisation registry", () => {
  it("has a row for every page, and only for pages that exist", () => {
    expect(PAGES.map(keyOf).sort()).toEqual(appEntryFiles().pages);
  });

  it("has a row for every route handler, and only for those that exist", () => {
    expect(ROUTES.map(keyOf).sort()).toEqual(appEntryFiles().routes);
  });

  it("has a row for every export of every \"use server\" file, and only for those", () => {
    const exported = serverActionExports();
    expect(exported.length).toBeGreaterThan(30);
    expect(ACTIONS.map(keyOf).sort()).toEqual(exported);
  });

  it("finds a new page, route or action that has no row (the scan itself can fail)", () => {
    const files = appEntryFiles();
    expect(files.pages).toContain("app/(app)/petitions/[id]/page.tsx");
    expect(files.pages).toContain("pages/meetings/new.tsx");
    expect(files.pages).not.toContain("pages/_app.tsx");
    expect(files.routes).toContain("app/api/v1/petitions/route.ts");
    expect(isServerActionFile('/** why */\n"use server";\nexport async function a() {}')).toBe(true);
    expect(isServerActionFile('import "server-only";\n// "use server" in a comment')).toBe(false);
  });

  it("names each entry once, with `{target}` in the address exactly when it is pointed at a record", () => {
    const keys = REGISTRY.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of REGISTRY) {
      if (e.kind !== "action") expect(e.url.includes("{target}"), keyOf(e)).toBe(e.target !== "none");
    }
  });

  it("is what docs/authorization-matrix.md publishes (run `npm run docs:authz` after changing a row)", () => {
    const published = fs.readFileSync(path.join(ROOT, "docs/authorization-matrix.md"), "utf8");
    expect(published).toBe(renderMatrix());
  });
});
