/**
 * The unit imports' parsers (catalogue in JSON, CSV and xlsx; the 2025 merger file; the
 * boundary file), whatever the bytes: a typed refusal with messages or a result, never a
 * throw (issue 12).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyValue } from "../../tests/support/arbitraries";
import { damaged, randomWorkbook } from "../../tests/support/xlsx-arbitraries";
import { buildXlsx, FIXTURE_CSV, FIXTURE_JSON, fixtureBytes, SPREADSHEET_HEADER } from "./catalogue/fixtures";
import { parseCatalogue, parseCatalogueCsv, parseCatalogueJson } from "./catalogue/parse";
import { readCatalogue } from "./catalogue/read";
import { parseBoundaries } from "./boundaries/parse";
import { parseMerger, parseMergerJson } from "./merger/parse";

type Outcome = { ok: true } | { ok: false; errors: { at: string; message: string }[] };

function typed(outcome: Outcome) {
  expect(typeof outcome.ok).toBe("boolean");
  if (!outcome.ok) {
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const e of outcome.errors) expect(e.message).toMatch(/\S/);
  }
}

/** JSON text shaped like the file (`{"data": [...]}`) with anything inside, or any JSON, or junk text. */
const jsonText = fc.oneof(
  fc.array(anyValue.filter((v) => typeof v !== "bigint"), { maxLength: 4 }).map((data) => JSON.stringify({ data }, (_k, v) => (typeof v === "bigint" ? String(v) : v)) ?? "{}"),
  fc.json(),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** CSV text: the real header and rows with random fields, or anything. */
const csvText = fc.oneof(
  fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("26", "246", "08839", "Xã", '"', ";", "\r\n")), { maxLength: 9 }), { maxLength: 8 }).map(
    (rows) => [SPREADSHEET_HEADER, ...rows].map((r) => r.join(";")).join("\n"),
  ),
  fc.string({ unit: "binary", maxLength: 300 }),
);

const RUNS = { numRuns: 80 };

describe("catalogue parsers never throw", () => {
  it("JSON, CSV and bytes", () => {
    fc.assert(fc.property(jsonText, (text) => typed(parseCatalogueJson(text))), RUNS);
    fc.assert(fc.property(csvText, (text) => typed(parseCatalogueCsv(text))), RUNS);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => typed(parseCatalogue(bytes))), RUNS);
    fc.assert(fc.property(damaged(fixtureBytes(FIXTURE_JSON)), (bytes) => typed(parseCatalogue(bytes))), RUNS);
    fc.assert(fc.property(damaged(fixtureBytes(FIXTURE_CSV)), (bytes) => typed(parseCatalogue(bytes, { format: "csv" }))), RUNS);
  });

  it("xlsx: random sheets and damaged workbooks", { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(randomWorkbook(SPREADSHEET_HEADER), async (bytes) => typed(await readCatalogue(bytes))), { numRuns: 50 });
    const good = await buildXlsx([SPREADSHEET_HEADER, ["Tỉnh Vĩnh Phúc", "26", "Huyện Lập Thạch", "246", "Xã Đồng Ích", "08839", "Xã", ""]]);
    await fc.assert(fc.asyncProperty(damaged(good), async (bytes) => typed(await readCatalogue(bytes, { format: "xlsx" }))), { numRuns: 40 });
  });
});

describe("merger and boundary parsers never throw", () => {
  it("merger file", () => {
    fc.assert(fc.property(jsonText, (text) => typed(parseMergerJson(text))), RUNS);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => typed(parseMerger(bytes))), RUNS);
  });

  it("boundary file", () => {
    const feature = fc.record({ type: fc.constantFrom("Feature", "X"), properties: anyValue, geometry: fc.oneof(anyValue, fc.record({ type: fc.constantFrom("Polygon", "MultiPolygon"), coordinates: anyValue })) });
    const geo = fc.record({ type: fc.constantFrom("FeatureCollection", "x"), features: fc.array(feature, { maxLength: 3 }) }).map((d) => JSON.stringify(d, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
    fc.assert(fc.property(fc.oneof(geo, jsonText), (text) => typed(parseBoundaries(text))), RUNS);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => typed(parseBoundaries(bytes))), RUNS);
  });
});
