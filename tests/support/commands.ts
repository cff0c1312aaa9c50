import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PROJECT_DIR = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(PROJECT_DIR, "node_modules/tsx/dist/cli.mjs");

/**
 * A throwaway project folder: the project's code linked in, so that a command run there finds
 * its `.env`, `.data` and relative paths in this folder and never in the developer's checkout.
 */
export function scratchProject(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-cmd-"));
  for (const entry of ["app", "components", "lib", "node_modules", "package.json", "pages", "prisma", "public", "scripts", "tsconfig.json"]) {
    fs.symlinkSync(path.join(PROJECT_DIR, entry), path.join(dir, entry));
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The settings a command must not inherit from the test run (the developer's or CI's own). */
const INHERITED_SETTINGS = ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "NODE_ENV", "ADMIN_PASSWORD", "DEMO_DATA", "PORT"];

/** Runs `scripts/<script>` (TypeScript, through tsx) in `cwd` with only `env` as its settings. */
export function runScript(script: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_SETTINGS) delete env[name];
  Object.assign(env, opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(opts.cwd, script), ...args], { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
