/**
 * Several app processes on one PostgreSQL database (README, "Several app processes"): started
 * together on an empty database, they go through migrations and the demo seed one at a time.
 * Before, both seeded at once, both failed, and the loser's clean-up emptied the tables.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/prisma/seed/accounts";
import { databaseUrl, serverUrl, testBackend } from "../support/test-db";

const name = `dvtest_${crypto.randomBytes(6).toString("hex")}`;
let url: string;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `npm run db:seed` as its own process; resolves with its exit code and output. */
function seedProcess(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "prisma/seed/run.ts"], {
      env: { ...process.env, DATABASE_URL: url, SEED_TODAY: "2026-11-23" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.runIf(testBackend() === "postgres")("two processes started together on an empty database", () => {
  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    url = databaseUrl(serverUrl(), name);
  });

  afterAll(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it("migrate and seed once, one after the other, and both succeed", async () => {
    const [a, b] = await Promise.all([seedProcess(), seedProcess()]);
    expect([a.code, b.code], `${a.output}\n---\n${b.output}`).toEqual([0, 0]);
    expect([a.output, b.output].filter((o) => o.includes("seeding demo data"))).toHaveLength(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ username: string }>(`SELECT username FROM "User" ORDER BY username`);
      expect(rows.map((r) => r.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    } finally {
      await client.end();
    }
  }, 240_000);
});
