import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const ROOT = path.resolve(import.meta.dirname, "../..");
const V1 = path.join(ROOT, "app/api/v1");

/** Every route.ts under app/api/v1, as the URL path it serves ("[code]" → "{code}"). */
function routePaths(dir = V1): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routePaths(full);
    if (entry.name !== "route.ts") return [];
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep);
    return ["/" + rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")];
  });
}

/** Every `$ref` in the document. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v)));
  return [];
}

describe("the OpenAPI document", () => {
  const doc = JSON.parse(JSON.stringify(openApiDocument)) as typeof openApiDocument;

  it("is OpenAPI 3.1 JSON with the unit endpoints and both ways to authenticate", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/units", "/api/v1/units/{code}", "/api/v1/openapi.json"]));
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.paths["/api/v1/units/{code}"].get?.description).toContain("id:");
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("has a path for every route file under app/api/v1, and no path without one", () => {
    const files = routePaths().sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(doc.paths).sort()).toEqual(files);
  });

  it("declares every path parameter and every error answer, and every $ref resolves", () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const name of p.match(/\{(\w+)\}/g) ?? []) {
        const declared = item.get?.parameters?.some((param) => "name" in param && param.name === name.slice(1, -1) && param.in === "path");
        expect(declared, `${p} declares ${name}`).toBe(true);
      }
      expect(item.get?.responses["401"], `${p} documents 401`).toBeDefined();
    }
    for (const ref of refs(doc)) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });
});
