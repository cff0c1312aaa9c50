import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, signInAs, test } from "./fixtures";

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Lower-case letters only, so the name stays a name and the search finds exactly it. */
function tag(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

test("a district user creates a cadre, finds it without accents, edits it and adds a training record", async ({ page }) => {
  const suffix = tag();
  const name = `Đặng Thị Ánh ${suffix}`;
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation");
  await page.getByRole("link", { name: "Danh sách cán bộ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh sách cán bộ");
  await page.getByRole("link", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/cadres\/new$/);

  // a bad phone is refused in Vietnamese, and what was typed stays
  await page.getByLabel("Họ và tên").fill(name);
  await page.getByLabel("Giới tính").selectOption({ label: "Nữ" });
  await page.getByLabel("Năm sinh").fill("1984");
  await page.getByLabel("Điện thoại").fill("0912");
  const unit = page.getByLabel("Đơn vị");
  const village = await unit.locator("optgroup option").nth(1).getAttribute("value");
  await unit.selectOption(village!);
  await page.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page.getByText("Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (hoặc +84).")).toBeVisible();
  await expect(page.getByLabel("Họ và tên")).toHaveValue(name);

  await page.getByLabel("Điện thoại").fill("+84 912 345 678");
  await page.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/cadres\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("0912345678")).toBeVisible();

  // the list finds it typed without accents
  await page.getByRole("link", { name: "← Danh sách cán bộ" }).click();
  await page.getByLabel("Tìm theo họ tên (không cần dấu)").fill(`dang thi anh ${suffix}`);
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("heading", { name: "1 cán bộ" })).toBeVisible();
  await page.getByRole("link", { name, exact: true }).click();

  // edit
  const edit = page.getByRole("region", { name: "Sửa thông tin" });
  await edit.getByLabel("Chức vụ").fill("Chi hội trưởng Hội Phụ nữ");
  await edit.getByRole("button", { name: "Lưu" }).click();
  await expect(edit.getByRole("status")).toHaveText("Đã lưu thông tin cán bộ.");
  await expect(page.getByRole("region", { name }).getByText("Chi hội trưởng Hội Phụ nữ")).toBeVisible();

  // a training record
  const trainings = page.getByRole("region", { name: "Đào tạo, bồi dưỡng" });
  await expect(trainings.getByText("Chưa có khóa đào tạo, bồi dưỡng nào.")).toBeVisible();
  await trainings.getByLabel("Khóa học").fill("Bồi dưỡng nghiệp vụ công tác dân vận");
  await trainings.getByLabel("Đơn vị tổ chức").fill("Ban Dân vận Huyện ủy Lập Thạch");
  await trainings.getByLabel("Ngày bắt đầu").fill("2026-03-02");
  await trainings.getByLabel("Ngày kết thúc").fill("2026-03-06");
  await trainings.getByLabel("Kết quả").fill("Hoàn thành");
  await trainings.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(trainings.getByRole("status")).toHaveText("Đã thêm khóa «Bồi dưỡng nghiệp vụ công tác dân vận».");
  const row = trainings.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Bồi dưỡng nghiệp vụ công tác dân vận" }) });
  await expect(row).toContainText("02/03/2026");
  await expect(row).toContainText("06/03/2026");
});

