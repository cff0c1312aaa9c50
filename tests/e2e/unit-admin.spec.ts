import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, signInAs, test } from "./fixtures";

/** An xlsx catalogue sheet as the GSO website exports it, under a province code the demo does not use. */
async function writeXlsx(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow(["Tỉnh / Thành phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp"]);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "catalogue-xlsx-")), "danh-muc.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

test("an admin previews an xlsx catalogue on the import page; a malformed one is refused by row", async ({ page }) => {
  const good = await writeXlsx([
    ["Tỉnh Thử Bảng", "95", "Huyện Thử Bảng", "951", "Xã Thử Một", "95101", "Xã"],
    ["Tỉnh Thử Bảng", "95", "Huyện Thử Bảng", "951", "Thị trấn Thử Hai", "95102", "Thị trấn"],
  ]);
  const bad = await writeXlsx([
    ["Tỉnh Thử Bảng", "95", "Huyện Thử Bảng", "951", "Xã Thử Một", "95101", "Xã"],
    ["Tỉnh Thử Bảng", "95", "Huyện Thử Bảng", "951", "Xã Thử Hai", "9510", "Xã"],
  ]);
  await signInAs(page, "admin");
  await page.goto("/admin/units/import");
  const file = page.getByLabel("Tệp danh mục (JSON, CSV hoặc XLSX của Tổng cục Thống kê)");
  await file.setInputFiles(good);
  await page.getByRole("button", { name: "Xem trước" }).click();
  const preview = page.getByRole("region", { name: /Xem trước: danh-muc.xlsx/ });
  await expect(preview.getByRole("row", { name: /Xã, phường/ })).toHaveText(/Xã, phường, thị trấn\s*2\s*0\s*0/);

  await file.setInputFiles(bad);
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tệp có lỗi" })).toContainText('dòng 3: mã xã "9510" không hợp lệ');
});

/**
 * Unit administration end to end. Each test uses units no other spec touches: Xã Tử Du of
 * Lập Thạch, and Xã Vĩnh Thịnh and Xã Vĩnh Phú of Vĩnh Tường (the last communes by code, so
 * "the first commune" other specs open stays the same).
 */
