/**
 * Every page's client components find their messages: the browser gets only the shell's namespaces and its
 * section's (lib/i18n/client-namespaces.ts), so a client component that asks for another would show keys.
 * Walks each page's imports (app/, components/) and collects what the client side calls `useTranslations` with.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SECTION_NAMESPACES, SHELL_NAMESPACES } from "./client-namespaces";

const ROOT = path.resolve(import.meta.dirname, "../..");

function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, name) : name.test(e.name) ? [full] : [];
  });
}

/** The project files a module imports (components and app only: lib has no hooks). */
function imports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/from\s+"((?:@\/|\.{1,2}\/)[^"]+)"/g)].flatMap(([, spec]) => {
    const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(file), spec);
    const found = ["", ".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    return found && /\/(components|app)\//.test(found) ? [found] : [];
  });
}

/** The namespaces the client side of a page asks for: "use client" files and everything they import. */
function clientNamespaces(entry: string): Set<string> {
  const needed = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}:${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = fs.readFileSync(file, "utf8");
    const isClient = client || /^\s*["']use client["']/m.test(source);
    if (isClient) {
      for (const [, ns] of source.matchAll(/useTranslations\(\s*(?:"([\w.]+)")?\s*\)/g)) needed.add(ns ? ns.split(".")[0] : "*");
    }
    for (const next of imports(file)) visit(next, isClient);
  };
  visit(entry, false);
  return needed;
}

describe("client messages", () => {
  const pages = [...files(path.join(ROOT, "app"), /^(page|error|not-found|layout)\.tsx$/)];

  it("every page's client components find the namespaces they use", () => {
    expect(pages.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const page of pages) {
      const rel = path.relative(path.join(ROOT, "app"), page);
      const section = /^\(app\)\/([^/]+)\//.exec(rel)?.[1] as keyof typeof SECTION_NAMESPACES | undefined;
      const provided = new Set<string>([...SHELL_NAMESPACES, ...((section && SECTION_NAMESPACES[section]) || [])]);
      for (const ns of clientNamespaces(page)) if (!provided.has(ns)) missing.push(`${rel}: ${ns}`);
    }
    expect(missing).toEqual([]);
  });

  it("finds what a page's forms use (the walk sees through imports)", () => {
    const intake = clientNamespaces(path.join(ROOT, "app/(app)/petitions/new/page.tsx"));
    expect([...intake]).toEqual(expect.arrayContaining(["petitions", "actions", "signInAgain", "login"]));
    expect(clientNamespaces(path.join(ROOT, "app/(app)/reports/page.tsx")).has("dashboardCharts")).toBe(true);
  });

  it("every section with a layout of its own passes its namespaces, and every namespace named exists", async () => {
    const vi = (await import("./messages/vi.json")).default as Record<string, unknown>;
    for (const [section, namespaces] of Object.entries(SECTION_NAMESPACES)) {
      const layout = path.join(ROOT, "app/(app)", section, "layout.tsx");
      expect(fs.readFileSync(layout, "utf8"), layout).toContain(`section="${section}"`);
      for (const ns of namespaces) expect(vi[ns], ns).toBeDefined();
    }
    for (const ns of SHELL_NAMESPACES) expect(vi[ns], ns).toBeDefined();
  });
});
