/**
 * The dashboard of one unit for one period: its KPIs against the previous period, its
 * children's KPIs (the drill-down table), the chart series and coverage. Everything comes
 * from the rollup tables (lib/rollup), which the write transactions keep, so it is live.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { reaches, reachRoots, reachStart, unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { PETITION_STATUSES } from "../petitions/labels";
import { percent } from "../percent";
import { isoDay, todayInVietnam } from "../time";
import { villageScoresFor } from "../scoring/rollup";
import { addVector, emptyMeasures, MEASURES, toKpis, type Measure, type Measures } from "./kpis";
import { modelFiguresOf } from "../good-practice/figures";
import { lastDayOfMonth, meetingsDue, monthsOf, previousPeriod, quartersOf } from "./period";
import { coverageKpis, PERIOD_CELL, readCadresTrained, readCoverage, readMeetingCells, readOverdueCells, readPetitionCells, readStatusCells } from "./read";
import { restate, type Cells, type Shift } from "./restate";
import { shared } from "../cache/shared";
import type { ChildRow, Comparison, CompliancePoint, Dashboard, DashboardUnit, DashboardView, FieldTrend, Kpis, Period, StatusCount, TrendPoint } from "./types";
import { childrenIn, shiftsFor, type ChildUnit } from "./views";

const at = (values: number[] | undefined, measure: Measure) => values?.[MEASURES.indexOf(measure)] ?? 0;


function dashboardUnit(u: Omit<ChildUnit, "ancestorIds">, hasChildren: boolean): DashboardUnit {
  return { id: u.id, code: u.code, level: u.level, typeLabel: u.typeLabel, name: u.name, validTo: u.validTo ? isoDay(u.validTo) : null, hasChildren };
}

/**
 * The cell keys of a period: its months (the meetings read only for those due, `meetingsDue`), and the
 * quarters whose briefings are due in it (briefings are expected per quarter).
 */
interface PeriodKeys {
  months: string[];
  quarters: string[];
}

const keysOf = (period: Period, due: { quarters: string[] }): PeriodKeys => ({ months: monthsOf(period), quarters: due.quarters.map((q) => `${q}|q`) });

/**
 * For a period not yet ended: the keys of its months that have ended (those whose meetings are due),
 * and of the same number of first months of the period before, counted by the same rule
 * (`meetingsDue`); null when no month of it has ended.
 */
function sameStretch(previous: Period, due: { months: string[]; quarters: string[] }, today: Date) {
  const k = due.months.length;
  if (!k) return null;
  const stretch: Period = { from: previous.from, to: lastDayOfMonth(monthsOf(previous)[k - 1]), months: k };
  return { current: { months: due.months, quarters: due.quarters.map((q) => `${q}|q`) }, previous: keysOf(stretch, meetingsDue(stretch, today)) };
}

/**
 * Sums a unit's cells over the months and quarters of a period (its keys worked out once, not per
 * unit). A unit read as a whole period has its sums in `PERIOD_CELL`, and in its months only what a
 * view's shifts moved in or out.
 */
function measuresOf(cells: Cells | undefined, keys: PeriodKeys): Measures {
  const m = emptyMeasures();
  if (!cells) return m;
  for (const month of keys.months) addVector(m, cells.get(month) ?? []);
  for (const quarter of keys.quarters) addVector(m, cells.get(quarter) ?? []);
  addVector(m, cells.get(PERIOD_CELL) ?? []);
  return m;
}

/** The months and quarters a dashboard reads: the period's and the previous period's. */
function windowOf(period: Period) {
  const previous = previousPeriod(period);
  const months = [...monthsOf(previous), ...monthsOf(period)];
  const quarters = [...new Set([...quartersOf(previous), ...quartersOf(period)])];
  return { previous, months, quarters, keys: [...new Set([...quarters, ...months])].sort() };
}

/**
 * The KPIs of `display` units (the dashboard's unit first, then its children) for a period, and
 * the first unit's for the period before, from the rollups with the view's shifts applied. Also
 * returns the first unit's cells, for the charts. Only the first unit's previous figures are shown
 * (the cards' comparison), so only it and the units the view shifts figures from (`detail`) are
 * read for the previous period, and month by month; the other children show only their totals, so
 * the database sums their months (`PERIOD_CELL`): the nation's page reads one row per province, not
 * one per province and month of two periods.
 */
