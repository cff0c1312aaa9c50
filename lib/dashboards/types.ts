/**
 * The shapes the dashboard library (`lib/dashboards/`) answers with, for the pages, the
 * API (`GET /api/v1/rollup`) and the exports. Plain numbers and ISO dates only, so a result
 * can cross the server/client boundary and go into JSON as it is.
 *
 * Every figure is defined once, here, in the doc comment of its field; decision 014 says why.
 * Shares are percentages with one decimal (`percent` in lib/organisations/coverage.ts: a
 * share below 100% never rounds up to 100), or null when there is nothing to divide by.
 */
import type { PetitionStatus, UnitLevel } from "../generated/prisma/enums";
import type { ModelYearFigures } from "../good-practice/figures";

/**
 * Figures on the units as they were when things happened ("historical"), or restated on
 * today's units through the successor links ("restated", decision 005: records follow their
 * village; records made at a closed commune go to the successor that received most of its
 * villages, else the one with the lowest code).
 */
export type DashboardView = "historical" | "restated";

/** Whole months, both ends included: `from` is the 1st of a month, `to` the last day of a month. */
export interface Period {
  /** "YYYY-MM-DD", the first day of the first month. */
  from: string;
  /** "YYYY-MM-DD", the last day of the last month. */
  to: string;
  /** Number of months (1 = a month, 3 = a quarter, 12 = a year, anything else = custom). */
  months: number;
}

/**
 * A period as a dashboard reports it: `complete` once its last day is behind us (in Vietnam). The
 * figures of a period that has not ended are so far, and the page and the API say so.
 */
export interface ReportedPeriod extends Period {
  complete: boolean;
  /**
   * The months whose team meetings, and the quarters (by their first month) whose briefings, were due by
   * today and are counted (`meetingsDue`): none in the month in progress, no quarter in a month that
   * does not close one. With none, the compliance figure is null for that reason.
   */
  meetingsDue: { months: string[]; quarters: string[] };
}

/** One unit as a dashboard names it. */
export interface DashboardUnit {
  id: number;
  /** Official GSO code; null for villages. */
  code: string | null;
  level: UnitLevel;
  /** "Tỉnh", "Huyện", "Xã", "Thôn"… */
  typeLabel: string;
  /** The bare name: "Lập Thạch". */
  name: string;
  /** Last day of the unit, or null while it is current ("YYYY-MM-DD"). */
  validTo: string | null;
  /** True when the unit has child units in the tree to drill into (for an old period the drill-down may list none). */
  hasChildren: boolean;
}

/**
 * The petition and meeting figures of one unit's subtree for one period. Counts are over the
 * subtree (the unit itself and everything below it).
 */
export interface Kpis {
  /** Petitions with `receivedOn` in the period. */
  received: number;
  /** …of which resolved now (`resolvedAt` set, whenever it was): the cohort the resolution rate counts. */
  receivedResolved: number;
  /** Petitions whose resolution day (`resolvedAt`, Vietnam time) is in the period: settled + explained. */
  resolved: number;
  /** …of which resolved as SETTLED (giải quyết dứt điểm). */
  settled: number;
  /** …of which resolved as EXPLAINED (giải trình, trả lời) only. */
  explained: number;
  /**
   * receivedResolved / received, in percent (null when nothing was received): of the period's own
   * petitions, the share resolved by now. Never above 100 (decision 040); it rises after the period
   * as its petitions are resolved. `resolved` (resolutions dated in the period, of petitions received
   * at any time) is a count of the work done, with no rate.
   */
  resolvedRate: number | null;
  /** settled / resolved, in percent: how much of "resolved" was settled for good. */
  settledRate: number | null;
  /** explained / resolved, in percent: how much of "resolved" was only explained. */
  explainedRate: number | null;
  /** Resolved in the period on a day ≤ `dueOn` (a petition without a deadline is not on time). */
  resolvedOnTime: number;
  /** resolvedOnTime / resolved, in percent. */
  onTimeRate: number | null;
  /**
   * Petitions open now (RECEIVED, ASSIGNED, IN_PROGRESS; lib/petitions/status.ts) with
   * `dueOn` before today. A snapshot of today, the same whatever the period; null in `previous`.
   */
  overdue: number | null;
  /**
   * Mean of the working days from `receivedOn` to the resolution day (lib/calendar's
   * `workingDaysBetween`: days after receipt up to and including the resolution day), over
   * the petitions resolved in the period; one decimal; null when none.
   */
  avgWorkingDaysToResolve: number | null;
  /** Replies given in the period (`closedAt` in the period) that carry a satisfaction. */
  replies: number;
  /** …of which SATISFIED. */
  satisfied: number;
  /** satisfied / replies, in percent. */
  satisfactionRate: number | null;
  /** Petitions first reopened in the period (`reopenedAt`, Vietnam time; a second reopening is not counted again, decision 044). */
  reopened: number;
  /** Petitions escalated in the period (`escalatedAt`, Vietnam time; once a petition, it ends the workflow). */
  escalated: number;
  /**
   * Team monthly meetings, summed over the months of the period that have ended (a team's meeting is due
   * by the month's end: `meetingsDue`; the month in progress counts none): for each month, `expected` =
   * TEAM organisations of the subtree active during the month (established on or before its
   * last day or never dated, dissolved on or after its first day or never, their village
   * valid during the month); `held` = those with at least one TEAM_MONTHLY meeting of the team
   * with `heldOn` in the month (several meetings in a month count once).
   */
  teamMeetingsHeld: number;
  teamMeetingsExpected: number;
  /** teamMeetingsHeld / teamMeetingsExpected, in percent. */
  teamMeetingCompliance: number | null;
  /**
   * Quarterly briefings, summed over the quarters whose last month is in the period and has ended (a month
   * that does not close a quarter counts none: `meetingsDue`):
   * `expected` = communes of the subtree valid during the quarter; `held` = those with at
   * least one QUARTERLY_BRIEFING meeting (`Meeting.unitId` = the commune) in the quarter.
   */
  briefingsHeld: number;
  briefingsExpected: number;
  /** briefingsHeld / briefingsExpected, in percent. */
  briefingCompliance: number | null;
  /** Distinct cadres of the subtree with a TrainingRecord starting (`startOn`) in the period. */
  cadresTrained: number;
  /** "Dân vận khéo" models of the subtree registered (`registeredOn`) in the period (decision 076). */
  modelsRegistered: number;
  /** "Dân vận khéo" models of the subtree whose latest recognition (`recognisedOn`), at any level, is in the period (decision 076). */
  modelsRecognised: number;
  /**
   * Village scoring sheets (decision 078) of the subtree's villages (along today's tree) whose scoring
   * period overlaps the period; 0 in a comparison by stretch.
   */
  villageScoreSheets: number;
  /**
   * Mean of those sheets' scores, each a sheet's total over its maximum in percent (0–100), one decimal;
   * null without a sheet. A unit's mean is over all its villages' sheets, not a mean of its children's.
   */
  averageVillageScore: number | null;
}

