import { expect, signInAs, test } from "./fixtures";

test("a district user finds a commune without accents and opens it @phone", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ chức & cán bộ");
  // with no query: the district's own communes, and a link to the district's page
  const browse = page.getByRole("region", { name: /Đơn vị trực thuộc Huyện Lập Thạch/ });
  await expect(browse.getByRole("link", { name: "Thị trấn Lập Thạch" })).toBeVisible();
  await expect(browse.getByRole("link", { name: "Mở trang Huyện Lập Thạch" })).toHaveAttribute("href", /^\/units\/\d+$/);

  await page.getByLabel("Tìm đơn vị (không cần dấu)").fill("dong ich");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/\/organisation\?q=dong\+ich$/);
  const results = page.getByRole("region", { name: /Kết quả tìm kiếm/ });
  const commune = results.getByRole("link", { name: "Xã Đồng Ích", exact: true });
  await expect(commune).toHaveAttribute("href", /^\/units\/\d+$/);
  await expect(results.getByText("Mã 08839")).toBeVisible();
  // the search box keeps the query, so the page can be shared or refined
  await expect(page.getByLabel("Tìm đơn vị (không cần dấu)")).toHaveValue("dong ich");

  await commune.click();
  await expect(page).toHaveURL(/\/units\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Đồng Ích");
});

test("a district user finds nothing in another district", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation?q=vinh+tuong");
  await expect(page.getByText("Không tìm thấy đơn vị nào khớp với «vinh tuong».")).toBeVisible();
  await expect(page.getByRole("link", { name: /Vĩnh Tường/ })).toHaveCount(0);

  // a query found in their own district lists it with its path
  await page.getByLabel("Tìm đơn vị (không cần dấu)").fill("lap thach");
  await page.getByLabel("Tìm đơn vị (không cần dấu)").press("Enter");
  const results = page.getByRole("region", { name: /Kết quả tìm kiếm/ });
  await expect(results.getByRole("link", { name: "Huyện Lập Thạch", exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "Thị trấn Lập Thạch", exact: true })).toBeVisible();
});

test("the search page works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation");
  await page.getByLabel("Tìm đơn vị (không cần dấu)").fill("dong ich");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/\/organisation\?q=dong\+ich$/);
  await expect(page.getByRole("link", { name: "Xã Đồng Ích", exact: true })).toHaveAttribute("href", /^\/units\/\d+$/);
  await context.close();
});

test("results fit a 360 px wide screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAs(page, "huyen.lapthach");
  for (const url of ["/organisation", "/organisation?q=thon"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
  await context.close();
});
