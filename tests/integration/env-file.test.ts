/**
 * One configuration: every command reads `.env` the way `npm start` hands it to the server.
 * Before, `.env`'s DATABASE_URL reached `next` (which reads `.env` itself) but not the
 * scripts, so `npm start` migrated the embedded database while the server used another one.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript, scratchProject } from "../support/commands";

const project = scratchProject();
afterAll(() => project.remove());

describe("the commands read .env", () => {
  it("npm run db:migrate migrates the database named in .env, not the default one", async () => {
    fs.writeFileSync(path.join(project.dir, ".env"), "# the operator's settings\nDATABASE_URL=pglite:from-env\n");
    const result = await runScript("scripts/migrate.ts", [], { cwd: project.dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PGlite from-env");
    expect(fs.existsSync(path.join(project.dir, "from-env", "PG_VERSION"))).toBe(true);
    expect(fs.existsSync(path.join(project.dir, ".data", "pglite"))).toBe(false);
  });

  it("a variable set in the environment wins over .env", async () => {
    // The shell names the database the first test migrated (quick: nothing to apply).
    fs.writeFileSync(path.join(project.dir, ".env"), "DATABASE_URL=pglite:not-this-one\n");
    const result = await runScript("scripts/migrate.ts", [], { cwd: project.dir, env: { DATABASE_URL: "pglite:from-env" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PGlite from-env: không có migration mới / up to date");
    expect(fs.existsSync(path.join(project.dir, "not-this-one"))).toBe(false);
  });

  it("refuses a .env.local, which the server would read and the commands would not", async () => {
    fs.writeFileSync(path.join(project.dir, ".env.local"), "DATABASE_URL=pglite:elsewhere\n");
    try {
      const result = await runScript("scripts/migrate.ts", [], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Chỉ dùng tệp .env");
      expect(result.stderr).toContain("only .env is read");
      expect(fs.existsSync(path.join(project.dir, "elsewhere"))).toBe(false);
    } finally {
      fs.rmSync(path.join(project.dir, ".env.local"));
    }
  });

  it("npm start with NODE_ENV=production (here from .env) refuses to start without NEXTAUTH_SECRET and NEXTAUTH_URL", async () => {
    fs.writeFileSync(path.join(project.dir, ".env"), "NODE_ENV=production\nDATABASE_URL=pglite:prod\n");
    const result = await runScript("scripts/start.ts", [], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Thiếu NEXTAUTH_SECRET và NEXTAUTH_URL khi chạy production");
    expect(result.stderr).toContain("NEXTAUTH_SECRET and NEXTAUTH_URL must be set in production");
    // Refused before touching anything: no database, no generated secret.
    expect(fs.existsSync(path.join(project.dir, "prod"))).toBe(false);
    expect(fs.existsSync(path.join(project.dir, ".data", "auth-secret"))).toBe(false);
  });
});
