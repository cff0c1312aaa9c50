/**
 * What `npm run bench -- load` measures, derived from the authorisation registry
 * (tests/support/authz-registry.ts), so that a page added to the app is measured without
 * anyone remembering to: every page and GET route becomes a target by default (GET its
 * address, `{target}` filled with a record of the bench database, as the national admin,
 * expecting 200). The exceptions are written here, each with its reason: the pages whose
 * cost grows with the reader's scope run as all three bench users, a few answer otherwise
 * than 200, and what cannot be put under load (sign-in, sign-out…) is listed as skipped.
 * A POST route or a server action with no line here, or a record kind no one can pick, is
 * reported as a warning, loudly; the unit test fails on one.
 */
import type { ActionRow, Entry, PageRow, RouteRow, Target } from "../../tests/support/authz-registry";

/** The bench users (lib/bench/generate.ts BENCH_USERS); "agency" is an agency's own account (decision 064). */
export type BenchUser = "admin" | "province" | "district" | "agency";
export const BENCH_USER_KINDS: readonly BenchUser[] = ["admin", "province", "district"];

/** A page or a route: a request whose answer is judged by its status (and a marker). */
export interface ReadTarget {
  kind: "read";
  /** The registry row's key (its file). */
  key: string;
  label: string;
  /** null: sent without a session (a public page). */
  user: BenchUser | null;
  method: "GET" | "POST";
  /** The address, `{target}` where the record goes. */
  url: string;
  target: Target;
  expect: readonly number[];
  /** Text the answer must hold (a form's field), when the status alone says too little. */
  marker?: string;
  /** A form body for a POST (urlencoded). */
  form?: Record<string, string>;
  /** At most this many connections, whatever the run's count (the row says how many). */
  maxConnections?: number;
  note?: string;
}

/** The writes a browser makes, each through the path a browser takes (lib/bench/load-writes.ts). */
export type WriteKind = "intake-district" | "intake-spread" | "step" | "meeting";

export interface WriteTarget {
  kind: "write";
  key: string;
  write: WriteKind;
  label: string;
  user: BenchUser;
  note?: string;
}

export type LoadTarget = ReadTarget | WriteTarget;

export interface Skipped {
  key: string;
  reason: string;
}

export interface LoadPlan {
  /** `/api/health`: measured at every connection count as the baseline of the rows. */
  baseline: ReadTarget;
  targets: LoadTarget[];
  skipped: Skipped[];
  /** Registry rows with no load target and no reason: printed loudly; the unit test fails on one. */
  warnings: string[];
}

/** The record kinds the run can pick from the bench database (lib/bench/load-ids.ts). */
export const PICKABLE: ReadonlySet<Target> = new Set<Target>([
  "none",
  "unit",
  "unit-ref",
  "petition",
  "petition-received",
  "held-petition",
  "petition-attachment",
  "meeting",
  "meeting-recent",
  "meeting-attachment",
  "organisation",
  "cadre",
  "user",
  "good-practice-model",
  "good-practice-attachment",
  "village",
]);

const APP = "app/(app)";
const ALL = BENCH_USER_KINDS;
/**
 * Spreadsheets are built in the server's memory: 20 at once took it to 8.9 GB resident (2026-12-06).
 * People export now and then, not in crowds: a few at once keeps the run from exhausting the machine.
 */
export const EXPORTS_AT_ONCE = 5;

/**
 * Written into an address's query by an override (`query`), replaced at run time by the latest period the bench
 * database holds (lib/bench/load-ids.ts `periods`): the registry's addresses name a fixed period.
 */
export const PERIOD_PLACEHOLDERS = { report: "{report-period}", scoring: "{scoring-period}" } as const;
const REPORT_PERIOD = { period: PERIOD_PLACEHOLDERS.report };

interface Override {
  users?: readonly (BenchUser | null)[];
  /** Query parameters set in the registry's address (a period placeholder, say). */
  query?: Record<string, string>;
  maxConnections?: number;
  expect?: readonly number[];
  marker?: string;
  form?: Record<string, string>;
  note?: string;
  skip?: string;
}

