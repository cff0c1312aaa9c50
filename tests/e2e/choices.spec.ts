import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

// Large choices (areas, agencies) load on demand (decision 029): at national scale the petition list carried
// 7,101 agency and 2,001 area options (2 MB a page), and still could not offer 8,600 of the 9,920 communes.

test("the petition list carries no agency or area list: a national admin's page names only what it shows", async ({ page }) => {
  await signInAs(page, "admin");
  const html = await (await page.request.get("/petitions")).text();
  expect(/<select[^>]*name="agency"/.test(html), "a <select> of every agency").toBe(false);
  expect(/<select[^>]*name="unit"/.test(html), "a <select> of every area").toBe(false);
  // What is left: status, field, channel, resolution and page size.
  expect((html.match(/<option/g) ?? []).length).toBeLessThan(60);
});

test("an area is found by typing, chosen with the keyboard, and kept in the address @phone", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/petitions");
  const count = page.getByText(/\d[\d.]* kiến nghị$/).first();
  const all = await count.textContent();
  await page.getByText("Thêm điều kiện lọc").click();
  const area = page.getByRole("combobox", { name: "Địa bàn" });
  await area.fill("dong ich");
  const list = page.getByRole("listbox", { name: "Kết quả tìm" });
  await expect(list.getByRole("option", { name: /Xã Đồng Ích/ })).toBeVisible();
  await area.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await area.press("Enter");
  await expect(list).toBeHidden();
  await expect(area).toHaveValue("Xã Đồng Ích");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/[?&]unit=\d+/);
  expect(page.url()).not.toContain("unitText");
  await expect(page.getByRole("combobox", { name: "Địa bàn" })).toHaveValue("Xã Đồng Ích");
  // The list is the commune's, a part of the country's.
  await expect(count).not.toHaveText(all!);
  await expect(count).toHaveText(/\d kiến nghị$/);
});

test("Escape closes the list and puts back the chosen text; nothing found says so; the list loads more", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/meetings");
  const area = page.getByRole("combobox", { name: "Địa bàn" });
  await area.click();
  // Nothing typed: the home unit and the units right under it.
  const list = page.getByRole("listbox", { name: "Kết quả tìm" });
  await expect(list.getByRole("option").first()).toContainText("Cả nước");
  await area.fill("thon");
  await expect(list.getByRole("option", { name: "Xem thêm kết quả…" })).toBeVisible();
  const before = await list.getByRole("option").count();
  await list.getByRole("option", { name: "Xem thêm kết quả…" }).click();
  await expect.poll(() => list.getByRole("option").count()).toBeGreaterThan(before);
  await area.fill("khong co don vi nay");
  await expect(page.getByRole("status").filter({ hasText: "Không có kết quả phù hợp." })).toBeVisible();
  await area.press("Escape");
  await expect(list).toBeHidden();
  await expect(area).toHaveAttribute("aria-expanded", "false");
});

test("an agency is chosen by typing without accents", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions");
  await page.getByText("Thêm điều kiện lọc").click();
  const agency = page.getByRole("combobox", { name: "Cơ quan chủ trì" });
  await agency.fill("cong an");
  await page.getByRole("option", { name: /Công an huyện Lập Thạch/ }).click();
  await expect(agency).toHaveValue("Công an huyện Lập Thạch");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/[?&]agency=\d+/);
  // Another district's agency is not offered (the chosen filter keeps "more filters" open).
  await page.getByRole("combobox", { name: "Cơ quan chủ trì" }).fill("vinh tuong");
  await expect(page.getByRole("status").filter({ hasText: "Không có kết quả phù hợp." })).toBeVisible();
});

/** Fills the intake form but its place (decision 033: the nation's villages are found, not listed). */
async function fillIntake(page: Page, name: string) {
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Đơn thư" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Môi trường" });
  await page.getByLabel("Nội dung kiến nghị *").fill("Phản ánh nước thải từ cơ sở chăn nuôi chảy ra kênh tưới.");
}

