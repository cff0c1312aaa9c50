/**
 * Every query has its index, or a reason (issue 13, decision 028). Every page, route handler and
 * server action of the registry (tests/support/authz-registry.ts) runs for five users — a national
 * administrator, a province leader, a district's staff, a commune secretary, an agency's account — with the filters
 * each list offers (tests/support/query-scenarios.ts); every statement they send is recorded at
 * the driver adapter (lib/db/query-capture.ts) and explained with its parameters. The test
 * fails when a plan reads a large table by a sequential scan, outside the short list of
 * exceptions below, each with its reason.
 *
 * On the test's own small database (the demo seed) the statements are explained with
 * `enable_seqscan = off`: a sequential scan that remains is one no index can serve. With
 * EXPLAIN_DATABASE_URL set (a database made by `npm run bench -- generate`, with this branch's
 * migrations), the pages and routes run there, read-only, as its bench users; the actions still
 * run on the test's database (they write) and their statements are explained there; the plans
 * are PostgreSQL's own choice with real statistics, and a table counts as large from 10,000 rows.
 *
 * Only the session is stood in for (the actor of each run), with Next.js's request scope
 * (headers, cookies, translations): the pages, routes, actions and queries are the real ones.
 */
import { issueLink } from "@/lib/agency-links/links";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { runFormAction } from "@/lib/actions/form-post";
import { openAdapter, type AdapterHandle } from "@/lib/db/adapter";
import { currentDbHandle, db, installDb } from "@/lib/db/client";
import { presetOf, type Preset } from "@/lib/auth/roles";
import { logMeeting } from "@/lib/meetings/create";
import { ROLLUP_TABLES } from "@/lib/rollup/rebuild";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { seedDemo } from "@/prisma/seed/demo";
import { callAction, loadAction, PROBES, type Case, type UnitRow } from "../support/action-probes";
import { ACTIONS, PAGES, REGISTRY, ROUTES, keyOf, type Entry, type RouteRow } from "../support/authz-registry";
import { SEATS, type Seat } from "../support/authz-matrix";
import { explainAll, isExplainable, QueryRecorder, recordingFactory, type CapturedQuery, type PlanNode } from "@/lib/db/query-capture";
import { discoverTargets, discoverVars, fill, runAppPage, runPagesPage, runRoute, urlFor, VARIANTS, type Outcome } from "../support/query-scenarios";

const state = vi.hoisted(() => ({ actor: null as import("@/lib/auth/actor").Actor | null }));
vi.mock("@/lib/auth/current", async () => {
  const { notFound, redirect } = await import("next/navigation");
  const { allows } = await import("@/lib/auth/roles");
  const requireActor = async () => {
    if (!state.actor) redirect("/login?expired=1");
    return state.actor!;
  };
  return {
    getActor: async () => state.actor,
    requireActor,
    requirePermission: async (permission: Parameters<typeof allows>[1]) => {
      const actor = await requireActor();
      if (!allows(actor, permission)) notFound();
      return actor;
    },
  };
});
vi.mock("@/lib/auth/pages", async () => {
  const { gate } = await import("@/lib/auth/gate");
  return {
    actorOfRequest: async () => state.actor,
    gateOfPagesRequest: async (_req: unknown, _res: unknown, path: string, permission: Parameters<typeof gate>[2]) => gate(state.actor, path, permission),
  };
});
// Sign-out reads the session through next-auth, outside any request here: there is none to end.
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<object>()), getServerSession: async () => null }));
vi.mock("next/headers", () => {
  const jar = { get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {}, toString: () => "" };
  return { headers: async () => new Headers({ host: "localhost" }), cookies: async () => jar, draftMode: async () => ({ isEnabled: false }) };
});
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async (importOriginal) => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/vi.json")).default;
  return {
    ...(await importOriginal<object>()),
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({ locale: "vi", messages, namespace: (typeof arg === "string" ? arg : arg?.namespace) as never, onError: () => {} }),
    getLocale: async () => "vi",
    getMessages: async () => messages,
    getTimeZone: async () => "Asia/Ho_Chi_Minh",
    getNow: async () => new Date(),
  };
});

