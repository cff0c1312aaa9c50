/**
 * The cadre import's parser, whatever the file: random bytes, a damaged template, a workbook
 * with random rows. It answers rows or errors by row, never throws (issue 12).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { damaged, randomWorkbook } from "../../tests/support/xlsx-arbitraries";
import { IMPORT_COLUMNS, parseCadreWorkbook } from "./import";
import { buildImportTemplate } from "./template";

const context = { unitsByKey: new Map([["08839", 10]]), today: new Date("2026-11-23T00:00:00Z") };

async function outcomeOf(bytes: Uint8Array) {
  const outcome = await parseCadreWorkbook(bytes, context);
  expect(typeof outcome.ok).toBe("boolean");
  if (!outcome.ok) for (const e of outcome.errors) expect(e.message).toMatch(/\S/);
  return outcome;
}

describe("parseCadreWorkbook never throws", () => {
  it("on random bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => void (await outcomeOf(bytes))), { numRuns: 100 });
  });

  it("on a damaged template", { timeout: 60_000 }, async () => {
    const template = new Uint8Array(await buildImportTemplate([{ key: "08839", level: "COMMUNE", label: "Xã Đồng Ích", communeLabel: "Xã Đồng Ích" }]));
    await fc.assert(fc.asyncProperty(damaged(template), async (bytes) => void (await outcomeOf(bytes))), { numRuns: 40 });
  });

  it("on workbooks with random rows and cells", { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(randomWorkbook(IMPORT_COLUMNS.map((c) => c.header)), async (bytes) => void (await outcomeOf(bytes))), { numRuns: 60 });
  });
});
