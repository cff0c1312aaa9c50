/**
 * The security headers of every response (issue 12, finding 5; decision 023). proxy.ts sets them on
 * everything it sees (pages of both routers, route handlers, the API, error pages), with a fresh
 * nonce per request; next.config.ts sets the fixed ones on the static files the proxy skips.
 * Runs in the proxy: Web APIs only.
 */

/** The request header through which proxy.ts hands the nonce to the page (Next.js reads the CSP one itself). */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PolicyOptions {
  /** `next dev`: React rebuilds server error stacks with eval there, never in production. */
  development: boolean;
  /** The public address is https: ask the browser to fetch everything over https. */
  https: boolean;
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next.js puts it
 * on its own scripts; the meeting form's inline script gets it from the page), and whatever those load
 * ('strict-dynamic': the charts' lazily loaded chunks). Styles allow inline: React's `style` attributes
 * (recharts, the bar tables' widths) cannot carry a nonce, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { development, https }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // The field app (decision 070): its service worker (/sw.js) and manifest come from this site.
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** What static files (scripts, styles, fonts, images) get: they load nothing and are framed by no one. */
export const STATIC_FILE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The service worker's (/sw.js): it fetches pages and posts forms to this site, and nothing else. */
export const SERVICE_WORKER_POLICY = "default-src 'self'; frame-ancestors 'none'";

/** Browser features the app never uses, switched off for it and anything it might embed. */
const PERMISSIONS_POLICY = ["accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb", "serial", "hid"]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** The headers besides the CSP, the same on every response. */
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": PERMISSIONS_POLICY,
  // For browsers without CSP's frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** One year; includeSubDomains and preload are the operator's choice at the TLS terminator (README). */
export const HSTS = "max-age=31536000";

/** Is this public address (NEXTAUTH_URL) served over https? */
export function isHttps(publicUrl: string | undefined): boolean {
  try {
    return publicUrl ? new URL(publicUrl).protocol === "https:" : false;
  } catch {
    return false;
  }
}

/** All the headers of a response the proxy sees: the CSP with this nonce, the fixed ones, HSTS when https. */
export function securityHeaders(nonce: string, { development, publicUrl }: { development: boolean; publicUrl: string | undefined }): Record<string, string> {
  const https = isHttps(publicUrl);
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { development, https }),
    ...FIXED_SECURITY_HEADERS,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
