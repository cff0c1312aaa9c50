/**
 * Serves the built app on PORT: Next.js's request handler behind lib/http/server.ts's request log
 * and request id. scripts/start.ts runs it in place of `next start` (decision 023); run alone, it
 * expects a build (`npm run build`) and an applied database.
 */
import { createServer } from "node:http";

// Before Next.js and React load: they pick their production builds from it.
Object.assign(process.env, { NODE_ENV: "production" });

async function main() {
  const { default: next } = await import("next");
  const { withRequestLog } = await import("../lib/http/server");
  const { logger } = await import("../lib/log/logger");
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const { trustedProxyHops } = await import("../lib/http/client-address");
  const { admissionLimit, createAdmission } = await import("../lib/http/admission");
  const trustProxy = trustedProxyHops() > 0;
  const maxConcurrent = admissionLimit();
  const server = createServer(withRequestLog(app.getRequestHandler(), { trustProxy, admission: createAdmission(maxConcurrent) }));
  server.listen(port, () => logger.info({ type: "start", port, trustProxy, maxConcurrent }, "listening"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
