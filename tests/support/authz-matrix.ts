/**
 * The expected outcome of each registry row (./authz-registry.ts) for each seat and each record
 * relation, and the published table built from them (docs/authorization-matrix.md). Pure: the
 * unit test checks the file is up to date, `npm run docs:authz` rewrites it.
 */
import { allows, PRESETS, type Preset } from "@/lib/auth/roles";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { ACTIONS, PAGES, ROUTES, type Entry, type Target } from "./authz-registry";

/**
 * Where the demo users sit (prisma/seed/accounts.ts) and the ready-made combination of duties each
 * holds (decision 049): the seven seats every row is run for.
 */
export interface Seat {
  username: string;
  preset: Preset;
  level: Extract<UnitLevel, "NATION" | "PROVINCE" | "DISTRICT" | "COMMUNE">;
}

export const SEATS: readonly Seat[] = [
  { username: "admin", preset: "ADMIN", level: "NATION" },
  { username: "admin.vinhphuc", preset: "ADMIN", level: "PROVINCE" },
  { username: "tinh.vinhphuc", preset: "PROVINCE_LEADER", level: "PROVINCE" },
  { username: "huyen.lapthach", preset: "DISTRICT_STAFF", level: "DISTRICT" },
  { username: "xa.lapthach", preset: "COMMUNE_SECRETARY", level: "COMMUNE" },
  { username: "xa.binhlu", preset: "COMMUNE_COMMITTEE", level: "COMMUNE" },
  { username: "xem.vinhphuc", preset: "VIEWER", level: "PROVINCE" },
  // An agency's own account (decision 064), homed on the district whose land office it answers for.
  { username: "coquan.lapthach", preset: "AGENCY", level: "DISTRICT" },
];

/** The seat as the app's checks see an actor: its duties and its home unit's level. */
export const seatActor = (seat: Seat) => ({ duties: [...PRESETS[seat.preset]], unit: { level: seat.level } });

/**
 * Where the record lies, seen from the user's home unit: in it, in a unit directly below it, in a
 * unit a merger closed into it (decision 057), in a neighbouring unit under the same parent, in the
 * parent, in a unit a merger closed into the neighbour. The nation has no sibling or parent, and
 * nothing closes into it.
 */
export const RELATIONS = ["own", "child", "merged", "sibling", "parent", "mergedNext"] as const;
export type Relation = (typeof RELATIONS)[number];
/** The relations made by a merger: the demo of the three-level fixture records none (tests/e2e/authz-matrix.spec.ts). */
export const MERGED_RELATIONS: readonly Relation[] = ["merged", "mergedNext"];
/**
 * A petition as an agency's account meets it (decision 064), for the rows pointed at `held-petition`: one its agency
 * holds now, one it held before (resolved, or assigned elsewhere since), and another agency's of the same unit.
 */
export const AGENCY_RELATIONS = ["held", "heldBefore", "otherAgency"] as const;
export type AgencyRelation = (typeof AGENCY_RELATIONS)[number];
export type AnyRelation = Relation | AgencyRelation;
const isAgencySeat = (seat: Seat) => seat.preset === "AGENCY";

export type Outcome = "allowed" | "not-found";

export function relationsOf(seat: Seat): readonly Relation[] {
  return seat.level === "NATION" ? ["own", "child"] : RELATIONS;
}

/** The relations a row pointed at `target` is run in for the seat: an agency's seat meets a held petition by its agency. */
export function relationsFor(seat: Seat, target: Target): readonly AnyRelation[] {
  return target === "held-petition" && isAgencySeat(seat) ? AGENCY_RELATIONS : relationsOf(seat);
}

/** Whether the seat holds the row's requirement at all (record aside). */
export function holds(entry: Entry, seat: Seat): boolean {
  if (entry.permission === "public" || entry.permission === "signed-in") return true;
  // The app's own check: a `national` permission also needs the nation as the home unit (decision 020).
  return allows(seatActor(seat), entry.permission);
}

/**
 * What the row must answer for this seat on a record in this relation: "not-found" is a 404
 * page or response, or NOT_FOUND from an action; "allowed" is anything else but a 500.
 */
