/**
 * Scoring's parsers and arithmetic, whatever arrives (issue 12's rule for every form and URL): the template's
 * and the sheet's forms answer success or issues and never throw, a template parsed is one the store accepts,
 * the points checked within bounds always total between 0 and 100 %, and the pages' URLs always read.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paramsFor } from "../../tests/support/arbitraries";
import { parseScoringParams } from "./params";
import { checkPoints, criteriaOf, sectionsOfRows, sectionsSchema, totalsOf, weakestCount } from "./rules";
import { sheetSchema, templateSchema } from "./schemas";

const ROW_KEYS = Array.from({ length: 4 }, (_, i) => ["section", "label", "max", "weight", "auto"].map((f) => `row.${i}.${f}`)).flat();
const plausible = fc.record({
  section: fc.constantFrom("I. Tổ chức", "", "II"),
  label: fc.constantFrom("Sinh hoạt", "", "x".repeat(400)),
  max: fc.oneof(fc.double({ min: -10, max: 2000, noNaN: true }).map(String), fc.constantFrom("10", "2,5", "1e3", "abc", "")),
  weight: fc.oneof(fc.double({ min: -1, max: 200, noNaN: true }).map(String), fc.constantFrom("1", "0,25", "")),
  auto: fc.constantFrom("", "TEAM_MEETINGS", "PETITIONS_ON_TIME", "OTHER"),
});

describe("the scoring forms", () => {
  it("the template's: never throws, and what passes is a template the store accepts", async () => {
    const odd = paramsFor(["unitId", "name", ...ROW_KEYS]);
    const rows = fc.array(plausible, { maxLength: 6 }).map((rs) => ({ unitId: "3", name: "Bảng", ...Object.fromEntries(rs.flatMap((r, i) => Object.entries(r).map(([k, v]) => [`row.${i}.${k}`, v]))) }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(odd, rows), async (value) => {
        const result = await templateSchema.safeParseAsync(value);
        if (result.success) expect(sectionsSchema.safeParse(sectionsOfRows(result.data.rows)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the sheet's: never throws", async () => {
    await fc.assert(
      fc.asyncProperty(paramsFor(["villageId", "period", "version", "note", "score.c1", "score.c2", "score.c999"]), async (value) => {
        expect(typeof (await sheetSchema.safeParseAsync(value)).success).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("the sheet's arithmetic", () => {
  const template = fc.array(fc.record({ max: fc.integer({ min: 1, max: 100000 }).map((x) => x / 100), weight: fc.integer({ min: 1, max: 10000 }).map((x) => x / 100) }), { minLength: 1, maxLength: 12 });
  it("points within bounds pass the check and total between 0 and 100 %", () => {
    fc.assert(
      fc.property(template, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), (rows, shares) => {
        const criteria = criteriaOf(sectionsOfRows(rows.map((r) => ({ section: "I", label: "Tiêu chí", max: r.max, weight: r.weight, auto: null }))));
        const points = Object.fromEntries(criteria.map((c, i) => [c.key, Math.floor(c.max * shares[i] * 100) / 100]));
        expect(checkPoints(criteria, points)).toEqual([]);
        const totals = totalsOf(criteria, points);
        expect(totals.percent).toBeGreaterThanOrEqual(0);
        expect(totals.percent).toBeLessThanOrEqual(100);
        expect(totals.total).toBeLessThanOrEqual(totals.maxTotal);
      }),
    );
  });

  it("points out of bounds, or with three decimals, are refused by their criterion", () => {
    fc.assert(
      fc.property(template, fc.oneof(fc.double({ min: 1.001, max: 10, noNaN: true }), fc.double({ min: -10, max: -0.001, noNaN: true })), (rows, factor) => {
        const criteria = criteriaOf(sectionsOfRows(rows.map((r) => ({ section: "I", label: "Tiêu chí", max: r.max, weight: r.weight, auto: null }))));
        const points = { [criteria[0].key]: factor > 0 ? criteria[0].max * factor + 0.01 : factor };
        expect(checkPoints(criteria, points).map((e) => e.key)).toContain(criteria[0].key);
      }),
    );
  });

  it("the weakest share marks ⌈n × share⌉ villages, none of none", () => {
    expect([weakestCount(0, 20), weakestCount(1, 20), weakestCount(5, 20), weakestCount(6, 20), weakestCount(10, 100), weakestCount(3, 1)]).toEqual([0, 1, 1, 2, 10, 1]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 200000 }), fc.integer({ min: 1, max: 100 }), (n, share) => {
      const k = weakestCount(n, share);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(n);
      expect(k).toBe(Math.ceil((n * share) / 100));
    }));
  });
});

describe("the scoring pages' URLs", () => {
  it("always read to a unit or none, a period and a page", () => {
    fc.assert(
      fc.property(paramsFor(["unit", "period", "page", "weakest"]), (raw) => {
        const p = parseScoringParams(raw, new Date("2026-12-07T00:00:00Z"));
        expect(p.page).toBeGreaterThanOrEqual(1);
        expect(p.period.key).toMatch(/^\d{4}/);
      }),
      { numRuns: 300 },
    );
  });
});
