/**
 * Several app processes on one PostgreSQL database, as behind the README's proxy with two
 * upstreams: started together (migrations and the demo seed one at a time), they share sign-ins,
 * data and sign-outs. Signed in through one, a user reads and writes through the other; signed out
 * through one, the same session cookie is refused by the other. Needs a PostgreSQL server
 * (E2E_POSTGRES_URL, else TEST_DATABASE_URL, else DATABASE_URL, as `npm test` finds it) and the build the
 * suite's own server made. Under CI a missing server fails the test rather than skipping it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { expect, test } from "./fixtures";

const server = [process.env.E2E_POSTGRES_URL, process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find((url) => url?.startsWith("postgres"));
const database = `dve2e_${randomBytes(6).toString("hex")}`;
const children: ChildProcess[] = [];
let first = "";
let second = "";

test.describe.configure({ mode: "serial" });
test.skip(!server && !process.env.CI, "needs a PostgreSQL server: set E2E_POSTGRES_URL, TEST_DATABASE_URL or DATABASE_URL");

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function healthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become healthy (exit code ${child.exitCode})`);
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await onServer(`CREATE DATABASE "${database}"`);
  const ports = [await freePort(), await freePort()];
  [first, second] = ports.map((p) => `http://localhost:${p}`);
  const secret = `several-${randomBytes(24).toString("hex")}`;
  // Both at once, as a supervisor starts them: `npm start`'s migrations, seed and build take turns.
  for (const port of ports) {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      detached: true, // a process group of its own, stopped whole afterwards
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: withDatabase(server!, database),
        NEXTAUTH_SECRET: secret,
        // One public address for both, as behind the proxy.
        NEXTAUTH_URL: first,
        DEMO_DATA: "on",
        // The district staff account signs in: districts current (decision 056).
        DEMO_SHAPE: "three-level",
        TRUST_PROXY: "1",
      },
    });
    children.push(child);
  }
  await Promise.all([healthy(first, children[0]), healthy(second, children[1])]);
});

test.afterAll(async () => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 1_000));
  if (server?.startsWith("postgres")) await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

test("signed in through one process, a user reads and writes through the other; a sign-out through one holds on the other", async ({ page, playwright }) => {
  // Sign in through the first process (the cookie is the host's, whichever port).
  const signIn = await page.request.post(`${first}/sign-in`, { form: { username: "huyen.lapthach", password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(signIn.status()).toBe(303);

  // Read and write through the second.
  await page.goto(`${second}/petitions`);
  await expect(page).toHaveURL(`${second}/petitions`);
  await page.goto(`${second}/petitions/new`);
  const content = `Hai tiến trình: đề nghị sửa cống thoát nước ${randomBytes(3).toString("hex")}.`;
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Đơn thư" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill("Trần Thị Bình");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Môi trường" });
  await page.getByLabel("Nội dung kiến nghị *").fill(content);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(new RegExp(`^${second}/petitions/\\d+\\?created=1$`));
  const path = new URL(page.url()).pathname;

  // The first process shows what the second saved.
  await page.goto(`${first}${path}`);
  await expect(page.getByText(content)).toBeVisible();

  // Sign out through the first; the second refuses the same cookie.
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  const stale = await playwright.request.newContext({ extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
  try {
    const after = await stale.get(`${second}/petitions`, { maxRedirects: 0 });
    expect(after.status()).toBeGreaterThanOrEqual(300);
    expect(after.status()).toBeLessThan(400);
    expect(after.headers()["location"]).toMatch(/\/login/);
  } finally {
    await stale.dispose();
  }
});
