import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, openMeetingForm, signInAs, test } from "./fixtures";

/**
 * The meeting form as the Pages Router serves it (decision 019): its inline script's rows and
 * draft, a refusal answered by the page itself, and the checks Next.js would make around a
 * server action (session, permission, same origin).
 */

const rows = (page: Page) => page.getByRole("region", { name: "Kiến nghị phát sinh" }).getByRole("listitem");

test("rows are added, removed and numbered again; a refusal keeps what was typed, then the meeting saves", async ({ page }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "xa.lapthach");
  await openMeetingForm(page);
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole("button", { name: "+ Thêm kiến nghị" }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByRole("listitem", { name: "Kiến nghị 4" }).getByLabel("Nội dung kiến nghị")).toBeFocused();
  await page.getByRole("listitem", { name: "Kiến nghị 2" }).getByRole("button", { name: "Bỏ dòng này" }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(2)).toHaveAccessibleName("Kiến nghị 3");

  // Too short for a petition: the page answers with the message, the rows and what was typed.
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  const third = page.getByRole("listitem", { name: "Kiến nghị 3" });
  await third.getByLabel("Nội dung kiến nghị").fill("Ngắn");
  await page.getByLabel("Biên bản cuộc họp").fill(`Biên bản ${token}.`);
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(page.getByText(/^Nội dung kiến nghị quá ngắn/)).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Kiến nghị 3" }).getByLabel("Nội dung kiến nghị")).toBeFocused();
  await expect(page).toHaveURL(/\/meetings\/new\?kind=TEAM_MONTHLY&target=org:\d+$/);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole("listitem", { name: "Kiến nghị 3" }).getByLabel("Nội dung kiến nghị")).toHaveValue("Ngắn");
  await expect(page.getByLabel("Biên bản cuộc họp")).toHaveValue(`Biên bản ${token}.`);
  await expect(page.locator('input[name="idempotencyKey"]')).toHaveValue(key);
  // What the page shows is the refused submission, not an older draft.
  await expect(page.getByText(/^Đã khôi phục bản nháp/)).toBeHidden();

  await page.getByRole("listitem", { name: "Kiến nghị 3" }).getByLabel("Nội dung kiến nghị").fill(`Đề nghị sửa đèn đường ngõ 3 ${token}.`);
  await page.getByRole("listitem", { name: "Kiến nghị 3" }).getByLabel("Lĩnh vực").selectOption({ label: "Hạ tầng – giao thông" });
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);
  await expect(page.getByRole("status")).toHaveText("Đã lưu cuộc họp và 1 kiến nghị phát sinh.");
});

test("a discarded draft leaves the form as the server gave it", async ({ page }) => {
  await signInAs(page, "xa.lapthach");
  const url = await openMeetingForm(page);
  await page.getByLabel("Địa điểm").fill("Sân nhà văn hóa");
  await expect(page.getByText(/^Đã lưu bản nháp trên máy lúc/)).toBeVisible();
  await page.goto(url);
  await expect(page.getByLabel("Địa điểm")).toHaveValue("Sân nhà văn hóa");
  await page.getByRole("button", { name: "Bỏ bản nháp" }).click();
  await expect(page.getByLabel("Địa điểm")).not.toHaveValue("Sân nhà văn hóa");
  await expect(page.getByText(/^Đã khôi phục bản nháp/)).toBeHidden();
});

test("the form answers like the rest of the app: 404 without the permission, 403 from another site, English on request", async ({ page, browser }) => {
  await signInAs(page, "xa.lapthach");
  const url = await openMeetingForm(page);
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  const target = new URL(url).searchParams.get("target")!;
  const post = (headers: Record<string, string>) =>
    page.request.post(url, { headers, maxRedirects: 0, multipart: { idempotencyKey: key, kind: "TEAM_MONTHLY", target, heldOn: new Date().toISOString().slice(0, 10), place: "Nhà văn hóa", chair: "Chủ trì" } });
  expect((await post({ Origin: "http://elsewhere.invalid" })).status()).toBe(403);
  // The same post from the site itself saves, and answers with a redirect to the meeting.
  const saved = await post({ Origin: new URL(url).origin });
  expect(saved.status()).toBe(303);
  expect(saved.headers().location).toMatch(/^\/meetings\/\d+\?created=1$/);

  const viewer = await browser.newPage();
  await signInAs(viewer, "xem.vinhphuc");
  const res = await viewer.goto(url);
  expect(res?.status()).toBe(404);
  await expect(viewer.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await viewer.close();

  await page.goto(url);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log a meeting");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ghi cuộc họp");
});
