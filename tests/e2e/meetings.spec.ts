import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** From the meetings list to the form of a team's monthly meeting, through the two choosing steps. */
async function openTeamMeetingForm(page: Page): Promise<string> {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Mục chính" }).getByRole("link", { name: "Cuộc họp" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cuộc họp");
  await page.getByRole("link", { name: "Ghi cuộc họp" }).click();
  await page.getByRole("link", { name: /^Sinh hoạt tổ dân vận hằng tháng/ }).click();
  const teams = page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link");
  await expect(teams.filter({ hasText: "Chưa sinh hoạt tháng này" }).first()).toBeVisible();
  await teams.first().click();
  await expect(page).toHaveURL(/\/meetings\/new\?kind=TEAM_MONTHLY&target=org:\d+$/);
  await expect(page.getByRole("group", { name: "Điểm danh" })).toBeVisible();
  return page.url();
}

/** Fills raised-petition row n (1-based) of the form. */
async function raise(page: Page, n: number, content: string, field: string) {
  const row = page.getByRole("listitem", { name: `Kiến nghị ${n}` });
  await row.getByLabel("Nội dung kiến nghị").fill(content);
  await row.getByLabel("Lĩnh vực").selectOption({ label: field });
}

test.describe("logging a meeting on a phone @phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a commune secretary logs a team's monthly meeting; its petitions reach the district's list", async ({ page, browser }) => {
    const token = randomBytes(3).toString("hex");
    await signInAs(page, "xa.lapthach");
    await openTeamMeetingForm(page);
    // Attendance: everyone present by default; the second absent, the third excused.
    const members = page.getByRole("radiogroup");
    expect(await members.count()).toBeGreaterThanOrEqual(3);
    await members.nth(1).getByText("Vắng", { exact: true }).click();
    await members.nth(2).getByText("Có phép", { exact: true }).click();
    const total = await members.count();
    await expect(page.getByText(`Có mặt: ${total - 2}/${total}`)).toBeVisible();
    // Nothing on the form is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await raise(page, 1, `Đề nghị lắp đèn chiếu sáng đường trục khu dân cư ${token}.`, "Hạ tầng – giao thông");
    await raise(page, 2, `Đề nghị nạo vét rãnh thoát nước trước mùa mưa ${token}.`, "Môi trường");
    await page.getByLabel("Biên bản cuộc họp").fill("Tổ thống nhất vận động Nhân dân giữ gìn vệ sinh đường làng.");
    await page.getByRole("button", { name: "Lưu cuộc họp" }).click();

    await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);
    await expect(page.getByRole("status")).toHaveText("Đã lưu cuộc họp và 2 kiến nghị phát sinh.");
    await expect(page.getByTestId("attendance-rate")).toContainText(`${total - 2}/${total} có mặt`);
    const raised = page.getByTestId("raised-petitions").getByRole("listitem");
    await expect(raised).toHaveCount(2);
    await expect(raised.first()).toContainText("Mới tiếp nhận");
    const meetingPath = new URL(page.url()).pathname;

    // The district sees both petitions in its list, each linked to the meeting.
    const district = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await signInAs(district, "huyen.lapthach");
    await district.goto(`/petitions?q=${token}&channel=TEAM_MEETING`);
    const links = district.getByRole("link", { name: /^\d+-\d{4}-\d{5}$/ }).filter({ visible: true });
    await expect(links).toHaveCount(2);
    for (const i of [0, 1]) {
      await district.goto(`/petitions?q=${token}`);
      await links.nth(i).click();
      await expect(district.getByText("Sinh hoạt tổ dân vận", { exact: true })).toBeVisible();
      await expect(district.getByRole("link", { name: /^Nêu tại cuộc họp ngày/ })).toHaveAttribute("href", meetingPath);
    }
    await district.close();
  });
});

