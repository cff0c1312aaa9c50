/**
 * What the query-plan test (tests/integration/query-plans.test.ts) runs: every page, route handler
 * and server action of the registry (./authz-registry.ts) for a user, on the records of that
 * user's reach, plus the filters each list offers (VARIANTS). Each run sends the statements the
 * app sends; the test explains them. The records are looked up in whatever database the app's
 * client points at (the demo seed, or the generated national database), always through the
 * scope builders, so that each user is shown their own.
 */
import path from "node:path";
import { createElement, type ComponentType, type ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { cadreCursorAfter } from "@/lib/cadres/queries";
import { agencyWhereFor, cadreWhereFor, goodPracticeWhereFor, heldPetitionWhereFor, meetingWhereFor, organisationWhereFor, petitionWhereFor, unitWhereFor, userWhereFor } from "@/lib/auth/scope";
import { tokenOf } from "@/lib/agency-links/links";
import { db } from "@/lib/db/client";
import { isoDay, todayInVietnam, addDaysUtc } from "@/lib/time";
import type { PageRow, RouteRow, Target } from "./authz-registry";
import { nextControlFlow, renderServer } from "./render-server";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The id (or path part) each kind of record is pointed at for one user; null: none in this database. */
export type Targets = Partial<Record<Target, string | null>>;

/** Values for the VARIANTS' placeholders, per user. */
export type Vars = Record<string, string | null>;

const newest = { orderBy: { id: "desc" as const } };

/** The records of the user's reach each registry target kind stands for. */
export async function discoverTargets(actor: Actor): Promise<Targets> {
  const inReach = unitWhereFor(actor);
  const unitOf = async (level: "VILLAGE" | "COMMUNE") =>
    (await db.unit.findFirst({ where: { AND: [inReach, { level, validTo: null }] }, ...newest, select: { id: true } }))?.id ?? null;
  const petition = await db.petition.findFirst({ where: petitionWhereFor(actor), ...newest, select: { id: true } });
  // An agency's account meets the petitions its agency holds or held (decision 064); anyone else, their own.
  const held = await db.petition.findFirst({ where: heldPetitionWhereFor(actor), ...newest, select: { id: true } });
  const received = await db.petition.findFirst({ where: { AND: [petitionWhereFor(actor), { status: "RECEIVED" }] }, ...newest, select: { id: true } });
  const petitionFile = await db.attachment.findFirst({ where: { petition: petitionWhereFor(actor) }, ...newest, select: { id: true, petitionId: true } });
  const meeting = await db.meeting.findFirst({ where: meetingWhereFor(actor), ...newest, select: { id: true } });
  const recent = await db.meeting.findFirst({ where: { AND: [meetingWhereFor(actor), { createdAt: { gte: new Date(Date.now() - 6 * 86_400_000) } }] }, ...newest, select: { id: true } });
  const meetingFile = await db.attachment.findFirst({ where: { meeting: meetingWhereFor(actor) }, ...newest, select: { id: true, meetingId: true } });
  const organisation = await db.organisation.findFirst({ where: { AND: [organisationWhereFor(actor), { kind: "TEAM" }] }, ...newest, select: { id: true } });
  const membership = await db.membership.findFirst({ where: { organisation: organisationWhereFor(actor) }, ...newest, select: { id: true } });
  const cadre = await db.cadre.findFirst({ where: cadreWhereFor(actor), ...newest, select: { id: true } });
  const training = await db.trainingRecord.findFirst({ where: { cadre: cadreWhereFor(actor) }, ...newest, select: { id: true } });
  const user = await db.user.findFirst({ where: { AND: [userWhereFor(actor), { id: { not: actor.userId } }] }, ...newest, select: { id: true } });
  const agency = await db.agency.findFirst({ where: agencyWhereFor(actor), ...newest, select: { id: true } });
  const token = await db.apiToken.findFirst({ where: { userId: actor.userId }, ...newest, select: { id: true } });
  const model = await db.goodPracticeModel.findFirst({ where: goodPracticeWhereFor(actor), ...newest, select: { id: true } });
  const modelFile = await db.attachment.findFirst({ where: { goodPracticeModel: goodPracticeWhereFor(actor) }, ...newest, select: { id: true, goodPracticeModelId: true } });
  const str = (v: { id: number } | null) => (v ? String(v.id) : null);
  return {
    "good-practice-model": str(model),
    "good-practice-attachment": modelFile ? `${modelFile.goodPracticeModelId}/attachments/${modelFile.id}` : null,
    none: "",
    unit: String(actor.unit.id),
    "unit-ref": `id:${actor.unit.id}`,
    village: (await unitOf("VILLAGE"))?.toString() ?? null,
    commune: (await unitOf("COMMUNE"))?.toString() ?? null,
    petition: str(petition),
    "held-petition": str(held ?? petition),
    "petition-received": str(received),
    "petition-attachment": petitionFile ? `${petitionFile.petitionId}/attachments/${petitionFile.id}` : null,
    meeting: str(meeting),
    "meeting-recent": str(recent),
    "meeting-attachment": meetingFile ? `${meetingFile.meetingId}/attachments/${meetingFile.id}` : null,
    organisation: str(organisation),
    membership: str(membership),
    cadre: str(cadre),
    training: str(training),
    user: str(user),
    agency: str(agency),
    token: str(token),
    merger: null,
  };
}

/** The VARIANTS' placeholders for one user: a child unit, a field, an agency, days, a second page's cursor. */
export async function discoverVars(actor: Actor): Promise<Vars> {
  const child = await db.unit.findFirst({ where: { parentId: actor.unit.id, validTo: null }, orderBy: { id: "asc" }, select: { id: true } });
  const cadreKey = { id: true, searchName: true, unitId: true, unit: { select: { searchName: true } } } as const;
  const firstCadre = await db.cadre.findFirst({ where: { AND: [cadreWhereFor(actor), { endedOn: null }] }, orderBy: [{ searchName: "asc" }, { id: "asc" }], select: cadreKey });
  const firstByUnit = await db.cadre.findFirst({
    where: { AND: [cadreWhereFor(actor), { endedOn: null }] },
    orderBy: [{ unit: { searchName: "asc" } }, { unitId: "asc" }, { searchName: "asc" }, { id: "asc" }],
    select: cadreKey,
  });
  const field = await db.petitionField.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  const agency = await db.agency.findFirst({ where: agencyWhereFor(actor), orderBy: { id: "asc" }, select: { id: true } });
  const today = todayInVietnam();
  // The newest link still open of a petition in reach: the agency's page (decision 063), as its agency opens it.
  const link = await db.agencyLink.findFirst({ where: { revokedAt: null, expiresAt: { gt: new Date() }, petition: petitionWhereFor(actor) }, orderBy: { id: "desc" }, select: { sealedToken: true } });
  return {
    agencyToken: link ? tokenOf(link) : null,
    child: String(child?.id ?? actor.unit.id),
    field: field ? String(field.id) : null,
    agency: agency ? String(agency.id) : null,
    today: isoDay(today),
    ago91: isoDay(addDaysUtc(today, -91)),
    ago365: isoDay(addDaysUtc(today, -365)),
    username: actor.username,
    cadreCursor: firstCadre ? cadreCursorAfter(firstCadre, "name") : null,
    cadreUnitCursor: firstByUnit ? cadreCursorAfter(firstByUnit, "unit") : null,
  };
}

/**
 * The filters and orders each list offers, as extra addresses of its page or route (the
 * registry's own address runs too). `{name}` is a placeholder of `discoverVars`; a variant whose
 * placeholder has no value for the user is left out. Keys are registry files: a key that names
 * no page or route fails the test.
 */
export const VARIANTS: Record<string, readonly string[]> = {
  "app/co-quan/page.tsx": ["/co-quan?k={agencyToken}"],
  // An agency's account's list (decision 064): held now or no longer, each order, a search, a second page.
  "app/(app)/agency/page.tsx": ["/agency?state=dang-giu", "/agency?state=da-xong&sort=dueOn&dir=asc", "/agency?sort=code", "/agency?q=duong", "/agency?page=2"],
  "app/(app)/petitions/page.tsx": [
    "/petitions?status=RECEIVED,ASSIGNED,IN_PROGRESS",
    "/petitions?status=CLOSED",
    "/petitions?status=REJECTED,MERGED",
    "/petitions?overdue=1",
    "/petitions?dueWithin=7",
    "/petitions?field={field}",
    "/petitions?field={field}&from={ago91}&to={today}",
    "/petitions?from={ago365}",
    "/petitions?channel=LETTER",
    "/petitions?agency={agency}",
    "/petitions?unit={child}",
    "/petitions?resolution=EXPLAINED",
    // The dashboards' figures of a period (lib/dashboards/links.ts).
    "/petitions?dateOf=resolved&from={ago91}&to={today}",
    "/petitions?dateOf=resolved&from={ago365}&to={today}&resolution=SETTLED",
    "/petitions?unit={child}&dateOf=resolved&from={ago91}&to={today}",
    "/petitions?dateOf=reopened&from={ago365}&to={today}",
    "/petitions?dateOf=escalated&from={ago91}&to={today}",
    // Escalated petitions waiting for a take-over (decision 054).
    "/petitions?awaiting=1",
    "/petitions?q=nguyen%20van",
    "/petitions?q=duong",
    "/petitions?sort=dueOn&dir=asc",
    "/petitions?sort=code&dir=desc",
    "/petitions?sort=receivedOn&dir=asc",
    "/petitions?status=CLOSED&sort=code",
    "/petitions?q=duong&sort=code",
  ],
  "app/api/v1/petitions/route.ts": ["/api/v1/petitions?limit=5&status=RECEIVED", "/api/v1/petitions?unit=id:{child}&q=nguyen", "/api/v1/petitions?awaiting=1"],
  "app/(app)/petitions/export/route.ts": ["/petitions/export?format=csv&overdue=1"],
  "app/(app)/meetings/page.tsx": ["/meetings?kind=TEAM_MONTHLY", "/meetings?kind=QUARTERLY_BRIEFING", "/meetings?unit={child}", "/meetings?from={ago91}&to={today}", "/meetings?dir=asc"],
  "app/api/v1/meetings/route.ts": ["/api/v1/meetings?kind=BLOC&limit=5"],
  // The choosing steps of decision 053: a field visit's communes and villages of the reach, the own unit's conference.
  "pages/meetings/new.tsx": ["/meetings/new?kind=FIELD_VISIT", "/meetings/new?kind=CONFERENCE", "/meetings/new?kind=FIELD_VISIT&target=unit:{child}"],
  "app/(app)/cadres/page.tsx": [
    "/cadres?q=nguyen",
    "/cadres?unit={child}",
    "/cadres?unitText=xa",
    "/cadres?status=ended",
    "/cadres?status=all&party=yes",
    "/cadres?sort=unit",
    "/cadres?cursor={cadreCursor}",
    "/cadres?sort=unit&cursor={cadreUnitCursor}",
  ],
  "app/(app)/admin/audit/page.tsx": [
    "/admin/audit?user={username}",
    "/admin/audit?action=petition.create",
    "/admin/audit?entity=Petition",
    "/admin/audit?entity=Petition&record=1",
    "/admin/audit?from={ago91}&to={today}",
  ],
  "app/(app)/admin/users/stranded/page.tsx": ["/admin/users/stranded?sort=closed", "/admin/users/stranded?sort=unit&page=2", "/admin/users/stranded?moved=1"],
  "app/(app)/admin/units/placement/page.tsx": ["/admin/units/placement?psort=code", "/admin/units/placement?ppage=2", "/admin/units/placement?placed=1"],
  "app/(app)/admin/users/page.tsx": ["/admin/users?q=nguyen", "/admin/users?role=DISTRICT_STAFF", "/admin/users?active=false", "/admin/users?sort=lastLoginAt&dir=desc", "/admin/users?page=2"],
  "app/(app)/reports/page.tsx": ["/reports?unit={child}", "/reports?unit={child}&view=historical"],
  "app/api/v1/units/route.ts": ["/api/v1/units?q=xa"],
};

/** The address with its placeholders filled, or null when one has no value for this user. */
export function fill(url: string, vars: Vars): string | null {
  let missing = false;
  const out = url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === null || value === undefined) missing = true;
    return value ?? "";
  });
  return missing ? null : out;
}

