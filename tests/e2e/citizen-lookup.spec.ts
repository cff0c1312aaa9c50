import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/**
 * Issue 16, part 5 (decision 058): staff take a petition and print its receipt; the citizen, in a browser
 * that never signed in, at a phone's width, opens the receipt's address, types the phone's last four
 * digits by keyboard and sees the status; a wrong guess and a missing code read the same; once the reply
 * is sent they rate it in one tap. The page, and the server's log lines, hold no personal data.
 */
const PHONE = "0987 654 321";
const DIGITS = "4321";

/** A citizen's browser: never signed in, 390 px wide, its own client address (the tests stand for the proxy). */
async function citizenPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: "vi-VN",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${1 + (randomBytes(1)[0] % 250)}` },
  });
  return context.newPage();
}

async function takeStep(page: Page, step: string, fill: (form: ReturnType<Page["locator"]>) => Promise<void>, status: string) {
  const actions = page.getByRole("region", { name: "Xử lý" });
  const group = actions.locator("details").filter({ has: page.getByText(step, { exact: true }) });
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator("summary").click();
  await fill(group);
  await group.getByRole("button", { name: step }).click();
  await expect(page.locator("h1 + span")).toContainText(status);
}

/** Types the digits by keyboard from the code field, sends with Enter, and waits for the page it lands on. */
async function lookUpByKeyboard(page: Page, code: string, digits: string) {
  const codeField = page.getByLabel("Mã kiến nghị");
  await codeField.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(code);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("4 số cuối điện thoại hoặc số tra cứu")).toBeFocused();
  await page.keyboard.type(digits);
  const answer = page.waitForResponse((r) => r.url().endsWith("/tra-cuu/xem") && r.request().method() === "POST");
  await page.keyboard.press("Enter");
  const response = await answer;
  await page.waitForLoadState("domcontentloaded");
  return response.status();
}

test("a receipt's QR address, a code and four digits show a petition's status to a citizen who is not signed in", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const token = randomBytes(3).toString("hex");
  const name = `Phạm Thị Tra Cứu ${token}`;
  const address = `Xóm Đồi Thông ${token}`;

  // Staff take the petition, then open its receipt from the notice intake shows.
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
  await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
  await page.getByLabel("Số điện thoại").fill(PHONE);
  await page.getByLabel("Địa chỉ", { exact: true }).fill(address);
  await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
  await page.getByLabel("Nội dung kiến nghị *").fill("Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình.");
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  const petitionPath = new URL(page.url()).pathname;
  const code = (await page.locator("h1").textContent())!.trim();
  const staffName = (await page.getByText(/^Người nhập$/).locator("..").locator("dd").textContent())!.split(" · ")[0];
  await page.getByRole("link", { name: "In giấy biên nhận cho công dân" }).click();
  await expect(page).toHaveURL(`${petitionPath}/receipt`);
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByTestId("receipt-code")).toHaveText(code);
  await expect(receipt).toContainText(/Ngày tiếp nhận\s*\d{2}\/\d{2}\/\d{4}/);
  await expect(receipt.getByTestId("receipt-deadline")).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(receipt.locator("svg")).toHaveCount(1);
  await expect(receipt).toContainText("4 số cuối của số điện thoại");
  await expect(receipt).not.toContainText(name);
  const qrAddress = (await receipt.getByTestId("receipt-url").textContent())!;
  expect(qrAddress).toBe(`${baseURL}/tra-cuu?ma=${encodeURIComponent(code)}`);
  // Printed: the shell and the buttons are left out, the receipt stays.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "In giấy biên nhận" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(receipt).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The citizen opens what the QR code holds: the code is filled in; four digits, by keyboard.
  const citizen = await citizenPage(browser, baseURL!);
  await citizen.goto(qrAddress);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Tra cứu kiến nghị");
  await expect(citizen.getByLabel("Mã kiến nghị")).toHaveValue(code);
  expect(await lookUpByKeyboard(citizen, code, DIGITS)).toBe(303);
  await expect(citizen.getByTestId("lookup-status")).toHaveText("Đã tiếp nhận, đang chuyển cơ quan giải quyết");
  await expect(citizen.getByTestId("lookup-result")).toContainText(/Ngày tiếp nhận\s*\d{2}\/\d{2}\/\d{4}/);
  await expect(citizen.getByTestId("lookup-result")).toContainText(/Hạn giải quyết\s*\d{2}\/\d{2}\/\d{4}/);
  // Nothing personal on the page, nor the staff who took it.
  const html = await citizen.content();
  for (const secret of [name, address, "0987654321", PHONE, staffName]) expect(html, secret).not.toContain(secret);
  expect(await citizen.locator("body").innerText()).not.toContain(DIGITS);
  // It fits the phone: no sideways scrolling.
  expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A wrong guess and a code that does not exist read the same, from the same status.
  const wrong = await citizenPage(browser, baseURL!);
  await wrong.goto("/tra-cuu");
  expect(await lookUpByKeyboard(wrong, code, "1111")).toBe(303);
  const wrongText = await wrong.getByTestId("lookup-error").textContent();
  await expect(wrong.getByTestId("lookup-result")).toHaveCount(0);
  expect(await lookUpByKeyboard(wrong, "999-2099-99999", DIGITS)).toBe(303);
  expect(await wrong.getByTestId("lookup-error").textContent()).toBe(wrongText);
  expect(wrongText).toContain("Không tìm thấy kiến nghị với mã và số đã nhập");
  await wrong.context().close();

  // Staff send the reply without knowing the citizen's satisfaction ("Không rõ").
  await page.goto(petitionPath);
  await takeStep(page, "Giao cơ quan chủ trì", async (form) => {
    const agency = form.getByLabel("Cơ quan chủ trì giải quyết *");
    await agency.selectOption((await agency.locator("option").nth(1).getAttribute("value"))!);
  }, "Đã giao xử lý");
  await takeStep(page, "Ghi kết quả giải quyết", async (form) => {
    await form.getByLabel("Kết quả *", { exact: true }).selectOption({ label: "Giải quyết dứt điểm" });
    await form.getByLabel("Tóm tắt kết quả *", { exact: true }).fill("Đã đo đạc và hoàn thiện hồ sơ.");
  }, "Đã giải quyết");
  await takeStep(page, "Trả lời công dân và kết thúc", async (form) => {
    await form.getByLabel("Nội dung trả lời *").fill("Hồ sơ đã đủ điều kiện, mời gia đình nhận giấy chứng nhận tại xã.");
    await form.getByLabel("Mức độ hài lòng của công dân *").selectOption({ label: "Không rõ" });
  }, "Đã trả lời, kết thúc");

  // The citizen sees the reply and rates it in one tap; the rating stays.
  await citizen.goto("/tra-cuu");
  await expect(citizen.getByTestId("lookup-status")).toHaveText("Đã giải quyết dứt điểm và trả lời công dân");
  await expect(citizen.getByTestId("lookup-reply")).toHaveText("Hồ sơ đã đủ điều kiện, mời gia đình nhận giấy chứng nhận tại xã.");
  await citizen.getByRole("button", { name: "Hài lòng", exact: true }).click();
  await expect(citizen.getByRole("status")).toHaveText("Cảm ơn bạn: đánh giá đã được ghi nhận.");
  await expect(citizen.getByRole("button", { name: "Hài lòng", exact: true })).toHaveCount(0);
  await expect(citizen.getByTestId("lookup-result")).toContainText("Mức độ hài lòng đã ghi nhận: Hài lòng");

  // On the petition's page: the rating, and the citizen on its timeline.
  await page.reload();
  await expect(page.getByText(/^Mức độ hài lòng$/).locator("..")).toContainText("Hài lòng");
  const last = page.getByTestId("timeline").locator("li").last();
  await expect(last).toContainText("Đánh giá mức độ hài lòng");
  await expect(last).toContainText("Công dân (tra cứu trực tuyến)");
  await citizen.context().close();

  // The server's log lines for the lookup pages hold no digits, phone, name or code values.
  const lines = fs.readFileSync(process.env.E2E_LOG_FILE!, "utf8").split("\n").filter((l) => l.includes("/tra-cuu"));
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) {
    const { requestId: _id, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const text = JSON.stringify(fields);
    for (const secret of [DIGITS, "0987654321", name, code]) expect(text, secret).not.toContain(secret);
  }
});

test("the 21st lookup in a minute from one address is refused with a Vietnamese page", async ({ playwright, baseURL }) => {
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${1 + (randomBytes(1)[0] % 250)}` } });
  for (let i = 1; i <= 20; i++) {
    const res = await client.post("/tra-cuu/xem", { form: { ma: "999-2099-00001", so: "1234" }, maxRedirects: 0 });
    expect(res.status(), `lookup ${i}`).toBe(303);
  }
  const refused = await client.post("/tra-cuu/xem", { form: { ma: "999-2099-00001", so: "1234" }, maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain("Bạn đã tra cứu quá nhiều lần");
  // Another site's form is refused outright.
  const forged = await client.post("/tra-cuu/xem", { form: { ma: "1", so: "1234" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  await client.dispose();
});

test("malformed lookups answer with the page or a 4xx, never a 5xx", async ({ playwright, baseURL }) => {
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `198.18.0.${1 + (randomBytes(1)[0] % 250)}` } });
  const wrong: string[] = [];
  const gets: [string, number][] = [
    ["/tra-cuu?ma=%00", 400],
    [`/tra-cuu?ma=${"x".repeat(5000)}`, 200],
    ["/tra-cuu?ma=a&ma=b&loi=khong-khop&loi=nhap", 200],
    ["/tra-cuu?loi=%3Cscript%3E&danh-gia=%E2%80%AE", 200],
    ["/tra-cuu/xem", 405],
    ["/tra-cuu/danh-gia", 405],
  ];
  for (const [url, status] of gets) {
    const res = await client.get(url, { maxRedirects: 0 });
    if (res.status() !== status) wrong.push(`GET ${url} → ${res.status()}`);
  }
  const posts: { url: string; options: Parameters<typeof client.post>[1] }[] = [
    { url: "/tra-cuu/xem", options: { data: { ma: "1", so: "1234" } } },
    { url: "/tra-cuu/xem", options: { headers: { "content-type": "multipart/form-data; boundary=x" }, data: "--x\r\nbroken" } },
    { url: "/tra-cuu/xem", options: { form: { ma: "a\u0000b", so: "\u0000" } } },
    { url: "/tra-cuu/xem", options: { form: { ma: "x".repeat(20_000), so: "1" } } },
    { url: "/tra-cuu/danh-gia", options: { form: { muc: "__proto__" }, headers: { cookie: "dv.lookup=%00%00" } } },
    { url: "/tra-cuu/danh-gia", options: { headers: { "content-type": "text/plain" }, data: "muc=SATISFIED" } },
  ];
  for (const { url, options } of posts) {
    const res = await client.post(url, { ...options, maxRedirects: 0 });
    if (res.status() >= 500 || ![303, 400, 413].includes(res.status())) wrong.push(`POST ${url} ${JSON.stringify(options)} → ${res.status()}`);
  }
  expect(wrong).toEqual([]);
  await client.dispose();
});