async function figuresOf(display: number[], period: Period, shifts: Shift[], today: Date) {
  const previous = previousPeriod(period);
  const [due, dueBefore] = [meetingsDue(period, today), meetingsDue(previous, today)];
  const [current, before] = [keysOf(period, due), keysOf(previous, dueBefore)];
  const atoms = [...new Set(shifts.map((s) => s.atomId))];
  const atomChildren = atoms.length ? await db.unit.findMany({ where: { parentId: { in: atoms } }, select: { id: true, parentId: true } }) : [];
  const childrenOf = new Map<number, number[]>();
  for (const c of atomChildren) childrenOf.set(c.parentId!, [...(childrenOf.get(c.parentId!) ?? []), c.id]);
  const all = [...new Set([...display, ...atoms, ...atomChildren.map((c) => c.id)])];
  const detail = [...new Set([display[0], ...atoms, ...atomChildren.map((c) => c.id)])];
  const inDetail = new Set(detail);
  const totalsOnly = all.filter((id) => !inDetail.has(id));
  const lastMonth = current.months.at(-1)!;

  const cells = new Map<number, Cells>();
  const fieldCells = new Map<number, Cells>();
  const statusCells = new Map<number, Cells>();
  // Village scores (decision 078): one statement for the unit and its children, and the unit's previous period.
  const scoresRead = villageScoresFor(display, period, previous);
  const [trainedNow, trainedBefore, models] = await Promise.all([
    readCadresTrained(display, period.from, period.to),
    readCadresTrained([display[0]], previous.from, previous.to),
    modelFiguresOf(display[0], display.slice(1), period, previous),
    readPetitionCells(cells, detail, period.from, lastMonth),
    readPetitionCells(cells, totalsOnly, period.from, lastMonth, { whole: true }),
    readPetitionCells(cells, detail, previous.from, before.months.at(-1)!),
    // A quarter is due in the one period that holds its last month: the two periods read none twice.
    readMeetingCells(cells, detail, due.months, due.quarters),
    readMeetingCells(cells, totalsOnly, due.months, due.quarters, { whole: true }),
    readMeetingCells(cells, detail, dueBefore.months, dueBefore.quarters),
    readOverdueCells(cells, all, isoDay(today)),
    readPetitionCells(fieldCells, detail, period.from, lastMonth, { byField: true }),
    readStatusCells(statusCells, detail, period.from, lastMonth),
  ]);
  const scores = await scoresRead;
  const viewed = restate(cells, display, shifts, childrenOf);
  const kpis = new Map<number, Kpis>();
  for (const id of display) {
    const mine = viewed.get(id);
    kpis.set(id, toKpis(measuresOf(mine, current), { overdue: mine?.get("overdue")?.[0] ?? 0, cadresTrained: trainedNow.get(id) ?? 0, models: models.period.get(id), villageScores: scores.current.get(id) }));
  }
  const own = viewed.get(display[0]);
  const previousKpis = toKpis(measuresOf(own, before), { overdue: null, cadresTrained: trainedBefore.get(display[0]) ?? 0, models: models.previous, villageScores: scores.previous });
  // A period has ended when its last day is before today (`ReportedPeriod.complete`).
  const complete = period.to < isoDay(today);
  const stretch = complete ? null : sameStretch(previous, due, today);
  const comparison: Comparison = complete
    ? { stretch: "whole" }
    : stretch
      ? {
          stretch: "sameMonths",
          current: toKpis(measuresOf(own, stretch.current), { overdue: null, cadresTrained: 0 }),
          previous: toKpis(measuresOf(own, stretch.previous), { overdue: null, cadresTrained: 0 }),
          currentMonths: [stretch.current.months[0], stretch.current.months.at(-1)!],
          previousMonths: [stretch.previous.months[0], stretch.previous.months.at(-1)!],
        }
      : { stretch: "none" };
  const charts = {
    cells: own!,
    fields: restate(fieldCells, [display[0]], shifts, childrenOf).get(display[0])!,
    statuses: restate(statusCells, [display[0]], shifts, childrenOf).get(display[0])!,
  };
  return { kpis, previousKpis, previous, charts, due, comparison, complete, models: models.year };
}

type FieldName = { id: number; code: string; name: string };

function chartsOf(period: Period, charts: { cells: Cells; fields: Cells; statuses: Cells }, allFields: FieldName[]): Dashboard["charts"] {
  const months = monthsOf(period);
  const point = (month: string, values: number[] | undefined): TrendPoint => ({
    month: month.slice(0, 7),
    received: at(values, "received"),
    resolved: at(values, "resolved"),
    settled: at(values, "settled"),
    explained: at(values, "explained"),
  });
  const fieldIds = new Set<number>();
  for (const [key, values] of charts.fields) if (at(values, "received") || at(values, "resolved")) fieldIds.add(Number(key.split("|f")[1]));
  const fields = allFields.filter((f) => fieldIds.has(f.id));
  const trendByField: FieldTrend[] = fields.map((f) => ({
    fieldId: f.id,
    fieldCode: f.code,
    fieldName: f.name,
    points: months.map((m) => point(m, charts.fields.get(`${m}|f${f.id}`))),
  }));
  const statusBreakdown: StatusCount[] = PETITION_STATUSES.map((status) => ({
    status,
    count: months.reduce((n, m) => n + (charts.statuses.get(`${m}|${status}`)?.[0] ?? 0), 0),
  }));
  const meetingCompliance: CompliancePoint[] = months.map((m) => {
    const values = charts.cells.get(m);
    const held = at(values, "teamsHeld");
    const expected = at(values, "teamsExpected");
    return { month: m.slice(0, 7), held, expected, rate: percent(held, expected) };
  });
  return { trend: months.map((m) => point(m, charts.cells.get(m))), trendByField, statusBreakdown, meetingCompliance };
}

