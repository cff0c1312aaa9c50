import type { APIResponse, Page, Response } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/**
 * Issue 12, finding 5: every response carries the security headers, pages a Content-Security-Policy
 * whose scripts need this response's nonce (no 'unsafe-inline'), and the pages still work under it:
 * Chromium reports no violation, the reports' charts draw, the meeting form's inline script runs.
 */

type Headers = Record<string, string>;
const headersOf = (r: Response | APIResponse | null): Headers => {
  expect(r, "a response").toBeTruthy();
  return r!.headers();
};

/** The CSP's directives by name. */
function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp, "a Content-Security-Policy header").toBeTruthy();
  return new Map(
    csp!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The headers every response has (the CSP checked separately for documents). */
function expectCommonHeaders(h: Headers) {
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toMatch(/camera=\(\)/);
  expect(h["permissions-policy"]).toMatch(/microphone=\(\)/);
  expect(h["permissions-policy"]).toMatch(/geolocation=\(\)/);
  // The e2e server's public address is http: no HSTS there (lib/http/security-headers.test.ts has https).
  expect(h["strict-transport-security"]).toBeUndefined();
}

/** A page's CSP: scripts only with the nonce, nothing framed, no plugins; returns the nonce. */
function expectDocumentPolicy(h: Headers): string {
  expectCommonHeaders(h);
  const d = directives(h["content-security-policy"]);
  const scripts = d.get("script-src") ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"));
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'self'"]);
  expect(d.get("form-action")).toEqual(["'self'"]);
  expect(d.get("default-src")).toEqual(["'self'"]);
  return nonce!.slice("'nonce-".length, -1);
}

/**
 * Every CSP violation Chromium reports on the page, from the console and from the DOM event, and any
 * complaint about the Permissions-Policy header (an unknown feature name).
 */
async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Permissions-Policy/i.test(m.text())) messages.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test("the sign-in page and a static file carry the headers; each page view gets its own nonce", async ({ page }) => {
  const violations = await collectViolations(page);
  const first = await page.goto("/login");
  const nonce = expectDocumentPolicy(headersOf(first));
  // Next.js puts the nonce on its own scripts.
  const scripts = await page.locator("script").evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  expect(await violations()).toEqual([]);

  const second = await page.goto("/login");
  expect(expectDocumentPolicy(headersOf(second))).not.toBe(nonce);

  const script = await page.locator("script[src]").first().getAttribute("src");
  expect(script).toMatch(/^\/_next\/static\//);
  expectCommonHeaders(headersOf(await page.request.get(script!)));
});

test("a signed-in page with its charts runs under the policy; a 404 and the API answers carry the headers", async ({ page }) => {
  const violations = await collectViolations(page);
  await signInAs(page, "tinh.vinhphuc");
  const res = await page.goto("/reports");
  expectDocumentPolicy(headersOf(res));
  // The trend chart redraws for a chosen field in the browser: client JavaScript ran under the policy.
  const trend = page.getByRole("figure", { name: "Kiến nghị tiếp nhận và đã giải quyết theo tháng" });
  const field = trend.getByLabel("Lĩnh vực");
  const fieldName = (await field.locator("option").nth(1).textContent())!.trim();
  await field.selectOption({ label: fieldName });
  await expect(trend.locator("caption")).toHaveText(`Số kiến nghị tiếp nhận và đã giải quyết theo tháng — ${fieldName}`);
  expect(await violations()).toEqual([]);

  const missing = await page.goto("/khong-co-trang-nay");
  expect(missing?.status()).toBe(404);
  expectDocumentPolicy(headersOf(missing));
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  expect(await violations()).toEqual([]);

  const api = await page.request.get("/api/v1/units?q=lap%20thach");
  expect(api.status()).toBe(200);
  expectCommonHeaders(headersOf(api));
  expect(directives(api.headers()["content-security-policy"]).get("frame-ancestors")).toEqual(["'none'"]);

  const anonymous = await page.context().browser()!.newContext();
  const refused = await anonymous.request.get(new URL("/api/v1/units?q=lap%20thach", page.url()).toString());
  expect(refused.status()).toBe(401);
  expectCommonHeaders(headersOf(refused));
  await anonymous.close();
});

test("the meeting form's inline script has the nonce and runs: the draft is kept and the attendance counted", async ({ page }) => {
  const violations = await collectViolations(page);
  await signInAs(page, "xa.lapthach");
  await page.goto("/meetings/new?kind=TEAM_MONTHLY");
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/meetings\/new\?kind=TEAM_MONTHLY&target=/.test(r.url()) && r.request().resourceType() === "document"),
    page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link").first().click(),
  ]);
  const nonce = expectDocumentPolicy(headersOf(res));
  const inline = page.locator("form script:not([src])");
  await expect(inline).toHaveCount(1);
  expect(await inline.evaluate((s) => (s as HTMLScriptElement).nonce)).toBe(nonce);

  await page.getByLabel("Địa điểm").fill("Nhà văn hóa thôn");
  await expect(page.getByText(/^Đã lưu bản nháp trên máy lúc/)).toBeVisible();
  const counter = page.locator("[data-present-count]");
  const present = Number(/(\d+)\//.exec((await counter.textContent()) ?? "")?.[1]);
  expect(present).toBeGreaterThan(0);
  // The first member marked absent: the script counts one fewer present.
  await page.getByRole("group", { name: "Điểm danh" }).getByText("Vắng", { exact: true }).first().click();
  await expect(counter).toHaveText(new RegExp(`^Có mặt: ${present - 1}/`));
  expect(await violations()).toEqual([]);
});