test("a district user adds a village, then assigns its team head; the village's coverage counts the head", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation?q=tu+du");
  await page.getByRole("region", { name: /Kết quả tìm kiếm/ }).getByRole("link", { name: "Xã Tử Du", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Tử Du");

  const panel = page.getByRole("region", { name: "Quản lý thôn, tổ dân phố" });
  await panel.getByLabel("Loại").selectOption("Thôn");
  await panel.getByLabel("Tên", { exact: true }).fill("Đầu Cầu Mới");
  await expect(panel.getByLabel("Thành lập tổ dân vận")).toBeChecked();
  await panel.getByRole("button", { name: "Thêm" }).click();
  await expect(panel.getByRole("status")).toHaveText("Đã thêm Thôn Đầu Cầu Mới.");

  await page.getByRole("region", { name: /Đơn vị trực thuộc/ }).getByRole("link", { name: "Thôn Đầu Cầu Mới", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thôn Đầu Cầu Mới");
  const villageUrl = page.url();
  // a new team has no head yet: the head figure is not shown
  await expect(page.getByText("Tổ trưởng là bí thư chi bộ")).toHaveCount(0);
  await page.getByRole("link", { name: "Có tổ dân vận" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ dân vận Thôn Đầu Cầu Mới");

  const members = page.getByRole("region", { name: "Quản lý thành viên" });
  const cadre = members.getByLabel("Cán bộ");
  const value = await cadre.locator("option").nth(1).getAttribute("value");
  expect(value).toBeTruthy();
  await cadre.selectOption(value!);
  const fullName = ((await cadre.locator(`option[value="${value}"]`).textContent()) ?? "").split(" — ")[0].trim();
  await members.getByLabel("Vai trò").selectOption("HEAD");
  await members.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(members.getByRole("status")).toContainText(`Đã thêm ${fullName}`);
  const current = page.getByRole("region", { name: /Thành viên hiện nay/ });
  await expect(current.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fullName, exact: true }) })).toContainText("Tổ trưởng");

  // back on the village: one team, one head
  await page.goto(villageUrl);
  const coverage = page.getByRole("region", { name: "Độ phủ tổ chức" });
  await expect(coverage.getByText("Thôn có tổ dân vận").locator("..")).toContainText("1/1");
  await expect(coverage.getByText("Tổ trưởng là bí thư chi bộ").locator("..")).toContainText(/\/1 ·/);
});

test("an admin records a merger of two communes through the page, then places a village of the split one", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Ghi nhận sáp nhập đơn vị" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ghi nhận sáp nhập đơn vị hành chính");

  // choose the old units by an accent-free search
  await page.getByLabel("Cấp").selectOption("COMMUNE");
  await page.getByLabel("Tìm đơn vị (gõ không dấu cũng được)").fill("vinh thinh");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: "Chọn Xã Vĩnh Thịnh" }).click();
  await expect(page.getByRole("list", { name: "Đã chọn" })).toContainText("Xã Vĩnh Thịnh");
  await page.getByLabel("Tìm đơn vị (gõ không dấu cũng được)").fill("vinh phu");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: "Chọn Xã Vĩnh Phú", exact: true }).click();
  await expect(page.getByRole("list", { name: "Đã chọn" })).toContainText("Xã Vĩnh Phú (09157)");
  await expect(page.getByRole("list", { name: "Đã chọn" })).toContainText("Xã Vĩnh Thịnh (09154)");

  const form = page.getByRole("form", { name: "2. Sáp nhập vào" });
  await form.getByLabel("Cách sáp nhập Xã Vĩnh Thịnh (09154)").selectOption("FULL");
  await form.getByLabel("Cách sáp nhập Xã Vĩnh Phú (09157)").selectOption("PARTIAL");
  await form.getByRole("radio", { name: "Đơn vị mới" }).check();
  await form.getByLabel("Loại đơn vị").selectOption("Xã");
  await form.getByLabel("Tên (không ghi loại)").fill("Vĩnh Phú Thịnh");
  await form.getByLabel("Mã đơn vị (Tổng cục Thống kê)").fill("09990");
  // From 1/7/2025 there are no districts: a new commune sits under its province (decision 055).
  await form.getByLabel("Đơn vị cấp trên").selectOption({ label: "Tỉnh Vĩnh Phúc (26)" });
  await form.getByLabel("Ngày hiệu lực").fill("2026-07-01");
  await form.getByRole("button", { name: "Xem trước" }).click();

  const preview = form.getByRole("region", { name: /Xem trước: sáp nhập vào Xã Vĩnh Phú Thịnh từ 01\/07\/2026/ });
  await expect(preview).toContainText("Xã Vĩnh Thịnh hết hiệu lực ngày 30/06/2026");
  await expect(preview).toContainText("Xã Vĩnh Phú hết hiệu lực ngày 30/06/2026");
  await expect(preview.getByRole("status")).toHaveText(/^Tổng: \d+ thôn chuyển, \d+ thôn chờ xếp\.$/);

  // recording needs the confirmation
  await form.getByRole("button", { name: "Ghi nhận sáp nhập" }).click();
  await expect(form.getByText("Vui lòng đánh dấu ô xác nhận.")).toBeVisible();
  await form.getByLabel(/Tôi đã kiểm tra và xác nhận/).check();
  await form.getByRole("button", { name: "Ghi nhận sáp nhập" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã ghi nhận sáp nhập vào Xã Vĩnh Phú Thịnh từ 01/07/2026.");

  await page.getByRole("link", { name: "Mở Xã Vĩnh Phú Thịnh" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Vĩnh Phú Thịnh");
  const mergedFrom = page.locator("p", { hasText: "Hợp nhất từ" });
  await expect(mergedFrom).toContainText("Xã Vĩnh Thịnh (toàn bộ) từ 01/07/2026");
  await expect(mergedFrom).toContainText("Xã Vĩnh Phú (một phần) từ 01/07/2026");

  // the villages already under the successor (a placed village may not take a name in use there)
  const taken = await page.getByRole("region", { name: /Đơn vị trực thuộc/ }).getByRole("listitem").getByRole("link").allTextContents();

  // the split commune says how many of its villages wait, and leads to the list
  await page.getByRole("link", { name: "Xã Vĩnh Phú", exact: true }).click();
  const badge = page.getByRole("link", { name: /\d+ thôn chờ xếp/ });
  const waiting = Number((await badge.textContent())!.match(/\d+/)![0]);
  expect(waiting).toBeGreaterThan(0);
  await badge.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thôn chờ xếp vào xã kế thừa");
  const group = page.getByRole("region", { name: /Xã Vĩnh Phú \(09157\)/ });
  const names = (await group.getByRole("form").evaluateAll((forms) => forms.map((f) => f.getAttribute("aria-label") ?? ""))).map((l) => l.replace(/^Xếp (.*) vào$/, "$1"));
  const free = names.find((n) => !taken.includes(n));
  expect(free, `a village of Xã Vĩnh Phú whose name is free in Xã Vĩnh Phú Thịnh: ${names.join(", ")}`).toBeTruthy();
  const placeForm = group.getByRole("form", { name: `Xếp ${free} vào`, exact: true });
  await placeForm.getByRole("combobox").selectOption({ label: "Xã Vĩnh Phú Thịnh (09990)" });
  await placeForm.getByRole("button", { name: "Xếp vào" }).click();
  // the placed village leaves the list, and now sits under the successor
  if (waiting > 1) await expect(group).toContainText(`${waiting - 1} thôn chờ xếp`);
  else await expect(group).toHaveCount(0);
  await page.reload();
  if (waiting > 1) await expect(group).toContainText(`${waiting - 1} thôn chờ xếp`);
  else await expect(group).toHaveCount(0);
});
