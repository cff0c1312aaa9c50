/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand as a
 * typed object; lib/api/openapi.test.ts checks that every route file under app/api/v1 has its
 * path here. A new endpoint adds its path (and list endpoints reuse `listOf` and the cursor
 * parameters).
 */
import { PETITION_SORTS, PETITION_DATES } from "../petitions/list";

type Schema = { [key: string]: unknown };

interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  description: string;
  schema: Schema;
  example?: unknown;
}

interface Response {
  description: string;
  content?: { "application/json": { schema: Schema } };
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: (Parameter | { $ref: string })[];
  responses: Record<string, Response | { $ref: string }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get?: Operation }>;
  components: {
    securitySchemes: Record<string, { type: "http" | "apiKey"; scheme?: string; in?: "cookie" | "header"; name?: string; description: string }>;
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, Response>;
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ "application/json": { schema } });

/** `{ items: [...], nextCursor }`, the shape of every list. */
function listOf(item: string): Schema {
  return {
    type: "object",
    required: ["items", "nextCursor"],
    properties: {
      items: { type: "array", items: ref(item) },
      nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last page." },
    },
  };
}

const ERRORS = {
  "400": { $ref: "#/components/responses/BadRequest" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "404": { $ref: "#/components/responses/NotFound" },
  "500": { $ref: "#/components/responses/Internal" },
};

const levels = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"];

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Dân vận API",
    version: "1",
    description:
      "Read access to the administrative tree, petitions and meetings for integration and checking. A request acts as its user: the same role and " +
      "the same subtree as in the app, and anything outside that subtree answers 404, exactly like something that does not exist. " +
      "Authenticate with the session cookie of the app, or with a personal token made at /profile/tokens, sent as " +
      "`Authorization: Bearer dv_…`. Dates are `YYYY-MM-DD`, days in Vietnam.",
  },
  servers: [{ url: "/", description: "This server" }],
  security: [{ bearerToken: [] }, { sessionCookie: [] }],
  tags: [
    { name: "units", description: "The administrative tree: province, district, commune, village." },
    { name: "petitions", description: "Citizens' petitions (kiến nghị, phản ánh) and their handling." },
    { name: "meetings", description: "Meetings of village teams and communes (sinh hoạt tổ dân vận, họp khối, giao ban) with attendance." },
    { name: "dashboards", description: "Rolled-up figures of a unit and its children for a period (decision 014)." },
  ],
  paths: {
    "/api/v1/units": {
      get: {
        operationId: "searchUnits",
        summary: "Search units in your subtree",
        description:
          "Accent-insensitive: `lap thach` finds `Lập Thạch`. Every word must appear in the unit's type and name; names starting " +
          "with the query come first, then higher units, then by name. Current units only.",
        tags: ["units"],
        parameters: [
          { name: "q", in: "query", required: true, description: "The words to find (at least 2 letters or digits).", schema: { type: "string", minLength: 2, maxLength: 100 }, example: "lap thach" },
          { name: "level", in: "query", description: "Only units of this level.", schema: { type: "string", enum: levels } },
          { $ref: "#/components/parameters/limit" },
          { $ref: "#/components/parameters/cursor" },
        ],
        responses: { "200": { description: "One page of matches.", content: json(ref("UnitSearchPage")) }, ...ERRORS },
      },
    },
    "/api/v1/units/{code}": {
      get: {
        operationId: "getUnit",
        summary: "One unit with its path and children",
        description:
          "`{code}` is the official code (province 2 digits, district 3, commune 5) of the unit valid on `asOf`: codes are reused by " +
          "the 2025 reform. Villages have no code: use `id:{id}` (`/api/v1/units/id:1234`), with the `id` the children and search " +
          "results carry; an id names that unit whatever its dates. Children are those valid on `asOf`, with their counts on that day.",
        tags: ["units"],
        parameters: [
          { name: "code", in: "path", required: true, description: "An official code, or `id:` and a unit id.", schema: { type: "string", pattern: "^([0-9A-Za-z]{1,12}|id:[0-9]{1,9})$" }, example: "246" },
          { name: "asOf", in: "query", description: "Read the tree as it stood on this day (default: today in Vietnam).", schema: { type: "string", format: "date" }, example: "2025-06-30" },
        ],
        responses: { "200": { description: "The unit.", content: json(ref("Unit")) }, ...ERRORS },
      },
    },
    "/api/v1/petitions": {
      get: {
        operationId: "listPetitions",
        summary: "Petitions in your subtree, filtered as on the list page",
        description:
          "Newest first by default; keyset pages. `petitionerName` is present only for roles that may see personal data. " +
          "Unknown filter values are ignored, as on the page.",
        tags: ["petitions"],
        parameters: [
          { name: "unit", in: "query", description: "Official code of a unit valid today; its whole subtree.", schema: { type: "string", pattern: "^[0-9]{2,5}$" }, example: "246" },
          { name: "q", in: "query", description: "Accent-insensitive words in the code or content (and the petitioner, for those who may see them).", schema: { type: "string", maxLength: 200 }, example: "nguyen van duc" },
          { name: "status", in: "query", description: "Comma-separated statuses.", schema: { type: "string" }, example: "RECEIVED,ASSIGNED,IN_PROGRESS" },
          { name: "field", in: "query", description: "A petition field id.", schema: { type: "integer" } },
          { name: "channel", in: "query", description: "Comma-separated channels.", schema: { type: "string" } },
          { name: "agency", in: "query", description: "A responsible agency id.", schema: { type: "integer" } },
          { name: "from", in: "query", description: "On or after this day (Vietnam time) of `dateOf`.", schema: { type: "string", format: "date" } },
          { name: "to", in: "query", description: "On or before this day (Vietnam time) of `dateOf`.", schema: { type: "string", format: "date" } },
          { name: "dateOf", in: "query", description: "The day `from` and `to` bound: received (the default), resolved, first reopened or escalated. Those of the dashboards' figures of a period: `/api/v1/rollup`'s `resolved` is `dateOf=resolved`, `reopened` is `dateOf=reopened`.", schema: { type: "string", enum: [...PETITION_DATES], default: "received" } },
          { name: "overdue", in: "query", description: "`1`: open and past the deadline.", schema: { type: "string", enum: ["1"] } },
          { name: "dueWithin", in: "query", description: "Open and due within this many days.", schema: { type: "integer", minimum: 0, maximum: 365 } },
          { name: "resolution", in: "query", description: "Settled for good, or answered/explained only.", schema: { type: "string", enum: ["SETTLED", "EXPLAINED"] } },
          { name: "sort", in: "query", description: "The order of the list. `relevance`: with `q`, best match first (the whole search as typed, e.g. a petitioner's full name; then every word whole; then every word as the start of a word; then the rest), newest first within each; without `q`, newest first.", schema: { type: "string", enum: [...PETITION_SORTS], default: "relevance" } },
          { name: "dir", in: "query", description: "Ascending or descending.", schema: { type: "string", enum: ["asc", "desc"], default: "desc" } },
          { $ref: "#/components/parameters/limit" },
          { $ref: "#/components/parameters/cursor" },
        ],
        responses: { "200": { description: "One page.", content: json(ref("PetitionPage")) }, ...ERRORS },
      },
    },
    "/api/v1/petitions/{id}": {
      get: {
        operationId: "getPetition",
        summary: "One petition with its timeline",
        description: "Personal data only for roles that may see it; each such read is audited.",
        tags: ["petitions"],
        parameters: [{ name: "id", in: "path", required: true, description: "The petition's id.", schema: { type: "integer" } }],
        responses: { "200": { description: "The petition.", content: json(ref("Petition")) }, ...ERRORS },
      },
    },
    "/api/v1/rollup": {
      get: {
        operationId: "getRollup",
        summary: "A unit's KPIs for a period, with its children's",
        description:
          "Whole months only (the figures are monthly rollups, kept in the same transaction as every write, so live): `from` is the " +
          "first day of a month and `to` the last day of a month, else 400. Each figure is compared with the period of the same " +
          "length just before (`previous`). `view=restated` (default) shows today's units, with records of merged units counted " +
          "on their successors; `historical` shows the units as they were in each month. The definitions of every figure are in " +
          "docs/decisions/014-rollups.md. A unit outside your subtree answers 404.",
        tags: ["dashboards"],
        parameters: [
          { name: "unit", in: "query", required: true, description: "An official code (the unit valid today, or on `to` when historical), or `id:` and a unit id (villages).", schema: { type: "string", pattern: "^([0-9A-Za-z]{1,12}|id:[0-9]{1,9})$" }, example: "246" },
          { name: "from", in: "query", required: true, description: "The first day of the first month.", schema: { type: "string", format: "date" }, example: "2026-01-01" },
          { name: "to", in: "query", required: true, description: "The last day of the last month.", schema: { type: "string", format: "date" }, example: "2026-03-31" },
          { name: "view", in: "query", description: "Units as they were, or restated on today's units.", schema: { type: "string", enum: ["historical", "restated"], default: "restated" } },
        ],
        responses: { "200": { description: "The figures.", content: json(ref("Rollup")) }, ...ERRORS },
      },
    },
    "/api/v1/meetings": {
      get: {
        operationId: "listMeetings",
        summary: "Meetings in your subtree, newest first",
        description: "Filtered as on the list page; keyset pages sorted by the meeting's date (then id).",
        tags: ["meetings"],
        parameters: [
          { name: "unit", in: "query", description: "Official code of a unit valid today; its whole subtree.", schema: { type: "string", pattern: "^[0-9]{2,5}$" }, example: "08863" },
          { name: "kind", in: "query", description: "The kind of meeting.", schema: ref("MeetingKind") },
          { name: "from", in: "query", description: "Held on or after.", schema: { type: "string", format: "date" } },
          { name: "to", in: "query", description: "Held on or before.", schema: { type: "string", format: "date" } },
          { name: "dir", in: "query", description: "Oldest or newest first.", schema: { type: "string", enum: ["asc", "desc"], default: "desc" } },
          { $ref: "#/components/parameters/limit" },
          { $ref: "#/components/parameters/cursor" },
        ],
        responses: { "200": { description: "One page.", content: json(ref("MeetingPage")) }, ...ERRORS },
      },
    },
    "/api/v1/meetings/{id}": {
      get: {
        operationId: "getMeeting",
        summary: "One meeting with its attendance and the petitions raised at it",
        tags: ["meetings"],
        parameters: [{ name: "id", in: "path", required: true, description: "The meeting's id.", schema: { type: "integer" } }],
        responses: { "200": { description: "The meeting.", content: json(ref("Meeting")) }, ...ERRORS },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        tags: ["units"],
        responses: {
          "200": { description: "The OpenAPI 3.1 description.", content: json({ type: "object" }) },
          "401": { $ref: "#/components/responses/Unauthenticated" },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description: "A personal token (`dv_` and 43 characters) made at /profile/tokens. It acts as its user and can be revoked there.",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "The app's session cookie (`__Secure-next-auth.session-token` over https), for calls from a signed-in browser.",
      },
    },
    parameters: {
      limit: { name: "limit", in: "query", description: "Items per page.", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
      cursor: { name: "cursor", in: "query", description: "The `nextCursor` of the previous page; opaque.", schema: { type: "string" } },
    },
    schemas: {
      Level: { type: "string", enum: levels },
      PathEntry: {
        type: "object",
        description: "An ancestor, from the province down.",
        required: ["id", "code", "name", "typeLabel", "level"],
        properties: { id: { type: "integer" }, code: { type: ["string", "null"] }, name: { type: "string" }, typeLabel: { type: "string" }, level: ref("Level") },
      },
      UnitChild: {
        type: "object",
        required: ["id", "code", "name", "typeLabel", "level", "childCount", "villageCount", "hasTeam", "hasBloc"],
        properties: {
          id: { type: "integer" },
          code: { type: ["string", "null"], description: "Null for villages." },
          name: { type: "string", example: "Lập Thạch" },
          typeLabel: { type: "string", example: "Thị trấn" },
          level: ref("Level"),
          childCount: { type: "integer", description: "Its children valid on asOf." },
          villageCount: { type: "integer", description: "Villages below it valid on asOf (0 for a village)." },
          hasTeam: { type: "boolean", description: "A mobilisation team (tổ dân vận) on asOf; villages have them." },
          hasBloc: { type: "boolean", description: "A mobilisation bloc (khối dân vận) on asOf; communes have them." },
        },
      },
      Unit: {
        type: "object",
        required: ["id", "code", "name", "typeLabel", "level", "validFrom", "validTo", "asOf", "path", "children"],
        properties: {
          id: { type: "integer" },
          code: { type: ["string", "null"], example: "246" },
          name: { type: "string", example: "Lập Thạch" },
          typeLabel: { type: "string", example: "Huyện" },
          level: ref("Level"),
          validFrom: { type: ["string", "null"], format: "date" },
          validTo: { type: ["string", "null"], format: "date", description: "Null while the unit is current." },
          asOf: { type: "string", format: "date", description: "The day the children and counts were read on." },
          path: { type: "array", items: ref("PathEntry") },
          children: { type: "array", items: ref("UnitChild") },
        },
      },
      UnitHit: {
        type: "object",
        required: ["id", "code", "name", "typeLabel", "level", "path"],
        properties: {
          id: { type: "integer" },
          code: { type: ["string", "null"] },
          name: { type: "string" },
          typeLabel: { type: "string" },
          level: ref("Level"),
          path: { type: "array", items: ref("PathEntry") },
        },
      },
      UnitSearchPage: listOf("UnitHit"),
      PetitionStatus: { type: "string", enum: ["RECEIVED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "MERGED", "ESCALATED"] },
      PetitionItem: {
        type: "object",
        required: ["id", "code", "status", "receivedOn", "unitId", "unitCode", "unitName", "field", "overdue"],
        properties: {
          id: { type: "integer" },
          code: { type: "string", example: "246-2026-00042" },
          status: ref("PetitionStatus"),
          resolution: { type: ["string", "null"], enum: ["SETTLED", "EXPLAINED", null] },
          receivedOn: { type: "string", format: "date" },
          dueOn: { type: ["string", "null"], format: "date" },
          overdue: { type: "boolean" },
          unitId: { type: "integer" },
          unitCode: { type: ["string", "null"], description: "The unit's official code, or its commune's for a village." },
          unitName: { type: "string", example: "Thôn Đình" },
          field: { type: "string", example: "Đất đai" },
          agency: { type: ["string", "null"] },
          petitionerName: { type: ["string", "null"], description: "Only for roles that may see personal data." },
        },
      },
      PetitionPage: listOf("PetitionItem"),
      Petition: {
        type: "object",
        required: ["id", "code", "status", "receivedOn", "content", "timeline"],
        properties: {
          id: { type: "integer" },
          code: { type: "string" },
          status: ref("PetitionStatus"),
          receivedOn: { type: "string", format: "date" },
          dueOn: { type: ["string", "null"], format: "date" },
          content: { type: "string" },
          timeline: {
            type: "array",
            items: {
              type: "object",
              properties: { kind: { type: "string" }, from: { type: ["string", "null"] }, to: { type: ["string", "null"] }, at: { type: "string", format: "date-time" }, actor: { type: "string" }, note: { type: ["string", "null"] } },
            },
          },
          steps: { type: "array", items: { type: "string" }, description: "The workflow steps you may take now." },
        },
      },
      Period: {
        type: "object",
        required: ["from", "to", "months"],
        properties: { from: { type: "string", format: "date" }, to: { type: "string", format: "date" }, months: { type: "integer" } },
      },
      ReportedPeriod: {
        type: "object",
        required: ["from", "to", "months", "complete", "meetingsDue"],
        properties: {
          from: { type: "string", format: "date" },
          to: { type: "string", format: "date" },
          months: { type: "integer" },
          complete: { type: "boolean", description: "False while the period's last day is today or later (Vietnam time): its figures are so far." },
          meetingsDue: {
            type: "object",
            required: ["months", "quarters"],
            description: "The months whose team meetings, and the quarters (by their first day) whose briefings, were due by today and are counted: none in the month in progress, no quarter in a month that does not close one.",
            properties: { months: { type: "array", items: { type: "string", format: "date" } }, quarters: { type: "array", items: { type: "string", format: "date" } } },
          },
        },
      },
      DashboardUnit: {
        type: "object",
        required: ["id", "code", "level", "typeLabel", "name", "validTo", "hasChildren"],
        properties: {
          id: { type: "integer" },
          code: { type: ["string", "null"] },
          level: ref("Level"),
          typeLabel: { type: "string" },
          name: { type: "string" },
          validTo: { type: ["string", "null"], format: "date" },
          hasChildren: { type: "boolean" },
        },
      },
      Kpis: {
        type: "object",
        description: "Counts over the unit's subtree; shares in percent with one decimal, null when there is nothing to divide by.",
        properties: Object.fromEntries(
          [
            ["received", "integer", "Petitions received in the period."],
            ["receivedResolved", "integer", "…of which resolved now, whenever they were resolved."],
            ["resolved", "integer", "Resolutions dated in the period (settled + explained), of petitions received at any time."],
            ["settled", "integer", "Resolved as settled for good."],
            ["explained", "integer", "Resolved as answered/explained only."],
            ["resolvedRate", "number", "receivedResolved / received: of the period's own petitions, the share resolved by now; never above 100."],
            ["settledRate", "number", "settled / resolved."],
            ["explainedRate", "number", "explained / resolved."],
            ["resolvedOnTime", "integer", "Resolved on a day ≤ the deadline."],
            ["onTimeRate", "number", "resolvedOnTime / resolved."],
            ["overdue", "integer", "Open now and past the deadline (null in `previous`)."],
            ["avgWorkingDaysToResolve", "number", "Mean working days from receipt to resolution."],
            ["replies", "integer", "Replies with a satisfaction given in the period."],
            ["satisfied", "integer", "…of which satisfied."],
            ["satisfactionRate", "number", "satisfied / replies."],
            ["reopened", "integer", "Reopenings in the period."],
            ["escalated", "integer", "Escalations in the period."],
            ["teamMeetingsHeld", "integer", "Team-months with a monthly meeting, over the period's months that have ended (`period.meetingsDue.months`)."],
            ["teamMeetingsExpected", "integer", "Team-months active, over the same months."],
            ["teamMeetingCompliance", "number", "held / expected."],
            ["briefingsHeld", "integer", "Commune-quarters with a briefing, over the quarters due in the period (`period.meetingsDue.quarters`: their last month is in it and has ended)."],
            ["briefingsExpected", "integer", "Commune-quarters valid, over the same quarters."],
            ["briefingCompliance", "number", "held / expected."],
            ["cadresTrained", "integer", "Cadres with a training starting in the period."],
          ].map(([name, type, description]) => [name, { type: type === "number" ? ["number", "null"] : name === "overdue" ? ["integer", "null"] : type, description }]),
        ),
      },
      Rollup: {
        type: "object",
        required: ["unit", "path", "view", "period", "previousPeriod", "kpis", "previous", "comparison", "coverage", "children"],
        properties: {
          unit: ref("DashboardUnit"),
          path: { type: "array", items: ref("DashboardUnit"), description: "From your home unit down to this one." },
          view: { type: "string", enum: ["historical", "restated"] },
          period: ref("ReportedPeriod"),
          previousPeriod: ref("Period"),
          kpis: ref("Kpis"),
          previous: ref("Kpis"),
          comparison: {
            type: "object",
            required: ["stretch"],
            description:
              "What to compare. `whole`: the period has ended; compare `kpis` with `previous`. `sameMonths`: it has not; `current` holds its months that have ended (`currentMonths`, first and last by their first days) and `previous` the same number of first months of the period before (`previousMonths`); their `cadresTrained` is 0 and `overdue` null, as neither is compared by stretch. `none`: no month of the period has ended yet.",
            properties: {
              stretch: { type: "string", enum: ["whole", "sameMonths", "none"] },
              current: ref("Kpis"),
              previous: ref("Kpis"),
              currentMonths: { type: "array", items: { type: "string", format: "date" }, minItems: 2, maxItems: 2 },
              previousMonths: { type: "array", items: { type: "string", format: "date" }, minItems: 2, maxItems: 2 },
            },
          },
          coverage: { type: "object", description: "Villages with a team, team and bloc heads, on the period's last day (or today).", additionalProperties: { type: ["number", "null"] } },
          children: {
            type: "array",
            items: { type: "object", required: ["unit", "kpis"], properties: { unit: ref("DashboardUnit"), kpis: ref("Kpis") } },
          },
        },
      },
      MeetingKind: { type: "string", enum: ["TEAM_MONTHLY", "BLOC", "QUARTERLY_BRIEFING", "OTHER"], description: "Team's monthly meeting, bloc meeting, quarterly briefing, other." },
      MeetingItem: {
        type: "object",
        required: ["id", "kind", "heldOn", "heldBy", "unitId", "unitName", "present", "expected", "raisedPetitions"],
        properties: {
          id: { type: "integer" },
          kind: ref("MeetingKind"),
          heldOn: { type: "string", format: "date" },
          heldBy: { type: "string", example: "Tổ dân vận Tổ dân phố Đình" },
          unitId: { type: "integer" },
          unitName: { type: "string" },
          place: { type: ["string", "null"] },
          chair: { type: ["string", "null"] },
          present: { type: "integer", description: "Members marked present." },
          expected: { type: "integer", description: "Members on the attendance list." },
          raisedPetitions: { type: "integer" },
        },
      },
      MeetingPage: listOf("MeetingItem"),
      Meeting: {
        type: "object",
        required: ["id", "kind", "heldOn", "heldBy", "unit", "attendance", "raisedPetitions"],
        properties: {
          id: { type: "integer" },
          kind: ref("MeetingKind"),
          heldOn: { type: "string", format: "date" },
          heldBy: { type: "string" },
          unit: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" }, level: ref("Level") } },
          place: { type: ["string", "null"] },
          chair: { type: ["string", "null"] },
          guests: { type: ["string", "null"] },
          agenda: { type: ["string", "null"] },
          minutes: { type: ["string", "null"], description: "The minutes (biên bản)." },
          attendance: {
            type: "object",
            properties: {
              present: { type: "integer" },
              total: { type: "integer" },
              rate: { type: ["number", "null"], description: "present / total; null without an attendance list." },
              members: { type: "array", items: { type: "object", properties: { cadreId: { type: "integer" }, fullName: { type: "string" }, status: { type: "string", enum: ["PRESENT", "ABSENT", "EXCUSED"] } } } },
            },
          },
          agendaPetitions: { type: "array", items: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, status: ref("PetitionStatus") } } },
          raisedPetitions: { type: "array", items: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, status: ref("PetitionStatus") } } },
        },
      },
      Error: {
        type: "object",
        required: ["error", "message"],
        properties: {
          error: { type: "string", enum: ["unauthenticated", "password_change_required", "not_found", "invalid_request", "conflict", "internal"] },
          message: { type: "string", description: "In Vietnamese, for people." },
          fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "400: messages by parameter." },
          requestId: { type: "string", description: "500: quote it to the administrators; the server log has the details." },
        },
      },
    },
    responses: {
      BadRequest: { description: "A parameter is missing or invalid (`invalid_request`, with `fieldErrors`).", content: json(ref("Error")) },
      Unauthenticated: {
        description: "No session, or a token that is unknown, revoked, expired or whose user is disabled (`unauthenticated`); or a password reset pending (`password_change_required`).",
        content: json(ref("Error")),
      },
      NotFound: { description: "Does not exist, or lies outside your subtree (`not_found`).", content: json(ref("Error")) },
      Internal: { description: "Unexpected error (`internal`, with `requestId`).", content: json(ref("Error")) },
    },
  },
};