const BENCH_URL = process.env.EXPLAIN_DATABASE_URL;
const onBench = !!BENCH_URL;

/** The tables that grow with the country: a sequential scan of one of these is a failure. */
const LARGE_TABLES = new Set([
  "Petition",
  "PetitionEvent",
  "AgencyHold",
  "Attachment",
  "Meeting",
  "MeetingAttendance",
  "MeetingAgendaItem",
  "Membership",
  "Organisation",
  "Unit",
  "UnitSuccession",
  "UnitPathHistory",
  "Cadre",
  "TrainingRecord",
  "AuditLog",
  "ReportHotspot",
  ...ROLLUP_TABLES,
]);
/** On a real database, a table counts as large from this many rows (an empty one is scanned whatever its indexes). */
const LARGE_ROWS = 10_000;

/**
 * Whole reads that are right, each with its reason: a statement matched by `sql` (and by `source`
 * when given: what ran it, and as whom) may read `table` whole. `bench`: the exception holds on
 * the national database only (real sizes make it a whole read; the small one has none). Keep it
 * short; the test fails on an entry nothing matches any more, where it holds (but for one whose plan
 * depends on the sampled statistics, `byStatistics`).
 */
const EXCEPTIONS: readonly { table: string | RegExp; sql: RegExp; source?: RegExp; bench?: true; byStatistics?: true; reason: string }[] = [
  {
    table: "UnitSuccession",
    sql: /WITH closed AS \(/,
    // A small table: whether PostgreSQL reads it whole or by its index follows its size, and the probes of
    // decision 055 (an account and a petition left on a closed unit) add links to it. The entry may go unused.
    byStatistics: true,
    reason:
      "the reports' view on today's units (lib/dashboards/views.ts) weighs every merger link once, a unit in reach or its successor: at most one or two links per unit ever closed (10,667 for the 2025 reform), not a table that grows with the records",
  },
  {
    table: /^(Unit|Organisation|Cadre|Membership)$/,
    sql: /./,
    source: /\((ADMIN|PROVINCE_LEADER)\)/,
    bench: true,
    reason:
      "a province's or the nation's own units, organisations, cadres and memberships (thousands, or all: its home page's figures, its cadre list and export, the compliance of its teams, a cadre import resolving places): PostgreSQL reads the table rather than look each row up, by cost; these tables hold the country's geography and its cadres (110,694 units, 577,556 cadres), which do not grow with the records",
  },
  {
    table: "Petition",
    sql: /^SELECT COUNT\(\*\)[\s\S]*LIKE/,
    source: /petitions/,
    bench: true,
    // Whether PostgreSQL takes that plan depends on the sampled statistics: two generations of the same
    // database differed. The entry may go unused.
    byStatistics: true,
    reason:
      "the row-by-row count of a text search with a common word (\"duong\": 230,000 matches in the country) runs under its 60 ms budget and stops there (decision 010): PostgreSQL reads the table in its own order rather than every trigram match first; the page says \"more than 50\"",
  },
  {
    table: "ReportHotspot",
    sql: /FROM "ReportHotspot" h JOIN "PeriodicReport" r/,
    source: /\(ADMIN\)/,
    bench: true,
    // The bench's reports are of the last months and quarter, all in this year: the year's view reads each of them,
    // and PostgreSQL reads the table rather than the period's index. The entry may go unused.
    byStatistics: true,
    reason:
      "the nation's map marks for a year count every hotspot of that year in the country (one row a province, decision 080): ReportHotspot_periodFrom_idx bounds the read to the period's hotspots, and on the bench database every hotspot lies in this year",
  },
  {
    table: "Petition",
    sql: /"Petition"\."awaitingUnitId" IS NOT NULL/,
    source: /\((ADMIN|PROVINCE_LEADER|DISTRICT_STAFF)\)/,
    bench: true,
    // On the national database no petition waits (the generator escalates none to a unit), so the planner's choice
    // between the queue's index and the unit tree follows its statistics: the regenerated database of 2026-12-07
    // read it for the district's home page and its "Chờ tiếp nhận" list too. The entry may go unused.
    byStatistics: true,
    reason:
      "the petitions waiting for a take-over (decision 054) are a queue: Petition_awaitingUnitId_escalatedAt_id_idx holds only those escalated and not yet taken over, so the nation's, a province's or a district's count and list of them read that small partial index whole, never the table",
  },
];

/**
 * Foreign keys without an index that leads with their column, each with its reason. Without one,
 * deleting (or re-keying) a referenced row scans the referencing table to check it; and a page
 * that looks rows up by the key has nothing to read them by.
 */
const FK_WITHOUT_INDEX: Readonly<Record<string, string>> = {
  "Petition.createdById": "users are never deleted (disabled instead), and the audit rows of every user who signed in could not be cleared anyway; no page lists a user's petitions",
  "PetitionEvent.actorId": "users are never deleted (as above); a timeline is read by petition",
  "Attachment.uploadedById": "users are never deleted (as above); attachments are read by petition or meeting",
  "Meeting.createdById": "users are never deleted (as above); a meeting's author is read with the meeting",
  "AgencyLink.issuedById": "users are never deleted (as above); an agency's links are read by petition (decision 063)",
  "AgencyLink.revokedById": "users are never deleted (as above); an agency's links are read by petition",
  "AgencyAnswer.decidedById": "users are never deleted (as above); an agency's answers are read by petition or link",
  "AgencyAnswer.answeredById": "users are never deleted (as above); an agency account's answers are read by petition, under its agency (decision 064)",
  "Petition.fieldId":
    "fields are never deleted, only deactivated (decision 011); the list's field filter is served by Petition_unit_list_idx in a district and by the date indexes above it (one petition in ten has a given field), its count by the rollups",
};

/** The users each entry runs for, by their ready-made duties: the demo's (tests/support/authz-matrix.ts) or the bench's. */
const ROLES_RUN: readonly Preset[] = ["ADMIN", "PROVINCE_LEADER", "DISTRICT_STAFF", "COMMUNE_SECRETARY", "AGENCY"];
const DEMO_SEATS: readonly Seat[] = ROLES_RUN.map((role) => SEATS.find((s) => s.preset === role && (role !== "ADMIN" || s.level === "NATION"))!);
const roleOf = (actor: { duties: readonly string[] }) => presetOf(actor.duties) ?? actor.duties.join("+");

interface Run {
  key: string;
  who: string;
  url: string;
  outcome: Outcome;
}

const recorder = new QueryRecorder();
const runs: Run[] = [];
let explained: Awaited<ReturnType<typeof explainAll>> = [];
let tableRows = new Map<string, number>();
let foreignKeys: { table: string; column: string; indexed: boolean }[] = [];
let baseHandle: AdapterHandle;
let benchHandle: AdapterHandle | undefined;

async function actorOf(username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadActor(user.id))!;
}

