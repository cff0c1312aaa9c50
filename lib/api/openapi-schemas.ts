/**
 * The response schemas of the OpenAPI document (`components.schemas`). The handlers answer with
 * plain objects whose TypeScript types are the source; `objectOf<T>()` takes a schema for every
 * key of the type and no other (typecheck fails on a missing or an extra one), and marks
 * required every key the type does not make optional. Enums are the app's own lists.
 */
import { AttendanceStatus, OrganisationKind, PetitionEventKind, UnitLevel } from "../generated/prisma/enums";
import type { ChildRow, CoverageKpis, DashboardUnit, Kpis, Period, ReportedPeriod } from "../dashboards/types";
import { MEETING_KINDS } from "../meetings/labels";
import { PETITION_CHANNELS, PETITION_STATUSES, PETITIONER_KINDS, RESOLUTION_KINDS, SATISFACTIONS } from "../petitions/labels";
import { PETITION_STEPS } from "../petitions/workflow";
import type { getApiMeeting, listApiMeetings } from "./meetings";
import type { listApiNotifications } from "./notifications";
import type { listApiPeriodicReports } from "./periodic-reports";
import type { Schema } from "./openapi-zod";
import type { getApiPetition, listApiPetitions } from "./petitions";
import type { getApiRollup } from "./rollup";
import { API_ERROR_CODES, type ApiErrorBody } from "./route";
import type { ApiPathEntry, ApiUnit, ApiUnitChild, ApiUnitHit, ApiUnitLink } from "./units";

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type ObjectOptions<T> = [OptionalKeys<T>] extends [never]
  ? [options?: { description?: string }]
  : [options: { description?: string; optional: Record<OptionalKeys<T>, true> }];

/** An object schema with exactly the keys of `T`; the keys `T` makes optional must be named as such. */
function objectOf<T>(properties: Record<keyof T, Schema>, ...[options]: ObjectOptions<T>): Schema {
  const optional: Record<string, true> = options && "optional" in options ? options.optional : {};
  return {
    type: "object",
    ...(options?.description ? { description: options.description } : {}),
    required: Object.keys(properties).filter((key) => !optional[key]),
    properties,
  };
}

type Of<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;
type PetitionItem = Of<typeof listApiPetitions>["items"][number];
type Petition = Of<typeof getApiPetition>;
type MeetingItem = Of<typeof listApiMeetings>["items"][number];
type Meeting = Of<typeof getApiMeeting>;
type Rollup = Of<typeof getApiRollup>;
type NotificationItem = Of<typeof listApiNotifications>["items"][number];
type PeriodicReportItem = Of<typeof listApiPeriodicReports>["items"][number];

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const int = { type: "integer" };
const str = { type: "string" };
const bool = { type: "boolean" };
const day = { type: "string", format: "date" };
const nullable = (type: string, extra: Schema = {}) => ({ type: [type, "null"], ...extra });
const enumOf = (values: readonly string[], extra: Schema = {}) => ({ type: "string", enum: [...values], ...extra });
const nullableEnum = (values: readonly string[]) => ({ type: ["string", "null"], enum: [...values, null] });
const DUE_FOR = "What `dueOn` is the deadline for: `ASSIGNMENT` while no agency holds the petition (the field's working days to assign it), `RESOLUTION` once assigned; null without a deadline. Either counts for `overdue`.";
const arrayOf = (items: Schema, extra: Schema = {}) => ({ type: "array", items, ...extra });

/** `{ items: [...], nextCursor }`, the shape of every list. */
function listOf(item: string): Schema {
  return {
    type: "object",
    required: ["items", "nextCursor"],
    properties: {
      items: arrayOf(ref(item)),
      nextCursor: nullable("string", { description: "Pass as `cursor` for the next page; null on the last page." }),
    },
  };
}

const idAndCode = objectOf<{ id: number; code: string }>({ id: int, code: str });