test("a national admin's intake form lists no villages: the village is found in a choice box, by keyboard", async ({ page }) => {
  await signInAs(page, "admin");
  const html = await (await page.request.get("/petitions/new")).text();
  // 529 villages in the demo (100,000 nationally): more than the form lists; the channels and fields remain.
  expect(/<select[^>]*name="unitId"/.test(html), "a <select> of every village").toBe(false);
  expect((html.match(/<option/g) ?? []).length).toBeLessThan(40);
  await page.goto("/petitions/new");
  await fillIntake(page, "Trần Văn Chọn");
  const village = page.getByRole("combobox", { name: "Thôn, tổ dân phố nơi phát sinh vụ việc *" });
  await village.fill("thanh lanh");
  await expect(page.getByRole("option", { name: /Thôn Thanh Lanh.*Xã Đồng Ích/ })).toBeVisible();
  await village.press("ArrowDown");
  await village.press("Enter");
  await expect(village).toHaveValue("Thôn Thanh Lanh");
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  await expect(page.getByText("Thôn Thanh Lanh").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a national admin types the village: a name many share is offered to choose from, a commune after a comma settles it", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/petitions/new");
    await fillIntake(page, "Lê Thị Gõ");
    await page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *").fill("Thôn Đông");
    await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
    // Nothing saved: the villages named so, with where each lies, and what was typed kept.
    await expect(page.getByText(/Có nhiều thôn, tổ dân phố khớp với “Thôn Đông”/)).toBeVisible();
    await expect(page.getByLabel("Nội dung kiến nghị *")).toHaveValue("Phản ánh nước thải từ cơ sở chăn nuôi chảy ra kênh tưới.");
    await page.getByRole("radio", { name: /Thôn Đông.*Xã Đồng Ích/ }).check();
    await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
    await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);

    await page.goto("/petitions/new");
    await fillIntake(page, "Lê Thị Phẩy");
    await page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *").fill("Đông, Đồng Ích");
    await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
    await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  });

  test("a typed area is looked up when the form is sent, and the other matches are offered as links", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/meetings/compliance");
    const unit = page.getByRole("textbox", { name: "Đơn vị" });
    await unit.fill("lap thach");
    await page.getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/unitText=lap\+thach/);
    await expect(page.getByRole("status")).toContainText("cho “lap thach”");
    await expect(page.getByText(/^Huyện Lập Thạch: tháng/)).toBeVisible();
    // The other matches of the typed text (the district's page also lists its communes, with the same names).
    await page.getByRole("status").getByRole("link", { name: "Thị trấn Lập Thạch" }).click();
    await expect(page.getByText(/^Thị trấn Lập Thạch: tháng/)).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Đơn vị" })).toHaveValue("Thị trấn Lập Thạch");
  });

  test("the petition list filters by a typed area", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/petitions?unitText=dong+ich");
    await expect(page.getByLabel("Địa bàn")).toHaveValue("Xã Đồng Ích");
    await page.goto("/petitions?unitText=khong+co+noi+nay");
    await expect(page.getByRole("status")).toContainText("Không tìm thấy “khong co noi nay”");
  });
});

test("a national admin adds a cadre: the commune or village is found in a choice box, not listed", async ({ page }) => {
  const name = `Phạm Văn Chọn ${Math.random().toString(36).slice(2, 8).replace(/\d/g, "x")}`;
  await signInAs(page, "admin");
  const html = await (await page.request.get("/cadres/new")).text();
  // 576 communes and villages in the demo (110,000 nationally): more than the form lists.
  expect((html.match(/<option/g) ?? []).length).toBeLessThan(20);
  await page.goto("/cadres/new");
  await page.getByLabel("Họ và tên").fill(name);
  await page.getByLabel("Giới tính").selectOption({ label: "Nam" });
  const unit = page.getByRole("combobox", { name: "Đơn vị" });
  await unit.fill("dong ich");
  // Communes and villages only: the district of the same name is not offered.
  await expect(page.getByRole("option", { name: /Xã Đồng Ích/ })).toBeVisible();
  await unit.press("ArrowDown");
  await unit.press("Enter");
  await expect(unit).toHaveValue("Xã Đồng Ích");
  await page.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/cadres\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("combobox", { name: "Đơn vị" })).toHaveValue("Xã Đồng Ích");
});
