/**
 * The bench's village scoring (decision 078): each province's template of the demo's three sections and ten
 * criteria (prisma/seed/scoring.ts), and a sheet for every standing village for the demo's two periods (the
 * latest of which the /scoring page shows by default: the latest scored). One province in five changed its
 * template between the two: the older period's sheets keep version 1, the newer are scored on version 2;
 * every version a sheet used is frozen. The automatic criteria are filled by the app's own function
 * (`autoInputsOf`, from the rollups), the typed ones drawn within each criterion's maximum, the totals by
 * `totalsOf`: what saving each sheet in the app would store.
 */
import { parseReportPeriod } from "../periodic-reports/period";
import { autoInputsOf } from "../scoring/mutations";
import { autoPoints, criteriaOf, round2, sectionsOfRows, totalsOf, type TemplateSections } from "../scoring/rules";
import { demoScoringPeriods, ROWS } from "../../prisma/seed/scoring";
import type { Random } from "../../prisma/seed/random";
import type { CopyValue } from "./copy";
import type { ExtrasUnit } from "./generate-practice";

export const SCORING_TEMPLATE_COLUMNS = ["id", "ownerUnitId", "version", "name", "sections", "frozenAt", "createdById", "createdAt"];
export const SHEET_COLUMNS = ["id", "villageId", "period", "periodFrom", "periodTo", "templateId", "scores", "total", "maxTotal", "percent", "version", "scoredById", "createdAt", "updatedAt"];

const NAME = "Bảng chấm điểm chất lượng công tác dân vận ở thôn";

/** Version 2 of a template that changed: reconciliation weighs more, its maximum doubled. */
function revised(): TemplateSections {
  return sectionsOfRows(ROWS.map(([section, label, max, weight, auto]) => ({ section, label, max: label.startsWith("Hòa giải") ? max * 2 : max, weight, auto })));
}

export interface ScoringContext {
  rng: Random;
  now: Date;
  today: string;
  provinces: ExtrasUnit[];
  /** Standing villages by province id. */
  villagesOf: Map<number, ExtrasUnit[]>;
  adminId: number;
  authorOf: (unit: ExtrasUnit) => number;
}

/** The template rows, and a function that makes a province's sheets (the automatic inputs read per period). */
export function scoringRows(ctx: ScoringContext): { templates: CopyValue[][]; sheetsOf: (province: ExtrasUnit) => Promise<CopyValue[][]> } {
  const periods = demoScoringPeriods(ctx.today).map((k) => parseReportPeriod(k)!);
  const base = sectionsOfRows(ROWS.map(([section, label, max, weight, auto]) => ({ section, label, max, weight, auto })));
  const templates: CopyValue[][] = [];
  /** By province: the template of each period. */
  const used = new Map<number, { id: number; sections: TemplateSections }[]>();
  for (const [i, province] of ctx.provinces.entries()) {
    const v1 = templates.length + 1;
    templates.push([v1, province.id, 1, NAME, JSON.stringify(base), ctx.now, ctx.adminId, ctx.now]);
    if (i % 5 === 4) {
      const sections = revised();
      templates.push([v1 + 1, province.id, 2, NAME, JSON.stringify(sections), ctx.now, ctx.adminId, ctx.now]);
      used.set(province.id, [{ id: v1, sections: base }, { id: v1 + 1, sections }]);
    } else used.set(province.id, [{ id: v1, sections: base }, { id: v1, sections: base }]);
  }
  let id = 0;
  const sheetsOf = async (province: ExtrasUnit): Promise<CopyValue[][]> => {
    const villages = ctx.villagesOf.get(province.id) ?? [];
    const rows: CopyValue[][] = [];
    if (!villages.length) return rows;
    // Each village's own level of care, the same in both periods, so the ranking spreads out and a few are weak.
    const care = villages.map(() => (ctx.rng.chance(0.15) ? 0.35 + ctx.rng.next() * 0.25 : 0.65 + ctx.rng.next() * 0.35));
    for (const [p, period] of periods.entries()) {
      const template = used.get(province.id)![p];
      const criteria = criteriaOf(template.sections);
      const auto = await autoInputsOf(villages.map((v) => v.id), period, ctx.now);
      for (const [k, village] of villages.entries()) {
        const points: Record<string, number> = {};
        for (const c of criteria) {
          points[c.key] = c.auto ? autoPoints(c.auto, c.max, auto.get(village.id)!) : round2(Math.min(c.max, Math.round(c.max * care[k] * (0.85 + ctx.rng.next() * 0.3) * 2) / 2));
        }
        const totals = totalsOf(criteria, points);
        rows.push([++id, village.id, period.key, period.from, period.to, template.id, JSON.stringify(points), totals.total, totals.maxTotal, totals.percent, 1, ctx.authorOf(village), ctx.now, ctx.now]);
      }
    }
    return rows;
  };
  return { templates, sheetsOf };
}