/**
 * The exceptions to "GET as the national admin, expect 200", by registry key. Pages whose
 * work grows with the reader's subtree run as every bench user.
 */
export const OVERRIDES: Readonly<Record<string, Override>> = {
  "app/login/page.tsx": { users: [null] },
  "app/login/code/page.tsx": { users: [null], expect: [302, 303, 307], note: "without the pending cookie: sent back to /login" },
  [`${APP}/page.tsx`]: { users: ALL },
  [`${APP}/units/[id]/page.tsx`]: { users: ALL, note: "the user's own unit" },
  [`${APP}/organisation/page.tsx`]: { users: ALL },
  [`${APP}/cadres/page.tsx`]: { users: ALL },
  [`${APP}/petitions/page.tsx`]: { users: ALL },
  [`${APP}/petitions/new/page.tsx`]: { users: ["admin", "district"], note: "the villages the user may choose: a district's listed, more found as typed" },
  [`${APP}/petitions/agencies/page.tsx`]: { users: ["admin", "district"] },
  [`${APP}/meetings/page.tsx`]: { users: ALL },
  [`${APP}/meetings/compliance/page.tsx`]: { users: ALL, note: "the user's own unit" },
  [`${APP}/reports/page.tsx`]: { users: ALL, note: "the user's own unit" },
  [`${APP}/models/page.tsx`]: { users: ALL, note: "the models of the user's reach (decision 076)" },
  [`${APP}/scoring/page.tsx`]: { users: ALL, note: "the ranking of the user's own unit's villages (decision 078)" },
  [`${APP}/scoring/templates/page.tsx`]: { maxConnections: EXPORTS_AT_ONCE, note: "the nation's template page (a province administrator's work, now and then)" },
  [`${APP}/scoring/sheet/page.tsx`]: {
    users: ["district"],
    query: { period: PERIOD_PLACEHOLDERS.scoring },
    note: "the sheet of a village of the bench district, of the latest period scored (decision 078)",
  },
  [`${APP}/scoring/export/route.ts`]: { users: ["province"], maxConnections: EXPORTS_AT_ONCE, note: "the province's ranking as xlsx" },
  [`${APP}/reports/periodic/page.tsx`]: { users: ALL, note: "the user's own unit: its report and the completeness of the units below" },
  [`${APP}/reports/periodic/report/page.tsx`]: { users: ALL, query: REPORT_PERIOD, note: "the user's own unit's report of the latest month generated (the nation writes none: said so)" },
  [`${APP}/reports/periodic/hotspots/page.tsx`]: { users: ALL, query: REPORT_PERIOD, note: "the user's own unit, the latest month generated: the hotspots of the reports sent below it" },
  [`${APP}/reports/periodic/report/print/page.tsx`]: { users: ALL, query: REPORT_PERIOD, note: "the user's own unit's report of the latest month generated, laid out for printing (the nation's: said so)" },
  [`${APP}/reports/periodic/report/docx/route.ts`]: {
    users: ["province", "district"],
    query: REPORT_PERIOD,
    note: "the bench province's and district's report of the latest month generated, as a .docx (the nation, the admin's home, writes none)",
  },
  [`${APP}/home-closed/page.tsx`]: { expect: [307], note: "no bench user's home has closed: the notice sends them home (decision 055)" },
  [`${APP}/meetings/[id]/edit/page.tsx`]: { note: "a meeting the run's meeting writes logged (its author may correct it for 7 days)" },
  "pages/meetings/new.tsx": { marker: 'name="idempotencyKey"', note: "the form of a team of the bench district" },
  "app/api/v1/petitions/route.ts": { users: ALL },
  "app/api/v1/meetings/route.ts": { users: ALL },
  "app/api/v1/rollup/route.ts": { users: ALL, note: "the user's own unit" },
  "app/api/v1/periodic-reports/route.ts": { users: ALL, query: REPORT_PERIOD, note: "the user's own unit, the latest month generated" },
  [`${APP}/petitions/export/route.ts`]: { users: ["district"], maxConnections: EXPORTS_AT_ONCE, note: "a district's list; an admin's export stops at 100,000 rows" },
  [`${APP}/cadres/export/route.ts`]: { users: ["district"], maxConnections: EXPORTS_AT_ONCE },
  [`${APP}/cadres/template/route.ts`]: { maxConnections: EXPORTS_AT_ONCE },
  [`${APP}/reports/export/route.ts`]: { users: ["province"], maxConnections: EXPORTS_AT_ONCE, note: "the province's report" },
  "app/api/health/route.ts": { users: [null], note: "the baseline of every row" },
  "app/locale/route.ts": { form: { locale: "vi" }, expect: [303], note: "the header's language switch" },
  "app/sign-in/route.ts": {
    skip: "sign-in is throttled (10 attempts per account and address in 15 minutes, decision 025): a load of sign-ins measures the lock, and would lock the bench accounts",
  },
  "app/sign-in/code/route.ts": { skip: "the second factor's step: the bench users have none" },
  "app/sign-out/route.ts": { skip: "it ends the session the run signs in with" },
  "app/tra-cuu/xem/route.ts": {
    skip: "the public lookup is limited to 20 a minute per client address (decision 058): a load from the bench's one address measures the 429",
  },
  "app/tra-cuu/danh-gia/route.ts": { skip: "the same limit, and a reply is rated once: a load measures the refusal" },
  // An agency's own account (decision 064): its list, and a petition its agency holds now.
  [`${APP}/agency/page.tsx`]: { users: ["agency"], note: "an agency's account's list (decision 064)" },
  [`${APP}/agency/[id]/page.tsx`]: { users: ["agency"], note: "a petition its agency holds now, with the forms to answer (decision 064)" },
  [`${APP}/agency/[id]/gui/route.ts`]: { skip: "an agency's account's answer writes, one pending result or extension at a time per assignment (decision 064): a load measures the refusal" },
  "app/field/meetings/route.ts": {
    skip: "a meeting form kept offline, sent once per item when a phone comes back online: the meeting form's own chain, loaded as its POST (write: meeting) (decision 071)",
  },
  "app/field/petitions/route.ts": {
    skip: "a petition kept offline, sent once per item when a phone comes back online: the intake's own chain, loaded as its server action (decision 071)",
  },
  "app/co-quan/gui/route.ts": {
    skip: "the agency's answers are limited to 30 a minute per client address (decision 063), and need a live link's token: a load from the bench's one address measures the 429",
  },
};

