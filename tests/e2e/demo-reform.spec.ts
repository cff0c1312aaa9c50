/**
 * The demo `npm start` seeds spans the reform of 1 July 2025 (decision 056): the suite's own server runs the
 * three-level fixture, so this file starts one more, on a fresh embedded database in the reform shape, with
 * the build the suite's server made. The moved accounts see today's office and today's units.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { expect, test } from "./fixtures";

const dataDir = `.data/e2e-reform-${randomBytes(4).toString("hex")}`;
let child: ChildProcess | null = null;
let base = "";

test.describe.configure({ mode: "serial" });

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

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `pglite:${dataDir}`,
    NEXTAUTH_SECRET: `reform-${randomBytes(24).toString("hex")}`,
    NEXTAUTH_URL: base,
    DEMO_DATA: "on",
    TRUST_PROXY: "1",
  };
  delete env.DEMO_SHAPE; // npm start's own default: the demo across the reform
  child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { detached: true, stdio: ["ignore", "ignore", "inherit"], env });
  for (let i = 0; i < 1200 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become healthy (exit code ${child.exitCode})`);
});

test.afterAll(async () => {
  try {
    if (child?.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1_000));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: import("@playwright/test").Page, username: string) {
  const res = await page.request.post(`${base}/sign-in`, { form: { username, password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
}

test("the province leader's office is today's, and Vĩnh Phúc ended on 30/6/2025 with Phú Thọ as its successor", async ({ page }) => {
  await signIn(page, "tinh.vinhphuc");
  await page.goto(`${base}/`);
  await expect(page.getByRole("banner")).toContainText("Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ");
  await expect(page.getByText("Tỉnh Phú Thọ (25)")).toBeVisible();

  const phuTho = await (await page.request.get(`${base}/api/v1/units/25`)).json();
  expect(phuTho.children.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(["Lập Thạch", "Hợp Lý", "Thái Hòa", "Liên Hòa", "Tiên Lữ", "Sơn Đông"]));
  // Vĩnh Phúc closed into Phú Thọ: a Phú Thọ account reaches it (decision 057), as the administrator does.
  const vinhPhuc = await (await page.request.get(`${base}/api/v1/units/26`)).json();
  expect(vinhPhuc).toMatchObject({ name: "Vĩnh Phúc", validTo: "2025-06-30" });
  expect(vinhPhuc.successors).toEqual([expect.objectContaining({ code: "25", name: "Phú Thọ" })]);
  // Lai Châu's commune does not.
  await page.context().clearCookies();
  await signIn(page, "xa.binhlu");
  expect((await page.request.get(`${base}/api/v1/units/26`)).status()).toBe(404);
});

test("the province leader moved to Phú Thọ reads Vĩnh Phúc's reports as the units were, from Phú Thọ's; a commune user of today does not", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "tinh.vinhphuc");
  await page.goto(`${base}/reports`);
  const merged = page.getByRole("navigation", { name: "Đơn vị đã sáp nhập vào Tỉnh Phú Thọ:" });
  const link = merged.getByRole("link", { name: "Tỉnh Vĩnh Phúc (đến 30/06/2025)" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo Tỉnh Vĩnh Phúc");
  // The year of its last day, on the units as they were.
  await expect(page.getByText("Năm 2025 · Theo đơn vị khi phát sinh")).toBeVisible();
  // The form says so too: the link navigates without a reload, and the view's choice follows it.
  await expect(page.getByLabel("Đơn vị hành chính")).toHaveValue("historical");
  const children = page.getByRole("table").filter({ hasText: "Lập Thạch" }).first();
  await expect(children).toContainText("Vĩnh Tường");
  const url = page.url();

  await page.context().clearCookies();
  await signIn(page, "xa.lapthach");
  expect((await page.goto(url))!.status()).toBe(404);
});

test("the commune user works in the new commune: Đảng ủy xã Lập Thạch, petitions coded with Phú Thọ's code", async ({ page }) => {
  await signIn(page, "xa.lapthach");
  await page.goto(`${base}/`);
  await expect(page.getByRole("banner")).toContainText(/Đảng ủy xã Lập Thạch/i);
  await page.goto(`${base}/petitions`);
  await expect(page.getByRole("link", { name: /^25-2026-\d{5}$/ }).filter({ visible: true }).first()).toBeVisible();
});
