import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// One fresh database per run (the lock-out test must not meet an earlier run's lock).
process.env.E2E_DATABASE_URL ??= `pglite:.data/e2e-${Date.now()}`;
// The server's JSON log lines, copied to a file that tests/e2e/request-logs.spec.ts reads (LOG_FILE, decision 023).
process.env.E2E_LOG_FILE ??= `.data/e2e-${Date.now()}.log`;
// The SMTP server tests/e2e/agency-link-email.spec.ts starts (decision 075): the app's e-mail goes to it. Nothing else
// sends e-mail: the demo has no agency address and no user who chose e-mail.
process.env.E2E_SMTP_PORT ??= String(port + 1);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_URL: baseURL,
      LOG_FILE: process.env.E2E_LOG_FILE,
      // The tests sign in as the demo accounts, whatever the developer's .env says (the environment wins over it).
      DEMO_DATA: "on",
      // The three-level workflow's fixture: Vĩnh Phúc's districts current, as the tests were written for
      // (decision 056); `npm start` alone seeds the demo that spans the 2025 reform
      // (tests/e2e/demo-reform.spec.ts starts one of its own).
      DEMO_SHAPE: "three-level",
      // As behind the README's reverse proxy: the tests speak for the proxy, setting X-Forwarded-For to stand
      // for different client addresses (sign-in throttling) and X-Request-Id.
      TRUST_PROXY: "1",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: process.env.E2E_SMTP_PORT,
      SMTP_SECURE: "false",
      SMTP_FROM: "Dân vận <no-reply@danvan.test>",
      NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET ?? `e2e-${randomBytes(24).toString("hex")}`,
    },
  },
});
