import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  poweredByHeader: false,
  // Native and WASM packages stay outside the server bundle.
  // The national unit catalogue is 2.2 MB; our own checks refuse files over 20 MB with a clear message.
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm", "exceljs"],
};

export default withNextIntl(config);
