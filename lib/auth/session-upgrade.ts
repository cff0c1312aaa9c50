import { decode, encode } from "./jwt";
import { ABSOLUTE_TIMEOUT_SECONDS, type SessionClaims } from "./session-policy";

/** The content of the upgrade cookie (see sessionUpgradeCookieName): this session id now stands at this version. */
interface SessionUpgrade {
  sid: string;
  sv: number;
}

function isSessionUpgrade(token: unknown): token is SessionUpgrade {
  const t = token as Partial<SessionUpgrade> | null;
  return !!t && typeof t.sid === "string" && typeof t.sv === "number";
}

/** The upgrade token for a session moved to `sv`, and its lifetime (to the session's 12-hour end). */
export async function encodeSessionUpgrade(claims: SessionClaims, sv: number, secret: string, nowSeconds = Date.now() / 1000) {
  const maxAge = Math.max(0, Math.floor(claims.loginAt + ABSOLUTE_TIMEOUT_SECONDS - nowSeconds));
  const token = await encode({ token: { sid: claims.sid, sv } satisfies SessionUpgrade as unknown as Record<string, unknown>, secret, maxAge });
  return { token, maxAge };
}

/** The claims with the version of a valid upgrade cookie of the same session applied; otherwise unchanged. */
export async function applySessionUpgrade(claims: SessionClaims, raw: string | undefined, secret: string): Promise<SessionClaims> {
  if (!raw) return claims;
  const upgrade = await decode({ token: raw, secret }).catch(() => null);
  if (!isSessionUpgrade(upgrade) || upgrade.sid !== claims.sid || upgrade.sv <= claims.sv) return claims;
  return { ...claims, sv: upgrade.sv };
}