/**
 * Runs one entry and keeps how it ended. On the national database a write (an audit row of a
 * personal-data read) is refused, and the page or route ends there, however it reports it (an API
 * route answers 500): that run counts as "read-only", with its statements up to the write.
 */
async function run(key: string, who: string, url: string, fn: () => Promise<Outcome>) {
  recorder.refusedWrite = false;
  const outcome = await recorder.during(`${key} — ${who} — ${url}`, fn);
  runs.push({ key, who, url, outcome: onBench && recorder.refusedWrite && outcome.startsWith("failed") ? "read-only" : outcome });
}

/** What the POST route handlers are sent: a sign-in, a code, a sign-out, a language. */
function formOf(row: RouteRow, username: string): Record<string, string> | undefined {
  if (row.method !== "POST") return undefined;
  if (row.url === "/sign-in") return { username, password: DEMO_PASSWORD };
  if (row.url === "/sign-in/code") return { code: "123456" };
  if (row.url === "/locale") return { locale: "en" };
  if (row.url === "/tra-cuu/xem") return { ma: "246-2026-00001", so: "1234" };
  return {};
}

/** Every page and route handler for one user, with the lists' filters. */
async function runPagesAndRoutes(actor: Actor) {
  const who = `${actor.username} (${roleOf(actor)})`;
  const [targets, vars] = await recorder.without(async () => [await discoverTargets(actor), await discoverVars(actor)] as const);
  state.actor = actor;
  try {
    for (const row of [...PAGES, ...ROUTES]) {
      const base = urlFor(row, targets);
      if (!base) {
        runs.push({ key: keyOf(row), who, url: row.url, outcome: "skipped: no such record in this database" });
        continue;
      }
      const urls = [base, ...(VARIANTS[row.file] ?? []).map((v) => fill(v, vars)).filter((u): u is string => u !== null)];
      for (const url of urls) {
        if (row.kind === "route") await run(row.file, who, url, () => runRoute(row, url, formOf(row, actor.username)));
        else if (row.file.startsWith("pages/")) await run(row.file, who, url, () => runPagesPage(row.file, url));
        else await run(row.file, who, url, () => runAppPage(row.file, url));
      }
    }
  } finally {
    state.actor = null;
  }
}

