/**
 * Personal API tokens: a user makes, lists and revokes their own; a request bearing one acts as
 * its user (same role, same subtree). Only the SHA-256 of a token is stored (see
 * docs/decisions/008-api-tokens.md).
 */
import { ActionError } from "../actions/result";
import { loadActor, type Actor } from "../auth/actor";
import { audit } from "../audit/log";
import { db } from "../db/client";
import type { CreateTokenInput, RevokeTokenInput } from "./schemas";
import { generateToken, hashToken, looksLikeToken, tokenStatus } from "./token-format";

const DAY_MS = 24 * 60 * 60 * 1000;
/** lastUsedAt is written at most once a minute per token: a busy script must not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60 * 1000;
/** Live (not revoked, not expired) tokens one user may hold. */
export const MAX_ACTIVE_TOKENS = 20;

/** The list shows this many of the newest tokens (live ones are capped at MAX_ACTIVE_TOKENS anyway). */
export const TOKEN_LIST_LIMIT = 100;

/** The actor's own tokens, newest first, with their status. */
export async function listOwnTokens(actor: Pick<Actor, "userId">, now = new Date()) {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TOKEN_LIST_LIMIT,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  return rows.map((row) => ({ ...row, status: tokenStatus(row, now) }));
}

/** Makes a token for the actor; the returned `token` is the only time the secret is seen. */
export async function createToken(actor: Pick<Actor, "userId" | "unit">, input: CreateTokenInput, now = new Date()) {
  const { token, tokenHash, prefix } = generateToken();
  const expiresAt = input.lifetime === null ? null : new Date(now.getTime() + input.lifetime * DAY_MS);
  return db.$transaction(async (tx) => {
    const live = await tx.apiToken.count({
      where: { userId: actor.userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    if (live >= MAX_ACTIVE_TOKENS) throw new ActionError("INVALID_STATE", "too many live tokens");
    const created = await tx.apiToken.create({
      data: { userId: actor.userId, name: input.name, tokenHash, prefix, expiresAt, createdAt: now },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "api-token.create",
      entity: "ApiToken",
      entityId: created.id,
      unitId: actor.unit.id,
      data: { name: created.name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...created, token };
  });
}

/**
 * Revokes one of the actor's own tokens. Another user's token answers NOT_FOUND, like a missing
 * one; revoking a token already revoked changes nothing and succeeds (a double submission).
 */
export async function revokeToken(actor: Pick<Actor, "userId" | "unit">, input: RevokeTokenInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: input.tokenId, userId: actor.userId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!token) throw new ActionError("NOT_FOUND");
    if (token.revokedAt) return { id: token.id, name: token.name };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "api-token.revoke",
      entity: "ApiToken",
      entityId: token.id,
      unitId: actor.unit.id,
      data: { name: token.name, prefix: token.prefix },
    });
    return { id: token.id, name: token.name };
  });
}

/**
 * The actor a bearer token stands for, or null: unknown, revoked or expired token, or a disabled
 * user. Marks the token used, at most once a minute.
 */
export async function actorFromToken(token: string, now = new Date()): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || tokenStatus(row, now) !== "active") return null;
  const actor = await loadActor(row.userId);
  if (!actor) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= staleBefore) {
    // The condition is repeated in the update, so concurrent requests write it once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return actor;
}
