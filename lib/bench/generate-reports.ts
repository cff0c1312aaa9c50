/**
 * The bench's periodic reports (decision 066) and their hotspots (decision 080): every province's, district's
 * and commune's report of the last three months and the last quarter that have ended, in the demo seed's mix
 * of states (prisma/seed/periodic-reports.ts: the latest month some not begun, drafts, sent, returned; older
 * periods mostly approved, some returned, waiting or never sent), the bench users' own units always with one.
 * Each report on the template that applies (the nation's default, made by the app's `templateFor`, frozen),
 * due as `dueOnOf` says, with its figures read as the app reads them: `dashboardFor` on the units as they were,
 * one call per district (its own figures, and its communes' from the drill-down rows; a commune's coverage by
 * `readCoverage`, as the dashboard reads it) and one per province. One sent report in three lists hotspots in
 * its subtree; a returned one carries the approver's comment.
 */
import type { Actor } from "../auth/actor";
import { dashboardFor } from "../dashboards/dashboard";
import { coverageKpis, readCoverage } from "../dashboards/read";
import type { CoverageKpis, Kpis } from "../dashboards/types";
import { db } from "../db/client";
import type { PeriodicReportStatus } from "../generated/prisma/enums";
import { figuresOfDashboard, type Figures } from "../periodic-reports/figures";
import { dueOnOf, lastEndedPeriod, previousReportPeriod, type ReportPeriod } from "../periodic-reports/period";
import { freezeTemplate, templateFor } from "../periodic-reports/template";
import { addDaysUtc, isoDay } from "../time";
import { HOTSPOTS, narrativeFor } from "../../prisma/seed/periodic-reports";
import type { Random } from "../../prisma/seed/random";
import type { CopyValue } from "./copy";
import type { ExtrasUnit } from "./generate-practice";

export const REPORT_COLUMNS = [
  "id", "unitId", "periodKind", "period", "periodFrom", "periodTo", "dueOn", "templateId", "approverUnitId", "status", "narrative", "figures", "figuresAt",
  "submittedAt", "submittedById", "approvedAt", "approvedById", "createdById", "createdAt", "updatedAt", "version",
];
export const HOTSPOT_COLUMNS = ["id", "reportId", "placeUnitId", "placePath", "periodFrom", "periodTo", "topic", "severity", "people", "actions", "createdById", "createdAt"];
export const COMMENT_COLUMNS = ["id", "reportId", "authorId", "kind", "body", "createdAt"];

/** The periods reported on: the last three months that have ended, then the last quarter. */
export function benchReportPeriods(today: Date): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  for (let p = lastEndedPeriod("MONTH", today), n = 0; n < 3; n++, p = previousReportPeriod(p)) periods.push(p);
  periods.push(lastEndedPeriod("QUARTER", today));
  return periods;
}

export interface ReportContext {
  rng: Random;
  now: Date;
  /** Today in Vietnam, UTC midnight. */
  today: Date;
  admin: Actor;
  provinces: ExtrasUnit[];
  districts: ExtrasUnit[];
  childrenOf: Map<number, ExtrasUnit[]>;
  byId: Map<number, ExtrasUnit>;
  /** Units that always have a report: the bench users' own. */
  always: Set<number>;
  authorOf: (unit: ExtrasUnit) => number;
  log: (message: string) => void;
}

export interface ReportRows {
  reports: CopyValue[][];
  hotspots: CopyValue[][];
  comments: CopyValue[][];
}

/** Runs `fn` over `items`, two at a time (the machine's cores; each call is a few statements). */
async function twoAtATime<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]);
  };
  await Promise.all([worker(), worker()]);
}

