/**
 * The session on the Pages Router (only /meetings/new lives there, decision 019): the same
 * next-auth session and the same gate as lib/auth/current.ts, read from the Node request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { getServerSession } from "next-auth";
import type { Actor } from "./actor";
import { gate, type GateAnswer } from "./gate";
import { authOptions } from "./options";
import type { Permission } from "./roles";
import { sessionUpgradeCookieName } from "./session-cookie";
import { actorOfSession } from "./session-actor";

type PagesRequest = IncomingMessage & { cookies: Partial<Record<string, string>> };

export async function actorOfRequest(req: PagesRequest, res: ServerResponse): Promise<Actor | null> {
  return actorOfSession(await getServerSession(req, res, authOptions), req.cookies[sessionUpgradeCookieName()]);
}

/** The one gate (lib/auth/gate.ts) for a Pages Router request to `pathname`. */
export async function gateOfPagesRequest(req: PagesRequest, res: ServerResponse, pathname: string, permission: Permission): Promise<GateAnswer> {
  return gate(await actorOfRequest(req, res), pathname, permission);
}
