/**
 * Every zod schema of every feature (lib/**\/schemas.ts, found by glob so a new one is covered):
 * whatever arrives, `safeParseAsync` answers success or issues and never throws (issue 12).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { anyValue, paramsFor } from "../../tests/support/arbitraries";

const modules = import.meta.glob<Record<string, unknown>>("../**/schemas.ts", { eager: true });

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${file.replace(/^\.\.\//, "lib/")} ${name}`, schema })),
);

/** The field names a schema reads, dug out of pipes, transforms and refinements. */
function keysOf(schema: unknown, depth = 0): string[] {
  if (!schema || typeof schema !== "object" || depth > 6) return [];
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; schema?: unknown; innerType?: unknown; options?: unknown[] } } };
  if (s.shape) return Object.keys(s.shape);
  const def = s._zod?.def;
  if (!def) return [];
  return [...keysOf(def.in, depth + 1), ...keysOf(def.schema, depth + 1), ...keysOf(def.innerType, depth + 1), ...(def.options ?? []).flatMap((o) => keysOf(o, depth + 1))];
}

describe("every feature schema", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(30);
  });

  for (const { name, schema } of schemas) {
    it(`${name}: never throws`, async () => {
      const keys = keysOf(schema);
      const input = keys.length > 0 ? fc.oneof({ weight: 4, arbitrary: paramsFor(keys) }, { weight: 1, arbitrary: anyValue }) : anyValue;
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const result = await schema.safeParseAsync(value);
          expect(typeof result.success).toBe("boolean");
        }),
        { numRuns: 60 },
      );
    });
  }
});