/** Every server action for one user, on a record made for the call in their own unit. */
async function runActions(seat: Seat, actor: Actor, fieldId: number, authorId: number) {
  const who = `${actor.username} (${roleOf(actor)})`;
  const home = (await db.unit.findUniqueOrThrow({ where: { id: actor.unit.id } })) as UnitRow;
  for (const row of ACTIONS) {
    const name = row.name.split("#")[1];
    const c: Case = { seat, actor, home, unit: home, fieldId, authorId };
    const fields = await recorder.without(() => PROBES[name](c));
    const fn = await loadAction(row);
    state.actor = actor;
    try {
      await run(row.name, who, "(action)", async () => {
        const got = await callAction(fn, fields);
        return got.outcome === "broken" ? `failed: ${got.detail}` : got.outcome;
      });
    } finally {
      state.actor = null;
    }
  }
}

/** The meeting form's POST (the Pages Router page's write): a team meeting with its roll and a raised petition. */
async function runMeetingPost(actor: Actor, fieldId: number) {
  const team = await db.organisation.findFirst({
    where: { kind: "TEAM", unit: { ancestorIds: { has: actor.unit.id } }, memberships: { some: { termEnd: null } } },
    select: { id: true, unitId: true, memberships: { where: { termEnd: null }, select: { cadreId: true } } },
  });
  if (!team) return;
  const form = new FormData();
  const today = new Date().toISOString().slice(0, 10);
  const fields: Record<string, string> = {
    idempotencyKey: randomUUID(),
    kind: "TEAM_MONTHLY",
    target: `org:${team.id}`,
    raisedUnitId: String(team.unitId),
    heldOn: today,
    place: "Nhà văn hóa thôn",
    chair: "Nguyễn Văn Tổ",
    "raised.0.content": "Đề nghị lắp đèn chiếu sáng đường trục thôn.",
    "raised.0.fieldId": String(fieldId),
  };
  for (const m of team.memberships) fields[`att.${m.cadreId}`] = "PRESENT";
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  await run("pages/meetings/new.tsx", `${actor.username} (${roleOf(actor)})`, "POST /meetings/new", async () => {
    const result = await runFormAction(logMeeting, form, actor);
    // Refused (a team this role does not log for): the chain ran; a broken form is a failure.
    return result.ok ? "ok" : ["VALIDATION", "INTERNAL", "UNAUTHENTICATED"].includes(result.error) ? `failed: ${JSON.stringify(result).slice(0, 300)}` : result.error;
  });
}

