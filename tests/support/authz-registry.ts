/**
 * The authorisation registry: every page, route handler and server action of the app, with the
 * permission it needs and the record it is pointed at (decision 024). One row each; a test
 * (tests/support/authz-registry.test.ts) fails when a file or a "use server" export has no
 * row, or a row names nothing that exists. From these rows come the expected outcomes
 * (./authz-matrix.ts), the published table (docs/authorization-matrix.md, `npm run docs:authz`),
 * and the runs that check them: pages and route handlers over HTTP for every demo role
 * (tests/e2e/authz-matrix.spec.ts), server actions through their exported functions for every
 * role (tests/integration/authz-actions.test.ts).
 *
 * Adding a row: copy a neighbour. `permission` is what the code checks (lib/auth/roles.ts);
 * `target` says which record the entry is pointed at (a unit, a petition …, or "none" for a list
 * or a form that is not about one record); `url` is the address with `{target}` where the
 * record's id goes; `only` narrows who reaches a record they did not make.
 */
import type { Permission } from "@/lib/auth/roles";

/** What the entry is pointed at. "none": a list, a form or a file that is not about one record. */
export type Target =
  | "none"
  | "unit"
  /** `id:<id>` (or an official code), as /api/v1 takes a unit. */
  | "unit-ref"
  | "village"
  | "commune"
  | "petition"
  /**
   * A petition as an agency's account meets it (decision 064): for the agency's seat, one its agency holds now, held
   * before, or another agency's (./authz-matrix.ts AGENCY_RELATIONS); for the other seats, a petition in the relation's unit.
   */
  | "held-petition"
  | "petition-received"
  | "petition-attachment"
  | "meeting"
  /** A meeting logged in the last 7 days: corrections close after that (lib/meetings/rules.ts). */
  | "meeting-recent"
  | "meeting-attachment"
  | "organisation"
  | "membership"
  | "cadre"
  | "training"
  | "user"
  | "agency"
  | "token"
  /** A notification: the user's own, or another user's of that unit. */
  | "notification"
  | "merger"
  /** A "Dân vận khéo" model (decision 076), and one of its evidence files. */
  | "good-practice-model"
  | "good-practice-attachment";

/** `signed-in`: any user with a session; `public`: no session needed (sign-in, health). */
export type Requirement = Permission | "signed-in" | "public";

interface Row {
  permission: Requirement;
  target: Target;
  /** A record of someone else needs this permission too (a rule beyond the permission); see `note`. */
  only?: Permission;
  /**
   * Users below a province who do not administer reach records of their own unit only, not of the
   * units below (lib/petitions/reference/agencies.ts `mayChooseUnit`); see `note`.
   */
  ownUnitOnly?: true;
  /**
   * The entry makes something that must live in a unit standing today (an account's home, a cadre): a unit a
   * merger closed into the user's is in reach, but answers as not found (decision 057); see `note`.
   */
  standingUnitOnly?: true;
  /**
   * For the few pages that answer a record out of reach as they answer one that does not exist,
   * but not with a 404: reached means the answer holds this text (the record's form).
   */
  shows?: string;
  note?: string;
}

export interface PageRow extends Row {
  kind: "page";
  /** The file, from the project root. */
  file: string;
  /** The address; `{target}` is the record's id (or official code for `unit-code`). */
  url: string;
}

export interface RouteRow extends Row {
  kind: "route";
  file: string;
  method: "GET" | "POST";
  url: string;
}

export interface ActionRow extends Row {
  kind: "action";
  /** `file#export`: the exported async function of a "use server" file. */
  name: string;
}

export type Entry = PageRow | RouteRow | ActionRow;

const page = (file: string, url: string, permission: Requirement, target: Target = "none", extra: Pick<Row, "only" | "ownUnitOnly" | "shows" | "note"> = {}): PageRow => ({
  kind: "page",
  file,
  url,
  permission,
  target,
  ...extra,
});
const route = (file: string, method: "GET" | "POST", url: string, permission: Requirement, target: Target = "none", extra: Pick<Row, "only" | "ownUnitOnly" | "shows" | "note"> = {}): RouteRow => ({
  kind: "route",
  file,
  method,
  url,
  permission,
  target,
  ...extra,
});
const action = (name: string, permission: Requirement, target: Target, extra: Pick<Row, "only" | "ownUnitOnly" | "standingUnitOnly" | "shows" | "note"> = {}): ActionRow => ({ kind: "action", name, permission, target, ...extra });

