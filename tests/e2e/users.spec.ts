import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

const NEW_PASSWORD = "mat-khau-cua-toi-2026";

/** Creates an account through the admin pages; returns its username, one-time password and page. */
async function createAccount(page: Page, { unitQuery, unit, role }: { unitQuery: string; unit: RegExp; role: string }) {
  await page.goto("/admin");
  await page.getByRole("link", { name: "Người dùng và phân quyền" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("link", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);

  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill(unitQuery);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("radio", { name: unit }).check();

  const username = `e2e.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await page.getByLabel("Tên đăng nhập").fill(username.toUpperCase()); // stored lower-case
  await page.getByLabel("Họ và tên").fill("Nguyễn Thị Thử Nghiệm");
  await page.getByLabel("Vai trò có sẵn").selectOption({ label: role });
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();

  const status = page.getByRole("status").filter({ hasText: "Đã tạo tài khoản" });
  await expect(status).toContainText(`Đã tạo tài khoản ${username}.`);
  const password = (await status.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(password).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  await status.getByRole("link", { name: "Mở trang tài khoản" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  return { username, password, url: new URL(page.url()).pathname };
}

/** On the forced password page: choose a new password and land on the home page. */
async function changeForcedPassword(page: Page, current: string) {
  await expect(page).toHaveURL(/\/profile\/password$/);
  await expect(page.getByText("Mật khẩu của bạn vừa được quản trị viên đặt lại.")).toBeVisible();
  await page.getByLabel("Mật khẩu hiện tại").fill(current);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/\?passwordChanged=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào, Nguyễn Thị Thử Nghiệm");
}

async function newSignedInPage(browser: Browser, username: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username, password);
  return page;
}

test("a province admin creates an account at Lập Thạch; its user must change the password at first sign-in", async ({ page }) => {
  await signInAs(page, "admin.vinhphuc");
  const account = await createAccount(page, { unitQuery: "lap thach", unit: /^Huyện Lập Thạch/, role: "Cán bộ Ban Dân vận Huyện ủy" });
  await expect(page.getByTestId("user-status")).toContainText("Phải đổi mật khẩu");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);

  // the same account signed in on another device too
  const otherDevice = await newSignedInPage(page.context().browser()!, account.username, account.password);
  await otherDevice.goto("/profile");
  await expect(otherDevice).toHaveURL(/\/profile\/password$/);

  await signInWithForm(page, account.username, account.password);
  await expect(page).toHaveURL(/\/profile\/password$/);
  // every other page sends them back
  await page.goto("/petitions");
  await expect(page).toHaveURL(/\/profile\/password$/);
  // a wrong current password is refused in Vietnamese
  await page.getByLabel("Mật khẩu hiện tại").fill("sai-mat-khau-roi");
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible();

  await changeForcedPassword(page, account.password);
  // the re-issued session holds: still signed in, free to go anywhere
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của tôi");
  await expect(page.getByText(account.username, { exact: true })).toBeVisible();
  await expect(page.getByText("Huyện Lập Thạch", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mã truy cập API" })).toHaveAttribute("href", "/profile/tokens");
  // …while the other device is signed out
  await otherDevice.reload();
  await expect(otherDevice).toHaveURL(/\/login/);
  await otherDevice.context().close();
});

test("disabling an account ends its user's open session at once", async ({ page, browser }) => {
  await signInAs(page, "admin.vinhphuc");
  const account = await createAccount(page, { unitQuery: "vinh tuong", unit: /^Huyện Vĩnh Tường/, role: "Người xem" });

  const userPage = await newSignedInPage(browser, account.username, account.password);
  await userPage.goto("/");
  await changeForcedPassword(userPage, account.password);
  await userPage.goto("/");
  await expect(userPage).toHaveURL(/\/$/);

  await page.goto(account.url);
  await page.locator("summary", { hasText: "Khóa tài khoản" }).click();
  const disable = page.locator("form").filter({ has: page.getByRole("button", { name: "Khóa tài khoản" }) });
  await disable.getByRole("checkbox").check();
  await disable.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(disable.getByRole("status")).toHaveText("Đã khóa tài khoản.");
  await expect(page.getByTestId("user-status")).toContainText("Đã khóa");

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login/);
  await userPage.context().close();
});

test("a province admin gets 404 for an account of another province", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const account = await createAccount(page, { unitQuery: "lai chau", unit: /^Tỉnh Lai Châu/, role: "Người xem" });

  const vinhPhuc = await newSignedInPage(browser, "admin.vinhphuc");
  const res = await vinhPhuc.goto(account.url);
  expect(res?.status()).toBe(404);
  await vinhPhuc.goto(`/admin/users?q=${account.username}`);
  await expect(vinhPhuc.getByText("Không có tài khoản nào khớp với điều kiện lọc.")).toBeVisible();
  await vinhPhuc.context().close();
});

test("an administrator gives an account several duties with the keyboard, and the pages name what they make (decision 049)", async ({ page }) => {
  await signInAs(page, "admin.vinhphuc");
  await page.goto("/admin/users/new");
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("lap thach");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("radio", { name: /^Huyện Lập Thạch/ }).check();
  const username = `e2e.duties.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Họ và tên").fill("Lê Văn Ba Việc");
  // Nothing chosen: the form asks for a duty, in Vietnamese
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByText("Vui lòng chọn ít nhất một việc.")).toBeVisible();
  // The duties one by one, from the keyboard: the list then names the combination they make
  for (const duty of ["Xử lý kiến nghị", "Sinh hoạt, họp", "Tổ chức", "Xem số liệu, báo cáo"]) {
    await page.getByRole("checkbox", { name: duty, exact: true }).focus();
    await page.keyboard.press("Space");
  }
  await expect(page.getByLabel("Vai trò có sẵn")).toHaveValue("COMMUNE_COMMITTEE");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  const status = page.getByRole("status").filter({ hasText: "Đã tạo tài khoản" });
  await expect(status).toContainText(`Đã tạo tài khoản ${username}.`);
  await status.getByRole("link", { name: "Mở trang tài khoản" }).click();
  await expect(page.getByTestId("user-duties")).toHaveText("Đảng ủy xã, phường: kiến nghị + sinh hoạt + tổ chức");

  // Taking one away leaves an own combination, named duty by duty
  const organisation = page.getByRole("checkbox", { name: "Tổ chức", exact: true });
  await expect(organisation).toBeChecked();
  await organisation.focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Vai trò có sẵn")).toHaveValue("");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Đã lưu. Người dùng đã bị đăng xuất khỏi mọi thiết bị.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("user-duties")).toHaveText("Xử lý kiến nghị, Sinh hoạt, họp, Xem số liệu, báo cáo");

  // A ready-made combination chosen in the list replaces the boxes
  await page.getByLabel("Vai trò có sẵn").selectOption({ label: "Người xem" });
  await expect(page.getByRole("checkbox", { name: "Xử lý kiến nghị", exact: true })).not.toBeChecked();
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Đã lưu. Người dùng đã bị đăng xuất khỏi mọi thiết bị.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("user-duties")).toHaveText("Người xem");
});
