/**
 * The OpenAPI document's query parameters, made from the zod schema a route parses its query
 * with (`apiRoute({ query })`), by zod's own JSON Schema conversion. The schema is the one home
 * of each parameter: its name, type, enum values, bounds and default, and (in `.meta()`) its
 * description and example. lib/api/openapi.test.ts checks that the document matches the routes.
 */
import { z } from "zod";

export type Schema = { [key: string]: unknown };

export interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  description: string;
  /** How an array travels: `form` without `explode` is one comma-separated value (`status=RECEIVED,ASSIGNED`). */
  style?: "form" | "simple";
  explode?: boolean;
  schema: Schema;
  example?: unknown;
}

/** The fields of a route's query schema (an object, possibly refined, or piped into a transform). */
export function queryShape(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return queryShape(schema.in as z.ZodType);
  throw new Error("A route's query schema must be a zod object (or an object piped into a transform).");
}

/**
 * What a client sends, as JSON Schema: the input side (`io: "input"`), so a preprocess or a
 * transform is described by what it accepts, and defaults are the input's. Nothing in a query
 * schema may be unrepresentable (the conversion throws, and the document's test fails).
 */
export function inputJsonSchema(schema: z.ZodType): Schema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" }) as Schema;
  return json;
}

/**
 * A parameter is required when the schema refuses its absence: a preprocess that turns a missing
 * comma list into [] or a missing flag into false is optional, whatever its output type says.
 */
function isRequired(field: z.ZodType): boolean {
  return !field.safeParse(undefined).success;
}

/** The query parameters of a route, one per field of its schema, in the schema's order. */
export function queryParameters(schema: z.ZodType): Parameter[] {
  return Object.entries(queryShape(schema)).map(([name, field]) => {
    const { description, example, ...json } = inputJsonSchema(field);
    if (typeof description !== "string") throw new Error(`The query parameter ${name} has no description: add .meta({ description }) to its schema.`);
    return {
      name,
      in: "query",
      ...(isRequired(field) ? { required: true } : {}),
      description,
      // A list travels as one comma-separated value; repeating the name is not read (the route takes the last).
      ...(json.type === "array" ? { style: "form" as const, explode: false } : {}),
      schema: json,
      ...(example !== undefined ? { example } : {}),
    };
  });
}

/**
 * The query string a client builds from parameters' values, as the document says to send them:
 * a list comma-separated, anything else as its text.
 */
export function serialiseQuery(values: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}
