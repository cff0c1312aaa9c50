/**
 * Decision 055 in Chromium: a merger closes Xã Tân Uyên (Lai Châu; no other test uses it) into Xã Than
 * Uyên. The account homed on it gets a notice instead of empty lists; the administrator finds it among the
 * accounts of units that ended, with Than Uyên proposed, and moves it at a phone's width with the keyboard,
 * after ticking the confirmation; the user then works in Than Uyên.
 */
import { expect, signInAs, test } from "./fixtures";

const NEW_PASSWORD = "mat-khau-cua-toi-2026";

test("the administrator moves an account stranded by a merger to the proposed successor", async ({ page, browser }) => {
  await signInAs(page, "admin");

  // An account homed on Xã Tân Uyên.
  await page.goto("/admin/users/new");
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("tan uyen");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("radio", { name: /^Xã Tân Uyên/ }).check();
  const username = `e2e.sapnhap${Date.now().toString(36)}`;
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Họ và tên").fill("Lò Thị Mai");
  await page.getByLabel("Vai trò có sẵn").selectOption({ label: "Người xem" });
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  const created = page.getByRole("status").filter({ hasText: "Đã tạo tài khoản" });
  await expect(created).toContainText(username);
  const password = (await created.getByTestId("temporary-password").textContent())?.trim() ?? "";

  // Xã Tân Uyên merged whole into Xã Than Uyên from today.
  await page.goto("/admin/units/mergers/new?level=COMMUNE&q=tan%20uyen");
  await page.getByRole("link", { name: "Chọn Xã Tân Uyên" }).click();
  await page.getByLabel("Chọn đơn vị kế thừa").selectOption({ label: "Xã Than Uyên (03595)" });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await page.getByLabel("Tôi đã kiểm tra và xác nhận ghi nhận sáp nhập này (không hoàn tác được)").check();
  await page.getByRole("button", { name: "Ghi nhận sáp nhập" }).click();
  await expect(page.getByText(/^Đã ghi nhận sáp nhập vào Xã Than Uyên từ \d{2}\/\d{2}\/\d{4}\.$/)).toBeVisible();

  // The stranded user: after the forced password change, a notice, not empty lists.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInAs(user, username, password);
  await user.goto("/profile/password");
  await user.getByLabel("Mật khẩu hiện tại").fill(password);
  await user.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await user.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(user).toHaveURL(/\/home-closed$/);
  await expect(user.getByRole("heading", { level: 1 })).toHaveText("Đơn vị của bạn đã kết thúc");
  await expect(user.getByRole("alert").filter({ hasText: "Tài khoản của bạn" })).toContainText(/Tài khoản của bạn đang gắn với Xã Tân Uyên \(03598\)\. Đơn vị này đã kết thúc hoạt động ngày \d{2}\/\d{2}\/\d{4}/);
  await expect(user.getByRole("listitem").filter({ hasText: "Xã Than Uyên (03595)" })).toBeVisible();
  await user.goto("/petitions");
  await expect(user).toHaveURL(/\/home-closed$/);
  // The field form (its own router, decision 043) says the same, not an empty list of teams.
  await user.goto("/meetings/new");
  await expect(user).toHaveURL(/\/home-closed$/);
  // Their old unit's past stays readable: the reports, from a link on the notice.
  await user.getByRole("link", { name: "Báo cáo của đơn vị cũ" }).click();
  await expect(user).toHaveURL(/\/reports$/);
  await expect(user.getByRole("heading", { level: 1 })).toContainText("Tân Uyên");

  // The administrator, on a phone: the account is listed with Than Uyên proposed, and moved with the keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin");
  await page.getByRole("link", { name: "Tài khoản của đơn vị đã kết thúc" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/stranded$/);
  const entry = page.getByRole("listitem").filter({ hasText: username });
  await expect(entry).toContainText(/Đơn vị cũ: Xã Tân Uyên \(03598\), kết thúc ngày \d{2}\/\d{2}\/\d{4}/);
  await expect(entry).toContainText("Đề xuất: Xã Than Uyên (03595)");
  const move = entry.getByRole("button", { name: "Chuyển tài khoản" });
  // Without the confirmation the browser keeps the form (the box is required).
  await move.click();
  await expect(entry.getByText(`Đã chuyển tài khoản ${username}.`)).toHaveCount(0);
  await entry.getByLabel(/^Tôi xác nhận chuyển tài khoản này/).focus();
  await page.keyboard.press("Space");
  await move.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/users\/stranded\?moved=\d+$/);
  await expect(page.getByRole("status")).toHaveText(`Đã chuyển tài khoản ${username} sang Xã Than Uyên (03595).`);
  await expect(page.getByRole("listitem").filter({ hasText: username })).toHaveCount(0);

  // The user now works in Than Uyên.
  await user.goto("/home-closed");
  await expect(user).toHaveURL(/\/$/);
  await expect(user.getByTestId("workplace")).toContainText("Than Uyên");
  await userContext.close();
});
