/**
 * The agency's link (decision 063), the pure part: a random token of 32 bytes (base64url) behind `dvc_`, of
 * which only the SHA-256 is stored and compared, in constant time; and when a link lapses.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "dvc_";
const PATTERN = /^dvc_[A-Za-z0-9_-]{43}$/;
/** How long a link outlives the deadline to resolve it: the agency may still be answering after it. */
export const LINK_GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(`dan-van agency-link:${token}`, "utf8").digest("hex");
}

/** The token of a request, or null when it cannot be one (checked before any database work). */
export function linkTokenOf(raw: unknown): string | null {
  return typeof raw === "string" && PATTERN.test(raw) ? raw : null;
}

/** Whether two SHA-256 hex digests are equal, in time independent of where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(/^[0-9a-f]{64}$/.test(a) ? a : "0".repeat(64), "hex");
  const y = Buffer.from(/^[0-9a-f]{64}$/.test(b) ? b : "f".repeat(64), "hex");
  return timingSafeEqual(x, y) && a === b;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * A link works to the end (midnight in Vietnam) of the day LINK_GRACE_DAYS after its petition is due, or
 * after today when that is later or there is no deadline. `dueOn` and `today` are `@db.Date` values.
 */
export function linkExpiry(dueOn: Date | null, today: Date): Date {
  const from = dueOn && dueOn.getTime() > today.getTime() ? dueOn.getTime() : today.getTime();
  return new Date(from + (LINK_GRACE_DAYS + 1) * DAY_MS - VIETNAM_OFFSET_MS);
}

/** The link's address: the token travels in the query, whose values the request log masks (decision 023). */
export function linkUrl(baseUrl: string, token: string): string {
  const url = new URL("/co-quan", baseUrl);
  url.searchParams.set("k", token);
  return url.toString();
}
