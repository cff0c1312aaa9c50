/**
 * A form posted from another site is refused: the Origin (or, without it, the Referer) must name
 * this host. Server actions get this check from Next.js; plain form endpoints (sign-out, the
 * language switch, the meeting form on the Pages Router) get it here. A request with neither
 * header (not a browser's form) is let through, as Next.js does; the session cookie is
 * SameSite=Lax anyway.
 */
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function isSameOrigin(headers: HeaderBag): boolean {
  const from = header(headers, "origin") ?? header(headers, "referer");
  if (!from) return true;
  const host = header(headers, "x-forwarded-host") ?? header(headers, "host");
  try {
    return new URL(from).host === host;
  } catch {
    return false;
  }
}

/** A path on this site to go back to after a form: the Referer's, when it is ours; else `fallback`. */
export function returnPath(headers: HeaderBag, fallback = "/"): string {
  const referer = header(headers, "referer");
  if (!referer || !isSameOrigin(headers)) return fallback;
  try {
    const url = new URL(referer);
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}
