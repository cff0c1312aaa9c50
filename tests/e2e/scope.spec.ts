import { expect, signInAs, test } from "./fixtures";

/** The unit page of the signed-in user's own unit, found through the home page. */
async function ownUnitUrl(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/");
  await page.getByRole("link", { name: "Xem đơn vị của bạn" }).click();
  await expect(page).toHaveURL(/\/units\/\d+$/);
  return new URL(page.url()).pathname;
}

test("a district user gets 404 on another district's records @phone", async ({ browser }) => {
  const vinhTuong = await browser.newPage();
  await signInAs(vinhTuong, "huyen.vinhtuong");
  const districtUrl = await ownUnitUrl(vinhTuong);
  await expect(vinhTuong.getByRole("heading", { level: 1 })).toHaveText("Huyện Vĩnh Tường");
  // a commune of Vĩnh Tường, opened by Vĩnh Tường's own staff
  const communeLink = vinhTuong.getByRole("link", { name: /^(Xã|Thị trấn) / }).first();
  const communeUrl = new URL(await communeLink.evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
  await vinhTuong.close();

  const lapThach = await browser.newPage();
  await signInAs(lapThach, "huyen.lapthach");
  for (const url of [districtUrl, communeUrl]) {
    const res = await lapThach.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(lapThach.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
    await expect(lapThach.getByText("Vĩnh Tường")).toHaveCount(0);
  }
  // …while their own district opens
  await ownUnitUrl(lapThach);
  await expect(lapThach.getByRole("heading", { level: 1 })).toHaveText("Huyện Lập Thạch");
  await lapThach.close();
});

test("the province leader drills from the province to a village", async ({ page }) => {
  await signInAs(page, "tinh.vinhphuc");
  await ownUnitUrl(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Vĩnh Phúc");
  await page.getByRole("link", { name: "Huyện Lập Thạch" }).click();
  await page.getByRole("link", { name: "Thị trấn Lập Thạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thị trấn Lập Thạch");
  await expect(page.getByText("Có tổ dân vận").first()).toBeVisible();
  await page.getByRole("navigation", { name: "Đường dẫn đơn vị" }).getByRole("link", { name: "Tỉnh Vĩnh Phúc" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Vĩnh Phúc");
});
