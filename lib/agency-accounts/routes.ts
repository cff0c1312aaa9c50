/**
 * POST /agency/{id}/gui: an agency's account answers on a petition its agency holds (decision 064), with the link's
 * plain forms and the link's domain function (lib/agency-links/agency.ts `answerAs`). Another site's form is
 * refused (403), no session answers 401, and without the permission, for a petition the agency does not hold now,
 * or an id of no shape, the one 404, before the body is read; a body over the reply document's limit is refused
 * (413). Otherwise a 303 back to the petition's page, which words what happened.
 */
import { NextResponse } from "next/server";
import { getActor } from "../auth/current";
import { allows } from "../auth/roles";
import { heldPetitionWhereFor } from "../auth/scope";
import { answerAs } from "../agency-links/agency";
import { ANSWERING_STATUSES } from "../agency-links/links";
import { answerOfForm, declaredWithinLimit, outcomeQuery, readAnswerBody, tooLarge } from "../agency-links/routes";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { db } from "../db/client";
import { parseId } from "../forms/fields";
import { isSameOrigin } from "../http/same-origin";
import { AGENCY_HOME } from "./list-params";

const notFound = () => new Response("Không tìm thấy", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The petition the account's agency holds now (its current assignment, open to answers), read in `tx`. */
async function heldNow(actor: Actor, petitionId: number, tx: Pick<Tx, "petition"> = db) {
  if (!actor.agencyId) return null;
  return tx.petition.findFirst({
    where: { AND: [{ id: petitionId }, heldPetitionWhereFor(actor), { agencyId: actor.agencyId, status: { in: [...ANSWERING_STATUSES] } }] },
    select: { id: true, unitId: true, status: true, assignedAt: true, agency: { select: { id: true, name: true } } },
  });
}

/** POST /agency/{id}/gui, as the session's actor. */
export async function answerFromAccount(request: Request, rawId: string): Promise<Response> {
  return answerAsAccount(request, rawId, await getActor());
}

/** The same, for an actor already read (the tests call it with actors loaded as a session loads them). */
export async function answerAsAccount(request: Request, rawId: string, actor: Actor | null): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
  const petitionId = parseId(rawId);
  if (!allows(actor, "agency-petition:answer:agency") || petitionId === null || !(await heldNow(actor, petitionId))) return notFound();
  if (!declaredWithinLimit(request)) return tooLarge();
  const form = await readAnswerBody(request);
  if (form instanceof Response) return form;
  const back = (query: Record<string, string>) =>
    new NextResponse(null, { status: 303, headers: { location: `${AGENCY_HOME}/${petitionId}?${new URLSearchParams(query)}`, "cache-control": "no-store" } });
  if (!form) return back({ loi: "yeu-cau", mau: "" });
  const answer = await answerOfForm(form);
  if (!answer.ok) return back(answer.refused);
  const outcome = await answerAs(async (tx) => {
    const petition = await heldNow(actor, petitionId, tx);
    if (!petition?.agency) return null;
    return { held: { agencyId: petition.agency.id, agency: petition.agency, petition }, voice: { via: "account", userId: actor.userId } };
  }, answer.input);
  if (outcome === "gone") return notFound();
  return back(outcomeQuery(outcome, answer.kind));
}
