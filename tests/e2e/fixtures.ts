import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";

/** Signs in by posting the sign-in form's fields, as a script would: no page. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.request.post("/sign-in", { form: { username, password }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token")), `signed in as ${username}`).toBeTruthy();
}

/** Fills and submits the sign-in form. */
export async function signInWithForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Straight to the form of a team's monthly meeting: the first team of the choosing step. Answers the form's address. */
export async function openMeetingForm(page: Page): Promise<string> {
  await page.goto("/meetings/new?kind=TEAM_MONTHLY");
  await page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/meetings\/new\?kind=TEAM_MONTHLY&target=org:\d+$/);
  await expect(page.getByRole("group", { name: "Điểm danh" })).toBeVisible();
  return page.url();
}

export const test = base;
export { expect };