test("a bad import file is refused with its errors by row, and nothing is saved", async ({ page }) => {
  const suffix = tag();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Cán bộ");
  sheet.addRow(["Họ và tên *", "Giới tính * (Nam/Nữ/Khác)", "Năm sinh", "Điện thoại", "Đảng viên (Có/Không)", "Chức vụ", "Mã đơn vị * (xem trang Đơn vị)"]);
  sheet.addRow([`Lò Văn Nhập ${suffix}`, "Nam", 1975, "0912345678", "Có", "", "08839"]);
  sheet.addRow([`Lò Văn Sai ${suffix}`, "Nam", 1850, "12345", "", "", "99999"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cadres-"));
  const file = path.join(dir, "can-bo.xlsx");
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  await signInAs(page, "huyen.lapthach");
  await page.goto("/cadres");
  await page.getByRole("link", { name: "Nhập từ Excel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập cán bộ từ Excel");
  // the template: header row, example row, and the units with their keys
  const [templateDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải mẫu (.xlsx)" }).click()]);
  const template = await readWorkbook(await templateDownload.path());
  expect(template.worksheets.map((w) => w.name)).toEqual(["Cán bộ", "Đơn vị"]);
  expect(template.worksheets[0].getRow(1).getCell(1).value).toBe("Họ và tên *");
  expect(String(template.worksheets[0].getRow(2).getCell(1).value)).toMatch(/^Ví dụ:/);
  const keys: string[] = [];
  template.getWorksheet("Đơn vị")!.eachRow((r, n) => n > 1 && keys.push(String(r.getCell(1).value)));
  expect(keys).toContain("08839"); // Xã Đồng Ích, Lập Thạch
  expect(keys.some((k) => /^T\d+$/.test(k))).toBe(true);

  await page.getByLabel("Tệp Excel (.xlsx)").setInputFiles(file);
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Tệp có lỗi, chưa nhập gì" });
  await expect(alert).toContainText("Dòng 3 – Năm sinh");
  await expect(alert).toContainText("Dòng 3 – Điện thoại");
  await expect(alert).toContainText("Dòng 3 – Mã đơn vị");
  await expect(alert).not.toContainText("Dòng 2");

  // the good row was not saved either
  await page.goto(`/cadres?q=lo+van+nhap+${suffix}&status=all`);
  await expect(page.getByText("Không có cán bộ nào khớp với bộ lọc.")).toBeVisible();
});

test("a province leader sees cadres without phone numbers or birth years", async ({ page }) => {
  await signInAs(page, "tinh.vinhphuc");
  await page.goto("/cadres");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh sách cán bộ");
  await expect(page.getByText("Số điện thoại và năm sinh không hiển thị với vai trò của bạn.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Họ và tên" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Điện thoại" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Năm sinh" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Thêm cán bộ" })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(/\b0\d{9}\b/);

  // the export has no personal columns either
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
  const sheet = (await readWorkbook(await download.path())).worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
  expect(rows[0]).toEqual(["DANH SÁCH CÁN BỘ"]);
  expect(rows.flat()).toContain("Người xuất: Nguyễn Thị Hương (tinh.vinhphuc)");
  const header = rows.find((r) => r[0] === "STT")!;
  expect(header).toContain("Họ và tên");
  expect(header).not.toContain("Điện thoại");
  expect(header).not.toContain("Năm sinh");
  expect(rows.length - rows.indexOf(header) - 1).toBeGreaterThan(100);

  await page.getByRole("rowheader").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/cadres\/\d+$/);
  await expect(page.getByText("Điện thoại:")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(/\b0\d{9}\b/);
  await expect(page.getByRole("region", { name: "Sửa thông tin" })).toHaveCount(0);
});

test("the cadre list is usable at phone width @phone", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/cadres?q=nguyen");
  await expect(page.getByRole("heading", { name: /\d cán bộ/ })).toBeVisible();
  await expect(page.getByRole("rowheader").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Lọc" })).toBeVisible();
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
});

test("a cadre of another district is not found, and a viewer cannot reach the forms", async ({ browser }) => {
  const lt = await browser.newPage();
  await signInAs(lt, "huyen.lapthach");
  await lt.goto("/cadres");
  const href = await lt.getByRole("rowheader").first().getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/cadres\/\d+$/);
  await lt.close();

  const vt = await browser.newPage();
  await signInAs(vt, "huyen.vinhtuong");
  expect((await vt.goto(href!))?.status()).toBe(404);
  await vt.close();

  const viewer = await browser.newPage();
  await signInAs(viewer, "xem.vinhphuc");
  expect((await viewer.goto("/cadres/new"))?.status()).toBe(404);
  expect((await viewer.goto("/cadres/import"))?.status()).toBe(404);
  expect((await viewer.request.get("/cadres/template")).status()).toBe(404);
  await viewer.close();
});

// Decision 029: the unit filter was a list of every unit above village level (10,693 options for the nation).
test("a national admin's cadre list finds the unit by typing, keeps its id in the address, and pages on", async ({ page }) => {
  await signInAs(page, "admin");
  const html = await (await page.request.get("/cadres")).text();
  expect(/<select[^>]*name="unit"/.test(html), "a <select> of every unit").toBe(false);
  // What is left: status, party membership and order.
  expect((html.match(/<option/g) ?? []).length).toBeLessThan(20);

  await page.goto("/cadres");
  const results = page.getByRole("heading", { level: 2, name: /cán bộ$/ });
  await expect(results).toHaveText(/^(Hơn )?[\d.]+ cán bộ$/);
  const firstName = await page.getByRole("rowheader").first().textContent();
  await page.getByRole("link", { name: /Trang sau/ }).click();
  await expect(page).toHaveURL(/[?&]cursor=[\w-]+/);
  await expect(page.getByRole("rowheader").first()).not.toHaveText(firstName!);
  await page.getByRole("link", { name: /Về trang đầu/ }).click();
  await expect(page.getByRole("rowheader").first()).toHaveText(firstName!);

  const unit = page.getByRole("combobox", { name: "Đơn vị", exact: true });
  await unit.fill("dong ich");
  await page.getByRole("listbox", { name: "Kết quả tìm" }).getByRole("option", { name: /Xã Đồng Ích/ }).click();
  await expect(unit).toHaveValue("Xã Đồng Ích");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/[?&]unit=\d+/);
  expect(page.url()).not.toContain("unitText");
  await expect(page.getByRole("combobox", { name: "Đơn vị", exact: true })).toHaveValue("Xã Đồng Ích");
  const rows = await page.locator("tbody tr").allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain("Xã Đồng Ích");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the cadre list's unit is typed, looked up when the form is sent, and said so", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/cadres");
    await page.getByLabel("Đơn vị", { exact: true }).fill("dong ich");
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect(page).toHaveURL(/unitText=dong\+ich/);
    await expect(page.getByRole("status").filter({ hasText: "cho “dong ich”" })).toContainText("Đã chọn “Xã Đồng Ích”");
    const rows = await page.locator("tbody tr").allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain("Xã Đồng Ích");
  });
});
