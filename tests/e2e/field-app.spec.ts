import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

/**
 * The field app (decisions 070, 071) in Chromium at a phone's size: installable, the field pages kept by
 * the service worker, forms saved offline kept on the device and sent when the connection returns.
 */
test.use({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });

const USER = "xa.lapthach";

/** The meeting form of the first team, its address. */
async function teamFormUrl(page: Page): Promise<string> {
  await page.goto("/meetings/new?kind=TEAM_MONTHLY");
  await page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link").first().click();
  await expect(page.getByRole("group", { name: "Điểm danh" })).toBeVisible();
  return page.url();
}

/** Opens `path` until the service worker controls the page and keeps a copy of it. */
async function keep(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(() => page.evaluate(async (p) => Boolean(await caches.match(p)), path)).toBe(true);
}

const badge = (page: Page) => page.getByRole("banner").getByRole("button", { name: /chưa gửi/ });

async function logMeetingOffline(page: Page, url: string, place: string, petition?: string): Promise<string> {
  await page.goto(url);
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  await page.getByLabel("Địa điểm").fill(place);
  await page.getByLabel("Biên bản cuộc họp").fill(`Biên bản ${place}.`);
  if (petition) {
    const row = page.getByRole("listitem", { name: "Kiến nghị 1" });
    await row.getByLabel("Nội dung kiến nghị").fill(petition);
    await row.getByLabel("Lĩnh vực").selectOption({ label: "Hạ tầng – giao thông" });
  }
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(page.getByText("Không có mạng: đã lưu trên máy, sẽ tự gửi khi có mạng.")).toBeVisible();
  return key;
}

async function takePetitionOffline(page: Page, name: string, open = true): Promise<void> {
  if (open) await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill(`Đề nghị sửa cống thoát nước trước nhà ông ${name}.`);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page.getByText("Không có mạng: kiến nghị đã lưu trên máy, sẽ tự gửi khi có mạng.")).toBeVisible();
}

/** The meetings the server holds whose place carries `token`, with their attendance and raised petitions. */
async function meetingsWith(request: APIRequestContext, token: string) {
  const list = (await (await request.get("/api/v1/meetings?limit=200")).json()) as { items: { id: number; place: string }[] };
  const found = list.items.filter((m) => m.place.includes(token));
  return Promise.all(
    found.map(async (m) => (await (await request.get(`/api/v1/meetings/${m.id}`)).json()) as { place: string; attendance: { present: number; total: number }; petitions?: unknown[]; raisedPetitions?: unknown[] }),
  );
}

async function petitionsWith(request: APIRequestContext, token: string): Promise<{ id: number }[]> {
  const body = (await (await request.get(`/api/v1/petitions?q=${encodeURIComponent(token)}`)).json()) as { items: { id: number }[] };
  return body.items;
}

/** Signed in, the first team's form kept, the network cut, and one meeting saved: kept on the phone. */
async function oneMeetingOffline(page: Page, context: BrowserContext, token: string, petition?: string): Promise<void> {
  await signInAs(page, USER);
  const url = await teamFormUrl(page);
  await keep(page, new URL(url).pathname + new URL(url).search);
  await context.setOffline(true);
  await logMeetingOffline(page, url, `Nhà văn hóa ${token} A`, petition);
}

/** Two meetings (one with a petition raised at it) and one petition taken in, all offline; reloaded, the header says 3. */
async function fillTheQueue(page: Page, context: BrowserContext, token: string): Promise<string[]> {
  await signInAs(page, USER);
  const url = await teamFormUrl(page);
  await keep(page, new URL(url).pathname + new URL(url).search);
  await keep(page, "/petitions/new");
  await context.setOffline(true);
  const first = await logMeetingOffline(page, url, `Nhà văn hóa ${token} A`, `Đề nghị lắp đèn đường ngõ 5 ${token}.`);
  await expect(badge(page)).toHaveText("1 chưa gửi");
  const second = await logMeetingOffline(page, url, `Nhà văn hóa ${token} B`);
  expect(second, "a kept form shows a new idempotency key each time").not.toBe(first);
  await takePetitionOffline(page, `Nguyễn Văn ${token}`);
  await expect(badge(page)).toHaveText("3 chưa gửi");
  await page.reload();
  await expect(badge(page)).toHaveText("3 chưa gửi");
  await badge(page).click();
  await expect(page.getByRole("dialog", { name: "Chưa gửi" }).getByRole("listitem")).toHaveCount(3);
  await page.getByRole("dialog", { name: "Chưa gửi" }).getByRole("button", { name: "Đóng" }).click();
  return [first, second];
}