/** The route's dynamic segments read from the address: `app/(app)/petitions/[id]/page.tsx` on `/petitions/12`. */
export function paramsOf(file: string, pathname: string): Record<string, string> {
  const segments = file
    .replace(/^app\//, "")
    .replace(/^pages\//, "")
    .replace(/\/?(page|route)\.(tsx|ts)$/, "")
    .replace(/\.(tsx|ts)$/, "")
    .split("/")
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  const parts = pathname.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, i) => {
    const m = /^\[(\w+)\]$/.exec(segment);
    if (m && parts[i] !== undefined) params[m[1]] = decodeURIComponent(parts[i]);
  });
  return params;
}

function searchParamsOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The address of a registry row for a user, or null when the database holds no such record for them. */
export function urlFor(row: PageRow | RouteRow, targets: Targets): string | null {
  if (row.target === "none") return row.url;
  const id = targets[row.target];
  return id ? row.url.replace("{target}", id) : null;
}

/** How a run ended: "ok", the page's own answer (a redirect, not found), or "failed: …". */
export type Outcome = string;

/** A failure, told in a line; a write refused by a read-only session (the bench) is said so. */
function failure(error: unknown): Outcome {
  const text = String((error as Error)?.stack ?? error);
  if (/read-only transaction|25006/.test(text)) return "read-only";
  return `failed: ${text.split("\n").slice(0, 4).join(" | ")}`;
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}

