import { expect, signInWithForm, test } from "./fixtures";

/**
 * Issue 16, "Done when" (decisions 060–062): with the demo running, the overdue petitions have produced in-app
 * reminders for their staff (the demo seeds those of the last working day; the job queue's worker runs inside
 * `npm start` on the embedded database and sweeps once at start, on a working day), and the header shows the
 * count (on the field form's page too, below). On a phone's width, by keyboard: open the list, mark one read, follow its
 * link to the petition, mark all read. The API answers the user's own.
 */
test.use({ viewport: { width: 390, height: 844 } });

test("the district's petition staff find their overdue reminders, counted in the header, on a phone's width", async ({ page }) => {
  test.setTimeout(240_000);
  await signInWithForm(page, "huyen.lapthach");
  await expect(page).toHaveURL(/\/$/);
  const bell = page.getByTestId("notification-bell");
  // The worker starts with the server and sweeps once: wait for its reminders.
  await expect
    .poll(
      async () => {
        await page.reload();
        return Number((await page.getByTestId("unread-count").textContent({ timeout: 1_000 }).catch(() => "0"))?.replace("+", "") ?? 0);
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  const before = Number((await page.getByTestId("unread-count").textContent())!.replace("+", ""));
  await expect(bell).toHaveAccessibleName(`Thông báo: ${before > 99 ? "100" : before} chưa đọc`.replace("100", String(before)));

  // By keyboard: the bell, then the list.
  await bell.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
  // The newest petition reminder (the daily job also reminds of periodic reports, decision 081).
  const items = page.getByTestId("notification").filter({ has: page.getByRole("heading", { level: 2, name: /^Kiến nghị / }) });
  await expect(items.first()).toBeVisible();
  const first = items.first();
  const title = (await first.getByRole("heading", { level: 2 }).textContent())!;
  expect(title).toMatch(/^Kiến nghị \d{3}-\d{4}-\d{5} (đã quá hạn|sắp đến hạn|đến hạn hôm nay)$/);
  await expect(first).toContainText("Đơn vị xử lý: Ban Dân vận Huyện ủy Lập Thạch");
  await expect(first).toContainText(/hạn ngày \d{2}\/\d{2}\/\d{4}|ngày \d{2}\/\d{2}\/\d{4}/);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Mark that one read: the header counts one fewer.
  await first.getByRole("button", { name: `Đánh dấu đã đọc: ${title}` }).focus();
  await page.keyboard.press("Enter");
  await expect(items.first().getByText("Đã đọc", { exact: true })).toBeVisible();
  await page.reload();
  if (before <= 99) await expect(page.getByTestId("unread-count")).toHaveText(String(before - 1));

  // Follow its link, by keyboard, to the petition of its code.
  const code = title.match(/\d{3}-\d{4}-\d{5}/)![0];
  await page.getByRole("link", { name: `Xem kiến nghị: ${title}` }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/petitions\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);

  // The API answers the user's own, in the list's order.
  const api = await page.request.get("/api/v1/notifications?limit=20");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { items: { title: string; link: string; read: boolean }[]; nextCursor: string | null };
  expect(body.items.length).toBeGreaterThan(0);
  const petitions = body.items.filter((i) => i.title.startsWith("Kiến nghị "));
  expect(petitions[0].title).toBe(title);
  expect(petitions[0].read).toBe(true);
  const bad = await page.request.get("/api/v1/notifications?cursor=%00%01");
  expect(bad.status()).toBe(400);

  // Mark all read: the badge goes.
  await page.goto("/notifications");
  await page.getByRole("button", { name: "Đánh dấu tất cả đã đọc" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "thông báo là đã đọc" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await expect(bell).toHaveAccessibleName("Thông báo: không có thông báo chưa đọc");
});

test("the field form, the Pages Router's one page, shows the same count in its header as the App Router's pages", async ({ page }) => {
  // A commune Party committee's user: handles petitions and logs meetings (decision 049).
  await signInWithForm(page, "xa.binhlu");
  await expect(page).toHaveURL(/\/$/);
  const bell = page.getByTestId("notification-bell");
  const name = await bell.getAttribute("aria-label");
  expect(name).toMatch(/^Thông báo: /);
  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Ghi cuộc họp" })).toBeVisible();
  await expect(bell).toHaveAttribute("aria-label", name!);
});