beforeAll(async () => {
  baseHandle = currentDbHandle()!;
  await seedDemo(db, { today: new Date() });
  // Records the demo has none of: attachments, a merged petition, a token per user.
  const secretary = await actorOf(DEMO_SEATS[3].username);
  const [first, second] = await db.petition.findMany({ where: { unit: { ancestorIds: { has: secretary.unit.id } } }, orderBy: { id: "desc" }, take: 2, select: { id: true } });
  await db.petition.update({ where: { id: second.id }, data: { mergedIntoId: first.id } });
  const meeting = await db.meeting.findFirstOrThrow({ where: { unit: { ancestorIds: { has: secretary.unit.id } } }, select: { id: true } });
  const file = { fileName: "bien-ban.pdf", mimeType: "application/pdf", size: 5, sha256: "0".repeat(64), content: Buffer.from("%PDF-"), uploadedById: secretary.userId };
  await db.attachment.create({ data: { ...file, petitionId: first.id } });
  await db.attachment.create({ data: { ...file, meetingId: meeting.id } });
  // A live agency link (decision 063): the demo issues none, and without one the agency's page would go unread.
  // The demo's assigned petitions carry their agency but no moment of assignment, which a link is tied to.
  const assigned = await db.petition.findFirstOrThrow({
    where: { status: { in: ["ASSIGNED", "IN_PROGRESS"] }, agencyId: { not: null } },
    orderBy: { id: "desc" },
    select: { id: true, agencyId: true, assignedAt: true, dueOn: true },
  });
  const assignedAt = assigned.assignedAt ?? (await db.petition.update({ where: { id: assigned.id }, data: { assignedAt: new Date() }, select: { assignedAt: true } })).assignedAt!;
  await issueLink(db, { petitionId: assigned.id, agencyId: assigned.agencyId!, assignedAt, dueOn: assigned.dueOn, issuedById: secretary.userId }, new Date());
  for (const seat of DEMO_SEATS) {
    const actor = await actorOf(seat.username);
    await db.apiToken.create({ data: { userId: actor.userId, name: "Báo cáo", tokenHash: randomUUID(), prefix: "dv_test" } });
  }
  await db.$executeRawUnsafe("ANALYZE");

  installDb({ factory: recordingFactory(baseHandle.factory, recorder), close: baseHandle.close, executeSql: baseHandle.executeSql });
  const fieldId = (await db.petitionField.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const authorId = (await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, duties: true } })).find((u) => presetOf(u.duties) === "DISTRICT_STAFF")!.id;
  if (!onBench) {
    for (const seat of DEMO_SEATS) await runPagesAndRoutes(await actorOf(seat.username));
    for (const seat of DEMO_SEATS) await runMeetingPost(await actorOf(seat.username), fieldId);
  }
  // The actions last: they change what the pages would be shown (one makes a second factor required).
  for (const seat of DEMO_SEATS) await runActions(seat, await actorOf(seat.username), fieldId, authorId);
  let explainOn: SqlDriverAdapter;
  if (onBench) {
    // The bench is someone else's too: read-only, whatever the app tries to write.
    const url = new URL(BENCH_URL!);
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    benchHandle = openAdapter({ kind: "postgres", url: url.toString() });
    installDb({ factory: recordingFactory(benchHandle.factory, recorder), close: async () => {}, executeSql: benchHandle.executeSql });
    const benchUsers = (await db.user.findMany({ where: { active: true }, orderBy: { id: "asc" }, select: { username: true, duties: true } })).map((u) => ({ ...u, role: presetOf(u.duties) }));
    for (const role of ROLES_RUN) {
      const user = benchUsers.find((u) => u.role === role && u.username.startsWith("bench.") && !u.username.startsWith("bench.staff.")) ?? benchUsers.find((u) => u.role === role);
      if (user) await runPagesAndRoutes(await actorOf(user.username));
    }
    explainOn = await benchHandle.factory.connect();
    // The actions' statements were sent to the test's database; their plans are read on the bench.
    const sizes = await explainOn.queryRaw({ sql: `SELECT relname, reltuples::float8 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`, args: [], argTypes: [] });
    tableRows = new Map(sizes.rows.map((r) => [String(r[0]), Number(r[1])]));
  } else {
    explainOn = await baseHandle.factory.connect();
  }
  foreignKeys = await foreignKeysOf(explainOn);
  explained = await explainAll(explainOn, distinct(recorder.queries.filter((q) => isExplainable(q.sql))), onBench ? [] : ["enable_seqscan = off"]);
  // Back to the test's own database for the rest of the file (and its clean-up).
  installDb(baseHandle);
}, 1_800_000);

