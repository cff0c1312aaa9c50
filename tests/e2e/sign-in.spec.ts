import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

const HOMES = [
  { username: "admin", role: "Quản trị hệ thống", workplace: "Ban Tuyên giáo và Dân vận Trung ương" },
  { username: "tinh.vinhphuc", role: "Lãnh đạo Ban Dân vận Tỉnh ủy", workplace: "Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Phúc" },
  { username: "huyen.lapthach", role: "Cán bộ Ban Dân vận Huyện ủy", workplace: "Ban Dân vận Huyện ủy Lập Thạch" },
  { username: "huyen.vinhtuong", role: "Cán bộ Ban Dân vận Huyện ủy", workplace: "Ban Dân vận Huyện ủy Vĩnh Tường" },
  { username: "xa.lapthach", role: "Phó Bí thư thường trực, Trưởng khối dân vận xã", workplace: "Đảng ủy Thị trấn Lập Thạch" },
  { username: "xem.vinhphuc", role: "Người xem", workplace: "Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Phúc" },
  { username: "xa.binhlu", role: "Đảng ủy xã, phường: kiến nghị + sinh hoạt + tổ chức", workplace: /Xã Bình Lư$/ },
];

for (const account of HOMES) {
  test(`${account.username} signs in and lands on their home page, in Vietnamese @phone`, async ({ page }) => {
    await signInWithForm(page, account.username);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
    await expect(page.getByTestId("role")).toHaveText(account.role);
    await expect(page.getByTestId("workplace")).toHaveText(account.workplace);
    await expect(page.getByRole("navigation", { name: "Mục chính" }).getByRole("link", { name: "Kiến nghị" })).toBeVisible();
  });
}

test("the home page counts what lies in the user's scope", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/");
  // Lập Thạch has 19 communes in the official catalogue
  await expect(page.getByText("Xã, phường, thị trấn").locator("..")).toContainText("19");
  await expect(page.getByText("Kiến nghị quá hạn")).toBeVisible();
});

test("only the admin sees Quản trị; others get not found there", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Quản trị" })).toHaveCount(0);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
});

test("a wrong password is refused with a Vietnamese message", async ({ page }) => {
  await signInWithForm(page, "huyen.lapthach", "khong-dung");
  await expect(page.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/login/);
});

test("ten failed sign-ins lock the account from that address only; the user's own browser still signs in", async ({ page, browser }) => {
  // tinh.laichau signs in elsewhere only from the default address, which this lock does not touch.
  // The user's browser signed in before, so it holds the known-device cookie.
  await signInWithForm(page, "tinh.laichau");
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);

  // An attacker elsewhere (the app has no trusted proxy here, so the address it goes by is the
  // X-Forwarded-For the browser sends) fails ten times and is locked, even with the right password.
  const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
  const attackerPage = await attacker.newPage();
  for (let i = 1; i <= 9; i++) {
    await signInWithForm(attackerPage, "tinh.laichau", `sai-${i}`);
    await expect(attackerPage.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  await signInWithForm(attackerPage, "tinh.laichau", "sai-10");
  await expect(attackerPage.getByTestId("login-error")).toContainText("tạm khóa 15 phút");
  await signInWithForm(attackerPage, "tinh.laichau");
  await expect(attackerPage.getByTestId("login-error")).toContainText("tạm khóa 15 phút");
  await expect(attackerPage).toHaveURL(/\/login/);

  // The user, from another address, signs in with the right password.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
  const elsewherePage = await elsewhere.newPage();
  await signInWithForm(elsewherePage, "tinh.laichau");
  await expect(elsewherePage).toHaveURL(/\/$/);

  // And the user's own browser, even from the attacker's address.
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66" });
  await signInWithForm(page, "tinh.laichau");
  await expect(page).toHaveURL(/\/$/);
  await attacker.close();
  await elsewhere.close();
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "xa.lapthach");
  await page.goto("/");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Bạn đã đăng xuất.")).toBeVisible();
  await page.goto("/meetings");
  // A request racing the sign-out may bring the cookie back, but the session stays revoked.
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form posts, signs in, and never puts the password in an address @phone", async ({ page }) => {
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    await page.goto("/login?callbackUrl=%2Fmeetings");
    await page.getByLabel("Tên đăng nhập").fill("xa.lapthach");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByLabel("Mật khẩu").press("Enter");
    await expect(page).toHaveURL(/\/meetings$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(addresses.filter((url) => url.includes(DEMO_PASSWORD) || /password/i.test(url))).toEqual([]);
  });

  test("a wrong password is refused with the same message", async ({ page }) => {
    await signInWithForm(page, "huyen.vinhtuong", "khong-dung");
    await expect(page.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(page).toHaveURL(/\/login/);
    expect(page.url()).not.toContain("khong-dung");
  });

  test("signing out still ends the session", async ({ page }) => {
    await signInAs(page, "xa.lapthach");
    await page.goto("/meetings");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.getByText("Bạn đã đăng xuất.")).toBeVisible();
    await page.goto("/meetings");
    await expect(page).toHaveURL(/\/login/);
  });
});

for (const callbackUrl of ["/%5Cevil.example/x", "/%09/evil.example/x", "//evil.example/x", "https://evil.example/x"]) {
  test(`after sign-in, ${callbackUrl} does not lead to another site`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(decodeURIComponent(callbackUrl))}`);
    await page.getByLabel("Tên đăng nhập").fill("xem.vinhphuc");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("signed-out visitors are sent to sign in, and APIs answer 401", async ({ page, request }) => {
  await page.goto("/organisation");
  await expect(page).toHaveURL(/\/login/);
  const api = await request.get("/api/v1/anything");
  expect(api.status()).toBe(401);
});

test("the health check answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});

test("the interface switches to English and back", async ({ page }) => {
  await signInAs(page, "tinh.vinhphuc");
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
});
