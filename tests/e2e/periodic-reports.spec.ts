import type { Browser, Page } from "@playwright/test";
import { docxPart, docxParagraphs } from "../support/docx-xml";
import { expect, signInAs, test } from "./fixtures";

/** A figure as the report writes it ("1.234", "91,8", "–") back to a number (null for "–"). */
function figure(text: string | null): number | null {
  const t = (text ?? "").trim();
  if (t === "–" || t === "") return null;
  return Number(t.replace(/\./g, "").replace(",", "."));
}

/** Last month in Vietnam: the period a unit reports on now. */
function lastMonth() {
  const vn = new Date(Date.now() + 7 * 3_600_000);
  const first = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { key: iso(first).slice(0, 7), from: iso(first), to: iso(last), label: `tháng ${iso(first).slice(5, 7)}/${first.getUTCFullYear()}` };
}

const FIGURES = ["received", "resolved", "settled", "explained", "resolvedRate", "onTimeRate", "teamMeetingsHeld", "teamMeetingsExpected", "cadresTrained"] as const;
const COVERAGE = ["villages", "villagesWithTeam", "blocs"] as const;

async function pageFigures(page: Page) {
  const out: Record<string, number | null> = {};
  // The report's own figures: the first tables of the page (those below are the units' below it).
  const own = page.getByTestId("report-figures").first();
  for (const key of [...FIGURES, ...COVERAGE]) out[key] = figure(await own.locator(`[data-figure="${key}"] td`).textContent());
  return out;
}

async function signedIn(browser: Browser, username: string) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

const status = (page: Page) => page.locator("header [data-status]");
const HOTSPOT = `Khiếu kiện đông người về đền bù đường tỉnh ${Date.now().toString(36)}`;