async function expectSent(page: Page, token: string): Promise<void> {
  // The queue is sent in the background once the page is back (and signed in): a badge hidden on a page just
  // loaded may come before the sending ends, so the server is asked until both meetings are there.
  await expect.poll(async () => (await meetingsWith(page.request, token)).map((m) => m.place).sort()).toEqual([`Nhà văn hóa ${token} A`, `Nhà văn hóa ${token} B`]);
  await expect.poll(async () => (await petitionsWith(page.request, `Nguyễn Văn ${token}`)).length).toBe(1);
  const meetings = await meetingsWith(page.request, token);
  for (const m of meetings) {
    expect(m.attendance.total).toBeGreaterThan(0);
    expect(m.attendance.present).toBe(m.attendance.total);
  }
  expect(await petitionsWith(page.request, `Nguyễn Văn ${token}`)).toHaveLength(1);
  // The petition raised at meeting A is linked to it.
  expect(await petitionsWith(page.request, `lắp đèn đường ngõ 5 ${token}`)).toHaveLength(1);
}

test("offline, two meetings and a petition are kept on the phone, survive a reload, and are sent once back online", async ({ page, context }) => {
  const token = randomBytes(3).toString("hex");
  await fillTheQueue(page, context, token);
  await context.setOffline(false);
  await expect(badge(page)).toBeHidden();
  await expectSent(page, token);
});

test("a session that lapsed offline strands nothing: after signing in again the queue is sent", async ({ page, context }) => {
  const token = randomBytes(3).toString("hex");
  await fillTheQueue(page, context, token);
  await context.clearCookies();
  await context.setOffline(false);
  await expect(badge(page)).toHaveText("3 chưa gửi · cần đăng nhập lại");
  await signInWithForm(page, USER);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(badge(page)).toBeHidden();
  await expectSent(page, token);
});

test("a queued meeting sent again after its answer was lost makes nothing new", async ({ page, context }) => {
  const token = randomBytes(3).toString("hex");
  await oneMeetingOffline(page, context, token);
  // The server takes the first send, and its answer never reaches the phone.
  let dropped = 0;
  await context.route("**/field/meetings", async (route) => {
    await route.fetch();
    dropped++;
    await route.abort("connectionreset");
  });
  await context.setOffline(false);
  await expect.poll(() => dropped).toBeGreaterThan(0);
  await expect(badge(page)).toHaveText("1 chưa gửi");
  expect(await meetingsWith(page.request, token)).toHaveLength(1);
  await context.unroute("**/field/meetings");
  await badge(page).click();
  await page.getByRole("button", { name: "Gửi ngay" }).click();
  await expect(badge(page)).toBeHidden();
  expect(await meetingsWith(page.request, token)).toHaveLength(1);
});

test("a kept meeting the server refuses comes back as its form with the messages; corrected and saved, it leaves the phone", async ({ page, context }) => {
  const token = randomBytes(3).toString("hex");
  await oneMeetingOffline(page, context, token, "Ngắn");
  await context.setOffline(false);
  await expect(badge(page)).toHaveText("1 chưa gửi");
  await badge(page).click();
  const panel = page.getByRole("dialog", { name: "Chưa gửi" });
  await expect(panel.getByText("Máy chủ chưa nhận: cần sửa lại.")).toBeVisible();
  await expect(panel.getByText(/^Nội dung kiến nghị quá ngắn/)).toBeVisible();
  await panel.getByRole("button", { name: "Mở lại biểu mẫu" }).click();
  // The meeting form, as the server answers a refused submission: the message on its field, what was typed.
  await expect(page.getByRole("main").getByText(/^Nội dung kiến nghị quá ngắn/)).toBeVisible();
  await expect(page.getByLabel("Địa điểm")).toHaveValue(`Nhà văn hóa ${token} A`);
  const row = page.getByRole("listitem", { name: "Kiến nghị 1" });
  await expect(row.getByLabel("Nội dung kiến nghị")).toHaveValue("Ngắn");
  await row.getByLabel("Nội dung kiến nghị").fill(`Đề nghị sửa đèn đường ngõ 3 ${token}.`);
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);
  await expect(badge(page)).toBeHidden();
  expect(await meetingsWith(page.request, token)).toHaveLength(1);
});

