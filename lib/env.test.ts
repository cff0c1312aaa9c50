import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile, loadServerEnv, serverProcessEnv, type Env } from "./env";

const dirs: string[] = [];
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-env-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SECRET = "s".repeat(40);

describe("loadEnvFile", () => {
  it("fills the environment from .env, comments and quotes understood", () => {
    const dir = folderWith({ ".env": '# settings\nDATABASE_URL="postgres://u@h/db"\nPORT=4000\n' });
    const env: Env = {};
    loadEnvFile(dir, env);
    expect(env).toEqual({ DATABASE_URL: "postgres://u@h/db", PORT: "4000" });
  });

  it("never overrides a variable already set, even to an empty value", () => {
    const dir = folderWith({ ".env": "DATABASE_URL=pglite:from-file\nPORT=4000\n" });
    const env: Env = { DATABASE_URL: "pglite:from-shell", PORT: "" };
    loadEnvFile(dir, env);
    expect(env).toEqual({ DATABASE_URL: "pglite:from-shell", PORT: "" });
  });

  it("is content without a .env", () => {
    const env: Env = {};
    loadEnvFile(folderWith({}), env);
    expect(env).toEqual({});
  });

  it("refuses .env.local and .env.production, which only the server would read", () => {
    for (const other of [".env.local", ".env.production"]) {
      const dir = folderWith({ ".env": "PORT=1\n", [other]: "PORT=2\n" });
      expect(() => loadEnvFile(dir, {})).toThrow(new RegExp(`Chỉ dùng tệp \\.env.*only \\.env is read: move the settings of \\${other}`));
    }
  });
});

describe("loadServerEnv", () => {
  it("in production, refuses to start without NEXTAUTH_SECRET or NEXTAUTH_URL, in both languages", () => {
    expect(() => loadServerEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://dv.example.vn" })).toThrow(
      /Thiếu NEXTAUTH_SECRET khi chạy production.*NEXTAUTH_SECRET must be set in production/,
    );
    expect(() => loadServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET })).toThrow(/Thiếu NEXTAUTH_URL.*NEXTAUTH_URL must be set/);
    expect(() => loadServerEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET và NEXTAUTH_URL.*NEXTAUTH_SECRET and NEXTAUTH_URL must be set/);
  });

  it("in production, starts with both set", () => {
    const env = loadServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://dv.example.vn", PORT: "3001" });
    expect(env).toMatchObject({ production: true, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://dv.example.vn", PORT: 3001 });
  });

  it("outside production, defaults the address to localhost", () => {
    const env = loadServerEnv({ NEXTAUTH_SECRET: SECRET, PORT: "3005" });
    expect(env).toMatchObject({ production: false, NEXTAUTH_URL: "http://localhost:3005" });
  });
});

describe("serverProcessEnv", () => {
  it("hands next the checked settings, and Next.js telemetry is off (as `next telemetry status` reports)", () => {
    const env = serverProcessEnv(loadServerEnv({ NEXTAUTH_SECRET: SECRET }), { PATH: process.env.PATH, HOME: os.tmpdir() });
    expect(env).toMatchObject({ PORT: "3000", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "http://localhost:3000", NEXT_TELEMETRY_DISABLED: "1" });
    // In a scratch folder: next may write its telemetry notice file there.
    const status = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "telemetry", "status"], { env, encoding: "utf8", cwd: folderWith({}) });
    expect(status.stdout).toMatch(/Status: Disabled/);
  });
});

describe(".env.example", () => {
  /** Set by tools or the platform, not by an operator. */
  const NOT_SETTINGS = new Set(["PATH", "CI", "NEXT_PHASE", "DEBUG_MIGRATIONS", "PLAYWRIGHT_JSON_OUTPUT_NAME", "TEST_BACKEND", "E2E_PORT", "E2E_DATABASE_URL", "BENCH_PORT", "SEED_TODAY"]);

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
      return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
    });
  }

  it("documents every setting the app and its commands read", () => {
    const example = fs.readFileSync(".env.example", "utf8");
    const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const files = [...["app", "lib", "scripts", "prisma", "pages"].flatMap(sourceFiles), "proxy.ts", "next.config.ts"];
    const read = new Set(files.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1])));
    const undocumented = [...read].filter((name) => !NOT_SETTINGS.has(name) && !documented.has(name));
    expect(undocumented).toEqual([]);
    for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "PORT", "NODE_ENV", "DEMO_DATA", "ADMIN_PASSWORD"]) expect(documented).toContain(name);
  });
});