/**
 * Coverage on the last day of the period (or today, if earlier), from
 * lib/organisations/coverage.ts: counts and the three shares reports quote.
 */
export interface CoverageKpis {
  villages: number;
  villagesWithTeam: number;
  /** villagesWithTeam / villages, in percent (team coverage). */
  teamCoverage: number | null;
  teamHeads: number;
  teamHeadsPartyCellSecretary: number;
  /** teamHeadsPartyCellSecretary / teamHeads, in percent (cadre coverage of the teams). */
  teamHeadCoverage: number | null;
  blocs: number;
  blocsHeadedByStandingDeputy: number;
  /** blocsHeadedByStandingDeputy / blocs, in percent (cadre coverage of the blocs). */
  blocHeadCoverage: number | null;
}

/** One child unit's row of the drill-down table. */
export interface ChildRow {
  unit: DashboardUnit;
  kpis: Kpis;
}

/** One month of the received-versus-resolved trend. */
export interface TrendPoint {
  /** "YYYY-MM". */
  month: string;
  received: number;
  resolved: number;
  settled: number;
  explained: number;
}

/** The trend of one petition field (lĩnh vực) over the months of the period. */
export interface FieldTrend {
  fieldId: number;
  fieldCode: string;
  fieldName: string;
  points: TrendPoint[];
}

/** Petitions received in the period, by their status today. */
export interface StatusCount {
  status: PetitionStatus;
  count: number;
}

/** One month of team meeting compliance. */
export interface CompliancePoint {
  /** "YYYY-MM". */
  month: string;
  held: number;
  expected: number;
  /** held / expected, in percent. */
  rate: number | null;
}

/** Everything a dashboard page shows for one unit and period. */
export type Comparison =
  | { stretch: "whole" }
  | { stretch: "sameMonths"; current: Kpis; previous: Kpis; currentMonths: [string, string]; previousMonths: [string, string] }
  | { stretch: "none" };

export interface Dashboard {
  view: DashboardView;
  unit: DashboardUnit;
  /** From the root of the actor's scope down to the unit itself (the breadcrumb). */
  path: DashboardUnit[];
  /** The units that closed into this one, in the actor's reach, by their last day: their past reads on their own reports (decision 057). */
  predecessors: DashboardUnit[];
  period: ReportedPeriod;
  /** The period of the same number of months just before `period`. */
  previousPeriod: Period;
  kpis: Kpis;
  /** The same figures for `previousPeriod` (`overdue` is null there: it is a snapshot of today). */
  previous: Kpis;
  /**
   * What the page compares (issue 14): a period that has ended, with the whole period before
   * (`previous`); one that has not, by the months of it that have ended against the same months of the
   * period before, so that a stretch is never set against a whole; one without an ended month, with
   * nothing. Cadres trained, a distinct count, and overdue, a snapshot, are not compared by stretch.
   */
  comparison: Comparison;
  coverage: CoverageKpis;
  /** The unit's children (valid at some time in the period), one level down, each with its figures, by name. */
  children: ChildRow[];
  charts: {
    /** All fields together, one point per month of the period. */
    trend: TrendPoint[];
    /** One series per field that had any petition received or resolved in the period. */
    trendByField: FieldTrend[];
    statusBreakdown: StatusCount[];
    /** One point per month of the period. */
    meetingCompliance: CompliancePoint[];
  };
  /** The "Dân vận khéo" models of the subtree in the emulation year of the period's last day, by field (decision 076). */
  models: ModelYearFigures;
  /** When the figures were read (ISO timestamp): rollups are kept in the write transaction, so they are live. */
  asOf: string;
}
