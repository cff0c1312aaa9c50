import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { expect, openMeetingForm, signInAs, test } from "./fixtures";

/**
 * A session that lapses while someone types (30 idle minutes) must not cost them what they typed:
 * saving says they must sign in again, keeps the form filled in, and after signing in the same
 * save goes through. Dropping the cookies stands for the lapse: the browser drops an expired
 * session cookie the same way.
 */
async function lapse(page: Page) {
  await page.context().clearCookies();
}

test("a lapsed session while typing a petition: the form keeps everything, signing in again saves it", async ({ page }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Đơn thư" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(`Lê Thị Hoa ${token}`);
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Môi trường" });
  const content = `Phản ánh nước thải chảy ra mương tưới của thôn ${token}.`;
  await page.getByLabel("Nội dung kiến nghị *").fill(content);

  await lapse(page);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  const lapsed = page.getByRole("alert").filter({ hasText: "Phiên đăng nhập đã hết hạn" });
  await expect(lapsed).toBeVisible();
  await expect(page).toHaveURL(/\/petitions\/new$/);
  await expect(page.getByLabel("Nội dung kiến nghị *")).toHaveValue(content);
  await expect(page.getByLabel("Họ tên (hoặc người đại diện nhóm) *")).toHaveValue(`Lê Thị Hoa ${token}`);

  // Signing in again happens on the page itself; a wrong password is told, nothing is lost.
  const again = page.getByRole("group", { name: "Đăng nhập lại" });
  await again.getByLabel("Tên đăng nhập").fill("huyen.lapthach");
  await again.getByLabel("Mật khẩu").fill("khong-dung");
  await again.getByRole("button", { name: "Đăng nhập lại" }).click();
  await expect(again.getByText("Tên đăng nhập hoặc mật khẩu không đúng.")).toBeVisible();
  await again.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await again.getByRole("button", { name: "Đăng nhập lại" }).click();
  await expect(page.getByText("Đã đăng nhập lại.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Nội dung kiến nghị *")).toHaveValue(content);

  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  await expect(page.getByText(content)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a lapsed session while logging a meeting: signing in on the page saves what was typed @phone", async ({ page }) => {
    const token = randomBytes(3).toString("hex");
    await signInAs(page, "xa.lapthach");
    await openMeetingForm(page);
    const minutes = `Biên bản sinh hoạt tổ ${token}: bàn việc làm đường liên thôn.`;
    await page.getByLabel("Biên bản cuộc họp").fill(minutes);
    await page.getByLabel("Địa điểm").fill(`Nhà văn hóa ${token}`);

    await lapse(page);
    await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Phiên đăng nhập đã hết hạn" })).toBeVisible();
    await expect(page).toHaveURL(/\/meetings\/new\?kind=TEAM_MONTHLY&target=org:\d+$/);

    const again = page.getByRole("group", { name: "Đăng nhập lại" });
    await again.getByLabel("Tên đăng nhập").fill("xa.lapthach");
    await again.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập và lưu" }).click();
    await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);
    await expect(page.getByText(minutes)).toBeVisible();
    await expect(page.getByText(`Nhà văn hóa ${token}`)).toBeVisible();
  });
});