afterAll(async () => {
  await benchHandle?.close();
});

/**
 * Every single-column foreign key, and whether an index leads with its column (a partial index
 * only of the rows where it is set counts: the check looks up set values).
 */
async function foreignKeysOf(adapter: SqlDriverAdapter) {
  const result = await adapter.queryRaw({
    sql: `SELECT c.conrelid::regclass::text, a.attname::text,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
              AND (i.indpred IS NULL OR pg_get_expr(i.indpred, i.indrelid) = '(' || quote_ident(a.attname) || ' IS NOT NULL)'))
          FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND array_length(c.conkey, 1) = 1`,
    args: [],
    argTypes: [],
  });
  return result.rows.map((r) => ({ table: String(r[0]).replace(/"/g, ""), column: String(r[1]), indexed: r[2] === true || r[2] === "t" }));
}

/** Each statement once per set of parameters and settings (the first run that sent it names it). */
function distinct(queries: readonly CapturedQuery[]): CapturedQuery[] {
  const seen = new Map<string, CapturedQuery>();
  for (const q of queries) {
    const key = createHash("sha256")
      .update(q.sql)
      .update(JSON.stringify(q.args, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v instanceof Uint8Array ? `bytes:${v.length}` : v)))
      .update(q.settings.join(";"))
      .digest("hex");
    if (!seen.has(key)) seen.set(key, q);
  }
  return [...seen.values()];
}

function isLarge(table: string): boolean {
  if (!LARGE_TABLES.has(table)) return false;
  return !onBench || (tableRows.get(table) ?? 0) >= LARGE_ROWS;
}

/**
 * The large tables a plan reads whole: by a sequential scan; or by an index scan with no
 * condition that runs to the end of the index. On the bench (real sizes, PostgreSQL's own
 * choices) that is any such scan that no Limit stops while it streams (a walk of an index in its
 * order that stops after a page is what keyset pages do; behind a sort, an aggregate, a hash
 * table or the inner side of a nested loop the whole index is read before the first row
 * leaves; each side of a merge join stops where the other ends). On the small test database a subtree is a large share of every table and index scans
 * stand in for the forbidden sequential ones, so there only the unmistakable case counts: a
 * whole large table grouped with no condition at all (what Prisma's `_count` of a relation sends).
 */
function seqScansOf(plan: PlanNode): string[] {
  const out: string[] = [];
  const streams = (node: PlanNode, child: number) =>
    ["Limit", "Gather", "Gather Merge", "Result", "Append", "Merge Append", "Subquery Scan", "Unique", "Incremental Sort"].includes(node["Node Type"]) ||
    ((node["Node Type"] === "Nested Loop" || node["Node Type"] === "Hash Join") && child === 0);
  const passesRows = (node: PlanNode) => ["Sort", "Materialize", "Subquery Scan", "Gather", "Gather Merge"].includes(node["Node Type"]);
  const visit = (node: PlanNode, limited: boolean, grouped: boolean) => {
    const table = node["Relation Name"];
    if (table && isLarge(table)) {
      if (node["Node Type"] === "Seq Scan") out.push(table);
      const whole = (node["Node Type"] === "Index Scan" || node["Node Type"] === "Index Only Scan") && !node["Index Cond"];
      if (whole && (onBench ? !limited : grouped && !node.Filter)) out.push(`${table} (whole index ${node["Index Name"]})`);
    }
    // Each side of a merge join stops where the other ends (an index walked up to the other side's last key).
    (node.Plans ?? []).forEach((child, i) =>
      visit(
        child,
        node["Node Type"] === "Limit" || node["Node Type"] === "Merge Join" || (limited && streams(node, i)),
        (node["Node Type"] === "Aggregate" && !!node["Group Key"]) || (grouped && passesRows(node)),
      ),
    );
  };
  visit(plan, false, false);
  return out;
}

/** Whether an exception covers a whole read of `table` (as `seqScansOf` names it) by this statement. */
function applies(x: (typeof EXCEPTIONS)[number], table: string, query: CapturedQuery): boolean {
  const name = table.split(" ")[0];
  if (x.bench && !onBench) return false;
  return (typeof x.table === "string" ? x.table === name : x.table.test(name)) && x.sql.test(query.sql) && (!x.source || x.source.test(query.source));
}

const oneLine = (sql: string) => sql.replace(/\s+/g, " ").replace(/"public"\./g, "").slice(0, 400);

describe("every query has its index, or a reason", () => {
  it("runs every page, route handler and action of the registry to its end for at least one user", () => {
    const failed = runs.filter((r) => r.outcome.startsWith("failed"));
    expect(failed.map((r) => `${r.key} — ${r.who} — ${r.url}: ${r.outcome}`)).toEqual([]);
    // In the bench's database only the pages and routes run; the actions ran on the test's.
    const expected: readonly Entry[] = REGISTRY;
    const reached = new Set(runs.filter((r) => !r.outcome.startsWith("skipped")).map((r) => r.key));
    const missing = expected.map(keyOf).filter((k) => !reached.has(k));
    if (onBench && missing.length) console.warn(`Không chạy được trên CSDL bench (không có bản ghi) / not run on the bench (no such record there):\n  ${missing.join("\n  ")}`);
    if (!onBench) expect(missing).toEqual([]);
    expect(recorder.queries.length).toBeGreaterThan(1000);
  });

  it("has filter variants only for pages and routes the registry has", () => {
    const files = new Set([...PAGES, ...ROUTES].map((r) => r.file));
    expect(Object.keys(VARIANTS).filter((f) => !files.has(f))).toEqual([]);
  });

  it("explains every statement sent", () => {
    expect(explained.filter((e) => e.error).map((e) => `${e.query.source}: ${e.error} — ${oneLine(e.query.sql)}`)).toEqual([]);
  });

  it("reads no large table whole (a sequential scan, an index read end to end), but for the exceptions", () => {
    const offenders: string[] = [];
    for (const { query, plan } of explained) {
      if (!plan) continue;
      for (const table of seqScansOf(plan)) {
        const excused = EXCEPTIONS.some((x) => applies(x, table, query));
        if (!excused) offenders.push(`${table} read whole — ${query.source}\n    ${oneLine(query.sql)}${query.settings.length ? `\n    with ${query.settings.join("; ")}` : ""}`);
      }
    }
    // QUERY_PLANS_REPORT=<file>: the offending statements with their plans, to read.
    if (process.env.QUERY_PLANS_REPORT) {
      const bad = explained.filter(({ plan }) => plan && seqScansOf(plan).length);
      fs.writeFileSync(process.env.QUERY_PLANS_REPORT, JSON.stringify(bad.map(({ query, plan }) => ({ source: query.source, sql: query.sql, args: query.args, settings: query.settings, plan })), null, 1));
    }
    expect(offenders, offenders.join("\n")).toEqual([]);
  });

  it("has an index for every foreign key, but for the reasons listed", () => {
    expect(foreignKeys.length).toBeGreaterThan(30);
    const unindexed = foreignKeys.filter((k) => !k.indexed).map((k) => `${k.table}.${k.column}`);
    expect(unindexed.filter((k) => !(k in FK_WITHOUT_INDEX)), "a foreign key without an index: add one, or its reason to FK_WITHOUT_INDEX").toEqual([]);
    expect(Object.keys(FK_WITHOUT_INDEX).filter((k) => !unindexed.includes(k)), "a reason for a foreign key that has an index (or no longer exists)").toEqual([]);
  });

  it("needs every exception it lists (for the database it runs on)", () => {
    const unused = EXCEPTIONS.filter((x) => !!x.bench === onBench && !x.byStatistics && !explained.some(({ query, plan }) => plan && seqScansOf(plan).some((t) => applies(x, t, query))));
    expect(unused.map((x) => `${x.table}: ${x.reason}`)).toEqual([]);
  });
});
