import { expect, signInAs, test } from "./fixtures";
import type { Page } from "@playwright/test";

async function openLapThachTown(page: Page) {
  await page.goto("/organisation?q=thi+tran+lap+thach");
  await page.getByRole("region", { name: /Kết quả tìm kiếm/ }).getByRole("link", { name: "Thị trấn Lập Thạch", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thị trấn Lập Thạch");
}

test("a district user adds a village to a commune, then closes it", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await openLapThachTown(page);
  const panel = page.getByRole("region", { name: "Quản lý thôn, tổ dân phố" });
  await expect(panel.getByLabel("Thành lập tổ dân vận")).toBeChecked();

  // an empty name is refused with the schema's message (no browser check in the way)
  await panel.getByRole("button", { name: "Thêm" }).evaluate((b) => b.closest("form")!.setAttribute("novalidate", ""));
  await panel.getByRole("button", { name: "Thêm" }).click();
  await expect(panel.getByText("Vui lòng nhập tên.")).toBeVisible();

  await panel.getByLabel("Loại").selectOption("Thôn");
  await panel.getByLabel("Tên", { exact: true }).fill("Thử Nghiệm");
  await panel.getByRole("button", { name: "Thêm" }).click();
  await expect(panel.getByRole("status")).toHaveText("Đã thêm Thôn Thử Nghiệm.");
  const children = page.getByRole("region", { name: /Đơn vị trực thuộc/ });
  const village = children.getByRole("link", { name: "Thôn Thử Nghiệm", exact: true });
  await expect(village).toBeVisible();

  // the same name again, without accents: refused, and what was typed stays
  await panel.getByLabel("Tên", { exact: true }).fill("thu nghiem");
  await panel.getByRole("button", { name: "Thêm" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Tên này đã có trong đơn vị.");
  await expect(panel.getByLabel("Tên", { exact: true })).toHaveValue("thu nghiem");

  await village.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thôn Thử Nghiệm");
  await page.getByText("Giải thể / đóng thôn").click();
  await page.getByLabel("Tôi xác nhận giải thể Thôn Thử Nghiệm").check();
  await page.getByRole("button", { name: "Giải thể", exact: true }).click();
  await expect(page.getByText("Đã giải thể / sáp nhập")).toBeVisible();
});

test("adding a village works without JavaScript and fits 360 px", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAs(page, "huyen.lapthach");
  await openLapThachTown(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const panel = page.getByRole("region", { name: "Quản lý thôn, tổ dân phố" });
  await panel.getByLabel("Loại").selectOption("Tổ dân phố");
  await panel.getByLabel("Tên", { exact: true }).fill("Không Script");
  await panel.getByRole("button", { name: "Thêm" }).click();
  await expect(page.getByRole("link", { name: "Tổ dân phố Không Script", exact: true })).toBeVisible();
  await context.close();
});