/** The App Router layouts above a page (the root layout is HTML and fonts only: left out). */
function layoutsOf(file: string): string[] {
  return file.startsWith("app/(app)/") ? ["app/(app)/layout.tsx"] : [];
}

/**
 * Runs an App Router page as Next.js would on a request: its metadata, its layouts around it,
 * every async server component awaited (./render-server.ts).
 */
export async function runAppPage(file: string, url: string): Promise<Outcome> {
  const u = new URL(url, "http://localhost");
  const params = Promise.resolve(paramsOf(file, u.pathname));
  const searchParams = Promise.resolve(searchParamsOf(u));
  const mod = await importModule(file);
  try {
    if (typeof mod.generateMetadata === "function") await (mod.generateMetadata as (p: unknown) => Promise<unknown>)({ params, searchParams });
    let element: ReactNode = createElement(mod.default as ComponentType<Record<string, unknown>>, { params, searchParams });
    for (const layout of layoutsOf(file).reverse()) {
      const Layout = (await importModule(layout)).default as ComponentType<{ params: unknown; children?: ReactNode }>;
      element = createElement(Layout, { params }, element);
    }
    await renderServer(element);
    return "ok";
  } catch (error) {
    const flow = nextControlFlow(error);
    if (flow) return flow;
    return failure(error);
  }
}

