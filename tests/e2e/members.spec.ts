import { expect, signInAs, test } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * Opens the team of the first village of the first commune in the user's scope, the way
 * a user gets there: Tổ chức & cán bộ → commune → village → its team.
 */
async function openFirstTeam(page: Page): Promise<string> {
  await page.goto("/organisation");
  await page.getByRole("link", { name: /^(Xã|Thị trấn|Phường) / }).first().click();
  await expect(page).toHaveURL(/\/units\/\d+/);
  await page.getByRole("link", { name: /^(Thôn|Tổ dân phố|Xóm|Khu phố) / }).first().click();
  await page.getByRole("link", { name: "Có tổ dân vận" }).click();
  await expect(page).toHaveURL(/\/organisations\/\d+$/);
  return new URL(page.url()).pathname;
}

test("a district user assigns a new head to a team of Lập Thạch", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await openFirstTeam(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tổ dân vận");
  await expect(page.getByRole("heading", { name: /Thành viên hiện nay/ })).toBeVisible();

  const panel = page.getByRole("region", { name: "Quản lý thành viên" });
  const cadre = panel.getByLabel("Cán bộ");
  const firstValue = await cadre.locator("option").nth(1).getAttribute("value");
  expect(firstValue).toBeTruthy();
  await cadre.selectOption(firstValue!);
  const label = (await cadre.locator(`option[value="${firstValue}"]`).textContent()) ?? "";
  const fullName = label.split(" — ")[0].trim();
  await panel.getByLabel("Vai trò").selectOption("HEAD");
  await expect(panel.getByLabel("Vai trò").locator("option:checked")).toHaveText("Tổ trưởng");
  await panel.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(panel.getByRole("status")).toContainText(`Đã thêm ${fullName}`);

  const members = page.getByRole("region", { name: /Thành viên hiện nay/ });
  const row = members.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fullName, exact: true }) });
  await expect(row).toContainText("Tổ trưởng");
  // one current head only
  await expect(members.getByRole("cell", { name: "Tổ trưởng", exact: true })).toHaveCount(1);
});

test("a commune secretary gets 404 on a team of another district", async ({ browser }) => {
  const vt = await browser.newPage();
  await signInAs(vt, "huyen.vinhtuong");
  const teamUrl = await openFirstTeam(vt);
  await vt.close();

  const page = await browser.newPage();
  await signInAs(page, "xa.lapthach");
  const res = await page.goto(teamUrl);
  expect(res?.status()).toBe(404);
  await page.close();
});
