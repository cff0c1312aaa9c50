import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, signInAs, test } from "./fixtures";

/** A small catalogue in the GSO JSON shape, under a province code the demo does not use. */
const CATALOGUE = {
  data: [
    {
      level1_id: "97",
      name: "Tỉnh Thử Nhập",
      type: "Tỉnh",
      level2s: [
        {
          level2_id: "971",
          name: "Huyện Thử Một",
          type: "Huyện",
          level3s: [
            { level3_id: "97101", name: "Xã Thử An", type: "Xã" },
            { level3_id: "97102", name: "Thị trấn Thử Bình", type: "Thị trấn" },
          ],
        },
      ],
    },
  ],
};

test("an admin previews, then imports a unit catalogue; a second upload is all unchanged", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalogue-"));
  const file = path.join(dir, "danh-muc.json");
  fs.writeFileSync(file, JSON.stringify(CATALOGUE));

  await signInAs(page, "admin");
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: "Người dùng và phân quyền" })).toBeVisible();
  await page.getByRole("link", { name: "Nhập danh mục đơn vị hành chính" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập danh mục đơn vị hành chính");

  await page.getByLabel("Tệp danh mục (JSON, CSV hoặc XLSX của Tổng cục Thống kê)").setInputFiles(file);
  await page.getByRole("button", { name: "Xem trước" }).click();
  const preview = page.getByRole("region", { name: /Xem trước: danh-muc.json/ });
  await expect(preview.getByRole("row", { name: /Tỉnh, thành phố/ })).toHaveText(/Tỉnh, thành phố\s*1\s*0\s*0/);
  await expect(preview.getByRole("row", { name: /Quận, huyện/ })).toHaveText(/Quận, huyện\s*1\s*0\s*0/);
  await expect(preview.getByRole("row", { name: /Xã, phường/ })).toHaveText(/Xã, phường, thị trấn\s*2\s*0\s*0/);

  await page.getByRole("button", { name: "Nhập 4 đơn vị: 4 mới, 0 thay đổi" }).click();
  await expect(page.getByRole("status")).toHaveText(/Đã nhập 4 đơn vị trong .* giây: 4 mới, 0 thay đổi, 0 giữ nguyên\./);

  // the browser kept the file: previewing again finds everything unchanged
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByText("Danh mục trùng khớp với dữ liệu hiện có; không có gì để nhập.")).toBeVisible();
  await expect(preview.getByRole("row", { name: /Xã, phường/ })).toHaveText(/Xã, phường, thị trấn\s*0\s*0\s*2/);
  await expect(page.getByRole("button", { name: /^Nhập \d/ })).toHaveCount(0);
});

test("a malformed CSV is refused with its errors by row", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalogue-"));
  const file = path.join(dir, "danh-muc.csv");
  fs.writeFileSync(file, "Tỉnh / Thành phố;Mã TP;Quận Huyện;Mã QH;Phường Xã;Mã PX\nTỉnh Lỗi;9;Huyện Lỗi;961;Xã Lỗi;96101\n");
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAs(page, "admin");
  await page.goto("/admin/units/import");
  await page.getByLabel("Tệp danh mục (JSON, CSV hoặc XLSX của Tổng cục Thống kê)").setInputFiles(file);
  await page.getByRole("button", { name: "Xem trước" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Tệp có lỗi, chưa nhập gì" });
  await expect(alert).toContainText("dòng 2");
  await expect(page.getByRole("button", { name: /^Nhập \d/ })).toHaveCount(0);
  // usable on a 360 px phone: nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a district user gets 404 on the import page @phone", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  const res = await page.goto("/admin/units/import");
  expect(res?.status()).toBe(404);
});