test("a kept petition the server refuses opens again in the intake form with its message", async ({ page, context }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, USER);
  await keep(page, "/petitions/new");
  // Accepted by the phone, refused by the server: a petitioner's name longer than the server takes.
  await context.setOffline(true);
  await page.goto("/petitions/new");
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
  await takePetitionOffline(page, `${"Nguyễn ".repeat(40)}${token}`, false);
  await context.setOffline(false);
  await expect(badge(page)).toHaveText("1 chưa gửi");
  await badge(page).click();
  await page.getByRole("dialog", { name: "Chưa gửi" }).getByRole("button", { name: "Mở lại biểu mẫu" }).click();
  await expect(page.getByRole("main").getByText("Họ tên không được dài quá 200 ký tự.")).toBeVisible();
  await expect(page.getByLabel("Nội dung kiến nghị *")).toHaveValue(new RegExp(token));
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(`Nguyễn Văn ${token}`);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  await expect(badge(page)).toBeHidden();
  expect(await petitionsWith(page.request, `Nguyễn Văn ${token}`)).toHaveLength(1);
});

test("signing out with unsent items asks first; removing them leaves nothing on the phone", async ({ page, context }) => {
  const token = randomBytes(3).toString("hex");
  await oneMeetingOffline(page, context, token);
  // Back online, the server answers the send as it answers a lapsed session (this page stays signed in).
  await context.route("**/field/meetings", (route) => route.fulfill({ status: 401, json: { error: "unauthenticated" } }));
  await context.setOffline(false);
  await expect(badge(page)).toHaveText("1 chưa gửi · cần đăng nhập lại");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  const dialog = page.getByRole("dialog", { name: "Còn mục chưa gửi" });
  await expect(dialog).toContainText("Máy này còn 1 mục chưa gửi");
  await dialog.getByRole("button", { name: "Ở lại" }).click();
  await expect(badge(page)).toHaveText("1 chưa gửi · cần đăng nhập lại");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await dialog.getByRole("button", { name: "Xoá khỏi máy và đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  const left = await page.evaluate(async () => ({ pages: (await caches.keys()).filter((n) => n.startsWith("dv-pages")).length }));
  expect(left.pages).toBe(0);
  await context.unroute("**/field/meetings");
  await signInAs(page, USER);
  await page.goto("/");
  await expect(page.getByTestId("who")).toBeVisible();
  await expect(badge(page)).toBeHidden();
  expect(await meetingsWith(page.request, token)).toHaveLength(0);
});

test("Chromium finds the app installable: a valid manifest, a service worker in control, icons that load", async ({ playwright, baseURL }, info) => {
  // Chromium never offers to install from an incognito profile, which every Playwright context is: a profile on disk.
  const profile = mkdtempSync(join(tmpdir(), "dv-install-"));
  const launch = info.project.use.launchOptions ?? {};
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...launch,
    // Chromium offers installation only after some use of the site; this switch skips the wait, as a test must.
    args: [...(launch.args ?? []), "--bypass-app-banner-engagement-checks"],
    baseURL,
    locale: "vi-VN",
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signInAs(page, USER);
    await keep(page, "/meetings/new");
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    // On a phone, Chromium's offer becomes the header's install button.
    await page.reload();
    await expect(page.getByRole("banner").getByRole("button", { name: "Cài ứng dụng" })).toBeVisible();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  // The manifest, its icons, the favicon and the service worker answer without a session.
  const anonymous = await playwright.request.newContext({ baseURL });
  const parsed = (await (await anonymous.get("/manifest.webmanifest", { maxRedirects: 0 })).json()) as { icons: { src: string; sizes: string }[] };
  expect(parsed.icons.length).toBeGreaterThanOrEqual(2);
  for (const path of [...parsed.icons.map((i) => i.src), "/favicon.ico"]) {
    const res = await anonymous.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(/^image\//);
  }
  const worker = await anonymous.get("/sw.js", { maxRedirects: 0 });
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toMatch(/javascript/);
  await anonymous.dispose();
});