/** The writes, by the registry row of the action or page a browser's submission reaches. */
export const WRITES: Readonly<Record<string, readonly Omit<WriteTarget, "kind" | "key">[]>> = {
  "lib/petitions/actions.ts#createPetitionAction": [
    { write: "intake-district", label: "write: intake, one district", user: "district", note: "the server action a browser posts from /petitions/new, into villages of one district" },
    { write: "intake-spread", label: "write: intake, over the nation", user: "admin", note: "the same, into villages spread over every province" },
  ],
  "lib/petitions/actions.ts#petitionStepAction": [
    { write: "step", label: "write: workflow step", user: "district", note: "assign, start, resolve or reply, as each open petition of the district allows" },
  ],
  "pages/meetings/new.tsx": [
    { write: "meeting", label: "write: meeting (form POST /meetings/new)", user: "admin", note: "a team's monthly meeting with its roster, as the plain form posts it" },
  ],
};

/** Server actions not put under load: administration done now and then, by few people. */
export const ACTIONS_NOT_LOADED =
  "administration and corrections, done now and then by few people: measured by the integration tests' timings, not under load";

const ACTION_EXCLUSIONS: ReadonlySet<string> = new Set([
  "lib/api/actions.ts#createTokenAction",
  "lib/api/actions.ts#revokeTokenAction",
  "lib/users/actions.ts#changePasswordAction",
  "lib/auth/two-factor/actions.ts#confirmTwoFactorAction",
  "lib/auth/two-factor/actions.ts#resetTwoFactorAction",
  "lib/auth/two-factor/actions.ts#setTwoFactorPolicyAction",
  "lib/users/actions.ts#createUserAction",
  "lib/users/actions.ts#updateUserAction",
  "lib/users/actions.ts#resetPasswordAction",
  "lib/users/actions.ts#setUserActiveAction",
  "lib/users/actions.ts#rehomeUserAction",
  "lib/units/actions.ts#createVillageAction",
  "lib/units/actions.ts#renameVillageAction",
  "lib/units/actions.ts#closeVillageAction",
  "lib/units/actions.ts#moveVillageAction",
  "lib/units/merger/actions.ts#recordMergerAction",
  "lib/units/merger/actions.ts#placeVillageAction",
  "lib/units/merger/actions.ts#placePetitionAction",
  // One per receipt of a petition without a phone (decision 058): an UPDATE of one row and its audit row.
  "lib/lookup/actions.ts#issueLookupNumberAction",
  // Now and then per assigned petition (decision 063): a link reissued or revoked, an agency's answer decided.
  "lib/agency-links/actions.ts#reissueAgencyLinkAction",
  "lib/agency-links/actions.ts#revokeAgencyLinkAction",
  "lib/agency-links/actions.ts#decideAgencyAnswerAction",
  "lib/units/catalogue/actions.ts#uploadCatalogueAction",
  "lib/calendar/actions.ts#addCalendarDayAction",
  "lib/calendar/actions.ts#updateCalendarDayAction",
  "lib/calendar/actions.ts#deleteCalendarDayAction",
  "lib/calendar/actions.ts#restoreCalendarYearAction",
  "lib/petitions/reference/actions.ts#createFieldAction",
  "lib/petitions/reference/actions.ts#updateFieldAction",
  "lib/petitions/reference/actions.ts#setFieldActiveAction",
  "lib/petitions/reference/actions.ts#createAgencyAction",
  "lib/petitions/reference/actions.ts#renameAgencyAction",
  "lib/petitions/reference/actions.ts#setAgencyActiveAction",
  "lib/petitions/reference/actions.ts#setAgencyEmailAction",
  "lib/petitions/actions.ts#editPetitionAction",
  "lib/meetings/actions.ts#editMeetingAction",
  "lib/meetings/actions.ts#unlockMeetingAction",
  "lib/organisations/actions.ts#addMemberAction",
  "lib/organisations/actions.ts#endMembershipAction",
  "lib/organisations/actions.ts#createOrganisationAction",
  "lib/organisations/actions.ts#dissolveOrganisationAction",
  "lib/organisations/actions.ts#mergeOrganisationAction",
  "lib/cadres/actions.ts#createCadreAction",
  "lib/cadres/actions.ts#updateCadreAction",
  "lib/cadres/actions.ts#endCadreAction",
  "lib/cadres/actions.ts#addTrainingAction",
  "lib/cadres/actions.ts#deleteTrainingAction",
  "lib/cadres/actions.ts#importCadresAction",
  "lib/dashboards/actions.ts#setThresholdAction",
  "lib/periodic-reports/actions.ts#startReportAction",
  "lib/periodic-reports/actions.ts#saveReportAction",
  "lib/periodic-reports/actions.ts#refreshReportAction",
  "lib/periodic-reports/actions.ts#decideReportAction",
  "lib/good-practice/actions.ts#registerModelAction",
  "lib/good-practice/actions.ts#buildModelAction",
  "lib/good-practice/actions.ts#assessModelAction",
  "lib/good-practice/actions.ts#recogniseModelAction",
  "lib/good-practice/actions.ts#replicateModelAction",
  "lib/good-practice/actions.ts#addEvidenceAction",
  "lib/periodic-reports/actions.ts#addHotspotAction",
  "lib/periodic-reports/actions.ts#removeHotspotAction",
  "lib/periodic-reports/actions.ts#saveTemplateAction",
  "lib/scoring/actions.ts#saveScoringTemplateAction",
  "lib/scoring/actions.ts#setWeakestShareAction",
  "lib/scoring/actions.ts#saveSheetAction",
  "lib/notifications/actions.ts#markNotificationReadAction",
  "lib/notifications/actions.ts#markAllNotificationsReadAction",
  "lib/notifications/actions.ts#saveNotificationSettingsAction",
  "lib/notifications/actions.ts#saveReminderScheduleAction",
]);

