import { expect, signInAs, test } from "./fixtures";

test("a unit's children can be viewed as of a past date, and a bad date falls back to today", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation?q=thi+tran+lap+thach");
  await page.getByRole("region", { name: /Kết quả tìm kiếm/ }).getByRole("link", { name: "Thị trấn Lập Thạch", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thị trấn Lập Thạch");
  const unitUrl = new URL(page.url());

  await page.goto(`${unitUrl.pathname}?asOf=2024-01-01`);
  const children = page.getByRole("region", { name: /Đơn vị trực thuộc/ });
  await expect(children.getByLabel("Xem theo ngày")).toHaveValue("2024-01-01");
  await expect(children.getByText("Đơn vị trực thuộc có hiệu lực ngày 01/01/2024.")).toBeVisible();
  await expect(children.getByRole("listitem").first()).toBeVisible();
  await expect(children.getByRole("link", { name: "Hôm nay" })).toHaveAttribute("href", unitUrl.pathname);

  await page.goto(`${unitUrl.pathname}?asOf=2024-02-30`);
  await expect(children.getByRole("alert")).toHaveText("Ngày không hợp lệ, đang hiển thị theo hôm nay.");
  await expect(children.getByLabel("Xem theo ngày")).not.toHaveValue("2024-02-30");
});

test("a district user moves a new village to another commune of the district", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation?q=thi+tran+lap+thach");
  await page.getByRole("region", { name: /Kết quả tìm kiếm/ }).getByRole("link", { name: "Thị trấn Lập Thạch", exact: true }).click();
  const panel = page.getByRole("region", { name: "Quản lý thôn, tổ dân phố" });
  await panel.getByLabel("Loại").selectOption("Thôn");
  await panel.getByLabel("Tên", { exact: true }).fill("Chuyển Đi");
  await panel.getByRole("button", { name: "Thêm" }).click();
  await page.getByRole("region", { name: /Đơn vị trực thuộc/ }).getByRole("link", { name: "Thôn Chuyển Đi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thôn Chuyển Đi");
  await page.getByText("Chuyển sang xã, phường khác").click();
  const select = page.getByLabel("Xã, phường mới");
  await expect(select).toHaveAccessibleDescription(/đi theo thôn/);
  const target = (await select.locator("option").nth(1).textContent())!.replace(/ \(\d+\)$/, "");
  await select.selectOption({ index: 1 });
  await page.getByLabel("Tôi xác nhận chuyển Thôn Chuyển Đi sang xã, phường đã chọn").check();
  await page.getByRole("button", { name: "Chuyển", exact: true }).click();
  await expect(page.getByText("Đã chuyển thôn.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Đường dẫn đơn vị" })).toContainText(target);
});
