import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PETITION_STATUSES } from "../petitions/labels";
import { petitionFilterFields } from "../petitions/list";
import { openApiDocument, type OpenApiDocument } from "./openapi";
import { queryShape, serialiseQuery, type Parameter } from "./openapi-zod";
import { petitionListQuery } from "./petitions";
import { API_ERROR_CODES } from "./route";
import { parseUnitRef } from "./units";

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

// ---------------------------------------------------------------------------------------------
// The document and the routes' zod schemas cannot drift: each route file's GET carries the
// schema it parses its query with (`apiRoute`), and the document's parameters must be exactly
// that schema's fields, with its enums, bounds, defaults and required-ness; its examples make a
// request the route accepts.

type QueryParameter = Parameter & { in: "query" };

/** The query schema each route file parses with, by its path in the document. */
async function routeQueries(): Promise<Map<string, z.ZodType | undefined>> {
  const out = new Map<string, z.ZodType | undefined>();
  for (const p of routePaths()) {
    const file = path.join(ROOT, "app", p.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
    const mod = (await import(file)) as { GET: { query?: z.ZodType } };
    out.set(p, mod.GET.query);
  }
  return out;
}

function queryParams(doc: OpenApiDocument, p: string): QueryParameter[] {
  return (doc.paths[p].get?.parameters ?? []).filter((x): x is QueryParameter => x.in === "query");
}

/** The values of the enum inside a field, however it is wrapped (optional, default, preprocess, array). */
function zodEnumValues(schema: z.ZodType): string[] | undefined {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> };
  switch (def.type) {
    case "enum":
      return Object.values(def.entries!);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
      return zodEnumValues(def.innerType!);
    case "pipe":
      return zodEnumValues(def.in!._zod.def.type === "transform" ? def.out! : def.in!);
    case "array":
      return zodEnumValues(def.element!);
    default:
      return undefined;
  }
}

/** A parameter's value as the URL carries it. */
const wire = (value: unknown) => serialiseQuery({ v: value }).get("v")!;

describe("the document's parameters are the routes' zod schemas", async () => {
  const doc = JSON.parse(JSON.stringify(openApiDocument)) as OpenApiDocument;
  const queries = await routeQueries();
  const withQuery = [...queries].filter((entry): entry is [string, z.ZodType] => entry[1] !== undefined);

  it("reads the query schema of every route that has one", () => {
    expect(withQuery.map(([p]) => p).sort()).toEqual(["/api/v1/meetings", "/api/v1/notifications", "/api/v1/periodic-reports", "/api/v1/petitions", "/api/v1/rollup", "/api/v1/units", "/api/v1/units/{code}"]);
    for (const [p, query] of queries) if (!query) expect(queryParams(doc, p), p).toEqual([]);
  });

  it.each(withQuery)("%s: one parameter per field of the route's schema, required exactly when the schema refuses its absence", (p, query) => {
    const shape = queryShape(query);
    const params = queryParams(doc, p);
    expect(params.map((x) => x.name)).toEqual(Object.keys(shape));
    for (const param of params) {
      expect(param.description, param.name).toMatch(/\S/);
      expect(param.required ?? false, `${param.name} required`).toBe(!shape[param.name].safeParse(undefined).success);
    }
  });

  it.each(withQuery)("%s: enums, defaults and bounds are the schema's", (p, query) => {
    const shape = queryShape(query);
    for (const param of queryParams(doc, p)) {
      const field = shape[param.name];
      const schema = param.schema as { type?: string; enum?: string[]; items?: { enum?: string[] }; default?: unknown; minimum?: number; maximum?: number; minLength?: number; maxLength?: number };
      const accepts = (value: unknown) => field.safeParse(wire(value)).success;
      const values = schema.enum ?? schema.items?.enum;
      expect(values, `${param.name} enum`).toEqual(zodEnumValues(field));
      for (const value of values ?? []) expect(accepts(value), `${param.name}=${value}`).toBe(true);
      if (values) expect(accepts("NOT_A_VALUE"), `${param.name}=NOT_A_VALUE`).toBe(false);
      if (schema.type === "array") {
        expect(param).toMatchObject({ style: "form", explode: false });
        expect(field.parse(values!.slice(0, 2).join(",")), "a comma list").toEqual(values!.slice(0, 2));
      }
      if ("default" in schema) expect(field.parse(undefined), `${param.name} default`).toEqual(schema.default);
      if (schema.maximum !== undefined) expect([accepts(schema.maximum), accepts(schema.maximum + 1)], `${param.name} maximum`).toEqual([true, false]);
      if (schema.minimum !== undefined) expect([accepts(schema.minimum), accepts(schema.minimum - 1)], `${param.name} minimum`).toEqual([true, false]);
      if (schema.maxLength !== undefined) expect([accepts("a".repeat(schema.maxLength)), accepts("a".repeat(schema.maxLength + 1))], `${param.name} maxLength`).toEqual([true, false]);
      if (schema.minLength !== undefined) expect([accepts("ab".repeat(schema.minLength).slice(0, schema.minLength)), accepts("a".repeat(schema.minLength - 1))], `${param.name} minLength`).toEqual([true, false]);
      if (schema.type === "boolean") expect([field.parse("true"), field.parse("false")], `${param.name} as text`).toEqual([true, false]);
    }
  });

  it.each(withQuery)("%s: a request made of the document's examples is accepted by the route's schema", (p, query) => {
    const params = queryParams(doc, p);
    for (const param of params.filter((x) => x.required)) expect(param.example, `${param.name} has an example`).toBeDefined();
    const examples = Object.fromEntries(params.filter((x) => x.example !== undefined).map((x) => [x.name, x.example]));
    expect(Object.keys(examples).length, "some examples").toBeGreaterThan(0);
    const request = new URL(`http://localhost${p.replace("{code}", "246")}?${serialiseQuery(examples)}`);
    const parsed = query.safeParse(Object.fromEntries(request.searchParams));
    expect(parsed.success ? [] : z.flattenError(parsed.error).fieldErrors).toEqual([]);
  });

  it("the petition API keeps every filter of the list page", () => {
    expect(Object.keys(queryShape(petitionListQuery))).toEqual(expect.arrayContaining(Object.keys(petitionFilterFields)));
  });

  it("a unit reference's pattern is the one parseUnitRef reads", () => {
    const pattern = new RegExp(doc.paths["/api/v1/units/{code}"].get!.parameters!.find((x) => x.name === "code")!.schema.pattern as string);
    for (const ref of ["246", "08863", "id:12", "VP01", "id:x", "id:", "a-b", "1234567890123", "id:1234567890"])
      expect(pattern.test(ref), ref).toBe(parseUnitRef(ref) !== null);
  });

  it("the response enums are the app's lists", () => {
    expect(doc.components.schemas.PetitionStatus.enum).toEqual([...PETITION_STATUSES]);
    expect(doc.components.schemas.Error.properties).toMatchObject({ error: { enum: API_ERROR_CODES } });
  });
});
