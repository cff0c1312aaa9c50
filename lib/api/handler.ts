import "server-only";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getActor } from "../auth/current";
import { currentRequestId, noteUser } from "../log/context";
import { logError } from "../log/logger";
import { buildApiRoute, type ApiRouteDefinition } from "./route";
import { bearerToken } from "./token-format";
import { actorFromToken } from "./tokens";

/**
 * The actor of an API request. With an `Authorization` header, only the bearer token counts
 * (a malformed header is refused, never silently replaced by the session cookie); without
 * one, the session cookie, exactly as pages read it.
 */
export async function authenticateRequest(request: Request): Promise<Actor | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (token === null) return null;
  if (token !== undefined) {
    const actor = await actorFromToken(token);
    if (actor) noteUser(actor.userId);
    return actor;
  }
  return getActor();
}

/**
 * The one way to write an /api/v1 route handler: `export const GET = apiRoute({ permission,
 * query, handle })`. See lib/api/route.ts for the chain.
 */
export function apiRoute<Q extends z.ZodType, P, T>(definition: ApiRouteDefinition<Q, P, T>) {
  return buildApiRoute(definition, {
    authenticate: authenticateRequest,
    newRequestId: currentRequestId,
    logError: (requestId, error) => logError("api", requestId, error),
  });
}
