import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** Enters a petition through the intake form in Xã Đồng Ích and returns its page path. */
async function enterPetition(page: Page, name: string): Promise<string> {
  await page.goto("/petitions");
  await page.getByRole("link", { name: "Tiếp nhận kiến nghị" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tiếp nhận kiến nghị, phản ánh");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  const value = await village.locator("option").nth(1).getAttribute("value");
  await village.selectOption(value!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill("Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình đã sử dụng ổn định từ năm 1995.");
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  await expect(page.getByRole("status")).toContainText("Đã lưu kiến nghị");
  return new URL(page.url()).pathname;
}

async function takeStep(page: Page, step: string, fill: (form: ReturnType<Page["locator"]>) => Promise<void>, status: string) {
  const actions = page.getByRole("region", { name: "Xử lý" });
  const group = actions.locator("details").filter({ has: page.getByText(step, { exact: true }) });
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator("summary").click();
  await fill(group);
  await group.getByRole("button", { name: step }).click();
  await expect(page.locator("h1 + span")).toContainText(status);
}

test("a district user follows a petition from intake to a settled, replied case", async ({ page }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "huyen.lapthach");
  const path = await enterPetition(page, `Nguyễn Văn Đức ${token}`);
  await expect(page.locator("h1 + span")).toContainText("Mới tiếp nhận");
  // Not yet assigned: its deadline is the one to assign it (decision 051), which assigning replaces.
  await expect(page.getByText(/^Hạn giao xử lý$/).locator("..")).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expect(page.getByText(/^Hạn giải quyết$/)).toHaveCount(0);

  await takeStep(page, "Giao cơ quan chủ trì", async (form) => {
    const agency = form.getByLabel("Cơ quan chủ trì giải quyết *");
    await agency.selectOption((await agency.locator("option").nth(1).getAttribute("value"))!);
  }, "Đã giao xử lý");
  await expect(page.getByText(/^Hạn giải quyết$/).locator("..")).not.toContainText("Chưa có hạn");
  await expect(page.getByText(/^Hạn giao xử lý$/)).toHaveCount(0);
  await takeStep(page, "Bắt đầu giải quyết", async () => {}, "Đang giải quyết");
  await takeStep(page, "Ghi kết quả giải quyết", async (form) => {
    await form.getByLabel("Kết quả *", { exact: true }).selectOption({ label: "Giải quyết dứt điểm" });
    await form.getByLabel("Tóm tắt kết quả *", { exact: true }).fill("UBND huyện đã cấp giấy chứng nhận.");
  }, "Đã giải quyết");
  await takeStep(page, "Trả lời công dân và kết thúc", async (form) => {
    await form.getByLabel("Nội dung trả lời *").fill("Đã trả lời bằng văn bản.");
    await form.getByLabel("Mức độ hài lòng của công dân *").selectOption({ label: "Hài lòng" });
  }, "Đã trả lời, kết thúc");

  const timeline = page.getByTestId("timeline").locator("li");
  await expect(timeline).toHaveCount(5);
  await expect(timeline.nth(0)).toContainText("Tiếp nhận");
  await expect(timeline.nth(1)).toContainText("Giao xử lý");
  await expect(timeline.nth(3)).toContainText("UBND huyện đã cấp giấy chứng nhận.");
  await expect(timeline.nth(4)).toContainText("Trả lời công dân");

  // Found again by searching without accents.
  await page.goto(`/petitions?q=${encodeURIComponent(`nguyen van duc ${token}`)}`);
  const link = page.getByRole("link", { name: /^\d+-\d{4}-\d{5}$/ }).first();
  await expect(link).toHaveAttribute("href", path);

  // Another commune's secretary: not found.
  const other = await page.context().browser()!.newPage();
  await signInAs(other, "xa.lapthach");
  const res = await other.goto(path);
  expect(res?.status()).toBe(404);
  await other.close();
});

test("filters live in the URL and overdue petitions stand out @phone", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions");
  await page.getByLabel("Chỉ kiến nghị quá hạn").check();
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/overdue=1/);
  // A badge in the table on a wide screen, a line in the card on a phone.
  await expect(page.getByText(/Quá hạn$/).filter({ visible: true }).first()).toBeVisible();
  const count = await page.getByText(/\d[\d.]* kiến nghị/).first().textContent();
  expect(count).toMatch(/\d/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the intake form still saves a petition", async ({ page }) => {
    await signInAs(page, "huyen.lapthach");
    await page.goto("/petitions/new");
    await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Đơn thư" });
    await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill("Trần Thị Bình");
    const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
    await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
    await page.getByLabel("Lĩnh vực *").selectOption({ label: "Môi trường" });
    await page.getByLabel("Nội dung kiến nghị *").fill("Phản ánh khói bụi từ lò gạch thủ công gần khu dân cư.");
    await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
    await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
    await expect(page.getByRole("status")).toContainText("Đã lưu kiến nghị");
  });
});

test("a district user corrects a petition's details; the timeline says what changed", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  const path = await enterPetition(page, `Lê Văn Sửa ${randomBytes(3).toString("hex")}`);
  await page.getByRole("link", { name: "Sửa thông tin" }).click();
  await expect(page).toHaveURL(`${path}/edit`);
  await page.getByLabel("Nội dung kiến nghị *").fill("Đề nghị cấp giấy chứng nhận quyền sử dụng đất (đã bổ sung hồ sơ đo đạc).");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?edited=1$`));
  await expect(page.getByText("đã bổ sung hồ sơ đo đạc")).toBeVisible();
  await expect(page.getByTestId("timeline").locator("li").last()).toContainText("Sửa thông tin");
});