test("on a slow 3G connection the form keeps a draft across a reload and saves one meeting", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "xa.lapthach");
  const formUrl = await openTeamMeetingForm(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  // DevTools' "Slow 3G": 2 s latency, about 50 KB/s each way.
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 2000, downloadThroughput: (500 * 1024) / 8 * 0.8, uploadThroughput: (500 * 1024) / 8 * 0.8 });

  await page.goto(formUrl, { timeout: 120_000 });
  const token = randomBytes(3).toString("hex");
  await raise(page, 1, `Đề nghị sửa cầu tràn bị hư hỏng ${token}.`, "Hạ tầng – giao thông");
  await page.getByLabel("Biên bản cuộc họp").fill(`Biên bản họp chậm mạng ${token}.`);
  await expect(page.getByText(/^Đã lưu bản nháp trên máy lúc/)).toBeVisible();
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();

  // A reload (or a lost connection) loses nothing: the draft, its key included, comes back.
  await page.reload({ timeout: 120_000 });
  await expect(page.getByText(/^Đã khôi phục bản nháp chưa gửi/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Biên bản cuộc họp")).toHaveValue(`Biên bản họp chậm mạng ${token}.`);
  await expect(page.locator('input[name="idempotencyKey"]')).toHaveValue(key);

  // The form's POST is kept, to be sent again below as a phone would after a lost answer.
  const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/meetings/new", { timeout: 120_000 });
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  const post = await posted;
  await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/, { timeout: 120_000 });
  await expect(page.getByRole("status")).toHaveText("Đã lưu cuộc họp và 1 kiến nghị phát sinh.", { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dv:meeting-draft:")).length), { timeout: 30_000 }).toBe(0);
  await cdp.detach();

  // Sending the same draft again (say the answer was lost) finds the meeting already saved…
  const meetingPath = new URL(page.url()).pathname;
  const again = await page.request.post(post.url(), {
    headers: { "content-type": post.headers()["content-type"], origin: new URL(post.url()).origin },
    data: post.postDataBuffer() ?? Buffer.alloc(0),
    maxRedirects: 0,
  });
  expect(again.status()).toBe(303);
  expect(new URL(again.headers().location, post.url()).pathname).toBe(meetingPath);
  // …and the database holds exactly one meeting with these minutes, and one petition with this text:
  // a duplicate would make two.
  const res = await page.request.get(`/api/v1/meetings?from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}&limit=200`);
  const items = ((await res.json()) as { items: { id: number }[] }).items;
  const minutes = await Promise.all(items.map(async (m) => ((await (await page.request.get(`/api/v1/meetings/${m.id}`)).json()) as { minutes: string | null }).minutes));
  expect(minutes.filter((text) => text?.includes(token))).toHaveLength(1);
  const petitions = (await (await page.request.get(`/api/v1/petitions?q=${token}&limit=200`)).json()) as { items: unknown[] };
  expect(petitions.items).toHaveLength(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the meeting form still saves a meeting and its raised petition", async ({ page }) => {
    await signInAs(page, "xa.lapthach");
    await page.goto("/meetings/new?kind=TEAM_MONTHLY");
    await page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link").nth(1).click();
    await page.getByRole("radiogroup").first().getByText("Có phép", { exact: true }).click();
    await raise(page, 3, "Đề nghị bổ sung biển báo giao thông tại ngã ba.", "Hạ tầng – giao thông");
    await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);
    await expect(page.getByRole("status")).toHaveText("Đã lưu cuộc họp và 1 kiến nghị phát sinh.");
  });
});

test("a commune secretary gets 404 on another commune's meeting: page, correction page and API", async ({ browser }) => {
  const vinhTuong = await browser.newPage();
  await signInAs(vinhTuong, "huyen.vinhtuong");
  const list = (await (await vinhTuong.request.get("/api/v1/meetings?limit=1")).json()) as { items: { id: number }[] };
  const id = list.items[0].id;
  expect((await vinhTuong.goto(`/meetings/${id}`))?.status()).toBe(200);
  await vinhTuong.close();

  const page = await browser.newPage();
  await signInAs(page, "xa.lapthach");
  for (const url of [`/meetings/${id}`, `/meetings/${id}/edit`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  }
  expect((await page.request.get(`/api/v1/meetings/${id}`)).status()).toBe(404);
  await page.close();
});

test("a province leader reads compliance by district, furthest behind first, and drills down to the teams that have not met", async ({ page }) => {
  await signInAs(page, "tinh.vinhphuc");
  await page.goto("/meetings/compliance");
  const table = page.getByTestId("compliance-children");
  await expect(table.getByRole("columnheader", { name: "Tổ dân vận đã sinh hoạt" })).toBeVisible();
  await expect(page.getByTestId("missing-villages")).toHaveCount(0);
  await expect(page.getByText(/chọn một đơn vị trực thuộc ở bảng trên/)).toBeVisible();
  await table.getByRole("link", { name: "Huyện Lập Thạch" }).click();
  await expect(page.getByText(/^Huyện Lập Thạch: tháng/)).toBeVisible();
  await expect(page.getByTestId("missing-villages").getByRole("listitem")).not.toHaveCount(0);
  await expect(page.getByTestId("compliance-children").getByRole("link", { name: "Thị trấn Lập Thạch" })).toBeVisible();
});

test("the compliance page lists the villages of Thị trấn Lập Thạch that have not met this month", async ({ page }) => {
  await signInAs(page, "xa.lapthach");
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Tình hình sinh hoạt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tình hình sinh hoạt");
  // The demo plants two villages without this month's meeting.
  await expect(page.getByTestId("missing-villages").getByRole("listitem")).not.toHaveCount(0);
  await expect(page.getByTestId("team-compliance")).toContainText("/");
});
