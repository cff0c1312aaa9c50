/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Each route's query
 * parameters are made from the zod schema the route parses (`queryParameters`, lib/api/openapi-zod.ts),
 * and the response schemas are checked against the handlers' TypeScript types
 * (lib/api/openapi-schemas.ts); what is written here is the paths, their summaries, path parameters
 * and answers. lib/api/openapi.test.ts checks that every route file under app/api/v1 has its path,
 * with the parameters of the schema the route file passes to `apiRoute`.
 */
import { MAX_INT } from "../forms/fields";
import { meetingListQuery } from "./meetings";
import { notificationListQuery } from "./notifications";
import { queryParameters, type Parameter, type Schema } from "./openapi-zod";
import { ref, schemas } from "./openapi-schemas";
import { periodicReportListQuery } from "./periodic-reports";
import { petitionListQuery } from "./petitions";
import { rollupQuery } from "./rollup";
import { UNIT_REF_PATTERN, unitLookupQuery, unitSearchQuery } from "./units";

interface Response {
  description: string;
  content?: { "application/json": { schema: Schema } };
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
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
    responses: Record<string, Response>;
  };
}

const json = (schema: Schema) => ({ "application/json": { schema } });

const ERRORS = {
  "400": { $ref: "#/components/responses/BadRequest" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "404": { $ref: "#/components/responses/NotFound" },
  "500": { $ref: "#/components/responses/Internal" },
};

/** The id in a path: the route reads it with `parseId` (a positive integer), and anything else is a 404. */
const pathId = (what: string): Parameter => ({ name: "id", in: "path", required: true, description: `The ${what}'s id.`, schema: { type: "integer", minimum: 1, maximum: MAX_INT } });

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
    { name: "periodic-reports", description: "Units' periodic reports (báo cáo định kỳ) and where each stands in its cycle: draft, submitted, returned, approved (decision 066)." },
    { name: "notifications", description: "Your own notifications: reminders of deadlines, in working days (decisions 061, 062)." },
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
        parameters: queryParameters(unitSearchQuery),
        responses: { "200": { description: "One page of matches.", content: json(ref("UnitSearchPage")) }, ...ERRORS },
      },
    },
    "/api/v1/units/{code}": {
      get: {
        operationId: "getUnit",
        summary: "One unit with its path, children and merger links",
        description:
          "`{code}` is the official code (province 2 digits, district 3, commune 5) of the unit valid on `asOf`: codes are reused by " +
          "the 2025 reform. Villages have no code: use `id:{id}` (`/api/v1/units/id:1234`), with the `id` the children and search " +
          "results carry; an id names that unit whatever its dates. Children are those valid on `asOf`, with their counts on that day. " +
          "Without `asOf`, a code no unit bears today names the last unit that bore it, read on its last day (`/api/v1/units/26`: " +
          "Vĩnh Phúc, ended 2025-06-30); `successors` and `predecessors` name the units a merger linked it to.",
        tags: ["units"],
        parameters: [
          {
            name: "code",
            in: "path",
            required: true,
            description: "An official code, or `id:` and a unit id.",
            schema: { type: "string", pattern: UNIT_REF_PATTERN.source },
            example: "246",
          },
          ...queryParameters(unitLookupQuery),
        ],
        responses: { "200": { description: "The unit.", content: json(ref("Unit")) }, ...ERRORS },
      },
    },
    "/api/v1/petitions": {
      get: {
        operationId: "listPetitions",
        summary: "Petitions in your subtree, filtered as on the list page",
        description:
          "Newest first by default (best match first with `q`); keyset pages. `petitionerName` is present only for roles that may see " +
          "personal data. The filters are the list page's; unknown parameters are ignored, but a known one whose value makes no sense " +
          "answers 400 with its message (the page drops such a value instead).",
        tags: ["petitions"],
        parameters: queryParameters(petitionListQuery),
        responses: { "200": { description: "One page.", content: json(ref("PetitionPage")) }, ...ERRORS },
      },
    },
    "/api/v1/petitions/{id}": {
      get: {
        operationId: "getPetition",
        summary: "One petition with its timeline",
        description: "Personal data only for roles that may see it; each such read is audited.",
        tags: ["petitions"],
        parameters: [pathId("petition")],
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
        parameters: queryParameters(rollupQuery),
        responses: { "200": { description: "The figures.", content: json(ref("Rollup")) }, ...ERRORS },
      },
    },
    "/api/v1/periodic-reports": {
      get: {
        operationId: "listPeriodicReports",
        summary: "The periodic reports of a period, of a unit and the units below it",
        description:
          "One item per report started: the unit, the period, its `status` (`draft`, `submitted`, `returned`, `approved`), its deadline, " +
          "when it was last submitted and when approved (null until then). A unit that has not started its report has no item: the " +
          "reports page's completeness names those. Keyset pages by id. A unit outside your subtree answers 404.",
        tags: ["periodic-reports"],
        parameters: queryParameters(periodicReportListQuery),
        responses: { "200": { description: "One page.", content: json(ref("PeriodicReportPage")) }, ...ERRORS },
      },
    },
    "/api/v1/meetings": {
      get: {
        operationId: "listMeetings",
        summary: "Meetings in your subtree, newest first",
        description: "Filtered as on the list page; keyset pages sorted by the meeting's date (then id).",
        tags: ["meetings"],
        parameters: queryParameters(meetingListQuery),
        responses: { "200": { description: "One page.", content: json(ref("MeetingPage")) }, ...ERRORS },
      },
    },
    "/api/v1/meetings/{id}": {
      get: {
        operationId: "getMeeting",
        summary: "One meeting with its attendance and the petitions raised at it",
        tags: ["meetings"],
        parameters: [pathId("meeting")],
        responses: { "200": { description: "The meeting.", content: json(ref("Meeting")) }, ...ERRORS },
      },
    },
    "/api/v1/notifications": {
      get: {
        operationId: "listNotifications",
        summary: "Your own notifications, newest first",
        description:
          "The reminders of the signed-in user (or the token's user) only: due soon, due today, overdue, and overdue at the level below. " +
          "Each names the petition's code, field, deadline and unit, never personal data, and links to the petition. Keyset pages by id.",
        tags: ["notifications"],
        parameters: queryParameters(notificationListQuery),
        responses: { "200": { description: "One page.", content: json(ref("NotificationPage")) }, ...ERRORS },
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
    schemas,
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
