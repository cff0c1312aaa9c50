/**
 * The session on the Pages Router (only /meetings/new lives there, decision 019): the same
 * next-auth session and the same checks as lib/auth/current.ts, read from the Node request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { getServerSession } from "next-auth";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { sessionUpgradeCookieName } from "./session-cookie";
import { actorOfSession } from "./session-actor";

type PagesRequest = IncomingMessage & { cookies: Partial<Record<string, string>> };

export async function actorOfRequest(req: PagesRequest, res: ServerResponse): Promise<Actor | null> {
  return actorOfSession(await getServerSession(req, res, authOptions), req.cookies[sessionUpgradeCookieName()]);
}
