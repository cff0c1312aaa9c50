import { expect, signInAs, test } from "./fixtures";

test("a province admin gets 404 on national reference data, and /admin does not link it (issue 12, finding 2)", async ({ page }) => {
  await signInAs(page, "admin.vinhphuc");
  for (const path of ["/admin/units/import", "/admin/units/mergers/new", "/admin/calendar", "/admin/fields"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.goto("/admin/units/placement"))?.status()).toBe(200);
  await page.goto("/admin");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Nhật ký hoạt động" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Người dùng" })).toBeVisible();
  for (const name of ["Nhập danh mục đơn vị hành chính", "Ghi nhận sáp nhập đơn vị", "Lịch nghỉ lễ", "Lĩnh vực"]) {
    await expect(main.getByRole("link", { name })).toHaveCount(0);
  }
});

test("the audit page is 404 for everyone but administrators", async ({ page }) => {
  await signInAs(page, "tinh.vinhphuc");
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
});

test("the audit page answers malformed filters with the page, not an error", async ({ page }) => {
  await signInAs(page, "admin");
  const forged = Buffer.from(JSON.stringify(["0000-01-01T00:00:00Z", "99999999999999999999"])).toString("base64url");
  for (const query of [`cursor=${forged}`, "cursor=WyJnYXJiYWdlIiwxXQ", "from=0000-01-01&to=31%2F02%2F2026", "user=a%C2%80b", "entity=Secret&record=1%3B%20DROP"]) {
    const res = await page.goto(`/admin/audit?${query}`);
    expect(res?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhật ký hoạt động");
  }
  // A NUL byte is refused before any page runs (lib/http/request-guard.ts).
  expect((await page.goto("/admin/audit?user=a%00b"))?.status()).toBe(400);
  await page.goto("/admin/audit?from=31%2F02%2F2026");
  await expect(page.getByText("Đã bỏ qua bộ lọc không hợp lệ: Từ ngày.")).toBeVisible();
});

test("district staff reading the petition list shows up in the province admin's audit log; another province's user does not", async ({ browser }) => {
  const staff = await browser.newPage();
  await signInAs(staff, "huyen.lapthach");
  await staff.goto("/petitions");
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Kiến nghị, phản ánh");
  await staff.close();

  const page = await browser.newPage();
  await signInAs(page, "admin.vinhphuc");
  await page.goto("/admin");
  await page.getByRole("main").getByRole("link", { name: "Nhật ký hoạt động" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhật ký hoạt động");
  await page.getByLabel("Tên đăng nhập").fill("huyen.lapthach");
  await page.getByLabel("Hành động").selectOption({ label: "Xem dữ liệu cá nhân của người kiến nghị" });
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  const row = page.locator('tr[data-action="petition.personal-data.read"]').first();
  await expect(row).toContainText("huyen.lapthach");
  await expect(row).toContainText("qua danh sách");

  // tinh.laichau works in Lai Châu, outside Vĩnh Phúc: none of their rows show.
  await page.goto("/admin/audit?user=tinh.laichau");
  await expect(page.getByRole("status")).toHaveText("Không có hoạt động nào khớp bộ lọc.");
  await page.close();
});
