/**
 * The dashboard figures counted in JavaScript from the base tables, row by row, for tests:
 * an independent count to hold the rollups against (no SQL aggregate, no rollup table).
 * `pathDuring(unitId, month)` says along which units a record of that unit counts in a
 * month ("YYYY-MM-01"); by default today's path.
 */
import { workingDaysBetween } from "@/lib/calendar";
import { loadHolidayCalendar } from "@/lib/calendar/table";
import { db } from "@/lib/db/client";
import { emptyMeasures, toKpis, type Measures } from "@/lib/dashboards/kpis";
import { meetingsDue } from "@/lib/dashboards/period";
import type { Kpis, Period } from "@/lib/dashboards/types";
import { OPEN_STATUSES } from "@/lib/petitions/status";
import { isoDay } from "@/lib/time";

const vnDay = (t: Date) => isoDay(new Date(t.getTime() + 7 * 3_600_000));
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const lastDay = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)));
const quarterLast = (q: string) => isoDay(new Date(Date.UTC(Number(q.slice(0, 4)), Number(q.slice(5, 7)) + 2, 0)));

export type PathDuring = (unitId: number, month: string) => number[];

export async function loadBase() {
  const [units, petitions, events, meetings, organisations, trainings, models, sheets] = await Promise.all([
    db.unit.findMany({ select: { id: true, level: true, ancestorIds: true, validFrom: true, validTo: true } }),
    db.petition.findMany({ select: { unitId: true, receivedOn: true, resolvedAt: true, resolution: true, dueOn: true, closedAt: true, satisfaction: true, status: true } }),
    db.petitionEvent.findMany({ where: { kind: { in: ["REOPENED", "ESCALATED"] } }, select: { petitionId: true, kind: true, at: true, petition: { select: { unitId: true } } }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.meeting.findMany({ select: { kind: true, organisationId: true, unitId: true, heldOn: true } }),
    db.organisation.findMany({ where: { kind: "TEAM" }, select: { id: true, unitId: true, establishedOn: true, dissolvedOn: true } }),
    db.trainingRecord.findMany({ select: { cadreId: true, startOn: true, cadre: { select: { unitId: true } } } }),
    db.goodPracticeModel.findMany({ select: { unitId: true, registeredOn: true, recognisedOn: true } }),
    db.scoreSheet.findMany({ select: { villageId: true, periodFrom: true, periodTo: true, total: true, maxTotal: true } }),
  ]);
  const years = petitions.map((p) => p.receivedOn.getUTCFullYear());
  const calendar = await loadHolidayCalendar(db, Math.min(...years, 2026), Math.max(...years, 2026) + 1);
  return { units, petitions, events, meetings, organisations, trainings, models, sheets, calendar };
}
export type Base = Awaited<ReturnType<typeof loadBase>>;

/** The measures of `unitId`'s subtree for `period`, and the overdue count on `today`. */
export function oracleKpis(base: Base, unitId: number, period: Period, today: string, options: { pathDuring?: PathDuring; withOverdue?: boolean } = {}): Kpis {
  const byId = new Map(base.units.map((u) => [u.id, u]));
  const pathDuring: PathDuring = options.pathDuring ?? ((id) => byId.get(id)!.ancestorIds);
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  const counts = (id: number, day: string) => pathDuring(id, monthOf(day)).includes(unitId);
  const m: Measures = emptyMeasures();
  let overdue = 0;
  for (const p of base.petitions) {
    const received = isoDay(p.receivedOn);
    if (inPeriod(received) && counts(p.unitId, received)) {
      m.received++;
      if (p.resolvedAt) m.receivedResolved++;
    }
    if (p.resolvedAt) {
      const day = vnDay(p.resolvedAt);
      if (inPeriod(day) && counts(p.unitId, day)) {
        m.resolved++;
        if (p.resolution === "SETTLED") m.settled++;
        if (p.resolution === "EXPLAINED") m.explained++;
        if (p.dueOn && day <= isoDay(p.dueOn)) m.resolvedOnTime++;
        m.resolveWorkingDays += workingDaysBetween(received, day, base.calendar);
      }
    }
    if (p.closedAt && p.satisfaction) {
      const day = vnDay(p.closedAt);
      if (inPeriod(day) && counts(p.unitId, day)) {
        m.replies++;
        if (p.satisfaction === "SATISFIED") m.satisfied++;
      }
    }
    // Overdue is today's: it counts along the path of today's month.
    if ((OPEN_STATUSES as readonly string[]).includes(p.status) && p.dueOn && isoDay(p.dueOn) < today && counts(p.unitId, today)) overdue++;
  }
  // From the timelines: a petition counts once, at its first reopening (decision 044), and at its escalation.
  const seen = new Set<string>();
  for (const e of base.events) {
    const key = `${e.kind}:${e.petitionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const day = vnDay(e.at);
    if (inPeriod(day) && counts(e.petition.unitId, day)) m[e.kind === "REOPENED" ? "reopened" : "escalated"]++;
  }
  const valid = (u: { validFrom: Date | null; validTo: Date | null }, first: string, last: string) =>
    (!u.validFrom || isoDay(u.validFrom) <= last) && (!u.validTo || isoDay(u.validTo) >= first);
  // Meetings count where they were due by today (lib/dashboards/period.ts: the rule is the product's).
  const due = meetingsDue(period, new Date(`${today}T00:00:00Z`));
  for (const month of due.months) {
    const last = lastDay(month);
    for (const team of base.organisations) {
      const village = byId.get(team.unitId)!;
      const active = (!team.establishedOn || isoDay(team.establishedOn) <= last) && (!team.dissolvedOn || isoDay(team.dissolvedOn) >= month) && valid(village, month, last);
      if (!active || !pathDuring(team.unitId, month).includes(unitId)) continue;
      m.teamsExpected++;
      if (base.meetings.some((mt) => mt.kind === "TEAM_MONTHLY" && mt.organisationId === team.id && isoDay(mt.heldOn) >= month && isoDay(mt.heldOn) <= last)) m.teamsHeld++;
    }
  }
  for (const quarter of due.quarters) {
    const last = quarterLast(quarter);
    for (const commune of base.units) {
      if (commune.level !== "COMMUNE" || !valid(commune, quarter, last) || !pathDuring(commune.id, quarter).includes(unitId)) continue;
      m.briefingsExpected++;
      if (base.meetings.some((mt) => mt.kind === "QUARTERLY_BRIEFING" && mt.unitId === commune.id && isoDay(mt.heldOn) >= quarter && isoDay(mt.heldOn) <= last)) m.briefingsHeld++;
    }
  }
  const trained = new Set(
    base.trainings.filter((t) => inPeriod(isoDay(t.startOn)) && byId.get(t.cadre.unitId)!.ancestorIds.includes(unitId)).map((t) => t.cadreId),
  );
  // "Dân vận khéo" models count along their unit's path today (decision 076), whatever the view.
  const models = { registered: 0, recognised: 0 };
  for (const model of base.models) {
    if (!byId.get(model.unitId)!.ancestorIds.includes(unitId)) continue;
    if (inPeriod(isoDay(model.registeredOn))) models.registered++;
    if (model.recognisedOn && inPeriod(isoDay(model.recognisedOn))) models.recognised++;
  }
  // Village scores (decision 078): each sheet of a village now under the unit whose period overlaps, its total over its maximum.
  const scored = base.sheets.filter((s) => isoDay(s.periodFrom) <= period.to && isoDay(s.periodTo) >= period.from && byId.get(s.villageId)!.ancestorIds.includes(unitId));
  const mean = scored.length ? Math.round((scored.reduce((sum, s) => sum + Math.round((s.total / s.maxTotal) * 100 * 100) / 100, 0) / scored.length) * 10) / 10 : null;
  return toKpis(m, { overdue: options.withOverdue === false ? null : overdue, cadresTrained: trained.size, models, villageScores: { average: mean, sheets: scored.length } });
}
