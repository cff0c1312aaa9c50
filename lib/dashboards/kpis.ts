/**
 * From summed rollup measures to the KPIs a dashboard shows (definitions: lib/dashboards/types.ts
 * and decision 014). Pure.
 */
import { percent } from "../percent";
import type { Kpis } from "./types";

/** The petition measures: `RollupPetition`'s columns (lib/rollup/rebuild.ts writes the same list). */
export const PETITION_MEASURES = [
  "received",
  "receivedResolved",
  "resolved",
  "settled",
  "explained",
  "resolvedOnTime",
  "resolveWorkingDays",
  "replies",
  "satisfied",
  "reopened",
  "escalated",
] as const;

/** The additive measures, in the order the readers' value vectors hold them. */
export const MEASURES = [
  ...PETITION_MEASURES,
  "teamsHeld",
  "teamsExpected",
  "briefingsHeld",
  "briefingsExpected",
] as const;
export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

export const emptyMeasures = (): Measures => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Measures;

/** Adds a value vector (MEASURES order) into `into`. */
export function addVector(into: Measures, values: readonly number[]): Measures {
  MEASURES.forEach((m, i) => (into[m] += values[i] ?? 0));
  return into;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * `models`: the good-practice models' counts of the period (lib/good-practice/figures.ts), none when absent;
 * `villageScores`: the average village score and its sheets (lib/scoring/rollup.ts, decision 078), none when absent.
 */
export function toKpis(
  m: Measures,
  extra: { overdue: number | null; cadresTrained: number; models?: { registered: number; recognised: number }; villageScores?: { average: number | null; sheets: number } },
): Kpis {
  return {
    received: m.received,
    receivedResolved: m.receivedResolved,
    resolved: m.resolved,
    settled: m.settled,
    explained: m.explained,
    resolvedRate: percent(m.receivedResolved, m.received),
    settledRate: percent(m.settled, m.resolved),
    explainedRate: percent(m.explained, m.resolved),
    resolvedOnTime: m.resolvedOnTime,
    onTimeRate: percent(m.resolvedOnTime, m.resolved),
    overdue: extra.overdue,
    avgWorkingDaysToResolve: m.resolved > 0 ? oneDecimal(m.resolveWorkingDays / m.resolved) : null,
    replies: m.replies,
    satisfied: m.satisfied,
    satisfactionRate: percent(m.satisfied, m.replies),
    reopened: m.reopened,
    escalated: m.escalated,
    teamMeetingsHeld: m.teamsHeld,
    teamMeetingsExpected: m.teamsExpected,
    teamMeetingCompliance: percent(m.teamsHeld, m.teamsExpected),
    briefingsHeld: m.briefingsHeld,
    briefingsExpected: m.briefingsExpected,
    briefingCompliance: percent(m.briefingsHeld, m.briefingsExpected),
    cadresTrained: extra.cadresTrained,
    modelsRegistered: extra.models?.registered ?? 0,
    modelsRecognised: extra.models?.recognised ?? 0,
    villageScoreSheets: extra.villageScores?.sheets ?? 0,
    averageVillageScore: extra.villageScores?.average ?? null,
  };
}