/** Each figure of `Kpis`: its JSON type and what it counts (lib/dashboards/types.ts defines them). */
const KPI_FIELDS = {
  received: ["integer", "Petitions received in the period."],
  receivedResolved: ["integer", "…of which resolved now, whenever they were resolved."],
  resolved: ["integer", "Resolutions dated in the period (settled + explained), of petitions received at any time."],
  settled: ["integer", "Resolved as settled for good."],
  explained: ["integer", "Resolved as answered/explained only."],
  resolvedRate: ["number", "receivedResolved / received: of the period's own petitions, the share resolved by now; never above 100."],
  settledRate: ["number", "settled / resolved."],
  explainedRate: ["number", "explained / resolved."],
  resolvedOnTime: ["integer", "Resolved on a day ≤ the deadline."],
  onTimeRate: ["number", "resolvedOnTime / resolved."],
  overdue: ["integer?", "Open now and past the deadline (null in `previous`)."],
  avgWorkingDaysToResolve: ["number", "Mean working days from receipt to resolution."],
  replies: ["integer", "Replies with a satisfaction given in the period."],
  satisfied: ["integer", "…of which satisfied."],
  satisfactionRate: ["number", "satisfied / replies."],
  reopened: ["integer", "Reopenings in the period."],
  escalated: ["integer", "Escalations in the period."],
  teamMeetingsHeld: ["integer", "Team-months with a monthly meeting, over the period's months that have ended (`period.meetingsDue.months`)."],
  teamMeetingsExpected: ["integer", "Team-months active, over the same months."],
  teamMeetingCompliance: ["number", "held / expected."],
  briefingsHeld: [
    "integer",
    "Commune-quarters with a briefing, over the quarters due in the period (`period.meetingsDue.quarters`: their last month is in it and has ended).",
  ],
  briefingsExpected: ["integer", "Commune-quarters valid, over the same quarters."],
  briefingCompliance: ["number", "held / expected."],
  cadresTrained: ["integer", "Cadres with a training starting in the period."],
  modelsRegistered: ["integer", "\"Dân vận khéo\" good-practice models of the subtree registered in the period (decision 076)."],
  modelsRecognised: ["integer", "…models of the subtree whose latest recognition, at any level, is dated in the period."],
  villageScoreSheets: ["integer", "Village scoring sheets of the subtree's villages (today's tree) whose scoring period overlaps the period; the children's add up to the unit's (0 in a comparison by stretch)."],
  averageVillageScore: [
    "number",
    "Mean of those sheets' scores, each its total over its maximum in percent (0–100), one decimal; over all the unit's villages' sheets, not a mean of the children's means. Null without a sheet.",
  ],
} satisfies Record<keyof Kpis, ["integer" | "integer?" | "number", string]>;

const kpiSchema = ([type, description]: [string, string]) =>
  type === "integer" ? { type, description } : { type: [type === "number" ? "number" : "integer", "null"], description };