const APP = "app/(app)";

/** lib/petitions/reference/agencies.ts `mayChooseUnit`: a district keeps its own list; admins and provinces any below. */
const AGENCY_LIST_KEEPERS = {
  ownUnitOnly: true,
  note: "a district or commune keeps its own list; admins and province users the lists of the units below",
} as const;

export const PAGES: readonly PageRow[] = [
  page("app/login/page.tsx", "/login", "public"),
  page("app/login/code/page.tsx", "/login/code", "public", "none", { note: "without the pending cookie of a right password: back to /login" }),
  page("app/co-quan/page.tsx", "/co-quan", "public", "none", { note: "the agency's page behind its link (`?k=` token); a token that opens nothing, or an address over 30 a minute, answers 404; without `k`, what the page is for (decision 063)" }),
  page("app/tra-cuu/page.tsx", "/tra-cuu", "public", "none", { note: "the citizens' lookup: shows only the petition this browser's lookup opened, without personal data (decision 058)" }),
  page(`${APP}/page.tsx`, "/", "signed-in"),
  page(`${APP}/profile/page.tsx`, "/profile", "signed-in"),
  page(`${APP}/home-closed/page.tsx`, "/home-closed", "signed-in", "none", { note: "the notice of a user whose home unit has closed; anyone else is sent to / (decision 055)" }),
  page(`${APP}/profile/password/page.tsx`, "/profile/password", "signed-in"),
  page(`${APP}/profile/tokens/page.tsx`, "/profile/tokens", "api-token:manage:own"),
  page(`${APP}/profile/two-factor/page.tsx`, "/profile/two-factor", "profile:update:own", "none", { note: "the user's own second factor" }),
  page(`${APP}/profile/notifications/page.tsx`, "/profile/notifications", "profile:update:own", "none", { note: "the user's own channels (decision 062)" }),
  page(`${APP}/notifications/page.tsx`, "/notifications", "notification:read:own", "none", { note: "the user's own notifications only" }),
  page(`${APP}/admin/jobs/page.tsx`, "/admin/jobs", "jobs:read:national", "none", { note: "the job queue of the whole installation (decision 060)" }),
  page(`${APP}/admin/reminders/page.tsx`, "/admin/reminders", "reference:manage:national"),
  page(`${APP}/admin/two-factor/page.tsx`, "/admin/two-factor", "security-policy:manage:national"),
  page(`${APP}/admin/page.tsx`, "/admin", "admin:access"),
  page(`${APP}/admin/calendar/page.tsx`, "/admin/calendar", "reference:manage:national"),
  page(`${APP}/admin/fields/page.tsx`, "/admin/fields", "reference:manage:national"),
  page(`${APP}/admin/units/import/page.tsx`, "/admin/units/import", "reference:manage:national"),
  page(`${APP}/admin/units/mergers/new/page.tsx`, "/admin/units/mergers/new", "reference:manage:national"),
  page(`${APP}/admin/audit/page.tsx`, "/admin/audit", "admin:access", "none", { note: "rows of users inside the admin's reach only" }),
  page(`${APP}/admin/units/placement/page.tsx`, "/admin/units/placement", "unit:manage:subtree"),
  page(`${APP}/admin/users/page.tsx`, "/admin/users", "user:manage:subtree"),
  page(`${APP}/admin/users/new/page.tsx`, "/admin/users/new", "user:manage:subtree"),
  page(`${APP}/admin/users/[id]/page.tsx`, "/admin/users/{target}", "user:manage:subtree", "user"),
  page(`${APP}/admin/users/stranded/page.tsx`, "/admin/users/stranded", "user:manage:subtree", "none", { note: "accounts homed on a closed unit inside the admin's reach (decision 055)" }),
  page(`${APP}/units/[id]/page.tsx`, "/units/{target}", "organisation:read:subtree", "unit"),
  page(`${APP}/organisation/page.tsx`, "/organisation", "organisation:read:subtree"),
  page(`${APP}/organisations/[id]/page.tsx`, "/organisations/{target}", "organisation:read:subtree", "organisation"),
  page(`${APP}/cadres/page.tsx`, "/cadres", "organisation:read:subtree"),
  page(`${APP}/cadres/new/page.tsx`, "/cadres/new", "cadre:manage:subtree"),
  page(`${APP}/cadres/import/page.tsx`, "/cadres/import", "cadre:manage:subtree"),
  page(`${APP}/cadres/[id]/page.tsx`, "/cadres/{target}", "organisation:read:subtree", "cadre"),
  page(`${APP}/agency/page.tsx`, "/agency", "agency-petition:read:agency", "none", { note: "an agency's account: the petitions its agency holds or held (decision 064)" }),
  page(`${APP}/agency/[id]/page.tsx`, "/agency/{target}", "agency-petition:read:agency", "held-petition", { note: "its agency's petition, held now (the link's page and forms) or before (what it sent)" }),
  page(`${APP}/petitions/page.tsx`, "/petitions", "petition:read:subtree"),
  page(`${APP}/petitions/new/page.tsx`, "/petitions/new", "petition:create:subtree"),
  page(`${APP}/petitions/agencies/page.tsx`, "/petitions/agencies?unit={target}", "petition:read:subtree", "unit"),
  page(`${APP}/petitions/[id]/page.tsx`, "/petitions/{target}", "petition:read:subtree", "petition"),
  page(`${APP}/petitions/[id]/receipt/page.tsx`, "/petitions/{target}/receipt", "petition:read:subtree", "petition"),
  page(`${APP}/petitions/[id]/edit/page.tsx`, "/petitions/{target}/edit", "petition:update:subtree", "petition-received", {
    note: "the workflow's edit step: handlers while open; a commune secretary on their own petition until it is assigned",
  }),
  page(`${APP}/meetings/page.tsx`, "/meetings", "meeting:read:subtree"),
  page(`${APP}/meetings/compliance/page.tsx`, "/meetings/compliance?unit={target}", "meeting:read:subtree", "unit"),
  page(`${APP}/meetings/[id]/page.tsx`, "/meetings/{target}", "meeting:read:subtree", "meeting"),
  page(`${APP}/meetings/[id]/edit/page.tsx`, "/meetings/{target}/edit", "meeting:create:subtree", "meeting-recent", {
    only: "meeting:correct:subtree",
    note: "its author, or whoever keeps the unit's meetings (the meetings duty), for 7 days after logging (lib/meetings/rules.ts)",
  }),
  page("pages/meetings/new.tsx", "/meetings/new?kind=TEAM_MONTHLY&target=org:{target}", "meeting:create:subtree", "organisation", {
    shows: 'name="idempotencyKey"',
    note: "a team out of reach shows the choosing steps again, as one that does not exist (decision 019): no form",
  }),
  page(`${APP}/reports/page.tsx`, "/reports?unit={target}", "report:read:subtree", "unit"),
  page(`${APP}/scoring/page.tsx`, "/scoring?unit={target}", "report:read:subtree", "unit", { note: "the ranking of the unit's villages for a scoring period, its distribution, map and weakest share (decision 078)" }),
  page(`${APP}/scoring/templates/page.tsx`, "/scoring/templates?unit={target}", "scoring:configure:subtree", "unit", { note: "a province's scoring template and weakest share; below a province, the notice that its province keeps it" }),
  page(`${APP}/scoring/sheet/page.tsx`, "/scoring/sheet?village={target}&period=2026", "scoring:score:subtree", "village", { note: "a village's scoring sheet of a period, in reach" }),
  page(`${APP}/reports/periodic/page.tsx`, "/reports/periodic?unit={target}", "periodic-report:read:subtree", "unit", { note: "the unit's periodic report of a period and the reports of the units below it (decision 066)" }),
  page(`${APP}/reports/periodic/report/page.tsx`, "/reports/periodic/report?unit={target}&period=2026-03", "periodic-report:read:subtree", "unit", { note: "one unit's report of a period; its steps are offered to its own unit's writers and to the level it goes to" }),
  page(`${APP}/reports/periodic/report/print/page.tsx`, "/reports/periodic/report/print?unit={target}&period=2026-03", "periodic-report:read:subtree", "unit", { note: "the report laid out as a Party body's report, for printing (decision 067); a unit in reach without a report of the period: said so" }),
  page(`${APP}/models/page.tsx`, "/models", "good-practice:read:subtree", "none", { note: "the models of the reach (decision 076)" }),
  page(`${APP}/models/new/page.tsx`, "/models/new", "good-practice:write:subtree", "none", { note: "registers for the home unit or a unit just below it" }),
  page(`${APP}/models/[id]/page.tsx`, "/models/{target}", "good-practice:read:subtree", "good-practice-model", { note: "the model, its steps offered by duty and level" }),
  page(`${APP}/reports/periodic/hotspots/page.tsx`, "/reports/periodic/hotspots?unit={target}&period=2026-03", "periodic-report:read:subtree", "unit", { note: "hotspots of public opinion listed by the reports sent in the unit's subtree (decision 080)" }),
  page(`${APP}/admin/report-templates/page.tsx`, "/admin/report-templates", "periodic-template:manage:subtree", "none", { note: "the templates that apply below a province's or the nation's administrator (decision 080)" }),
  page(`${APP}/admin/report-templates/edit/page.tsx`, "/admin/report-templates/edit?level=COMMUNE&kind=MONTH", "periodic-template:manage:subtree", "none", { note: "one template's form; a used version is kept and saving makes the next" }),
  page(`${APP}/reports/periodic/inbox/page.tsx`, "/reports/periodic/inbox", "periodic-report:approve:subtree", "none", { note: "reports sent to the user's unit (or one that closed into it) awaiting its decision" }),
];

