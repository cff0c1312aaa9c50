import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/**
 * Village scoring (issue 18, decision 078) in Chromium: the province's administrator makes a template of 3 sections
 * and 10 criteria (the demo's version is used, so it becomes version 2), a commune user scores two villages for the
 * half-year in progress, and the ranking shows the totals this test computes on its own from what it typed and the
 * automatic points the sheet showed.
 */
const ROWS: [string, string, number, number, string][] = [
  ["I. Tổ chức", "Sinh hoạt tổ dân vận", 10, 1, "TEAM_MEETINGS"],
  ["", "Đủ thành viên", 10, 1, ""],
  ["", "Biên bản đầy đủ", 5, 2, ""],
  ["II. Nắm tình hình", "Kiến nghị đúng hạn", 10, 2, "PETITIONS_ON_TIME"],
  ["", "Báo cáo kịp thời", 10, 1, ""],
  ["", "Hòa giải ở cơ sở", 5, 1.5, ""],
  ["", "Không có đơn vượt cấp", 5, 1, ""],
  ["III. Thi đua", "Mô hình Dân vận khéo", 10, 1, ""],
  ["", "Nông thôn mới", 10, 0.5, ""],
  ["", "Khu dân cư văn hóa", 5, 1, ""],
];
const TYPED: Record<number, number>[] = [
  { 2: 8, 3: 4.5, 5: 9, 6: 5, 7: 5, 8: 7.5, 9: 10, 10: 3 },
  { 2: 10, 3: 5, 5: 10, 6: 4, 7: 5, 8: 10, 9: 6, 10: 5 },
];
const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const parseVi = (text: string) => Number(text.trim().replace(/\./g, "").replace(",", "."));

/** The half-year in progress in Vietnam: begun, and holding none of the demo's sheets. */
function halfYear() {
  const vn = new Date(Date.now() + 7 * 3_600_000);
  return `${vn.getUTCFullYear()}-H${vn.getUTCMonth() < 6 ? 1 : 2}`;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

test("a province administrator makes a template of 3 sections and 10 criteria; two villages are scored; the ranking shows their totals", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signedIn(browser, "admin.vinhphuc");
  await admin.goto("/scoring");
  await admin.getByRole("link", { name: "Bảng chấm điểm (mẫu)" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Mẫu bảng chấm điểm thôn");
  await expect(admin.getByText("Phiên bản hiện tại đã được dùng để chấm điểm")).toBeVisible();
  await admin.getByLabel("Tên bảng chấm điểm").fill("Bảng chấm điểm thử nghiệm");
  for (const [i, [section, label, max, weight, auto]] of ROWS.entries()) {
    const row = i + 1;
    await admin.getByLabel(`Phần, dòng ${row}`, { exact: true }).fill(section);
    await admin.getByLabel(`Tiêu chí, dòng ${row}`, { exact: true }).fill(label);
    await admin.getByLabel(`Điểm tối đa, dòng ${row}`, { exact: true }).fill(String(max).replace(".", ","));
    await admin.getByLabel(`Hệ số, dòng ${row}`, { exact: true }).fill(String(weight).replace(".", ","));
    await admin.getByLabel(`Cách tính, dòng ${row}`, { exact: true }).selectOption(auto);
  }
  await admin.getByRole("button", { name: "Lưu bảng chấm điểm" }).click();
  await expect(admin.getByText("Đã tạo phiên bản mới 2")).toBeVisible();
  await admin.reload();
  const versions = admin.getByTestId("template-versions");
  await expect(versions.locator("tbody tr")).toHaveCount(2);
  await expect(versions.locator("tbody tr").first()).toContainText("Bảng chấm điểm thử nghiệm");
  await expect(versions.locator("tbody tr").first().locator("td").nth(2)).toHaveText("10");

  // A commune user scores two of its villages for the half-year in progress.
  const period = halfYear();
  const commune = await signedIn(browser, "xa.lapthach");
  await commune.goto(`/scoring?period=${period}`);
  const list = commune.getByTestId("villages-to-score");
  await expect(list.getByRole("link", { name: /^Chấm điểm/ }).first()).toBeVisible();
  const expected: { name: string; total: number; max: number; percent: number }[] = [];
  for (const typed of TYPED) {
    await commune.goto(`/scoring?period=${period}`);
    const link = list.getByRole("link", { name: /^Chấm điểm/ }).first();
    const name = (await link.locator(".sr-only").textContent())!.trim();
    await link.click();
    await expect(commune.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(commune.getByText("Mẫu: Bảng chấm điểm thử nghiệm, phiên bản 2")).toBeVisible();
    // Out of bounds first: refused by the criterion's field.
    for (const [n, v] of Object.entries(typed)) await commune.locator(`#score-c${n}`).fill(vi.format(v));
    await commune.locator("#score-c3").fill("6");
    await commune.getByRole("button", { name: "Lưu phiếu chấm điểm" }).click();
    await expect(commune.getByText("Điểm phải từ 0 đến 5.")).toBeVisible();
    await commune.locator("#score-c3").fill(vi.format(typed[3]));
    const meetings = parseVi((await commune.getByTestId("score-c1").textContent())!);
    const onTime = parseVi((await commune.getByTestId("score-c4").textContent())!);
    let total = 0;
    let max = 0;
    ROWS.forEach(([, , m, w, auto], i) => {
      total += (auto === "TEAM_MEETINGS" ? meetings : auto === "PETITIONS_ON_TIME" ? onTime : typed[i + 1]) * w;
      max += m * w;
    });
    total = Math.round(total * 100) / 100;
    const percent = Math.round((total / max) * 10000) / 100;
    await commune.getByRole("button", { name: "Lưu phiếu chấm điểm" }).click();
    await expect(commune.getByText(`Đã lưu: ${vi.format(total)}/${vi.format(max)} điểm`)).toBeVisible();
    expected.push({ name, total, max, percent });
  }

  // The ranking of the commune: both villages, best first, with the totals computed here.
  await commune.goto(`/scoring?period=${period}`);
  const ranking = commune.getByTestId("ranking");
  await expect(ranking.locator("tbody tr")).toHaveCount(2);
  const ordered = [...expected].sort((a, b) => b.percent - a.percent);
  for (const [i, v] of ordered.entries()) {
    const row = ranking.locator("tbody tr").nth(i);
    await expect(row.locator("th")).toHaveText(v.name);
    await expect(row.locator("td").nth(2)).toHaveText(`${vi.format(v.total)} / ${vi.format(v.max)}`);
    await expect(row.locator("td").nth(3)).toHaveText(vi.format(v.percent));
  }
  // Of two villages, the weakest 20 % is one: the lower.
  await expect(ranking.locator("tbody tr").nth(1)).toContainText("Cần theo dõi");
  await expect(ranking.locator("tbody tr").nth(0)).not.toContainText("Cần theo dõi");
  await expect(commune.getByTestId("scored-villages")).toHaveText("2");
});
