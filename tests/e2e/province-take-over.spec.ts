import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

/**
 * Issue 15, part 2 (decision 054), "Done when": a province leader takes over an escalated petition. The demo's
 * commune Party committee (`xa.binhlu`, directly under Lai Châu) escalates a petition; it goes up to the
 * province's Ban Tuyên giáo và Dân vận. The demo's province leader (reading, directing) reads it but has no
 * take-over; a Lai Châu leader whose account also holds petition handling takes it over on a phone, by
 * keyboard, and follows it to the end; the commune keeps reading it.
 */
const NEW_PASSWORD = "mat-khau-cua-toi-2026";
const PROVINCE_OFFICE = "Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu";

/** A Lai Châu leader's account (reading, directing) with petition handling ticked, made by the national administrator. */
async function provinceLeaderWithPetitions(page: Page): Promise<{ username: string; password: string }> {
  await signInAs(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("Lai Châu");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("radio", { name: /^Tỉnh Lai Châu/ }).check();
  const username = `e2e.tiepnhan${Date.now().toString(36)}`;
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Họ và tên").fill("Tòng Văn Tiếp");
  await page.getByLabel("Xem số liệu, báo cáo", { exact: true }).check();
  await page.getByLabel("Chỉ đạo", { exact: true }).check();
  await page.getByLabel("Xử lý kiến nghị", { exact: true }).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  const status = page.getByRole("status").filter({ hasText: "Đã tạo tài khoản" });
  await expect(status).toContainText(username);
  const password = (await status.getByTestId("temporary-password").textContent())?.trim() ?? "";
  return { username, password };
}

/** The step's form inside the actions panel, opened. */
async function stepForm(page: Page, name: string): Promise<Locator> {
  const form = page.getByRole("region", { name: "Xử lý" }).locator("details").filter({ has: page.getByText(name, { exact: true }) });
  if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator("summary").click();
  return form;
}

test("a province leader takes over a petition the commune escalated and follows it to the end; the commune keeps reading it", async ({ page, browser }) => {
  const token = randomBytes(3).toString("hex");

  // The commune takes a petition in and sends it up, saying why.
  await signInAs(page, "xa.binhlu");
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(`Các hộ bản Nà Cà ${token}`);
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill(`Đề nghị bồi thường đất rừng thu hồi làm đường tỉnh ${token}.`);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  const petitionPath = new URL(page.url()).pathname;
  const code = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  const escalate = await stepForm(page, "Chuyển cấp trên");
  await expect(escalate.getByTestId("escalate-to")).toContainText(PROVINCE_OFFICE);
  await escalate.getByLabel("Lý do chuyển cấp trên *").fill(`Đất do tỉnh thu hồi, vượt thẩm quyền của xã ${token}.`);
  await escalate.getByLabel("Tôi xác nhận thao tác này").check();
  await escalate.getByRole("button", { name: "Chuyển cấp trên" }).click();
  await expect(page.locator("h1 + span")).toContainText("Chuyển cấp trên");
  await expect(page.getByText(PROVINCE_OFFICE, { exact: true })).toBeVisible();

  // The demo's province leader (reading, directing) reads it, but taking over is petition handling's.
  await signInAs(page, "tinh.laichau");
  await page.goto(petitionPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  await expect(page.getByRole("region", { name: "Xử lý" }).getByText("Tiếp nhận", { exact: true })).toHaveCount(0);

  // A Lai Châu leader who also handles petitions, on a phone.
  const account = await provinceLeaderWithPetitions(page);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const leader = await context.newPage();
  await signInWithForm(leader, account.username, account.password);
  await expect(leader).toHaveURL(/\/profile\/password$/);
  await leader.getByLabel("Mật khẩu hiện tại").fill(account.password);
  await leader.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await leader.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await leader.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(leader).toHaveURL(/\/\?passwordChanged=1$/);

  // The home page says what waits; its figure opens the list of them, which holds the petition.
  await leader.locator("dt", { hasText: "Kiến nghị chờ tiếp nhận từ cấp dưới" }).locator("xpath=..").getByRole("link").click();
  await expect(leader).toHaveURL(/\/petitions\?awaiting=true$/);
  await expect(leader.getByLabel("Chờ tiếp nhận (cấp dưới chuyển lên)")).toBeChecked();
  await leader.getByRole("link", { name: code }).first().click();
  await expect(leader).toHaveURL(new RegExp(`${petitionPath}$`));

  // Taken over by keyboard: the form that moves it forward is open.
  const takeOver = await stepForm(leader, "Tiếp nhận");
  await takeOver.getByLabel("Ghi chú").fill(`Giao Sở Nông nghiệp và Môi trường xác minh ${token}.`);
  await takeOver.getByRole("button", { name: "Tiếp nhận" }).focus();
  await leader.keyboard.press("Enter");
  await expect(leader.locator("h1 + span")).toContainText("Mới tiếp nhận");
  await expect(leader.getByText(/^Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu \(tiếp nhận \d{2}\/\d{2}\/\d{4}\)$/)).toBeVisible();
  await expect(leader.getByText("Hạn giao xử lý", { exact: true })).toBeVisible();
  const timeline = leader.getByTestId("timeline");
  await expect(timeline).toContainText("Cấp trên tiếp nhận");
  await expect(timeline).toContainText(`Đất do tỉnh thu hồi, vượt thẩm quyền của xã ${token}.`);
  expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Followed to the end by the province: assigned to an agency, resolved, answered.
  const assign = await stepForm(leader, "Giao cơ quan chủ trì");
  const agency = assign.getByLabel("Cơ quan chủ trì giải quyết *");
  await agency.selectOption((await agency.locator("option").nth(1).getAttribute("value"))!);
  await assign.getByRole("button", { name: "Giao cơ quan chủ trì" }).click();
  await expect(leader.locator("h1 + span")).toContainText("Đã giao xử lý");
  await (await stepForm(leader, "Bắt đầu giải quyết")).getByRole("button", { name: "Bắt đầu giải quyết" }).click();
  await expect(leader.locator("h1 + span")).toContainText("Đang giải quyết");
  const resolve = await stepForm(leader, "Ghi kết quả giải quyết");
  await resolve.getByLabel("Kết quả *", { exact: true }).selectOption({ label: "Giải quyết dứt điểm" });
  await resolve.getByLabel("Tóm tắt kết quả *", { exact: true }).fill("Đã bồi thường bổ sung cho các hộ.");
  await resolve.getByRole("button", { name: "Ghi kết quả giải quyết" }).click();
  await expect(leader.locator("h1 + span")).toContainText("Đã giải quyết");
  const reply = await stepForm(leader, "Trả lời công dân và kết thúc");
  await reply.getByLabel("Nội dung trả lời *").fill("Đã trả lời bằng văn bản.");
  await reply.getByLabel("Mức độ hài lòng của công dân *").selectOption({ label: "Hài lòng" });
  await reply.getByRole("button", { name: "Trả lời công dân và kết thúc" }).click();
  await expect(leader.locator("h1 + span")).toContainText("Đã trả lời, kết thúc");
  await context.close();

  // The commune follows it: it reads the province's work and may only comment.
  await signInAs(page, "xa.binhlu");
  await page.goto(petitionPath);
  await expect(page.locator("h1 + span")).toContainText("Đã trả lời, kết thúc");
  await expect(page.getByTestId("timeline")).toContainText("Cấp trên tiếp nhận");
  const actions = page.getByRole("region", { name: "Xử lý" });
  await expect(actions.locator("summary")).toHaveText(["Thêm ghi chú"]);
});
