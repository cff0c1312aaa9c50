import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signInAs, signInWithForm, test } from "./fixtures";

/**
 * Issue 16, part 1 (decision 064), in Chromium: an agency's own account signs in, sees only its agency's petitions,
 * proposes "settled" on one with its reply document, and the staff accepts it; another agency's petition, opened
 * by its id, is a 404, as is every page of a unit's work.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** The demo account's agency (prisma/seed/accounts.ts `coquan.lapthach`, three-level demo) and a neighbour. */
const MINE = "Phòng Tài nguyên và Môi trường huyện Lập Thạch";
const OTHER = "Chi nhánh Văn phòng Đăng ký đất đai huyện Lập Thạch";

/** Staff take a petition and assign it to `agency`: its path and code. */
async function assigned(page: Page, agency: string, token: string) {
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(`Nguyễn Thị Dân ${token}`);
  await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill(`Đề nghị đo đạc lại ranh giới thửa đất ở xóm ${token}.`);
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  const path = new URL(page.url()).pathname;
  const code = (await page.locator("h1").textContent())!.trim();
  await page.goto(path);
  const actions = page.getByRole("region", { name: "Xử lý" });
  const group = actions.locator("details").filter({ has: page.getByText("Giao cơ quan chủ trì", { exact: true }) });
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator("summary").click();
  await group.getByLabel("Cơ quan chủ trì giải quyết *").selectOption({ label: agency });
  await group.getByRole("button", { name: "Giao cơ quan chủ trì" }).click();
  await expect(page.locator("h1 + span")).toContainText("Đã giao xử lý");
  return { path, id: path.split("/").pop()!, code };
}

test("an agency's account sees only its petitions, proposes “settled”, and the staff accepts", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "huyen.lapthach");
  const mine = await assigned(page, MINE, token);
  const theirs = await assigned(page, OTHER, `${token}b`);

  // The agency signs in through the form, at a phone's width: its list, and nothing of a unit's work.
  const context = await browser.newContext({ baseURL, locale: "vi-VN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const agency = await context.newPage();
  await signInWithForm(agency, "coquan.lapthach");
  await expect(agency).toHaveURL(/\/agency$/);
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText("Kiến nghị được giao");
  await expect(agency.getByText(MINE, { exact: false }).first()).toBeVisible();
  const nav = agency.getByRole("navigation", { name: "Mục chính" });
  await expect(nav.getByRole("link")).toHaveText(["Trang chủ", "Kiến nghị được giao"]);
  expect(await agency.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Its petition is in the list; the other agency's is not, even searched by its code.
  const search = async (q: string) => {
    await agency.getByLabel("Tìm theo mã hoặc nội dung").fill(q);
    await agency.getByRole("button", { name: "Lọc" }).click();
    await expect(agency).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`));
  };
  await search(theirs.code);
  await expect(agency.getByRole("status")).toHaveText("Không có kiến nghị nào khớp với bộ lọc.");
  await search(mine.code);
  const rows = agency.getByTestId("held-petitions").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Đã giao xử lý");
  await rows.getByRole("link", { name: mine.code }).click();

  // The petition as the link shows it, the citizen to contact included; "settled" with the reply document.
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText(`Kiến nghị ${mine.code}`);
  await expect(agency.getByText(`Nguyễn Thị Dân ${token}`)).toBeVisible();
  await agency.getByLabel("Đã giải quyết xong (dứt điểm)").check();
  await agency.getByLabel("Tóm tắt kết quả").fill("Đã đo đạc lại, cắm mốc ranh giới với hai hộ liền kề.");
  await agency.getByLabel("Văn bản trả lời").setInputFiles({ name: "ket-qua-do-dac.pdf", mimeType: "application/pdf", buffer: PDF });
  await agency.getByRole("button", { name: "Gửi đề xuất kết quả" }).click();
  await expect(agency.getByRole("status")).toHaveText("Đã gửi đề xuất kết quả. Cán bộ sẽ xem xét và chấp nhận hoặc trả lại.");
  await expect(agency.getByTestId("agency-answers")).toContainText("Đang chờ cán bộ xem xét");

  // Staff accept it: the resolve step; the timeline names the agency's account.
  await page.goto(mine.path);
  const panel = page.getByTestId("agency-link-panel");
  const waiting = panel.locator("li").filter({ hasText: "Đề xuất kết quả: đã giải quyết xong (dứt điểm)" });
  await expect(waiting).toContainText("Đã đo đạc lại");
  await expect(waiting.getByRole("link", { name: "ket-qua-do-dac.pdf" })).toBeVisible();
  await waiting.getByRole("button", { name: "Chấp nhận kết quả" }).click();
  await expect(page.locator("h1 + span")).toContainText("Đã giải quyết");
  const proposed = page.getByTestId("timeline").locator("li").filter({ hasText: "Cơ quan đề xuất kết quả" });
  await expect(proposed).toContainText(MINE);

  // The agency sees the decision; the petition is no longer its to answer, and its contact details are gone.
  await agency.reload();
  await expect(agency.getByTestId("agency-answers")).toContainText("Đã được chấp nhận");
  await expect(agency.getByText("Cơ quan không còn giữ kiến nghị này")).toBeVisible();
  await expect(agency.getByRole("button", { name: "Gửi đề xuất kết quả" })).toHaveCount(0);
  await expect(agency.getByText(`Nguyễn Thị Dân ${token}`)).toHaveCount(0);
  await context.close();
});

test("an agency's account that tries another agency's petition by its id gets a 404, as on every page of a unit's work", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, "huyen.lapthach");
  const theirs = await assigned(page, OTHER, randomBytes(3).toString("hex"));

  const context = await browser.newContext({ baseURL, locale: "vi-VN" });
  const agency = await context.newPage();
  await signInAs(agency, "coquan.lapthach");
  const opened = await agency.goto(`/agency/${theirs.id}`);
  expect(opened?.status()).toBe(404);
  await expect(agency.getByText(`Kiến nghị ${theirs.code}`)).toHaveCount(0);
  const post = await agency.request.post(`/agency/${theirs.id}/gui`, { headers: { origin: baseURL! }, multipart: { loai: "tien-do", "noi-dung": "Đang khảo sát hiện trường." }, maxRedirects: 0 });
  expect(post.status()).toBe(404);
  for (const path of [theirs.path, "/petitions", "/meetings", "/reports", "/organisation", "/admin", "/profile/tokens"]) {
    expect((await agency.goto(path))?.status(), path).toBe(404);
  }
  expect((await agency.request.get(`/api/v1/petitions/${theirs.id}`)).status()).toBe(404);
  await context.close();
});
