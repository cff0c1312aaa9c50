import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

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
  // bigger files with a clear message, so the transport limit sits just above what they allow.
  experimental: { serverActions: { bodySizeLimit: "52mb" }, proxyClientMaxBodySize: "52mb" },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm", "exceljs"],
};

export default withNextIntl(config);
