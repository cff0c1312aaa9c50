import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

/**
 * Issue 15, part 2 (decision 053): the province acts. A province leader without the meetings duty gets
 * "not found" on /meetings/new; a province user holding it logs a provincial conference, and records a
 * field visit to a village with who went, what they found and what must follow.
 */
const NEW_PASSWORD = "mat-khau-cua-toi-2026";

/** A Lai Châu account with reading and meetings, made by the national administrator. */
async function provinceMeetingsUser(page: Page): Promise<{ username: string; password: string }> {
  await signInAs(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("Lai Châu");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("radio", { name: /^Tỉnh Lai Châu/ }).check();
  const username = `e2e.tinh${Date.now().toString(36)}`;
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Họ và tên").fill("Đỗ Thị Hội Nghị");
  await page.getByLabel("Xem số liệu, báo cáo", { exact: true }).check();
  await page.getByLabel("Sinh hoạt, họp", { exact: true }).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  const status = page.getByRole("status").filter({ hasText: "Đã tạo tài khoản" });
  await expect(status).toContainText(username);
  const password = (await status.getByTestId("temporary-password").textContent())?.trim() ?? "";
  return { username, password };
}

test("a province leader without the meetings duty gets 404; a province user holding it logs a conference and a field visit", async ({ page, browser }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "tinh.laichau");
  expect((await page.goto("/meetings/new"))?.status()).toBe(404);

  const account = await provinceMeetingsUser(page);
  const context = await browser.newContext();
  const user = await context.newPage();
  await signInWithForm(user, account.username, account.password);
  await expect(user).toHaveURL(/\/profile\/password$/);
  await user.getByLabel("Mật khẩu hiện tại").fill(account.password);
  await user.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await user.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(user).toHaveURL(/\/\?passwordChanged=1$/);

  // A provincial conference, on a phone's width.
  await user.setViewportSize({ width: 360, height: 740 });
  await user.goto("/meetings/new");
  await user.getByRole("link", { name: /^Hội nghị/ }).click();
  const own = user.getByRole("region", { name: "2. Đơn vị tổ chức hội nghị" }).getByRole("link");
  await expect(own).toHaveCount(1);
  await expect(own).toHaveText("Tỉnh Lai Châu");
  await own.click();
  await expect(user).toHaveURL(/\/meetings\/new\?kind=CONFERENCE&target=unit:\d+$/);
  await expect(user.getByRole("region", { name: "Kiến nghị phát sinh" })).toHaveCount(0);
  await user.getByLabel("Địa điểm *").fill("Hội trường Tỉnh ủy Lai Châu");
  await user.getByLabel("Người chủ trì *").fill("Đỗ Thị Hội Nghị");
  await user.getByLabel("Biên bản cuộc họp").fill(`Hội nghị sơ kết công tác dân vận ${token}.`);
  await user.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(user).toHaveURL(/\/meetings\/\d+\?created=1$/);
  await expect(user.getByText("Hội nghị", { exact: true })).toBeVisible();
  await expect(user.getByRole("heading", { level: 1 })).toContainText("Tỉnh Lai Châu");
  expect(await user.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A field visit to a village: who went, what they found, what must follow.
  await user.goto("/meetings/new?kind=FIELD_VISIT");
  const places = user.getByRole("region", { name: "2. Chọn xã, thôn được kiểm tra" }).getByRole("link");
  await places.nth(1).click();
  await expect(user).toHaveURL(/\/meetings\/new\?kind=FIELD_VISIT&target=unit:\d+$/);
  await expect(user.getByText("Đoàn kiểm tra của: Tỉnh Lai Châu")).toBeVisible();
  await user.getByLabel("Trưởng đoàn *").fill("Đỗ Thị Hội Nghị");
  await user.getByLabel("Người đi cùng khác (ghi tên, chức vụ)").fill("Lò Văn Kiểm (Ban Tuyên giáo và Dân vận)");
  await user.getByLabel("Những gì đoàn ghi nhận").fill(`Tổ dân vận chưa sinh hoạt đều ${token}.`);
  await user.getByLabel("Việc cần làm, ai làm").fill("Đảng ủy xã đôn đốc tổ sinh hoạt hằng tháng.");
  // Before the visit: refused on its field, what was typed kept.
  await user.getByLabel("Hạn hoàn thành (nếu có)").fill("2020-01-01");
  await user.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(user.getByText("Hạn hoàn thành không được trước ngày kiểm tra.")).toBeVisible();
  await expect(user.getByLabel("Việc cần làm, ai làm")).toHaveValue("Đảng ủy xã đôn đốc tổ sinh hoạt hằng tháng.");
  await user.getByLabel("Hạn hoàn thành (nếu có)").fill("2099-12-31");
  await user.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(user).toHaveURL(/\/meetings\/\d+\?created=1$/);
  const follow = user.getByTestId("follow-up");
  await expect(follow).toContainText("Đảng ủy xã đôn đốc tổ sinh hoạt hằng tháng.");
  await expect(follow).toContainText("Hạn hoàn thành: 31/12/2099");
  await expect(user.getByText(`Tổ dân vận chưa sinh hoạt đều ${token}.`)).toBeVisible();

  // Listed with the province's meetings, naming the visitors.
  await user.goto("/meetings?kind=FIELD_VISIT");
  await expect(user.getByText("Kiểm tra, đôn đốc · Đoàn kiểm tra của Tỉnh Lai Châu").first()).toBeVisible();
  await context.close();
});
