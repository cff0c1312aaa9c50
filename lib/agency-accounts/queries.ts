/**
 * What an agency's own account reads (decision 064): the petitions its agency holds or held, through
 * `heldPetitionWhereFor` only, and each one's page as the agency's link shows it (lib/agency-links/agency.ts).
 * Anyone without the permission, and any petition the agency never held, is "not found".
 */
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { heldPetitionWhereFor } from "../auth/scope";
import { agencyPetitionView } from "../agency-links/agency";
import { ANSWERING_STATUSES } from "../agency-links/links";
import { db } from "../db/client";
import { inIdOrder } from "../db/plan";
import { likeLiteral, toSearchText } from "../text/search";
import { HELD_PAGE_SIZE, type HeldListParams } from "./list-params";

/** The account's agency, or null for anyone who is not an agency's account. */
export async function accountAgency(actor: Actor) {
  if (!allows(actor, "agency-petition:read:agency") || !actor.agencyId) return null;
  return db.agency.findUnique({ where: { id: actor.agencyId }, select: { id: true, name: true, unit: { select: { typeLabel: true, name: true } } } });
}

/** The petitions' columns the list sorts by, by parameter: SQL of this module's own, never the request's text. */
const SORT_COLUMN: Record<HeldListParams["sort"], Prisma.Sql> = {
  receivedOn: Prisma.sql`p."receivedOn"`,
  dueOn: Prisma.sql`p."dueOn"`,
  code: Prisma.sql`p.code`,
};

/**
 * One page of the petitions the account's agency holds or held, filtered and sorted as asked. No personal data.
 *
 * The page's ids are read from the agency's holds first (`AgencyHold`'s key leads with the agency), then sorted:
 * a list costs what the agency held. Left to itself, PostgreSQL walked the country's petitions newest first and
 * tested each for a hold (300,000 rows, 0.3 s for an agency holding 1,494 of 5 million; 55 times the health
 * check under load, BENCHMARKS.md), as the district lists once did (decision 028).
 */
export async function listHeldPetitions(actor: Actor, params: HeldListParams) {
  const agency = await accountAgency(actor);
  if (!agency) return null;
  const filters: Prisma.Sql[] = [];
  const heldNow = Prisma.sql`(p."agencyId" = ${agency.id} AND p.status::text IN (${Prisma.join([...ANSWERING_STATUSES])}))`;
  if (params.state === "dang-giu") filters.push(heldNow);
  if (params.state === "da-xong") filters.push(Prisma.sql`NOT ${heldNow}`);
  // Code and content, accents ignored (the petition's `searchText`), every word.
  for (const word of new Set(toSearchText(params.q).split(" ").filter(Boolean))) filters.push(Prisma.sql`p."searchText" LIKE ${`%${likeLiteral(word)}%`}`);
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  // MATERIALIZED: the agency's holds are read first, whatever the planner estimates of them.
  const held = Prisma.sql`WITH held AS MATERIALIZED (SELECT "petitionId" FROM "AgencyHold" WHERE "agencyId" = ${agency.id})`;
  const from = Prisma.sql`FROM held JOIN "Petition" p ON p.id = held."petitionId"`;
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`${held} SELECT count(*)::int AS n ${from} ${where}`;
  const total = n;
  const pages = Math.max(1, Math.ceil(total / HELD_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const dir = params.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const ids = (
    await db.$queryRaw<{ id: number }[]>`${held} SELECT p.id ${from} ${where}
      ORDER BY ${SORT_COLUMN[params.sort]} ${dir} NULLS LAST, p.id ASC LIMIT ${HELD_PAGE_SIZE} OFFSET ${(page - 1) * HELD_PAGE_SIZE}`
  ).map((r) => r.id);
  const rows = await db.petition.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, status: true, agencyId: true, receivedOn: true, dueOn: true, field: { select: { name: true } }, unit: { select: { typeLabel: true, name: true } } },
  });
  const items = inIdOrder(ids, rows).map((r) => ({ ...r, heldNow: r.agencyId === agency.id && (ANSWERING_STATUSES as readonly string[]).includes(r.status) }));
  return { agency, items, total, page, pages };
}

/**
 * The petition as the account's agency sees it, or null when it never held it. While the agency holds it, the page
 * is its link's (the petitioner's contact details, an audited read, and the three answers); once it no longer does,
 * what it sent and staff's decisions, without the petitioner's details: it has nobody left to reach.
 */
export async function heldPetition(actor: Actor, petitionId: number) {
  const agency = await accountAgency(actor);
  if (!agency) return null;
  const found = await db.petition.findFirst({ where: { AND: [{ id: petitionId }, heldPetitionWhereFor(actor)] }, select: { id: true, agencyId: true, status: true } });
  if (!found) return null;
  const heldNow = found.agencyId === agency.id && (ANSWERING_STATUSES as readonly string[]).includes(found.status);
  const view = await agencyPetitionView({ petitionId: found.id, agencyId: agency.id, agency: { id: agency.id, name: agency.name } }, { via: "account", userId: actor.userId }, { personalData: heldNow });
  return view && { ...view, heldNow };
}

export type HeldPetitionView = NonNullable<Awaited<ReturnType<typeof heldPetition>>>;