function label(row: PageRow | RouteRow, url: string): string {
  const path = url.replace("{target}", `{${row.target}}`);
  return `${row.kind === "route" ? row.method : "GET"} ${path}`;
}

/** The plan for `registry` (REGISTRY in the app; a smaller one in the unit test). */
export function loadPlan(registry: readonly Entry[]): LoadPlan {
  const targets: LoadTarget[] = [];
  const skipped: Skipped[] = [];
  const warnings: string[] = [];
  let baseline: ReadTarget | undefined;

  // Writes first: the reads that need a record a write makes (a meeting just logged) find it.
  for (const entry of registry) {
    const key = entry.kind === "action" ? entry.name : entry.file;
    for (const w of WRITES[key] ?? []) targets.push({ kind: "write", key, ...w });
  }

  for (const entry of registry) {
    if (entry.kind === "action") {
      if (!WRITES[entry.name] && !ACTION_EXCLUSIONS.has(entry.name)) warnings.push(`server action ${entry.name}: no load target and no reason (lib/bench/load-targets.ts)`);
      else if (!WRITES[entry.name]) skipped.push({ key: entry.name, reason: ACTIONS_NOT_LOADED });
      continue;
    }
    const row = entry as PageRow | RouteRow;
    const over = OVERRIDES[row.file] ?? {};
    if (over.skip) {
      skipped.push({ key: row.file, reason: over.skip });
      continue;
    }
    const method = row.kind === "route" ? row.method : "GET";
    if (method === "POST" && !over.form) {
      warnings.push(`POST ${row.url} (${row.file}): no load target and no reason (lib/bench/load-targets.ts)`);
      continue;
    }
    if (!PICKABLE.has(row.target)) {
      warnings.push(`${row.url} (${row.file}): the run cannot pick a "${row.target}" record (lib/bench/load-ids.ts)`);
      continue;
    }
    const users = over.users ?? [row.permission === "public" ? null : "admin"];
    const url = over.query ? withQuery(row.url, over.query) : row.url;
    for (const user of users) {
      const target: ReadTarget = {
        kind: "read",
        key: row.file,
        label: label(row, url),
        user,
        method,
        url,
        target: row.target,
        expect: over.expect ?? [200],
        ...(over.marker ? { marker: over.marker } : {}),
        ...(over.form ? { form: over.form } : {}),
        ...(over.maxConnections ? { maxConnections: over.maxConnections } : {}),
        ...(over.note ? { note: over.note } : {}),
      };
      if (row.file === "app/api/health/route.ts") baseline = target;
      else targets.push(target);
    }
  }
  if (!baseline) throw new Error("The registry has no /api/health row: the load run has no baseline");
  return { baseline, targets, skipped, warnings };
}

/** `url` with each of `query`'s parameters set (replaced where it has one, else added); placeholders left unencoded. */
export function withQuery(url: string, query: Record<string, string>): string {
  let out = url;
  for (const [key, value] of Object.entries(query)) {
    const param = new RegExp(`([?&]${key}=)[^&]*`);
    out = param.test(out) ? out.replace(param, `$1${value}`) : `${out}${out.includes("?") ? "&" : "?"}${key}=${value}`;
  }
  return out;
}

/** The registry rows the plan must account for, for the test: pages, routes and actions. */
export function registryKeys(registry: readonly Entry[]): string[] {
  return registry.map((e) => (e.kind === "action" ? (e as ActionRow).name : e.file));
}