export const schemas: Record<string, Schema> = {
  Level: enumOf(Object.values(UnitLevel)),
  PathEntry: objectOf<ApiPathEntry>(
    { id: int, code: nullable("string"), name: str, typeLabel: str, level: ref("Level") },
    { description: "An ancestor, from the province down." },
  ),
  UnitChild: objectOf<ApiUnitChild>({
    id: int,
    code: nullable("string", { description: "Null for villages." }),
    name: { ...str, example: "Lập Thạch" },
    typeLabel: { ...str, example: "Thị trấn" },
    level: ref("Level"),
    childCount: { ...int, description: "Its children valid on asOf." },
    villageCount: { ...int, description: "Villages below it valid on asOf (0 for a village)." },
    hasTeam: { ...bool, description: "A mobilisation team (tổ dân vận) on asOf; villages have them." },
    hasBloc: { ...bool, description: "A mobilisation bloc (khối dân vận) on asOf; communes have them." },
  }),
  Unit: objectOf<ApiUnit>({
    id: int,
    code: nullable("string", { example: "246" }),
    name: { ...str, example: "Lập Thạch" },
    typeLabel: { ...str, example: "Huyện" },
    level: ref("Level"),
    validFrom: nullable("string", { format: "date" }),
    validTo: nullable("string", { format: "date", description: "Null while the unit is current." }),
    asOf: { ...day, description: "The day the children and counts were read on." },
    path: arrayOf(ref("PathEntry")),
    children: arrayOf(ref("UnitChild")),
    successors: arrayOf(ref("UnitLink"), { description: "The units that took it in by a merger (the 2025 reform), with the day." }),
    predecessors: arrayOf(ref("UnitLink"), { description: "The units it took in by a merger." }),
  }),
  UnitLink: objectOf<ApiUnitLink>({
    id: int,
    code: nullable("string", { example: "25" }),
    name: { ...str, example: "Phú Thọ" },
    typeLabel: { ...str, example: "Tỉnh" },
    level: ref("Level"),
    kind: { ...enumOf(["FULL", "PARTIAL"]), description: "FULL: the whole unit; PARTIAL: part of it (a split)." },
    effectiveOn: { ...day, description: "The first day of the successor." },
  }),
  UnitHit: objectOf<ApiUnitHit>({ id: int, code: nullable("string"), name: str, typeLabel: str, level: ref("Level"), path: arrayOf(ref("PathEntry")) }),
  UnitSearchPage: listOf("UnitHit"),
  PetitionStatus: enumOf(PETITION_STATUSES),
  PetitionItem: objectOf<PetitionItem>(
    {
      id: int,
      code: { ...str, example: "246-2026-00042" },
      status: ref("PetitionStatus"),
      resolution: nullableEnum(RESOLUTION_KINDS),
      receivedOn: day,
      dueOn: nullable("string", { format: "date" }),
      dueFor: { ...nullableEnum(["ASSIGNMENT", "RESOLUTION"]), description: DUE_FOR },
      overdue: bool,
      unitId: int,
      unitCode: nullable("string", { description: "The unit's official code, or its commune's for a village." }),
      unitName: { ...str, example: "Thôn Đình" },
      field: { ...str, example: "Đất đai" },
      agency: nullable("string"),
      petitionerName: nullable("string", { description: "Only for roles that may see personal data." }),
    },
    { optional: { petitionerName: true } },
  ),
  PetitionPage: listOf("PetitionItem"),
  Petition: objectOf<Petition>(
    {
      id: int,
      code: str,
      status: ref("PetitionStatus"),
      resolution: nullableEnum(RESOLUTION_KINDS),
      satisfaction: { ...nullableEnum(SATISFACTIONS), description: "The petitioner's satisfaction with the reply." },
      receivedOn: day,
      dueOn: nullable("string", { format: "date" }),
      dueFor: { ...nullableEnum(["ASSIGNMENT", "RESOLUTION"]), description: DUE_FOR },
      overdue: bool,
      channel: enumOf(PETITION_CHANNELS),
      field: { ...str, description: "The petition field's name." },
      unit: objectOf<Petition["unit"]>({ id: int, name: str, level: ref("Level") }),
      agency: nullable("string", { description: "The responsible agency's name." }),
      content: str,
      petitionerKind: enumOf(PETITIONER_KINDS),
      petitionerName: nullable("string", { description: "Only for roles that may see personal data (each such read is audited)." }),
      petitionerPhone: nullable("string", { description: "As `petitionerName`." }),
      petitionerAddress: nullable("string", { description: "As `petitionerName`." }),
      reopenCount: int,
      mergedInto: { oneOf: [idAndCode, { type: "null" }], description: "The petition this one was merged into." },
      duplicates: arrayOf(idAndCode, { description: "Petitions merged into this one." }),
      meetingId: nullable("integer", { description: "The meeting it was raised at." }),
      attachments: arrayOf(objectOf<Petition["attachments"][number]>({ id: int, fileName: str, mimeType: str, size: { ...int, description: "Bytes." } })),
      timeline: arrayOf(
        objectOf<Petition["timeline"][number]>({
          kind: enumOf(Object.values(PetitionEventKind)),
          from: nullableEnum(PETITION_STATUSES),
          to: nullableEnum(PETITION_STATUSES),
          at: { type: "string", format: "date-time" },
          actor: nullable("string", { description: "Null for the citizen's own rating on the public lookup page (decision 058)." }),
          note: nullable("string"),
        }),
      ),
      steps: arrayOf(enumOf(PETITION_STEPS), { description: "The workflow steps you may take now." }),
    },
    { optional: { petitionerName: true, petitionerPhone: true, petitionerAddress: true } },
  ),
  Period: objectOf<Period>({ from: day, to: day, months: int }),
  ReportedPeriod: objectOf<ReportedPeriod>({
    from: day,
    to: day,
    months: int,
    complete: { ...bool, description: "False while the period's last day is today or later (Vietnam time): its figures are so far." },
    meetingsDue: objectOf<ReportedPeriod["meetingsDue"]>(
      { months: arrayOf(day), quarters: arrayOf(day) },
      {
        description:
          "The months whose team meetings, and the quarters (by their first day) whose briefings, were due by today and are counted: none in the month in progress, no quarter in a month that does not close one.",
      },
    ),
  }),
  DashboardUnit: objectOf<DashboardUnit>({
    id: int,
    code: nullable("string"),
    level: ref("Level"),
    typeLabel: str,
    name: str,
    validTo: nullable("string", { format: "date" }),
    hasChildren: bool,
  }),
  Kpis: objectOf<Kpis>(
    // Every key of Kpis, and no other: KPI_FIELDS satisfies Record<keyof Kpis, …>.
    Object.fromEntries(Object.entries(KPI_FIELDS).map(([name, field]) => [name, kpiSchema(field)])) as unknown as Record<keyof Kpis, Schema>,
    { description: "Counts over the unit's subtree; shares in percent with one decimal, null when there is nothing to divide by." },
  ),
  Coverage: objectOf<CoverageKpis>(
    {
      villages: int,
      villagesWithTeam: int,
      teamCoverage: nullable("number", { description: "villagesWithTeam / villages, in percent." }),
      teamHeads: int,
      teamHeadsPartyCellSecretary: int,
      teamHeadCoverage: nullable("number", { description: "teamHeadsPartyCellSecretary / teamHeads, in percent." }),
      blocs: int,
      blocsHeadedByStandingDeputy: int,
      blocHeadCoverage: nullable("number", { description: "blocsHeadedByStandingDeputy / blocs, in percent." }),
    },
    { description: "Villages with a team, team and bloc heads, on the period's last day (or today)." },
  ),
  Rollup: objectOf<Rollup>({
    unit: ref("DashboardUnit"),
    path: arrayOf(ref("DashboardUnit"), { description: "From your home unit down to this one." }),
    view: enumOf(["historical", "restated"]),
    period: ref("ReportedPeriod"),
    previousPeriod: ref("Period"),
    kpis: ref("Kpis"),
    previous: ref("Kpis"),
    // A union in TypeScript (lib/dashboards/types.ts `Comparison`), so written out here by hand.
    comparison: {
      type: "object",
      required: ["stretch"],
      description:
        "What to compare. `whole`: the period has ended; compare `kpis` with `previous`. `sameMonths`: it has not; `current` holds its months that have ended (`currentMonths`, first and last by their first days) and `previous` the same number of first months of the period before (`previousMonths`); their `cadresTrained` is 0 and `overdue` null, as neither is compared by stretch. `none`: no month of the period has ended yet.",
      properties: {
        stretch: enumOf(["whole", "sameMonths", "none"]),
        current: ref("Kpis"),
        previous: ref("Kpis"),
        currentMonths: arrayOf(day, { minItems: 2, maxItems: 2 }),
        previousMonths: arrayOf(day, { minItems: 2, maxItems: 2 }),
      },
    },
    coverage: ref("Coverage"),
    children: arrayOf(objectOf<ChildRow>({ unit: ref("DashboardUnit"), kpis: ref("Kpis") })),
  }),
  MeetingKind: enumOf(MEETING_KINDS, { description: "Team's monthly meeting, bloc meeting, quarterly briefing, other; a province's or district's own conference and briefing; a field visit to a commune or village (decision 053)." }),
  MeetingItem: objectOf<MeetingItem>({
    id: int,
    kind: ref("MeetingKind"),
    heldOn: day,
    heldBy: { ...str, example: "Tổ dân vận Tổ dân phố Đình" },
    unitId: int,
    unitName: str,
    place: nullable("string"),
    chair: nullable("string"),
    present: { ...int, description: "Members marked present." },
    expected: { ...int, description: "Members on the attendance list." },
    raisedPetitions: { ...int, description: "Petitions raised at the meeting." },
  }),
  MeetingPage: listOf("MeetingItem"),
  NotificationItem: objectOf<NotificationItem>({
    id: int,
    kind: enumOf(["DUE_SOON", "DUE_TODAY", "OVERDUE", "OVERDUE_ESCALATED", "DIGEST", "REPORT_DUE_SOON", "REPORT_OVERDUE"], {
      description:
        "Due soon, due today, overdue (to whoever must act), overdue at the level below (to the supervising level), the leaders' weekly digest of what is overdue in their reach; a unit's periodic report not sent as its deadline nears, or once it has passed (to its writers).",
    }),
    day: { ...day, description: "The working day the reminder was made for." },
    title: { ...str, example: "Kiến nghị 25-2026-00042 đã quá hạn" },
    body: str,
    link: { ...str, description: "The record it is about, a path of this site.", example: "/petitions/42" },
    read: bool,
    createdAt: { type: "string", format: "date-time" },
  }),
  NotificationPage: listOf("NotificationItem"),
  PeriodicReportItem: objectOf<PeriodicReportItem>({
    id: int,
    unit: objectOf<PeriodicReportItem["unit"]>({ id: int, code: nullable("string"), level: ref("Level"), name: str }),
    period: { ...str, description: "YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2 or YYYY." },
    status: enumOf(["draft", "submitted", "returned", "approved"]),
    dueOn: day,
    submittedAt: nullable("string", { format: "date-time", description: "The last submission; null while never submitted." }),
    approvedAt: nullable("string", { format: "date-time", description: "Null unless approved." }),
  }),
  PeriodicReportPage: listOf("PeriodicReportItem"),
  Meeting: objectOf<Meeting>({
    id: int,
    kind: ref("MeetingKind"),
    heldOn: day,
    heldBy: str,
    organisation: {
      oneOf: [objectOf<NonNullable<Meeting["organisation"]>>({ id: int, kind: enumOf(Object.values(OrganisationKind)), name: str }), { type: "null" }],
      description: "The team or bloc that held it; null for a meeting of a unit.",
    },
    unit: objectOf<Meeting["unit"]>({ id: int, name: str, level: ref("Level") }),
    place: nullable("string"),
    chair: nullable("string"),
    guests: nullable("string"),
    agenda: nullable("string"),
    minutes: nullable("string", { description: "The minutes (biên bản); a field visit's findings." }),
    visitor: {
      oneOf: [objectOf<NonNullable<Meeting["visitor"]>>({ id: int, name: str }), { type: "null" }],
      description: "A field visit's visiting unit; null for other kinds (decision 053).",
    },
    followUp: nullable("string", { description: "A field visit's follow-up: what must be done." }),
    followUpDueOn: nullable("string", { format: "date", description: "When the follow-up is due, if set." }),
    attendance: objectOf<Meeting["attendance"]>({
      present: int,
      total: int,
      rate: nullable("number", { description: "present / total; null without an attendance list." }),
      members: arrayOf(
        objectOf<Meeting["attendance"]["members"][number]>({ cadreId: int, fullName: str, status: enumOf(Object.values(AttendanceStatus)) }),
      ),
    }),
    agendaPetitions: arrayOf(objectOf<Meeting["agendaPetitions"][number]>({ id: int, code: str, status: ref("PetitionStatus") })),
    raisedPetitions: arrayOf(
      objectOf<Meeting["raisedPetitions"][number]>({ id: int, code: str, status: ref("PetitionStatus"), resolution: nullableEnum(RESOLUTION_KINDS) }),
    ),
    attachments: arrayOf(objectOf<Meeting["attachments"][number]>({ id: int, fileName: str, size: { ...int, description: "Bytes." } })),
    version: { ...int, description: "Raised by every edit." },
    createdAt: { type: "string", format: "date-time" },
  }),
  Error: objectOf<ApiErrorBody>(
    {
      error: enumOf(API_ERROR_CODES),
      message: { ...str, description: "In Vietnamese, for people." },
      fieldErrors: { type: "object", additionalProperties: arrayOf(str), description: "400: messages by parameter." },
      requestId: { ...str, description: "500: quote it to the administrators; the server log has the details." },
    },
    { optional: { fieldErrors: true, requestId: true } },
  ),
};