export const ROUTES: readonly RouteRow[] = [
  route("app/sign-in/route.ts", "POST", "/sign-in", "public", "none", { note: "the one way in; same-site forms only" }),
  route("app/sign-in/code/route.ts", "POST", "/sign-in/code", "public", "none", { note: "the second factor's step; needs the pending cookie of a right password" }),
  route("app/api/health/route.ts", "GET", "/api/health", "public"),
  route("app/co-quan/gui/route.ts", "POST", "/co-quan/gui", "public", "none", { note: "the agency's answer through its link: same-site forms only, the reply document's size checked before reading, 30 a minute per client address; a token that opens nothing answers 404, a post naming no link goes back to /co-quan (decision 063)" }),
  route("app/tra-cuu/xem/route.ts", "POST", "/tra-cuu/xem", "public", "none", { note: "a code and digits open one petition; same-site forms only; 20 a minute per client address (decision 058)" }),
  route("app/tra-cuu/danh-gia/route.ts", "POST", "/tra-cuu/danh-gia", "public", "none", { note: "rates the petition this browser's lookup opened, once its reply is sent; same-site forms only" }),
  route("app/sign-out/route.ts", "POST", "/sign-out", "public", "none", { note: "signs out whoever calls it; without a session it only clears cookies" }),
  route("app/locale/route.ts", "POST", "/locale", "public", "none", { note: "sets the language cookie" }),
  route("app/field/meetings/route.ts", "POST", "/field/meetings", "meeting:create:subtree", "none", { note: "a meeting form kept offline, sent by the service worker: the meeting form's own chain and scope; a refusal answers 200 with its messages; the one gate (decision 082): no session, or a password change, second factor or closed home unit first, 401; another user's item 409 (decision 071)" }),
  route("app/field/petitions/route.ts", "POST", "/field/petitions", "petition:create:subtree", "none", { note: "a petition taken in offline, sent by the service worker: the intake's own chain and scope; as /field/meetings (decision 071)" }),
  route("app/api/v1/openapi.json/route.ts", "GET", "/api/v1/openapi.json", "signed-in"),
  route("app/api/v1/units/route.ts", "GET", "/api/v1/units?q=vinh", "organisation:read:subtree"),
  route("app/api/v1/units/[code]/route.ts", "GET", "/api/v1/units/{target}", "organisation:read:subtree", "unit-ref"),
  route("app/api/v1/petitions/route.ts", "GET", "/api/v1/petitions", "petition:read:subtree"),
  route("app/api/v1/petitions/[id]/route.ts", "GET", "/api/v1/petitions/{target}", "petition:read:subtree", "petition"),
  route("app/api/v1/meetings/route.ts", "GET", "/api/v1/meetings", "meeting:read:subtree"),
  route("app/api/v1/meetings/[id]/route.ts", "GET", "/api/v1/meetings/{target}", "meeting:read:subtree", "meeting"),
  route("app/api/v1/notifications/route.ts", "GET", "/api/v1/notifications", "notification:read:own", "none", { note: "the user's own notifications only" }),
  route("app/api/v1/rollup/route.ts", "GET", "/api/v1/rollup?unit={target}&from=2026-01-01&to=2026-03-31", "report:read:subtree", "unit-ref"),
  route("app/api/choices/units/route.ts", "GET", "/api/choices/units?q=lap", "organisation:read:subtree", "none", { note: "units of the user's subtree, for choice boxes" }),
  route("app/api/choices/agencies/route.ts", "GET", "/api/choices/agencies", "petition:read:subtree", "none", { note: "agencies the user reaches, for choice boxes" }),
  route(`${APP}/agency/[id]/gui/route.ts`, "POST", "/agency/{target}/gui", "agency-petition:answer:agency", "held-petition", {
    note: "an agency's account answers as its link does, on a petition its agency holds now; same-site forms only, the body's size checked before reading (decision 064)",
  }),
  route(`${APP}/petitions/export/route.ts`, "GET", "/petitions/export", "petition:read:subtree"),
  route(`${APP}/petitions/similar/route.ts`, "GET", "/petitions/similar?content=%C4%91%C6%B0%E1%BB%9Dng%20li%C3%AAn%20th%C3%B4n", "petition:create:subtree"),
  route(`${APP}/petitions/[id]/attachments/[attachmentId]/route.ts`, "GET", "/petitions/{target}", "petition:read:subtree", "petition-attachment"),
  route(`${APP}/models/[id]/attachments/[attachmentId]/route.ts`, "GET", "/models/{target}", "good-practice:read:subtree", "good-practice-attachment"),
  route(`${APP}/meetings/[id]/attachments/[attachmentId]/route.ts`, "GET", "/meetings/{target}", "meeting:read:subtree", "meeting-attachment"),
  route(`${APP}/cadres/export/route.ts`, "GET", "/cadres/export", "organisation:read:subtree"),
  route(`${APP}/cadres/template/route.ts`, "GET", "/cadres/template", "cadre:manage:subtree"),
  route(`${APP}/reports/export/route.ts`, "GET", "/reports/export?unit={target}", "report:read:subtree", "unit"),
  route(`${APP}/scoring/export/route.ts`, "GET", "/scoring/export?unit={target}&period=2026", "report:read:subtree", "unit", { note: "the ranking as an xlsx in the template's layout, audited (decision 078)" }),
  route(`${APP}/reports/periodic/report/docx/route.ts`, "GET", "/reports/periodic/report/docx?unit={target}&period=2026-03", "periodic-report:read:subtree", "unit", { note: "the report as a .docx in the Party's format (decision 067), audited; a unit in reach without a report of the period: sent to its report page (303)" }),
  route("app/api/v1/periodic-reports/route.ts", "GET", "/api/v1/periodic-reports?unit={target}&period=2026-03", "periodic-report:read:subtree", "unit-ref"),
];