export function expectedOutcome(entry: Entry, seat: Seat, relation: AnyRelation): Outcome {
  if (!holds(entry, seat)) return "not-found";
  if (entry.target === "none") return "allowed";
  // An agency's account (decision 064): it reads what its agency holds or held, and answers on what it holds now.
  if (entry.permission === "agency-petition:read:agency") return relation === "held" || relation === "heldBefore" ? "allowed" : "not-found";
  if (entry.permission === "agency-petition:answer:agency") return relation === "held" ? "allowed" : "not-found";
  if ((AGENCY_RELATIONS as readonly string[]).includes(relation)) return "not-found";
  if (entry.only && !allows(seatActor(seat), entry.only)) return "not-found";
  if ((relation === "child" || relation === "merged") && entry.ownUnitOnly && !keepsListsBelow(seat)) return "not-found";
  if (relation === "merged" && entry.standingUnitOnly) return "not-found";
  // What belongs to the user themself (`…:own`): only their own.
  if (entry.permission.endsWith(":own")) return relation === "own" ? "allowed" : "not-found";
  return relation === "own" || relation === "child" || relation === "merged" ? "allowed" : "not-found";
}

/** lib/petitions/reference/agencies.ts `mayChooseUnit`: administrators, and users at a province or above. */
function keepsListsBelow(seat: Seat): boolean {
  return allows(seatActor(seat), "admin:access") || seat.level === "NATION" || seat.level === "PROVINCE";
}

const SEAT_LABEL: Record<string, string> = {
  admin: "ADMIN (nation)",
  "admin.vinhphuc": "ADMIN (province)",
  "tinh.vinhphuc": "PROVINCE_LEADER",
  "huyen.lapthach": "DISTRICT_STAFF",
  "xa.lapthach": "COMMUNE_SECRETARY",
  "xa.binhlu": "COMMUNE_COMMITTEE",
  "xem.vinhphuc": "VIEWER (province)",
  "coquan.lapthach": "AGENCY",
};

function cell(entry: Entry, seat: Seat): string {
  const mark = (r: AnyRelation) => (expectedOutcome(entry, seat, r) === "allowed" ? "✓" : "404");
  if (entry.target === "none") return mark("own");
  const columns: readonly AnyRelation[] = entry.target === "held-petition" ? [...RELATIONS, ...AGENCY_RELATIONS] : RELATIONS;
  return columns.map((r) => (relationsFor(seat, entry.target).includes(r) ? mark(r) : "–")).join(" ");
}

function table(title: string, entries: readonly Entry[], name: (e: Entry) => string): string[] {
  const head = ["entry", "needs", "pointed at", ...SEATS.map((s) => SEAT_LABEL[s.username] ?? s.username)];
  const lines = [`## ${title}`, "", `| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const e of entries) {
    const needs = `\`${e.permission}\`${e.only ? ` (others' records: only with \`${e.only}\`)` : ""}${e.ownUnitOnly ? " (below a province, without administration: own unit only)" : ""}`;
    lines.push(`| ${name(e)}${e.note ? ` — ${e.note}` : ""} | ${needs} | ${e.target} | ${SEATS.map((s) => cell(e, s)).join(" | ")} |`);
  }
  return [...lines, ""];
}

/** docs/authorization-matrix.md, generated: edit tests/support/authz-registry.ts, then `npm run docs:authz`. */
export function renderMatrix(): string {
  const lines = [
    "# Authorisation matrix",
    "",
    "Generated from `tests/support/authz-registry.ts` by `npm run docs:authz`; do not edit by hand (a unit test",
    "fails when this file and the registry differ). Decision 024 explains the design.",
    "",
    "Each row is a page, a route handler or a server action; each column a demo user's seat",
    "(prisma/seed/accounts.ts). A cell is what the entry answers for a record in the user's own unit, in a child",
    "unit, in a unit a merger closed into the user's (decision 057), in a sibling unit, in the parent unit and in a",
    "unit a merger closed into the sibling, in that order: ✓ (allowed) or 404 (a 404 page or response, NOT_FOUND",
    "from an action: exactly what a record that does not exist gets). `–`: the nation has no sibling or parent, and",
    "nothing closes into it. A row pointed at no record (`none`) has one mark. `public` needs no session;",
    "`signed-in` any session.",
    "",
    "Checked by tests/e2e/authz-matrix.spec.ts (pages and route handlers over HTTP, signed in as each demo user,",
    "in the four relations the three-level demo holds) and tests/integration/authz-actions.test.ts (each exported",
    "server action, for each seat, on a record made in each of the six relations).",
    "",
    ...table("Pages", PAGES, (e) => `\`${(e as { url: string }).url}\``),
    ...table("Route handlers", ROUTES, (e) => `\`${(e as { method: string }).method} ${(e as { url: string }).url}\``),
    ...table("Server actions", ACTIONS, (e) => `\`${(e as { name: string }).name.split("#")[1]}\` (${(e as { name: string }).name.split("#")[0]})`),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
