import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** This month in Vietnam: the period a model registered today counts in. */
function thisMonth() {
  const vn = new Date(Date.now() + 7 * 3_600_000);
  const first = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), 1));
  const last = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() + 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(first), to: iso(last) };
}

async function signedIn(browser: Browser, username: string) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

type Rollup = { kpis: { modelsRegistered: number; modelsRecognised: number }; children: { kpis: { modelsRegistered: number; modelsRecognised: number } }[] };
async function rollup(page: Page, unit: string): Promise<Rollup> {
  const { from, to } = thisMonth();
  const res = await page.request.get(`/api/v1/rollup?unit=${unit}&from=${from}&to=${to}`);
  expect(res.status()).toBe(200);
  return res.json();
}
const card = async (page: Page, key: string) => Number((await page.getByTestId(`kpi-${key}`).textContent())!.replace(/\D/g, ""));

test("a commune registers a model, takes it through assessment to recognition at its level, records two villages adopting it, and the reports count it", async ({ browser }) => {
  test.setTimeout(180_000);
  const commune = await signedIn(browser, "xa.binhlu");
  const province = await signedIn(browser, "tinh.laichau");
  const before = await rollup(commune, "03390");
  const provinceBefore = await rollup(province, "12");
  await commune.goto("/reports?period=month");
  const cardsBefore = { registered: await card(commune, "modelsRegistered"), recognised: await card(commune, "modelsRecognised") };
  expect(cardsBefore).toEqual({ registered: before.kpis.modelsRegistered, recognised: before.kpis.modelsRecognised });

  // Register, from the list.
  await commune.goto("/models");
  await commune.getByRole("link", { name: "Đăng ký mô hình" }).click();
  await expect(commune).toHaveURL(/\/models\/new$/);
  const title = `Dân vận khéo trong làm đường bê tông ${Date.now()}`;
  await expect(commune.getByLabel("Đơn vị đăng ký")).toHaveValue(/\d+/);
  await commune.getByLabel("Lĩnh vực").selectOption({ label: "Kinh tế" });
  await commune.getByLabel("Tên mô hình").fill(title);
  await commune.getByLabel("Mô tả, cách làm").fill("Nhân dân hiến đất, góp công; Nhà nước hỗ trợ xi măng.");
  await commune.getByLabel("Người phụ trách").fill("Vàng Thị Mai, Phó Bí thư thường trực");
  await commune.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(commune).toHaveURL(/\/models\/\d+$/);
  const modelUrl = new URL(commune.url()).pathname;
  const status = commune.getByTestId("model-status");
  await expect(status).toHaveText("Đã đăng ký");

  // Being built, assessed (effective), recognised at the commune's level.
  await commune.getByRole("button", { name: "Bắt đầu xây dựng" }).click();
  await expect(status).toHaveText("Đang xây dựng");
  await commune.getByLabel("Điểm (0–100)").fill("101");
  await commune.getByLabel("Nhận xét").fill("Nhân dân đồng tình, đường làm xong trước hạn.");
  await commune.getByRole("button", { name: "Lưu đánh giá" }).click();
  await expect(commune.getByText("Điểm phải là số nguyên từ 0 đến 100.")).toBeVisible();
  await commune.getByLabel("Điểm (0–100)").fill("92");
  await commune.getByLabel("Mô hình hiệu quả").check();
  await commune.getByRole("button", { name: "Lưu đánh giá" }).click();
  await expect(status).toHaveText("Đã đánh giá");
  await expect(commune.getByTestId("model-assessment")).toContainText("Điểm: 92");
  // A commune's user is offered the commune's level only.
  await expect(commune.getByLabel("Cấp công nhận").locator("option")).toHaveText(["Cấp xã"]);
  await commune.getByRole("button", { name: "Công nhận", exact: true }).click();
  await expect(status).toHaveText("Đã công nhận · Cấp xã");

  // Replicated in two villages of the commune, chosen by typing their names.
  const { items } = await (await commune.request.get("/api/choices/units?q=&levels=VILLAGE&limit=5")).json();
  expect(items.length).toBeGreaterThanOrEqual(2);
  for (const [i, village] of (items.slice(0, 2) as { label: string }[]).entries()) {
    const box = commune.getByRole("combobox", { name: "Thôn hoặc xã áp dụng" });
    await box.fill(village.label);
    await commune.getByRole("listbox").getByRole("option", { name: village.label }).first().click();
    await commune.getByRole("button", { name: "Ghi nhận", exact: true }).click();
    await expect(commune.getByTestId("model-replications").locator("li")).toHaveCount(i + 1);
  }
  await expect(status).toHaveText("Đã nhân rộng · Cấp xã");
  await expect(commune.getByTestId("model-replications").locator("li")).toHaveCount(2);

  // The figures: the commune's cards and its API, and the province's children add up to it.
  const after = await rollup(commune, "03390");
  expect(after.kpis.modelsRegistered).toBe(before.kpis.modelsRegistered + 1);
  expect(after.kpis.modelsRecognised).toBe(before.kpis.modelsRecognised + 1);
  await commune.goto("/reports?period=month");
  expect(await card(commune, "modelsRegistered")).toBe(cardsBefore.registered + 1);
  expect(await card(commune, "modelsRecognised")).toBe(cardsBefore.recognised + 1);
  const provinceAfter = await rollup(province, "12");
  expect(provinceAfter.kpis.modelsRegistered).toBe(provinceBefore.kpis.modelsRegistered + 1);
  const sum = (r: Rollup, k: "modelsRegistered" | "modelsRecognised") => r.children.reduce((n, c) => n + c.kpis[k], 0);
  expect(sum(provinceAfter, "modelsRegistered")).toBe(sum(provinceBefore, "modelsRegistered") + 1);
  expect(sum(provinceAfter, "modelsRecognised")).toBe(sum(provinceBefore, "modelsRecognised") + 1);

  // In the list, found without accents; out of reach for another province's commune.
  await commune.goto(`/models?q=${encodeURIComponent("dan van kheo trong lam duong")}`);
  await expect(commune.getByTestId("models-table").getByRole("link", { name: title })).toBeVisible();
  const neighbour = await signedIn(browser, "xa.lapthach");
  expect((await neighbour.request.get(modelUrl)).status()).toBe(404);
});

test("the models list on a phone: filters, an empty result said so", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signInAs(page, "tinh.laichau");
  await page.goto("/models?status=REPLICATED");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText('Mô hình "Dân vận khéo"');
  await expect(page.getByTestId("models-table")).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375 + 1);
  await page.goto(`/models?q=${encodeURIComponent("không có mô hình nào tên này")}`);
  await expect(page.getByRole("status").filter({ hasText: "Không có mô hình nào khớp bộ lọc." })).toBeVisible();
});