/**
 * The dashboard of `unitId` for `period` in `view`, or null when the actor may not read
 * reports or the unit lies outside their subtree (answer "not found").
 *
 * Requests for the same dashboard at the same time share one computation (decision 048,
 * lib/dashboards/shared.ts). A dashboard depends on the actor only through their duties and home
 * unit. With `now` given (tests, benchmarks) it is computed alone.
 */
export function dashboardFor(actor: Actor, unitId: number, period: Period, view: DashboardView, now?: Date): Promise<Dashboard | null> {
  if (now) return computeDashboard(actor, unitId, period, view, now);
  const key = JSON.stringify(["dashboard", actor.duties, reachRoots(actor), unitId, period, view, isoDay(todayInVietnam())]);
  return shared(key, () => computeDashboard(actor, unitId, period, view, new Date()));
}

async function computeDashboard(actor: Actor, unitId: number, period: Period, view: DashboardView, now: Date): Promise<Dashboard | null> {
  if (!allows(actor, "report:read:subtree") || !Number.isSafeInteger(unitId) || unitId <= 0) return null;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, code: true, level: true, typeLabel: true, name: true, validTo: true, ancestorIds: true } });
  if (!unit) return null;
  const today = todayInVietnam(now);
  // Every shift that touches a child touches the unit too (it is on the child's paths), so both load at once.
  const [listed, shifts] = await Promise.all([childrenIn(view, unit.id, monthsOf(period), today), shiftsFor(view, [unit.id], windowOf(period).keys)]);
  // A former child that has since moved out of the actor's reach is not shown (its past still counts in the unit).
  const children = listed.filter((c) => reaches(actor, c.ancestorIds));
  const display = [unit.id, ...children.map((c) => c.id)];
  const home = reachStart(actor, unit.ancestorIds);
  const pathIds = unit.ancestorIds.slice(Math.max(home, 0));

  const [{ kpis, previousKpis, previous, charts, due, comparison, complete, models }, grandchildren, pathUnits, coverage, fields, predecessors] = await Promise.all([
    figuresOf(display, period, shifts, today),
    children.length
      ? db.unit.groupBy({ by: ["parentId"], where: { parentId: { in: children.map((c) => c.id) } }, _count: { _all: true } })
      : Promise.resolve([]),
    db.unit.findMany({ where: { id: { in: pathIds } }, select: { id: true, code: true, level: true, typeLabel: true, name: true, validTo: true } }),
    readCoverage(unit.id, period.to < isoDay(today) ? period.to : isoDay(today)).then(coverageKpis),
    db.petitionField.findMany({ select: { id: true, code: true, name: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    db.unitSuccession.findMany({
      where: { successorId: unit.id, predecessor: unitWhereFor(actor) },
      select: { predecessor: { select: { id: true, code: true, level: true, typeLabel: true, name: true, validTo: true } } },
      orderBy: [{ effectiveOn: "asc" }, { predecessorId: "asc" }],
    }),
  ]);
  const withChildren = new Set(grandchildren.map((g) => g.parentId));
  const byId = new Map(pathUnits.map((u) => [u.id, u]));
  const rows: ChildRow[] = children
    .map((c) => ({ unit: dashboardUnit(c, withChildren.has(c.id)), kpis: kpis.get(c.id)! }))
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, "vi") || a.unit.id - b.unit.id);
  return {
    view,
    unit: dashboardUnit(unit, children.length > 0),
    path: pathIds.map((id) => byId.get(id)).filter((u) => u !== undefined).map((u) => dashboardUnit(u, u.id !== unit.id || children.length > 0)),
    predecessors: predecessors.map((s) => dashboardUnit(s.predecessor, true)),
    period: { ...period, complete, meetingsDue: due },
    previousPeriod: previous,
    kpis: kpis.get(unit.id)!,
    previous: previousKpis,
    comparison,
    coverage,
    children: rows,
    charts: chartsOf(period, charts, fields),
    models,
    asOf: now.toISOString(),
  };
}
