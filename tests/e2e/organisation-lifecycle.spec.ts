import { expect, signInAs, test } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * Issue 15 §4: blocs and teams are founded, merged and dissolved on screens (decision 050), as a
 * district user of Lập Thạch does it: Tổ chức & cán bộ → commune → village → its team.
 */

/** The villages of the first commune in the user's scope, by link name; opens the commune. */
async function openFirstCommune(page: Page): Promise<string> {
  await page.goto("/organisation");
  // the second: the first is where the village and member specs work
  await page.getByRole("link", { name: /^(Xã|Thị trấn|Phường) / }).nth(1).click();
  await expect(page).toHaveURL(/\/units\/\d+$/);
  return new URL(page.url()).pathname;
}

/** Days in Vietnam, as the forms take them (yyyy-mm-dd) and the pages show them (dd/mm/yyyy). */
const vnDay = (offset = 0) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const shown = (iso: string) => iso.split("-").reverse().join("/");

const villageLinks = (page: Page) => page.getByRole("region", { name: /Đơn vị trực thuộc/ }).getByRole("link", { name: /^(Thôn|Tổ dân phố|Xóm|Khu phố) / });

test("a district user dissolves a team, founds a new one, then merges another team into it", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  const commune = await openFirstCommune(page);
  const villages = villageLinks(page);
  const names = (await villages.allTextContents()).map((n) => n.trim());
  expect(names.length).toBeGreaterThan(2);
  // the last two villages: the first loses its team and gets a new one, the second's team merges into it
  const [first, second] = names.slice(-2);

  await villages.filter({ hasText: first }).first().click();
  const panel = page.getByRole("region", { name: "Khối, tổ dân vận của đơn vị" });
  await expect(panel).toContainText("Đang hoạt động:");
  await panel.getByRole("link", { name: /^Tổ dân vận / }).click();
  await expect(page).toHaveURL(/\/organisations\/\d+$/);
  const teamName = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();

  // dissolving asks for a confirmation first
  const manage = page.getByRole("region", { name: "Hợp nhất, giải thể" });
  await manage.locator("summary", { hasText: "Giải thể" }).click();
  await manage.getByLabel("Ngày cuối cùng hoạt động").fill(vnDay());
  await manage.getByRole("button", { name: "Giải thể", exact: true }).evaluate((b) => b.closest("form")!.setAttribute("novalidate", ""));
  await manage.getByRole("button", { name: "Giải thể", exact: true }).click();
  await expect(manage.getByText("Vui lòng đánh dấu ô xác nhận.")).toBeVisible();
  await manage.getByLabel(`Tôi xác nhận giải thể ${teamName}`).check();
  await manage.getByRole("button", { name: "Giải thể", exact: true }).click();
  // the page now says so in place of the forms
  await expect(page.getByRole("status")).toHaveText(`Đã giải thể, hoạt động đến hết ngày ${shown(vnDay())}.`);
  await expect(page.getByRole("region", { name: "Hợp nhất, giải thể" })).toHaveCount(0);

  // the village has none now: found a new team, from the day the old one stopped
  await page.getByRole("link", { name: first, exact: true }).click();
  await expect(panel).toContainText("chưa có tổ dân vận đang hoạt động");
  // proposed: the first day the old one no longer stands
  await expect(panel.getByLabel("Ngày thành lập")).toHaveValue(vnDay(1));
  await panel.getByLabel("Ngày thành lập").fill(vnDay());
  await panel.getByRole("button", { name: "Thành lập", exact: true }).click();
  await expect(panel.getByRole("alert")).toHaveText("Ngày này trước khi tổ chức cũ của đơn vị thôi hoạt động.");
  await panel.getByLabel("Ngày thành lập").fill(vnDay(1));
  await panel.getByRole("button", { name: "Thành lập", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText(`Đang hoạt động: Tổ dân vận ${first}`);
  await expect(panel.getByLabel("Ngày thành lập")).toHaveCount(0);
  await expect(panel).toContainText("Trước đây: 1 tổ chức đã giải thể");
  await expect(panel.getByRole("link", { name: `Tổ dân vận ${first}` })).toHaveCount(2);

  // the second village's team merges into the new one
  await page.goto(commune);
  await villageLinks(page).filter({ hasText: second }).first().click();
  await panel.getByRole("link", { name: /^Tổ dân vận / }).click();
  const merge = page.getByRole("region", { name: "Hợp nhất, giải thể" });
  await merge.getByText("Hợp nhất vào tổ chức khác").click();
  const target = merge.getByLabel("Tổ chức nhận thành viên");
  const newTeam = target.locator("option", { hasText: `Tổ dân vận ${first}` });
  await target.selectOption((await newTeam.getAttribute("value"))!);
  await merge.getByLabel("Ngày hợp nhất (ngày đầu tiên ở tổ chức mới)").fill(vnDay(1));
  await merge.getByLabel(/^Tôi xác nhận hợp nhất /).check();
  await merge.getByRole("button", { name: "Hợp nhất", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Đã giải thể, hoạt động đến hết ngày ${shown(vnDay())}.`);
  await expect(page.getByText(`Thành viên đã chuyển sang Tổ dân vận ${first}.`)).toBeVisible();
  await page.getByRole("link", { name: `Tổ dân vận ${first}`, exact: true }).click();
  await expect(page.getByText(/^Đã nhận thành viên của:/)).toBeVisible();
});

test("a commune's bloc page fits a phone, its forms by keyboard labels; a reader sees no forms @phone", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await openFirstCommune(page);
  await page.getByRole("region", { name: "Khối, tổ dân vận của đơn vị" }).getByRole("link", { name: /^Khối dân vận / }).click();
  await expect(page).toHaveURL(/\/organisations\/\d+$/);
  const manage = page.getByRole("region", { name: "Hợp nhất, giải thể" });
  await manage.locator("summary", { hasText: "Giải thể" }).focus();
  await page.keyboard.press("Enter");
  await expect(manage.getByLabel("Ngày cuối cùng hoạt động")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const bloc = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await signInAs(page, "xem.vinhphuc");
  await page.goto(bloc);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Khối dân vận");
  await expect(page.getByRole("region", { name: "Hợp nhất, giải thể" })).toHaveCount(0);
  // out of reach: another district's user gets "not found"
  await page.context().clearCookies();
  await signInAs(page, "huyen.vinhtuong");
  expect((await page.goto(bloc))!.status()).toBe(404);
});