export async function reportRows(ctx: ReportContext): Promise<ReportRows> {
  const out: ReportRows = { reports: [], hotspots: [], comments: [] };
  const { rng } = ctx;
  const todayIso = isoDay(ctx.today);
  const templates = new Map<string, Awaited<ReturnType<typeof templateFor>>>();
  // A commune's coverage on a day: the quarter ends on its last month's last day, read once for both.
  const coverage = new Map<string, Promise<CoverageKpis>>();
  const coverageOn = (unitId: number, day: string) => {
    const key = `${unitId}|${day}`;
    if (!coverage.has(key)) coverage.set(key, readCoverage(unitId, day).then(coverageKpis));
    return coverage.get(key)!;
  };
  for (const [index, period] of benchReportPeriods(ctx.today).entries()) {
    // A period whose commune deadline is still ahead holds the latest month's mix; an older one the older months'.
    const age = index === 0 || (period.kind !== "MONTH" && dueOnOf(period, 10) >= ctx.today) ? 0 : 1;
    const asOf = period.to < todayIso ? period.to : todayIso;
    // The figures of each reporting unit, as `liveFigures` reads them.
    const figures = new Map<number, { kpis: Kpis; coverage: CoverageKpis }>();
    const read = async (unit: ExtrasUnit) => {
      const dashboard = await dashboardFor(ctx.admin, unit.id, period, "historical", ctx.now);
      if (!dashboard) throw new Error(`no dashboard for unit ${unit.id}`);
      figures.set(unit.id, { kpis: dashboard.kpis, coverage: dashboard.coverage });
      if (unit.level !== "DISTRICT") return;
      const kpisOf = new Map(dashboard.children.map((c) => [c.unit.id, c.kpis]));
      for (const commune of ctx.childrenOf.get(unit.id) ?? []) {
        const kpis = kpisOf.get(commune.id);
        if (kpis) figures.set(commune.id, { kpis, coverage: await coverageOn(commune.id, asOf) });
      }
    };
    const started = Date.now();
    await twoAtATime([...ctx.provinces, ...ctx.districts], read);
    ctx.log(`  figures of ${period.key}: ${figures.size} units in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const units = [...ctx.provinces, ...ctx.districts, ...ctx.districts.flatMap((d) => ctx.childrenOf.get(d.id) ?? [])];
    for (const [i, unit] of units.entries()) {
      const f = figures.get(unit.id);
      if (!f || unit.parentId === null) continue;
      let status: PeriodicReportStatus | null =
        age === 0
          ? ([null, "DRAFT", "SUBMITTED", "SUBMITTED", "RETURNED"] as const)[i % 5]
          : i % 10 === 3 ? null : i % 10 === 6 ? "RETURNED" : i % 10 === 8 ? "SUBMITTED" : i % 10 === 9 && period.kind !== "MONTH" ? "DRAFT" : "APPROVED";
      if (ctx.always.has(unit.id) && status !== "APPROVED") status = "SUBMITTED";
      if (!status) continue;
      // The nation's default of the level and kind (no province keeps its own here): made once, frozen once.
      const key = `${unit.level}|${period.kind}`;
      if (!templates.has(key)) {
        const made = await templateFor(db, unit, period.kind);
        await freezeTemplate(db, made.id, ctx.now);
        templates.set(key, made);
      }
      const template = templates.get(key)!;
      const stored: Figures = figuresOfDashboard(f, template.figureKeys);
      const dueOn = dueOnOf(period, template.deadlineDay);
      const sent = status !== "DRAFT";
      // Sent a few days before the deadline, or (older periods, one in four) some days after it; never after today.
      let submittedAt = sent ? addDaysUtc(dueOn, age > 0 && i % 4 === 1 ? rng.int(1, 9) : -rng.int(0, 6)) : null;
      if (submittedAt && submittedAt >= ctx.today) submittedAt = addDaysUtc(ctx.today, -1);
      if (submittedAt) submittedAt = new Date(submittedAt.getTime() + rng.int(1, 9) * 3_600_000);
      const approvedAt = status === "APPROVED" && submittedAt ? new Date(Math.min(addDaysUtc(submittedAt, rng.int(1, 5)).getTime(), ctx.now.getTime() - 3_600_000)) : null;
      const author = ctx.authorOf(unit);
      const parent = unit.level === "COMMUNE" ? ctx.byId.get(unit.parentId) : undefined;
      const approver = parent ? ctx.authorOf(parent) : ctx.admin.userId;
      const createdAt = new Date(Math.min((submittedAt ?? ctx.now).getTime() - 2 * 86_400_000, ctx.now.getTime()));
      const id = out.reports.length + 1;
      const updatedAt = approvedAt ?? submittedAt ?? ctx.now;
      out.reports.push([
        id, unit.id, period.kind, period.key, period.from, period.to, isoDay(dueOn), template.id, unit.parentId, status,
        JSON.stringify(narrativeFor(`${unit.typeLabel} ${unit.name}`, period, stored)), JSON.stringify(stored), submittedAt ?? ctx.now,
        submittedAt, submittedAt ? author : null, approvedAt, approvedAt ? approver : null, author, createdAt, updatedAt,
        status === "DRAFT" ? 1 : status === "SUBMITTED" ? 1 : 2,
      ]);
      if (status === "RETURNED") {
        out.comments.push([out.comments.length + 1, id, approver, "return", "Đề nghị bổ sung số liệu sinh hoạt tổ dân vận và nêu rõ các điểm nóng dư luận trên địa bàn.", updatedAt]);
      }
      // One sent report in three lists hotspots: in a village or commune of its subtree, or the unit itself.
      if (sent && rng.chance(1 / 3)) {
        const below = ctx.childrenOf.get(unit.id) ?? [];
        for (let k = rng.int(1, 2); k > 0; k--) {
          const h = rng.pick(HOTSPOTS);
          let place = below.length && rng.chance(0.8) ? rng.pick(below) : unit;
          const further = ctx.childrenOf.get(place.id);
          if (place !== unit && further?.length && rng.chance(0.5)) place = rng.pick(further);
          out.hotspots.push([
            out.hotspots.length + 1, id, place.id, place.ancestorIds, period.from, period.to, h.topic, h.severity, Math.max(3, Math.round(h.people * (0.5 + rng.next()))), h.actions, author, createdAt,
          ]);
        }
      }
    }
  }
  return out;
}
