/**
 * A path on this site to send a user to after signing in, or `fallback`. The value comes from
 * the address (`?callbackUrl=`), so anyone can write it: it is resolved as a browser would
 * (a backslash reads as a slash, tabs and newlines are dropped) and kept only when it stays on
 * this origin. Control characters and backslashes are refused outright rather than cleaned.
 */
const BASE = "http://same-site.invalid";
const SIGN_IN_PATHS = new Set(["/login", "/sign-in"]);

export function sameSitePath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || SIGN_IN_PATHS.has(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}
