/**
 * npm start [-- --no-demo]: read the settings (environment, then `.env`), apply migrations,
 * seed the demo data only on a database with no unit and no account (and not with
 * DEMO_DATA=off or --no-demo), build when there is no build (or the sources changed since),
 * then serve on PORT with the same settings (scripts/serve.ts: Next.js behind the request log). With NODE_ENV=production it refuses to start
 * without NEXTAUTH_SECRET and NEXTAUTH_URL.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describeDatabase, databaseConfig } from "../lib/db/config";
import { withStartLock } from "../lib/db/start-lock";
import { demoSwitch } from "../lib/demo/switch";
import { loadEnvFile, loadServerEnv, serverProcessEnv } from "../lib/env";
import { serverHeapArgs } from "../lib/http/heap";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";
import { migrateAndSeed } from "../prisma/seed/run";

const SOURCES = ["app", "pages", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (entry === "lib" && child === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  loadEnvFile();
  const env = loadServerEnv();
  const demo = demoSwitch();
  // The server's heap ceiling (SERVER_HEAP_MB, decision 029), checked before anything is done.
  const heapArgs = serverHeapArgs();
  // `next build` and `next start` get exactly what this script read, `.env` included.
  const childEnv = serverProcessEnv(env);
  console.log(`Cơ sở dữ liệu / database: ${describeDatabase(databaseConfig())}`);

  // Several processes started together on one database: one at a time through migrations, seed and build.
  const { demoAccounts } = await withStartLock(databaseConfig(), async () => {
    const result = await migrateAndSeed({ demo });
    if (needsBuild()) {
      console.log("Đang build ứng dụng / building the app…");
      const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: childEnv });
      if (build.status !== 0) throw new Error("Build thất bại / build failed");
    }
    return result;
  });

  // Next.js behind the request log and request id (scripts/serve.ts, decision 023), in place of `next start`.
  const server = spawn(process.execPath, [...heapArgs, "--import", "tsx", "scripts/serve.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: childEnv,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  const url = `http://localhost:${env.PORT}`;
  if (await waitForHealth(`${url}/api/health`, server)) {
    console.log(`\nỨng dụng đã sẵn sàng / the app is ready: ${env.NEXTAUTH_URL}`);
    // Only on a demo database: a real one's accounts are never announced.
    if (demoAccounts.length) {
      console.log(`Tài khoản demo / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
      for (const a of demoAccounts) console.log(`  ${a.username.padEnd(16)} ${a.description}`);
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
