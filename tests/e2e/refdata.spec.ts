import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** The first Tuesday to Thursday of early March: a weekday with no computed holiday. */
function weekdayInMarch(year: number): { iso: string; shown: string } {
  for (let day = 2; ; day++) {
    const date = new Date(Date.UTC(year, 2, day));
    if ([2, 3, 4].includes(date.getUTCDay())) {
      const dd = String(day).padStart(2, "0");
      return { iso: `${year}-03-${dd}`, shown: `${dd}/03/${year}` };
    }
  }
}

test("an admin adds a decreed day off on a weekday and it shows in the year's calendar", async ({ page }) => {
  // A year no other spec looks at; the database is shared by the specs running in parallel.
  const year = randomInt(2040, 2100); // dates lie in 1900–2100 (lib/forms/fields.ts)
  const day = weekdayInMarch(year);
  const name = `Nghỉ theo quyết định ${randomBytes(3).toString("hex")}`;
  await signInAs(page, "admin");
  await page.goto(`/admin/calendar?year=${year}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lịch nghỉ lễ năm ${year}`);
  // Filled on first view: 1 January is there, computed, and the year says it is an estimate.
  await expect(page.getByRole("row", { name: new RegExp(`^01/01/${year}`) })).toContainText("Tính theo quy định");
  await expect(page.getByRole("region", { name: `Căn cứ của lịch năm ${year}` })).toContainText("Ước tính (chưa có thông báo chính thức)");

  const form = page.getByRole("form", { name: "Thêm ngày nghỉ hoặc ngày làm bù" });
  await form.getByLabel(/^Ngày/).fill(day.iso);
  await form.getByLabel(/^Loại/).selectOption({ label: "Ngày nghỉ" });
  await form.getByLabel(/^Tên ngày/).fill(name);
  await form.getByRole("button", { name: "Thêm ngày" }).click();
  // Its transaction waits for a connection when the authorisation matrix runs beside it (seen at 15 s+ on a
  // loaded 2-core machine): a longer wait, not a limit on how fast it must be.
  await expect(form.getByRole("status")).toHaveText("Đã thêm ngày.", { timeout: 60_000 });

  const row = page.getByRole("row", { name: new RegExp(`^${day.shown}`) });
  await expect(row).toContainText(name);
  await expect(row).toContainText("Ngày nghỉ");
  await expect(row).toContainText("Quản trị nhập");

  // The same date again is refused, in the page's words.
  await form.getByLabel(/^Ngày/).fill(day.iso);
  await form.getByLabel(/^Tên ngày/).fill(name);
  await form.getByRole("button", { name: "Thêm ngày" }).click();
  await expect(form.getByRole("alert")).toContainText("Ngày này đã có trong lịch");
});

test("the calendar marks 2025 as official, with its notice: Tết 27/01–31/01, 03/02 a working day @phone", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/calendar?year=2025");
  const basis = page.getByRole("region", { name: "Căn cứ của lịch năm 2025" });
  await expect(basis).toContainText("Lịch chính thức");
  await expect(basis).toContainText("Thông báo số 6150/TB-BLĐTBXH");
  await expect(basis).not.toContainText("Ước tính");
  await expect(page.getByRole("navigation", { name: "Các năm có lịch chính thức" }).getByRole("link", { name: "2025" })).toHaveAttribute("aria-current", "page");

  // The cells after the date: weekday, name, kind, source.
  const cells = (shown: string) => page.getByRole("row", { name: new RegExp(`^${shown}`) }).getByRole("cell");
  for (const day of ["27", "28", "29", "30", "31"]) {
    const row = cells(`${day}/01/2025`);
    await expect(row.nth(1)).toHaveText("Tết Nguyên đán");
    await expect(row.nth(2)).toHaveText("Ngày nghỉ");
    await expect(row.nth(3)).toHaveText("Thông báo chính thức");
  }
  // 03/02/2025 is an ordinary Monday: no row; the Saturday worked for the swap is one.
  await expect(page.getByRole("row", { name: /^03\/02\/2025/ })).toHaveCount(0);
  await expect(cells("26/04/2025").nth(0)).toHaveText("Thứ Bảy");
  await expect(cells("26/04/2025").nth(2)).toHaveText("Ngày làm bù");
});

async function enterPetition(page: Page, name: string): Promise<void> {
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
  await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill("Đề nghị xem xét việc lấn chiếm hành lang đường liên xã tại thôn.");
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
}

test("a district user adds an agency and assigns a petition to it", async ({ page }) => {
  const token = randomBytes(3).toString("hex");
  const agency = `Phòng Quản lý đô thị ${token}`;
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions");
  await page.getByRole("link", { name: "Cơ quan chủ trì" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cơ quan chủ trì giải quyết");
  const form = page.getByRole("form", { name: /^Thêm cơ quan cho/ });
  await form.getByLabel(/^Tên cơ quan/).fill(agency);
  await form.getByRole("button", { name: "Thêm cơ quan" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã thêm cơ quan.");
  await expect(page.getByRole("rowheader", { name: agency })).toBeVisible();

  await enterPetition(page, `Lê Văn Bình ${token}`);
  const group = page.getByRole("region", { name: "Xử lý" }).locator("details").filter({ has: page.getByText("Giao cơ quan chủ trì", { exact: true }) });
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator("summary").click();
  await group.getByLabel("Cơ quan chủ trì giải quyết *").selectOption({ label: agency });
  await group.getByRole("button", { name: "Giao cơ quan chủ trì" }).click();
  await expect(page.locator("h1 + span")).toContainText("Đã giao xử lý");
  await expect(page.getByText(agency).first()).toBeVisible();
});

test("a district user gets 404 on the calendar administration", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  const res = await page.goto("/admin/calendar");
  expect(res?.status()).toBe(404);
  const fields = await page.goto("/admin/fields");
  expect(fields?.status()).toBe(404);
});
