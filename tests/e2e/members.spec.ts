import { expect, signInAs, test } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * The unit page does not link to its team yet: the demo's organisation ids are small
 * integers, so probe them (a few at a time) until one answers 200 with a matching page.
 */
async function findOrganisation(page: Page, matches: (html: string) => boolean): Promise<number> {
  const batch = 20;
  for (let start = 1; start <= 3000; start += batch) {
    const ids = Array.from({ length: batch }, (_, i) => start + i);
    const found = await Promise.all(
      ids.map(async (id) => {
        const res = await page.request.get(`/organisations/${id}`, { maxRedirects: 0 });
        return res.status() === 200 && matches(await res.text()) ? id : null;
      }),
    );
    const id = found.find((x) => x !== null);
    if (id) return id;
  }
  throw new Error("no organisation found");
}

const isTeam = (html: string) => /<h1[^>]*>Tổ dân vận/.test(html);

test("a district user assigns a new head to a team of Lập Thạch", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "huyen.lapthach");
  const id = await findOrganisation(page, isTeam);
  await page.goto(`/organisations/${id}`);
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
  test.setTimeout(120_000);
  const vt = await browser.newPage();
  await signInAs(vt, "huyen.vinhtuong");
  const id = await findOrganisation(vt, isTeam);
  await vt.close();

  const page = await browser.newPage();
  await signInAs(page, "xa.lapthach");
  const res = await page.goto(`/organisations/${id}`);
  expect(res?.status()).toBe(404);
  await page.close();
});