/** The Pages Router page (/meetings/new): its getServerSideProps, as for a GET. */
export async function runPagesPage(file: string, url: string): Promise<Outcome> {
  const u = new URL(url, "http://localhost");
  const mod = await importModule(file);
  const gssp = mod.getServerSideProps as (ctx: unknown) => Promise<{ props?: unknown; redirect?: unknown; notFound?: boolean }>;
  const res = { statusCode: 200, setHeader() {}, getHeader() {}, end() {} };
  const req = { method: "GET", url: u.pathname + u.search, headers: { host: "localhost" }, cookies: {} };
  try {
    const result = await gssp({ req, res, query: searchParamsOf(u), params: paramsOf(file, u.pathname), resolvedUrl: u.pathname + u.search });
    return result.redirect ? "redirect" : res.statusCode === 404 ? "not-found" : "ok";
  } catch (error) {
    return failure(error);
  }
}

/** A route handler, called with a request as Next.js would; its body is read to the end. */
export async function runRoute(row: RouteRow, url: string, form?: Record<string, string>): Promise<Outcome> {
  const u = new URL(url, "http://localhost");
  const mod = await importModule(row.file);
  const handler = mod[row.method] as (request: Request, context: unknown) => Promise<Response>;
  const { NextRequest } = await import("next/server");
  const body = form ? new URLSearchParams(form) : undefined;
  const request = new NextRequest(u, {
    method: row.method,
    headers: body ? { "content-type": "application/x-www-form-urlencoded", host: "localhost" } : { host: "localhost" },
    body,
  });
  try {
    const response = await handler(request, { params: Promise.resolve(paramsOf(row.file, u.pathname)) });
    await response.arrayBuffer();
    return response.status >= 500 ? `failed: status ${response.status}` : "ok";
  } catch (error) {
    const flow = nextControlFlow(error);
    if (flow) return flow;
    return failure(error);
  }
}