test("a commune writes last month's report with the rollup's figures; the province returns it, then approves it, and a petition closed afterwards leaves it as approved", async ({ browser }) => {
  test.setTimeout(180_000);
  const month = lastMonth();
  const commune = await signedIn(browser, "xa.binhlu");
  // From the reports page: the periodic reports of the last month that has ended.
  await commune.goto("/reports");
  // The page's own link (the top navigation has one too, without the period).
  await commune.getByRole("main").getByRole("link", { name: "Báo cáo định kỳ" }).click();
  await expect(commune).toHaveURL(new RegExp(`/reports/periodic\\?unit=\\d+&period=${month.key}$`));
  await expect(commune.getByTestId("own-report").locator("[data-status]")).toHaveAttribute("data-status", "none");
  await commune.getByTestId("own-report").getByRole("link", { name: "Lập báo cáo" }).click();
  await expect(commune).toHaveURL(/\/reports\/periodic\/report\?unit=\d+&period=/);
  const unitId = new URL(commune.url()).searchParams.get("unit")!;
  await commune.getByRole("button", { name: "Lập báo cáo" }).click();
  await expect(status(commune)).toHaveAttribute("data-status", "DRAFT");

  // The figures are the rollup's, as the API answers them for the same unit and month, on the units as they were.
  const rollup = await (await commune.request.get(`/api/v1/rollup?unit=id:${unitId}&from=${month.from}&to=${month.to}&view=historical`)).json();
  const drafted = await pageFigures(commune);
  for (const key of FIGURES) expect(drafted[key], key).toBe(rollup.kpis[key]);
  for (const key of COVERAGE) expect(drafted[key], key).toBe(rollup.coverage[key]);
  expect(drafted.received).toBeGreaterThan(0);

  // A hotspot of public opinion in a village of the commune (decision 080), listed in a structured form.
  const addHotspot = commune.getByTestId("report-hotspots").locator("details").filter({ hasText: "Thêm điểm nóng" });
  await addHotspot.locator("summary").click();
  await addHotspot.getByLabel("Địa bàn").selectOption({ index: 1 });
  const place = (await addHotspot.getByLabel("Địa bàn").locator("option:checked").textContent())!.trim();
  await addHotspot.getByLabel("Mức độ").selectOption({ label: "Nghiêm trọng" });
  await addHotspot.getByLabel("Nội dung, vấn đề").fill(HOTSPOT);
  await addHotspot.getByLabel("Số người liên quan").fill("35");
  await addHotspot.getByLabel("Việc đang làm để giải quyết").fill("Tổ công tác của Đảng ủy đối thoại với các hộ dân.");
  await addHotspot.getByRole("button", { name: "Thêm điểm nóng" }).click();
  await expect(commune.getByTestId("hotspot-table").locator("tr", { hasText: HOTSPOT })).toContainText(place);

  await commune.getByLabel("Tình hình tư tưởng, dư luận xã hội").fill("Tình hình tư tưởng Nhân dân ổn định, quan tâm đến giá nông sản.");
  await commune.getByLabel("Kết quả thực hiện công tác dân vận").fill("Các tổ dân vận sinh hoạt đều đặn.");
  await commune.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(status(commune)).toHaveAttribute("data-status", "SUBMITTED");
  // Sent: the hotspots are fixed with the report.
  await expect(commune.getByTestId("report-hotspots").getByRole("button", { name: "Thêm điểm nóng" })).toHaveCount(0);

  // The province finds it among the reports awaiting it, and returns it with a comment.
  const province = await signedIn(browser, "tinh.laichau");
  // The hotspot rolls up to the province's list of the month, filtered by how serious.
  await province.goto(`/reports/periodic/hotspots?period=${month.key}&severity=SERIOUS`);
  const listed = province.getByTestId("hotspot-list").locator("li", { hasText: HOTSPOT });
  await expect(listed).toContainText(place);
  await expect(listed).toContainText("Nghiêm trọng");
  await expect(listed.getByRole("link")).toHaveAttribute("href", new RegExp(`unit=${unitId}&period=${month.key}`));
  await province.goto(`/reports/periodic/hotspots?period=${month.key}&severity=WATCH`);
  await expect(province.getByText(HOTSPOT)).toHaveCount(0);
  await province.goto("/reports/periodic/inbox");
  await province.getByTestId("inbox-list").locator(`li`).filter({ has: province.locator(`a[href*="unit=${unitId}&"]`) }).getByRole("link").click();
  await expect(status(province)).toHaveAttribute("data-status", "SUBMITTED");
  const returnForm = province.locator("details").filter({ hasText: "Trả lại để sửa" });
  await returnForm.locator("summary").click();
  await returnForm.getByLabel("Nội dung cần sửa, bổ sung").fill("Đề nghị nêu rõ các điểm nóng dư luận trên địa bàn.");
  await returnForm.getByRole("button", { name: "Trả lại để sửa" }).click();
  await expect(status(province)).toHaveAttribute("data-status", "RETURNED");

  // The commune reads the comment, corrects and sends it again.
  await commune.reload();
  await expect(status(commune)).toHaveAttribute("data-status", "RETURNED");
  await expect(commune.getByTestId("report-comments")).toContainText("Đề nghị nêu rõ các điểm nóng dư luận trên địa bàn.");
  await commune.getByLabel("Kết quả thực hiện công tác dân vận").fill("Các tổ dân vận sinh hoạt đều đặn. Không có điểm nóng dư luận.");
  await commune.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(status(commune)).toHaveAttribute("data-status", "SUBMITTED");

  await province.reload();
  await province.getByRole("button", { name: "Duyệt báo cáo" }).click();
  await expect(status(province)).toHaveAttribute("data-status", "APPROVED");
  const approved = await pageFigures(province);
  const fromApi = await (await province.request.get(`/api/v1/periodic-reports?unit=id:${unitId}&period=${month.key}`)).json();
  expect(fromApi.items).toEqual([expect.objectContaining({ period: month.key, status: "approved", submittedAt: expect.any(String), approvedAt: expect.any(String) })]);

  // The .docx in the Party's format, read from the file: header, number, title, the figures' table, signature block.
  const file = await province.request.get(`/reports/periodic/report/docx?unit=${unitId}&period=${month.key}`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("wordprocessingml.document");
  const xml = docxPart(new Uint8Array(await file.body()));
  const paragraphs = docxParagraphs(xml);
  for (const text of ["ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY XÃ BÌNH LƯ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số      -BC/ĐU", "BÁO CÁO", `Kết quả công tác dân vận ${month.label}`, "Nơi nhận:", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"]) {
    expect(paragraphs, text).toContain(text);
  }
  expect(paragraphs.some((p) => /^Bình Lư, ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(p))).toBe(true);
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => docxParagraphs(m[0]));
  const petitions = tables.find((t) => t[0] === "Chỉ tiêu" && t.includes("Kiến nghị tiếp nhận"))!;
  expect(figure(petitions[petitions.indexOf("Kiến nghị tiếp nhận") + 1])).toBe(approved.received);
  // The hotspots' table in the document: place, topic, seriousness, people, what is done.
  const hotspots = tables.find((t) => t[0] === "Địa bàn")!;
  expect(hotspots.slice(0, 5)).toEqual(["Địa bàn", "Nội dung, vấn đề", "Mức độ", "Số người liên quan", "Việc đang làm để giải quyết"]);
  expect(hotspots.slice(5, 9)).toEqual([place, HOTSPOT, "Nghiêm trọng", "35"]);
  // The print view lays out the same parts.
  await province.goto(`/reports/periodic/report/print?unit=${unitId}&period=${month.key}`);
  await expect(province.getByTestId("document-number")).toHaveText("Số -BC/ĐU");
  await expect(province.getByTestId("signature-block")).toContainText("T/M ĐẢNG ỦY");
  await expect(province.getByTestId("print-hotspots")).toContainText(HOTSPOT);

  // The province's own report of the month draws on it: Bình Lư's text listed, its counts in the sum.
  await province.goto(`/reports/periodic?period=${month.key}`);
  await province.getByTestId("own-report").getByRole("link", { name: "Lập báo cáo" }).click();
  await expect(province.getByTestId("periodic-report")).toBeVisible();
  await province.getByRole("button", { name: "Lập báo cáo" }).click();
  const below = province.getByTestId("approved-below");
  await expect(below.locator(`li[data-unit="${unitId}"] summary`)).toBeVisible();
  await below.locator(`li[data-unit="${unitId}"] summary`).click();
  await expect(below.locator(`li[data-unit="${unitId}"]`)).toContainText("Không có điểm nóng dư luận.");
  // The children's hotspots listed together for the province's writer.
  await expect(below.getByTestId("below-hotspots")).toContainText(HOTSPOT);
  const summed = figure(await below.locator('[data-testid="report-figures"]').first().locator('[data-figure="received"] td').textContent());
  // The demo approves no report of last month: Bình Lư's is the only one in the sum.
  expect(summed).toBe(approved.received);

  // A petition of that month resolved afterwards: the live figures move, the approved report's do not.
  const open = await (await commune.request.get(`/api/v1/petitions?unit=${rollup.unit.code}&status=ASSIGNED,IN_PROGRESS&from=${month.from}&to=${month.to}&limit=1`)).json();
  expect(open.items.length, "an open petition of last month in the commune").toBe(1);
  const petition = open.items[0];
  await commune.goto(`/petitions/${petition.id}`);
  const actions = commune.getByRole("region", { name: "Xử lý" });
  if (petition.status === "ASSIGNED") {
    const start = actions.locator("details").filter({ has: commune.getByText("Bắt đầu giải quyết", { exact: true }) });
    if (!(await start.evaluate((d) => (d as HTMLDetailsElement).open))) await start.locator("summary").click();
    await start.getByRole("button", { name: "Bắt đầu giải quyết" }).click();
    await expect(commune.locator("h1 + span")).toContainText("Đang giải quyết");
  }
  const resolve = actions.locator("details").filter({ has: commune.getByText("Ghi kết quả giải quyết", { exact: true }) });
  if (!(await resolve.evaluate((d) => (d as HTMLDetailsElement).open))) await resolve.locator("summary").click();
  await resolve.getByLabel("Kết quả *", { exact: true }).selectOption({ label: "Giải quyết dứt điểm" });
  await resolve.getByLabel("Tóm tắt kết quả *", { exact: true }).fill("Đã sửa xong đoạn đường.");
  await resolve.getByRole("button", { name: "Ghi kết quả giải quyết" }).click();
  await expect(commune.locator("h1 + span")).toContainText("Đã giải quyết");
  const after = await (await commune.request.get(`/api/v1/rollup?unit=id:${unitId}&from=${month.from}&to=${month.to}&view=historical`)).json();
  expect(after.kpis.receivedResolved).toBe(rollup.kpis.receivedResolved + 1);
  await province.goto(`/reports/periodic/report?unit=${unitId}&period=${month.key}`);
  await expect(status(province)).toHaveAttribute("data-status", "APPROVED");
  expect(await pageFigures(province)).toEqual(approved);
});

test("completeness names the communes that sent late and those that have not sent @phone", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  const vn = new Date(Date.now() + 7 * 3_600_000);
  const twoBack = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
  await page.goto(`/reports/periodic?period=${twoBack}`);
  const table = page.getByTestId("completeness-table");
  await expect(table.locator('[data-standing="late"]').first()).toBeVisible();
  await expect(table.locator('[data-standing="missing"]').first()).toBeVisible();
  const counts = page.getByTestId("report-completeness");
  const late = Number(await counts.locator('[data-count="late"] dd').textContent());
  const missing = Number(await counts.locator('[data-count="missing"] dd').textContent());
  expect(late).toBe(await table.locator('[data-standing="late"]').count());
  expect(missing).toBe(await table.locator('[data-standing="missing"]').count());

  // Filtered to the overdue: only those rows.
  await page.getByLabel("Lọc theo thời hạn").selectOption({ label: "Quá hạn, chưa gửi" });
  await page.getByRole("button", { name: "Áp dụng" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(missing);

  // The reports page of the same month carries the same counts, and the child table each commune's standing.
  await page.goto(`/reports?period=month&at=${twoBack}&view=historical`);
  await expect(page.getByTestId("report-completeness").locator('[data-count="late"] dd')).toHaveText(String(late));
  await expect(page.getByTestId("child-table").locator('td[data-report-standing="missing"]')).toHaveCount(missing);
});

test("another unit's report is not found, on the page and through the API", async ({ browser }) => {
  const month = lastMonth();
  const admin = await signedIn(browser, "admin");
  const district = await (await admin.request.get("/api/v1/units/246")).json();
  const commune = await signedIn(browser, "xa.binhlu");
  expect((await commune.goto(`/reports/periodic/report?unit=${district.id}&period=${month.key}`))?.status()).toBe(404);
  expect((await commune.goto(`/reports/periodic?unit=${district.id}&period=${month.key}`))?.status()).toBe(404);
  expect((await commune.request.get(`/api/v1/periodic-reports?unit=id:${district.id}&period=${month.key}`)).status()).toBe(404);
  expect((await admin.request.get(`/api/v1/periodic-reports?unit=id:${district.id}&period=${month.key}`)).status()).toBe(200);
});

test("a commune's report reads on a phone: status, figures and text without sideways scrolling @phone", async ({ page }) => {
  await signInAs(page, "xa.lapthach");
  const vn = new Date(Date.now() + 7 * 3_600_000);
  const twoBack = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
  await page.goto(`/reports/periodic/report?period=${twoBack}`);
  await expect(page.getByTestId("periodic-report")).toBeVisible();
  const state = await status(page).getAttribute("data-status");
  expect(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "none"]).toContain(state);
  if (state !== "none") await expect(page.getByTestId("report-figures").first().locator('[data-figure="received"] td')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a province administrator edits a template: saved in place while unused, a new version once a report has used it", async ({ browser }) => {
  test.setTimeout(120_000);
  // The quarter before the last that has ended: the demo holds no report of it.
  const vn = new Date(Date.now() + 7 * 3_600_000);
  const q = Math.floor(vn.getUTCMonth() / 3); // this quarter, 0-based
  const back = q - 2;
  const quarter = back >= 0 ? `${vn.getUTCFullYear()}-Q${back + 1}` : `${vn.getUTCFullYear() - 1}-Q${back + 5}`;

  const admin = await signedIn(browser, "admin.vinhphuc");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Mẫu báo cáo định kỳ" }).click();
  await expect(admin.getByTestId("template-table")).toBeVisible();
  await admin.getByRole("link", { name: "Sửa: Cấp xã, Quý" }).click();
  await expect(admin.getByTestId("template-notice")).toContainText("chưa có mẫu riêng");
  const form = admin.getByTestId("template-form");
  await form.getByLabel("Kiến nghị, đề xuất").uncheck();
  await form.getByLabel("Hạn gửi").fill("12");
  // Saving asks for the confirmation first.
  await form.getByRole("button", { name: "Lưu mẫu" }).click();
  await expect(admin.getByTestId("template-notice")).toContainText("chưa có mẫu riêng");
  await form.getByLabel("Tôi xác nhận lưu mẫu báo cáo").check();
  await form.getByRole("button", { name: "Lưu mẫu" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Đã lưu mẫu, phiên bản 1." })).toBeVisible();
  await admin.reload();
  await expect(admin.getByTestId("template-notice")).toContainText("Phiên bản 1 chưa được dùng");

  // A commune of the province writes that quarter's report on version 1: it is now frozen.
  const commune = await signedIn(browser, "xa.lapthach");
  await commune.goto(`/reports/periodic/report?period=${quarter}`);
  await commune.getByRole("button", { name: "Lập báo cáo" }).click();
  await expect(commune.getByText("Mẫu báo cáo phiên bản 1")).toBeVisible();
  await expect(commune.getByLabel("Kiến nghị, đề xuất")).toHaveCount(0);
  await expect(commune.getByText(/Hạn gửi: 12\//)).toBeVisible();

  await admin.reload();
  await expect(admin.getByTestId("template-notice")).toContainText("Phiên bản 1 đã được dùng cho báo cáo và được giữ nguyên. Khi lưu, hệ thống tạo phiên bản 2");
  await admin.getByTestId("template-form").getByLabel("Hạn gửi").fill("14");
  await admin.getByTestId("template-form").getByLabel("Tôi xác nhận lưu mẫu báo cáo").check();
  await admin.getByTestId("template-form").getByRole("button", { name: "Lưu mẫu" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Đã lưu mẫu, phiên bản 2." })).toBeVisible();
  await admin.goto("/admin/report-templates");
  await expect(admin.locator('[data-template="COMMUNE-QUARTER"]')).toContainText("2");
  await expect(admin.locator('[data-template="COMMUNE-QUARTER"]')).toContainText("Chưa dùng, sửa được");
  // The commune's report keeps the version it was written on.
  await commune.reload();
  await expect(commune.getByText("Mẫu báo cáo phiên bản 1")).toBeVisible();
});
