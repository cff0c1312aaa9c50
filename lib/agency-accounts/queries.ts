/**
 * What an agency's own account reads (decision 064): the petitions its agency holds or held, through
 * `heldPetitionWhereFor` only, and each one's page as the agency's link shows it (lib/agency-links/agency.ts).
 * Anyone without the permission, and any petition the agency never held, is "not found".
 */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { heldPetitionWhereFor } from "../auth/scope";
import { agencyPetitionView } from "../agency-links/agency";
import { ANSWERING_STATUSES } from "../agency-links/links";
import { db } from "../db/client";
import { toSearchText } from "../text/search";
import { HELD_PAGE_SIZE, type HeldListParams } from "./list-params";

/** The account's agency, or null for anyone who is not an agency's account. */
export async function accountAgency(actor: Actor) {
  if (!allows(actor, "agency-petition:read:agency") || !actor.agencyId) return null;
  return db.agency.findUnique({ where: { id: actor.agencyId }, select: { id: true, name: true, unit: { select: { typeLabel: true, name: true } } } });
}

/** Held now and open to the agency's answers: the agency still holds its current assignment. */
function heldNowWhere(agencyId: number): Prisma.PetitionWhereInput {
  return { agencyId, status: { in: [...ANSWERING_STATUSES] } };
}

/** One page of the petitions the account's agency holds or held, filtered and sorted as asked. No personal data. */
export async function listHeldPetitions(actor: Actor, params: HeldListParams) {
  const agency = await accountAgency(actor);
  if (!agency) return null;
  const filters: Prisma.PetitionWhereInput[] = [heldPetitionWhereFor(actor)];
  if (params.state === "dang-giu") filters.push(heldNowWhere(agency.id));
  if (params.state === "da-xong") filters.push({ NOT: heldNowWhere(agency.id) });
  // Code and content, accents ignored (the petition's `searchText`), every word.
  for (const word of new Set(toSearchText(params.q).split(" ").filter(Boolean))) filters.push({ searchText: { contains: word } });
  const where: Prisma.PetitionWhereInput = { AND: filters };
  const total = await db.petition.count({ where });
  const pages = Math.max(1, Math.ceil(total / HELD_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const order: Prisma.PetitionOrderByWithRelationInput = params.sort === "dueOn" ? { dueOn: { sort: params.dir, nulls: "last" } } : { [params.sort]: params.dir };
  const rows = await db.petition.findMany({
    where,
    orderBy: [order, { id: "asc" }],
    skip: (page - 1) * HELD_PAGE_SIZE,
    take: HELD_PAGE_SIZE,
    select: { id: true, code: true, status: true, agencyId: true, receivedOn: true, dueOn: true, field: { select: { name: true } }, unit: { select: { typeLabel: true, name: true } } },
  });
  const items = rows.map((r) => ({ ...r, heldNow: r.agencyId === agency.id && (ANSWERING_STATUSES as readonly string[]).includes(r.status) }));
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
