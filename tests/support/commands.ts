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

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  output(): string;
  /** Stops `npm start` (it passes the signal on to the server) and waits for it to end. */
  stop(): Promise<void>;
}

/** Runs `npm start` (scripts/start.ts) and resolves once it says the app is ready; rejects if it ends first. */
export function startApp(opts: { cwd: string; env: Record<string, string> }): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_SETTINGS) delete env[name];
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, [TSX, path.join(opts.cwd, "scripts/start.ts")], { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ended = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const server: RunningServer = {
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await ended;
    },
  };
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("the app is ready")) resolve(server);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => reject(new Error(`npm start ended (${code}) before it was ready:\n${output}`)));
  });
}
