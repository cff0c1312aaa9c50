/**
 * Agencies as choices: those the actor may assign petitions to and filter by (`agencyWhereFor`: kept in
 * their subtree or by a unit above), active ones, searched accent-insensitively by name. 7,100 agencies
 * nationally: the search reads them (≈ 15 ms), which a picker typing with a pause can afford; no search
 * column or index is kept for it (decision 029).
 */
import { z } from "zod";
import { readCursor, toPage } from "../api/cursor";
import type { ScopedActor } from "../auth/scope";
import { agencyScopeSql, agencyWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { MAX_INT } from "../forms/fields";
import { Prisma } from "../generated/prisma/client";
import { likeLiteral, toSearchText } from "../text/search";
import { unitFullName } from "../units/labels";
import type { Choice, ChoicePage, ChoiceQuery, ResolvedChoice } from "./types";

const agencyKey = z.tuple([z.string().max(300), z.number().int().positive().max(MAX_INT)]);
/** LIKE patterns are built from the text as given: "%" and "_" must match themselves. */

interface AgencyRow {
  id: number;
  name: string;
  typeLabel: string;
  unitName: string;
}

export async function agencyChoices(actor: ScopedActor, query: ChoiceQuery): Promise<ChoicePage> {
  const after = readCursor(query.cursor, agencyKey);
  const words = [...new Set(toSearchText(query.q).split(" ").filter(Boolean))].slice(0, 8);
  const conditions = [
    Prisma.sql`a."active"`,
    agencyScopeSql(actor),
    ...words.map((word) => Prisma.sql`lower(unaccent(a."name")) LIKE ${`%${likeLiteral(word)}%`}`),
    ...(after ? [Prisma.sql`(a."name", a."id") > (${after[0]}, ${after[1]}::int)`] : []),
  ];
  const rows = await db.$queryRaw<AgencyRow[]>`
    SELECT a."id", a."name", k."typeLabel", k."name" AS "unitName"
    FROM "Agency" a JOIN "Unit" k ON k."id" = a."unitId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY a."name", a."id"
    LIMIT ${query.limit + 1}`;
  return toPage(
    rows,
    query.limit,
    (r) => [r.name, r.id],
    (r): Choice => ({ id: r.id, label: r.name, detail: unitFullName({ typeLabel: r.typeLabel, name: r.unitName }) }),
  );
}

/** One agency the actor reaches as a choice (active or not: a link may name one deactivated since), or null. */
export async function agencyChoice(actor: ScopedActor, agencyId: number): Promise<Choice | null> {
  const agency = await db.agency.findFirst({
    where: { AND: [{ id: agencyId }, agencyWhereFor(actor)] },
    select: { id: true, name: true, unit: { select: { typeLabel: true, name: true } } },
  });
  return agency && { id: agency.id, label: agency.name, detail: unitFullName(agency.unit) };
}

const OTHERS = 10;

/** As `resolveUnitChoice`, for agencies. */
export async function resolveAgencyChoice(actor: ScopedActor, agencyId: number | undefined, text: string | null): Promise<ResolvedChoice> {
  const chosen = agencyId === undefined ? null : await agencyChoice(actor, agencyId);
  if (text === null) return { selected: chosen, text: null, others: [] };
  if (text === "" || (chosen && toSearchText(chosen.label) === toSearchText(text))) return { selected: text === "" ? null : chosen, text: null, others: [] };
  const found = toSearchText(text) ? await agencyChoices(actor, { q: text, limit: OTHERS + 1 }) : { items: [] };
  return { selected: found.items[0] ?? null, text, others: found.items.slice(1) };
}