test("an anonymous petition's receipt carries a lookup number, shown once, that opens it", async ({ page, browser, baseURL }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/petitions/new");
  await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Đơn thư" });
  await page.getByRole("radio", { name: "Ẩn danh" }).check();
  await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
  const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
  await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Lĩnh vực *").selectOption({ label: "Môi trường" });
  await page.getByLabel("Nội dung kiến nghị *").fill("Phản ánh bãi rác tự phát cạnh kênh tưới tiêu của thôn.");
  await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
  const code = (await page.locator("h1").textContent())!.trim();
  await page.getByRole("link", { name: "In giấy biên nhận cho công dân" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByTestId("receipt-number-missing")).toContainText("cấp số tra cứu");
  await receipt.getByRole("button", { name: "Cấp số tra cứu" }).click();
  const shown = (await receipt.getByTestId("receipt-number").textContent())!;
  expect(shown).toMatch(/^\d{4} \d{4}$/);
  // Shown once: opened again, the receipt says a number was issued, and offers a new one.
  await page.reload();
  await expect(receipt.getByTestId("receipt-number")).toHaveCount(0);
  await expect(receipt.getByRole("button", { name: "Cấp số tra cứu mới" })).toBeVisible();

  const citizen = await citizenPage(browser, baseURL!);
  await citizen.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
  expect(await lookUpByKeyboard(citizen, code, shown)).toBe(303);
  await expect(citizen.getByTestId("lookup-status")).toHaveText("Đã tiếp nhận, đang chuyển cơ quan giải quyết");
  await citizen.context().close();
});
