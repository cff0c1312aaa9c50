import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/**
 * Issue 16, part 4, "Done when" (decision 063): staff assign a petition; the agency, in a browser that never
 * signed in, at a phone's width, opens its link, proposes "settled" with its reply document, by keyboard
 * through labelled fields; staff accept it. The timeline shows the agency's proposal and the resolution, and
 * the rollups count it (the read API's figures of the district for this month). A wrong link reads as a 404.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function agencyPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: "vi-VN",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${1 + (randomBytes(1)[0] % 250)}` },
  });
  return context.newPage();
}

async function takeStep(page: Page, step: string, fill: (form: ReturnType<Page["locator"]>) => Promise<void>, status: string) {
  const actions = page.getByRole("region", { name: "Xử lý" });
  const group = actions.locator("details").filter({ has: page.getByText(step, { exact: true }) });
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator("summary").click();
  await fill(group);
  await group.getByRole("button", { name: step }).click();
  await expect(page.locator("h1 + span")).toContainText(status);
}

/** This month's figures of Lập Thạch (district 246) as the read API gives them to the signed-in staff. */
async function monthFigures(page: Page): Promise<{ resolved: number; settled: number }> {
  const now = new Date(Date.now() + 7 * 3600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const from = `${y}-${String(m + 1).padStart(2, "0")}-01`;
  const to = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
  const res = await page.request.get(`/api/v1/rollup?unit=246&from=${from}&to=${to}&view=historical`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { kpis: { resolved: number; settled: number } };
  return { resolved: body.kpis.resolved, settled: body.kpis.settled };
}

test("an agency opens its link, proposes “settled”, and the staff accepts: on the timeline and in the rollups", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const token = randomBytes(3).toString("hex");
  const name = `Lê Văn Cơ Quan ${token}`;

  // Staff take a petition and assign it.
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
  await page.getByLabel("Số điện thoại").fill("0912 000 111");
  await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill(`Đề nghị khơi thông mương thoát nước ở xóm ${token}.`);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  const petitionPath = new URL(page.url()).pathname;
  const code = (await page.locator("h1").textContent())!.trim();
  await page.goto(petitionPath);
  await takeStep(page, "Giao cơ quan chủ trì", async (form) => {
    const agency = form.getByLabel("Cơ quan chủ trì giải quyết *");
    await agency.selectOption((await agency.locator("option").nth(1).getAttribute("value"))!);
  }, "Đã giao xử lý");
  const before = await monthFigures(page);

  // The link is on the page, to copy, with the day it lapses.
  await page.reload();
  const panel = page.getByTestId("agency-link-panel");
  await expect(panel.getByRole("heading", { name: "Cơ quan trả lời qua đường liên kết" })).toBeVisible();
  await expect(panel.getByTestId("agency-link-expiry")).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  const link = await panel.getByLabel(/^Đường liên kết cho /).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/co-quan\\?k=dvc_[A-Za-z0-9_-]{43}$`));
  await expect(panel.getByRole("button", { name: "Sao chép" })).toBeVisible();

  // The agency, never signed in, on a phone: what it needs of the petition, the citizen to contact included.
  const agency = await agencyPage(browser, baseURL!);
  await agency.goto(link);
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText(`Kiến nghị ${code}`);
  await expect(agency.getByText(name)).toBeVisible();
  expect(await agency.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // By keyboard: the result's choice, its summary, the reply document, and send.
  const settled = agency.getByLabel("Đã giải quyết xong (dứt điểm)");
  await settled.focus();
  await agency.keyboard.press("Space");
  await expect(settled).toBeChecked();
  await agency.keyboard.press("Tab");
  await expect(agency.getByLabel("Tóm tắt kết quả")).toBeFocused();
  await agency.keyboard.type("Đã khơi thông 300 m mương, nghiệm thu với thôn.");
  await agency.getByLabel("Văn bản trả lời").setInputFiles({ name: "tra-loi.pdf", mimeType: "application/pdf", buffer: PDF });
  await agency.getByLabel("Văn bản trả lời").focus();
  await agency.keyboard.press("Tab");
  await expect(agency.getByRole("button", { name: "Gửi đề xuất kết quả" })).toBeFocused();
  const sent = agency.waitForResponse((r) => r.url().endsWith("/co-quan/gui") && r.request().method() === "POST");
  await agency.keyboard.press("Enter");
  expect((await sent).status()).toBe(303);
  await expect(agency.getByRole("status")).toHaveText("Đã gửi đề xuất kết quả. Cán bộ sẽ xem xét và chấp nhận hoặc trả lại.");
  await expect(agency.getByTestId("agency-answers")).toContainText("Đang chờ cán bộ xem xét");

  // Staff accept it: the resolve step, with the agency's resolution.
  await page.reload();
  const waiting = panel.locator("li").filter({ hasText: "Đề xuất kết quả: đã giải quyết xong (dứt điểm)" });
  await expect(waiting).toContainText("Đã khơi thông 300 m mương");
  await expect(waiting.getByRole("link", { name: "tra-loi.pdf" })).toBeVisible();
  await waiting.getByRole("button", { name: "Chấp nhận kết quả" }).click();
  await expect(page.locator("h1 + span")).toContainText("Đã giải quyết");
  const timeline = page.getByTestId("timeline").locator("li");
  const proposed = timeline.filter({ hasText: "Cơ quan đề xuất kết quả" });
  await expect(proposed).toContainText("(qua đường liên kết)");
  await expect(proposed).toContainText("Đã khơi thông 300 m mương");
  await expect(timeline.last()).toContainText("Chấp nhận kết quả do");
  await expect(page.getByText(/^Kết quả$/).locator("..")).toContainText("Giải quyết dứt điểm");

  // The rollups count it.
  const after = await monthFigures(page);
  expect(after.resolved).toBe(before.resolved + 1);
  expect(after.settled).toBe(before.settled + 1);

  // The petition's end voids the link: one neutral 404.
  const gone = await agency.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText("Đường liên kết không còn hiệu lực");
  const wrong = await agency.goto("/co-quan?k=dvc_" + "A".repeat(43));
  expect(wrong?.status()).toBe(404);
  await agency.context().close();

  // The server's log lines for the agency's pages hold no token and no name.
  const lines = fs.readFileSync(process.env.E2E_LOG_FILE!, "utf8").split("\n").filter((l) => l.includes("/co-quan"));
  expect(lines.length).toBeGreaterThan(2);
  for (const line of lines) for (const secret of [link.split("k=")[1], name]) expect(line).not.toContain(secret);
});