export const ACTIONS: readonly ActionRow[] = [
  action("lib/api/actions.ts#createTokenAction", "api-token:manage:own", "none"),
  action("lib/api/actions.ts#revokeTokenAction", "api-token:manage:own", "token", { note: "only the user's own tokens: another user's token is not found" }),
  action("lib/users/actions.ts#changePasswordAction", "profile:update:own", "none"),
  action("lib/notifications/actions.ts#markNotificationReadAction", "notification:read:own", "notification", { note: "only the user's own notifications: another user's is not found" }),
  action("lib/notifications/actions.ts#markAllNotificationsReadAction", "notification:read:own", "none", { note: "the user's own notifications" }),
  action("lib/notifications/actions.ts#saveNotificationSettingsAction", "profile:update:own", "none", { note: "the user's own channels" }),
  action("lib/notifications/actions.ts#saveReminderScheduleAction", "reference:manage:national", "none", { note: "national reference data: in no unit" }),
  action("lib/auth/two-factor/actions.ts#confirmTwoFactorAction", "profile:update:own", "none", { note: "the user's own enrolment" }),
  action("lib/auth/two-factor/actions.ts#resetTwoFactorAction", "user:manage:subtree", "user"),
  action("lib/auth/two-factor/actions.ts#setTwoFactorPolicyAction", "security-policy:manage:national", "none"),
  action("lib/users/actions.ts#createUserAction", "user:manage:subtree", "unit", { standingUnitOnly: true, note: "the new account's home must stand today" }),
  action("lib/users/actions.ts#updateUserAction", "user:manage:subtree", "user"),
  action("lib/users/actions.ts#resetPasswordAction", "user:manage:subtree", "user"),
  action("lib/users/actions.ts#setUserActiveAction", "user:manage:subtree", "user"),
  action("lib/users/actions.ts#rehomeUserAction", "user:manage:subtree", "user", { note: "an account homed on a closed unit, to a home offered in reach (decision 055)" }),
  action("lib/units/actions.ts#createVillageAction", "village:manage:subtree", "commune"),
  action("lib/units/actions.ts#renameVillageAction", "village:manage:subtree", "village"),
  action("lib/units/actions.ts#closeVillageAction", "village:manage:subtree", "village"),
  action("lib/units/actions.ts#moveVillageAction", "village:manage:subtree", "village"),
  action("lib/units/merger/actions.ts#recordMergerAction", "reference:manage:national", "merger"),
  action("lib/units/merger/actions.ts#placeVillageAction", "unit:manage:subtree", "village"),
  action("lib/units/merger/actions.ts#placePetitionAction", "unit:manage:subtree", "petition", { note: "an open petition of a split unit, to one of its successors in reach (decision 055)" }),
  action("lib/units/catalogue/actions.ts#uploadCatalogueAction", "reference:manage:national", "none"),
  action("lib/calendar/actions.ts#addCalendarDayAction", "reference:manage:national", "none"),
  action("lib/calendar/actions.ts#updateCalendarDayAction", "reference:manage:national", "none", { note: "national reference data: in no unit" }),
  action("lib/calendar/actions.ts#deleteCalendarDayAction", "reference:manage:national", "none", { note: "national reference data: in no unit" }),
  action("lib/calendar/actions.ts#restoreCalendarYearAction", "reference:manage:national", "none"),
  action("lib/petitions/reference/actions.ts#createFieldAction", "reference:manage:national", "none"),
  action("lib/petitions/reference/actions.ts#updateFieldAction", "reference:manage:national", "none", { note: "national reference data: in no unit" }),
  action("lib/petitions/reference/actions.ts#setFieldActiveAction", "reference:manage:national", "none", { note: "national reference data: in no unit" }),
  action("lib/petitions/reference/actions.ts#createAgencyAction", "agency:manage:subtree", "unit", AGENCY_LIST_KEEPERS),
  action("lib/petitions/reference/actions.ts#renameAgencyAction", "agency:manage:subtree", "agency", AGENCY_LIST_KEEPERS),
  action("lib/petitions/reference/actions.ts#setAgencyActiveAction", "agency:manage:subtree", "agency", AGENCY_LIST_KEEPERS),
  action("lib/petitions/reference/actions.ts#setAgencyEmailAction", "agency:manage:subtree", "agency", AGENCY_LIST_KEEPERS),
  action("lib/petitions/actions.ts#createPetitionAction", "petition:create:subtree", "unit"),
  action("lib/petitions/actions.ts#petitionStepAction", "petition:update:subtree", "petition", { note: "each step's permission is in the workflow table (lib/petitions/workflow.ts); the matrix runs `reject` (a handling step)" }),
  action("lib/lookup/actions.ts#issueLookupNumberAction", "petition:create:subtree", "petition", { note: "a petition without a phone only: one with a phone is looked up by its digits (decision 058)" }),
  action("lib/agency-links/actions.ts#reissueAgencyLinkAction", "petition:update:subtree", "petition", { note: "a new link for the current assignment; the old one stops working (decision 063)" }),
  action("lib/agency-links/actions.ts#revokeAgencyLinkAction", "petition:update:subtree", "petition", { note: "after a confirmation; audited" }),
  action("lib/agency-links/actions.ts#decideAgencyAnswerAction", "petition:update:subtree", "petition", { note: "accepts or refuses what the agency proposed; an accepted result is the resolve step (decision 063)" }),
  action("lib/petitions/actions.ts#editPetitionAction", "petition:update:subtree", "petition-received", { note: "a commune secretary also corrects their own petition until it is assigned" }),
  action("lib/meetings/actions.ts#editMeetingAction", "meeting:create:subtree", "meeting-recent", {
    only: "meeting:correct:subtree",
    note: "its author, or whoever keeps the unit's meetings (the meetings duty), for 7 days after logging",
  }),
  action("lib/meetings/actions.ts#unlockMeetingAction", "meeting:unlock:subtree", "meeting"),
  action("lib/organisations/actions.ts#addMemberAction", "organisation:manage:subtree", "organisation"),
  action("lib/organisations/actions.ts#endMembershipAction", "organisation:manage:subtree", "membership"),
  action("lib/organisations/actions.ts#createOrganisationAction", "organisation:manage:subtree", "commune"),
  action("lib/organisations/actions.ts#dissolveOrganisationAction", "organisation:manage:subtree", "organisation"),
  action("lib/organisations/actions.ts#mergeOrganisationAction", "organisation:manage:subtree", "organisation", { note: "into an organisation in the user's own reach" }),
  action("lib/cadres/actions.ts#createCadreAction", "cadre:manage:subtree", "unit", { standingUnitOnly: true, note: "a cadre is registered in a commune or village standing today" }),
  action("lib/cadres/actions.ts#updateCadreAction", "cadre:manage:subtree", "cadre"),
  action("lib/cadres/actions.ts#endCadreAction", "cadre:manage:subtree", "cadre"),
  action("lib/cadres/actions.ts#addTrainingAction", "cadre:manage:subtree", "cadre"),
  action("lib/cadres/actions.ts#deleteTrainingAction", "cadre:manage:subtree", "training"),
  action("lib/cadres/actions.ts#importCadresAction", "cadre:manage:subtree", "none"),
  action("lib/dashboards/actions.ts#setThresholdAction", "report:configure:subtree", "unit"),
  action("lib/good-practice/actions.ts#registerModelAction", "good-practice:write:subtree", "unit", { standingUnitOnly: true, note: "for a unit of the reach standing today (decision 076); the nation registers none, refused by name" }),
  action("lib/good-practice/actions.ts#buildModelAction", "good-practice:write:subtree", "good-practice-model"),
  action("lib/good-practice/actions.ts#assessModelAction", "good-practice:assess:subtree", "good-practice-model"),
  action("lib/good-practice/actions.ts#recogniseModelAction", "good-practice:assess:subtree", "good-practice-model", { note: "at a level at or below the user's, at or above the model's unit; a level not theirs refused by name" }),
  action("lib/good-practice/actions.ts#replicateModelAction", "good-practice:write:subtree", "good-practice-model", { standingUnitOnly: true, note: "the adopting village or commune must stand today and lie in reach" }),
  action("lib/good-practice/actions.ts#addEvidenceAction", "good-practice:write:subtree", "good-practice-model"),
  action("lib/scoring/actions.ts#saveScoringTemplateAction", "scoring:configure:subtree", "unit", { note: "a province's (or the nation's) template; another level in reach is refused by name (decision 078)" }),
  action("lib/scoring/actions.ts#setWeakestShareAction", "scoring:configure:subtree", "unit", { note: "a province's (or the nation's) share; another level in reach is refused by name" }),
  action("lib/scoring/actions.ts#saveSheetAction", "scoring:score:subtree", "village", { note: "a village in reach; without a template that applies, refused by name" }),
  action("lib/periodic-reports/actions.ts#startReportAction", "periodic-report:write:subtree", "unit", { note: "only the unit's own people start its report: another unit in reach is refused by name (decision 066)" }),
  action("lib/periodic-reports/actions.ts#saveReportAction", "periodic-report:write:subtree", "unit", { note: "a report of the unit's own, while it is a draft or returned" }),
  action("lib/periodic-reports/actions.ts#refreshReportAction", "periodic-report:write:subtree", "unit", { note: "a report of the unit's own, while it is a draft or returned" }),
  action("lib/periodic-reports/actions.ts#addHotspotAction", "periodic-report:write:subtree", "unit", { note: "a hotspot in a report of the unit's own while it is a draft or returned, placed in its subtree (decision 080)" }),
  action("lib/periodic-reports/actions.ts#removeHotspotAction", "periodic-report:write:subtree", "unit", { note: "confirmed; a report of the unit's own while it is a draft or returned" }),
  action("lib/periodic-reports/actions.ts#saveTemplateAction", "periodic-template:manage:subtree", "none", { note: "a province's or the nation's administrator; a used version is kept and the next made (decision 080)" }),
  action("lib/periodic-reports/actions.ts#decideReportAction", "periodic-report:approve:subtree", "unit", { note: "approve, return or reopen: only the level the report goes to; in reach otherwise, refused by name" }),
];

export const REGISTRY: readonly Entry[] = [...PAGES, ...ROUTES, ...ACTIONS];

/** The row's key: the file for pages and routes, `file#export` for actions. */
export function keyOf(entry: Entry): string {
  return entry.kind === "action" ? entry.name : entry.file;
}
