/**
 * Every list URL parser (the pages' filters, the reports page, the users list) and every
 * /api/v1 query schema, fed arbitrary search params: nothing throws, and what comes out can
 * go into a query (ids and numbers within PostgreSQL's integer, days in the shared range,
 * text without NUL), so no address gives a 500 (issue 12, finding 7).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paramsFor } from "../../tests/support/arbitraries";
import { meetingListQuery } from "../api/meetings";
import { petitionListQuery } from "../api/petitions";
import { rollupQuery } from "../api/rollup";
import { parseUnitRef, unitLookupQuery, unitSearchQuery } from "../api/units";
import { decodeCursor } from "../api/cursor";
import { parseCadreFilters } from "../cadres/filters";
import { parseReportParams } from "../dashboards/report-params";
import { refuseMalformedRequest } from "../http/request-guard";
import { parseMeetingFilters } from "../meetings/list";
import { parsePetitionFilters } from "../petitions/list";
import { parseUserListParams } from "../users/list-params";
import { parseModelListParams } from "../good-practice/list-params";
import { EARLIEST_DAY, LATEST_DAY, MAX_INT, parseId, parseIsoDay } from "./fields";

/**
 * True when every value could reach PostgreSQL without an error. `cursor` stays opaque text
 * here: it is decoded, and checked, by the list (below, `decodeCursor`).
 */
function storable(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= MAX_INT;
  if (typeof value === "string") return !value.includes("\u0000");
  if (value instanceof Date) return value >= EARLIEST_DAY && value <= LATEST_DAY;
  if (Array.isArray(value)) return value.every(storable);
  if (value && typeof value === "object") return Object.entries(value).every(([k, v]) => k === "cursor" || storable(v));
  return true;
}

const DAY_KEYS = new Set(["from", "to", "at", "asOf"]);

/** The days in the output (a day filter kept as "yyyy-mm-dd") lie in the shared range. */
function daysInRange(value: unknown): boolean {
  if (!value || typeof value !== "object") return true;
  return Object.entries(value).every(([k, v]) => (DAY_KEYS.has(k) && typeof v === "string" ? parseIsoDay(/^\d{4}-\d{2}$/.test(v) ? `${v}-01` : v) !== null : daysInRange(v)));
}

const RUNS = { numRuns: 150 };
const today = new Date("2026-12-06T00:00:00Z");

const PAGES = [
  { name: "petition list", keys: ["q", "status", "field", "channel", "agency", "unit", "from", "to", "overdue", "dueWithin", "resolution", "sort", "dir", "limit", "cursor"], parse: parsePetitionFilters },
  { name: "meeting list", keys: ["kind", "unit", "from", "to", "dir", "limit", "cursor"], parse: parseMeetingFilters },
  { name: "cadre list", keys: ["q", "unit", "status", "party", "sort", "cursor"], parse: parseCadreFilters },
  { name: "users list", keys: ["q", "role", "active", "sort", "dir", "page"], parse: parseUserListParams },
  { name: "good-practice models list", keys: ["q", "field", "status", "year", "sort", "dir", "page"], parse: parseModelListParams },
  { name: "reports page", keys: ["unit", "period", "at", "from", "to", "view", "sort", "dir", "map"], parse: (p: Record<string, string | string[] | undefined>) => parseReportParams(p, today) },
];

describe("page URL parsers", () => {
  for (const page of PAGES) {
    it(`${page.name}: never throws, gives storable values`, () => {
      fc.assert(
        fc.property(paramsFor(page.keys), (params) => {
          const parsed = page.parse(params);
          expect(storable(parsed), JSON.stringify(parsed)).toBe(true);
          expect(daysInRange(parsed), JSON.stringify(parsed)).toBe(true);
        }),
        RUNS,
      );
    });
  }
});

const API = [
  { name: "GET /api/v1/petitions", keys: ["q", "status", "field", "channel", "agency", "unit", "from", "to", "overdue", "dueWithin", "resolution", "sort", "dir", "limit", "cursor"], schema: petitionListQuery },
  { name: "GET /api/v1/meetings", keys: ["unit", "kind", "from", "to", "dir", "limit", "cursor"], schema: meetingListQuery },
  { name: "GET /api/v1/units", keys: ["q", "level", "limit", "cursor"], schema: unitSearchQuery },
  { name: "GET /api/v1/units/{code}", keys: ["asOf"], schema: unitLookupQuery },
  { name: "GET /api/v1/rollup", keys: ["unit", "from", "to", "view"], schema: rollupQuery },
];

describe("API query schemas", () => {
  for (const api of API) {
    it(`${api.name}: a 400 or storable values, never a throw`, () => {
      fc.assert(
        fc.property(paramsFor(api.keys), (params) => {
          // The route reads the query as Object.fromEntries(searchParams): one string per name.
          const flat = Object.fromEntries(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? "") : v]])));
          const parsed = api.schema.safeParse(flat);
          if (parsed.success) {
            expect(storable(parsed.data), JSON.stringify(parsed.data)).toBe(true);
            expect(daysInRange(parsed.data), JSON.stringify(parsed.data)).toBe(true);
          } else {
            for (const issue of parsed.error.issues) expect(issue.message).toMatch(/\S/);
          }
        }),
        RUNS,
      );
    });
  }

  it("route params and cursors: ids and unit refs within range, cursors storable or refused", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 14 }), fc.bigInt().map(String)), (raw) => {
        const id = parseId(raw);
        expect(id === null || (Number.isInteger(id) && id >= 1 && id <= MAX_INT)).toBe(true);
        const ref = parseUnitRef(raw);
        expect(ref === null || ref.kind === "code" || ref.id <= MAX_INT).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.jsonValue(), (key) => {
        const cursor = Buffer.from(JSON.stringify(key) ?? "null").toString("base64url");
        const decoded = decodeCursor(cursor, { safeParse: (v: unknown) => ({ success: true, data: v }) } as never);
        expect(decoded === null || storable(decoded)).toBe(true);
      }),
      RUNS,
    );
  });

  it("the request guard answers every method and address without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.option(fc.string({ maxLength: 20 })), (method, url, length) => {
        const refusal = refuseMalformedRequest({ method, url: new URL(url), contentLength: length });
        expect(refusal === null || [400, 405, 413].includes(refusal.status)).toBe(true);
      }),
      RUNS,
    );
  });
});
