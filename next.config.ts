import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { FIXED_SECURITY_HEADERS, SERVICE_WORKER_POLICY, STATIC_FILE_POLICY } from "./lib/http/security-headers";
import { MAX_REQUEST_BODY_BYTES } from "./lib/http/request-guard";

// The messages are compiled at build time, so the browser gets next-intl's small formatter instead of
// the ICU message parser (≈ 9 KB gzipped on every page; decision 016).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

const config: NextConfig = {
  poweredByHeader: false,
  // The one Pages Router page (/meetings/new, decision 019) bundles its packages as the App Router does, so that
  // next-intl's precompiled-messages alias reaches it too.
  bundlePagesRouterDependencies: true,
  // Native and WASM packages stay outside the server bundle.
  // The largest form is a petition with 5 attachments of at most 10 MB each; our own checks refuse
  // bigger files with a clear message, so the transport limit sits just above what they allow. A body declared
  // larger gets 413 from proxy.ts (lib/http/request-guard.ts) before Next.js reads it.
  experimental: { serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES }, proxyClientMaxBodySize: MAX_REQUEST_BODY_BYTES },
  // The files proxy.ts does not see (its matcher) get the fixed security headers here; everything else
  // gets them, with the page's nonce, from the proxy (decision 023).
  async headers() {
    const headers = Object.entries({ ...FIXED_SECURITY_HEADERS, "Content-Security-Policy": STATIC_FILE_POLICY }).map(([key, value]) => ({ key, value }));
    const staticFiles = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/robots.txt", "/icons/:path*", "/manifest.webmanifest"].map((source) => ({ source, headers }));
    // The service worker's own policy governs what it fetches: this site only (decision 070). Never taken
    // from the HTTP cache, so that a new version reaches phones on their next visit.
    const worker = Object.entries({ ...FIXED_SECURITY_HEADERS, "Content-Security-Policy": SERVICE_WORKER_POLICY, "Cache-Control": "no-cache" }).map(([key, value]) => ({ key, value }));
    return [...staticFiles, { source: "/sw.js", headers: worker }];
  },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm", "exceljs", "pino", "pg-boss", "nodemailer"],
};

export default withNextIntl(config);
