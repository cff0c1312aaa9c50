import { randomBytes } from "node:crypto";
import { expect, signInAs, test } from "./fixtures";

/**
 * Issue 15, part 1 (decision 049): the commune Party committee of today does the three jobs. The
 * demo's `xa.binhlu` (Xã Bình Lư, directly under Lai Châu) takes a petition and assigns it, logs a
 * team's monthly meeting and adds a member to a team, in one account.
 */
test("a commune Party committee user takes a petition, assigns it, logs the team's meeting and adds a team member", async ({ page }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "xa.binhlu");
  await page.goto("/");
  await expect(page.getByTestId("role")).toHaveText("Đảng ủy xã, phường: kiến nghị + sinh hoạt + tổ chức");

  // Petitions: take one in, then assign it to an agency of the province
  await page.goto("/petitions");
  await page.getByRole("link", { name: "Tiếp nhận kiến nghị" }).click();
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(`Lò Thị Xuân ${token}`);
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill(`Đề nghị giải quyết tranh chấp ranh giới đất nương giữa hai hộ ${token}.`);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  const actions = page.getByRole("region", { name: "Xử lý" });
  const assign = actions.locator("details").filter({ has: page.getByText("Giao cơ quan chủ trì", { exact: true }) });
  if (!(await assign.evaluate((d) => (d as HTMLDetailsElement).open))) await assign.locator("summary").click();
  const agency = assign.getByLabel("Cơ quan chủ trì giải quyết *");
  await agency.selectOption((await agency.locator("option").nth(1).getAttribute("value"))!);
  await assign.getByRole("button", { name: "Giao cơ quan chủ trì" }).click();
  await expect(page.locator("h1 + span")).toContainText("Đã giao xử lý");

  // Meetings: a team's monthly meeting
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Ghi cuộc họp" }).click();
  await page.getByRole("link", { name: /^Sinh hoạt tổ dân vận hằng tháng/ }).click();
  await page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link").first().click();
  await expect(page.getByRole("group", { name: "Điểm danh" })).toBeVisible();
  await page.getByLabel("Biên bản cuộc họp").fill(`Tổ thống nhất vận động bà con giữ gìn đường bản ${token}.`);
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);

  // Organisation: a new member of a team
  // The commune's own page lists its villages (bản, in Lai Châu)
  await page.goto("/organisation");
  await page.getByRole("link", { name: /^(Thôn|Bản|Tổ dân phố|Xóm|Khu phố) / }).first().click();
  await page.getByRole("link", { name: "Có tổ dân vận" }).click();
  await expect(page).toHaveURL(/\/organisations\/\d+$/);
  const panel = page.getByRole("region", { name: "Quản lý thành viên" });
  const cadre = panel.getByLabel("Cán bộ");
  const value = await cadre.locator("option").nth(1).getAttribute("value");
  expect(value).toBeTruthy();
  await cadre.selectOption(value!);
  const fullName = ((await cadre.locator(`option[value="${value}"]`).textContent()) ?? "").split(" — ")[0].trim();
  await panel.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(panel.getByRole("status")).toContainText(`Đã thêm ${fullName}`);
});
