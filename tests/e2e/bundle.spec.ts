import zlib from "node:zlib";
import { countedInlineText, firstLoadJs, scriptElements, type ScriptElement } from "../../lib/bench/bundle";
import { expect, signInAs, test } from "./fixtures";

/**
 * The meeting form's first-load JavaScript (issue 5, BENCHMARKS.md `bundle`): under 120 KB gzipped,
 * script files and inline scripts together. It also guards the measurement: what
 * `npm run bench -- bundle` counts over HTTP (lib/bench/bundle.ts) is what Chromium downloads and runs.
 */
const BUDGET = 120 * 1024;

test("the meeting form's first load is what the bundle benchmark counts, under 120 KB gzipped @phone", async ({ page, browser }) => {
  await signInAs(page, "xa.lapthach");
  await page.goto("/meetings/new?kind=TEAM_MONTHLY");
  await page.getByRole("region", { name: "2. Chọn tổ dân vận" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/meetings\/new\?kind=TEAM_MONTHLY&target=org:\d+$/);
  const url = page.url();

  // A first load: a new browser context (empty cache) with the same session.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const fresh = await context.newPage();
  const downloads: Promise<[string, number]>[] = [];
  fresh.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    downloads.push(res.body().then((body) => [res.url(), zlib.gzipSync(body, { level: 9 }).length]));
  });
  const response = await fresh.goto(url);
  expect(response?.status()).toBe(200);
  const html = (await response?.text()) ?? "";
  await fresh.waitForLoadState("networkidle");
  const elements: ScriptElement[] = await fresh.evaluate(() =>
    Array.from(document.scripts, (s) => ({ attributes: Object.fromEntries(Array.from(s.attributes, (a) => [a.name, a.value])), text: s.textContent ?? "" })),
  );
  const files = new Map(await Promise.all(downloads));
  const cookie = (await context.cookies(url)).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();

  // The inline scripts Chromium runs are those the measurement reads from the same HTML, byte for byte.
  const inline = elements.map(countedInlineText).filter((text) => text !== null);
  expect(scriptElements(html).map(countedInlineText).filter((text) => text !== null)).toEqual(inline);

  const load = await firstLoadJs(url, { cookie });
  expect([...files.keys()].sort()).toEqual(load.files.map((f) => f.src).sort());
  expect([...files.values()].reduce((n, b) => n + b, 0)).toBe(load.filesGzipBytes);
  // The form's one inline script holds no per-render value (the idempotency key is in the form), so the two renders agree exactly.
  const inlineGzipBytes = inline.reduce((n, text) => n + zlib.gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length, 0);
  expect(load.inlineGzipBytes).toBe(inlineGzipBytes);
  expect(load.gzipBytes).toBeLessThan(BUDGET);
});

/**
 * Issue 14: a commune user's first visit to the meeting form, on a slow connection, downloads under 60 KB in all:
 * the page, its styles, any script and any font (the web font was 175 of 190 KB; decision 037). What is counted is
 * what crossed the network, headers and bodies as sent (compressed where the server compressed).
 */
const FIRST_VISIT_BUDGET = 60 * 1024;

test("a first visit to the meeting form downloads under 60 KB in all, fonts included @phone", async ({ page, browser }) => {
  await signInAs(page, "xa.lapthach");
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const fresh = await context.newPage();
  const sizes: Promise<{ type: string; url: string; bytes: number }>[] = [];
  fresh.on("requestfinished", (request) =>
    sizes.push(request.sizes().then((s) => ({ type: request.resourceType(), url: request.url(), bytes: s.responseHeadersSize + s.responseBodySize }))),
  );
  const response = await fresh.goto("/meetings/new?kind=TEAM_MONTHLY");
  expect(response?.status()).toBe(200);
  await fresh.waitForLoadState("networkidle");
  const downloads = await Promise.all(sizes);
  await context.close();
  expect(downloads.filter((d) => d.type === "font"), "font files").toEqual([]);
  const total = downloads.reduce((n, d) => n + d.bytes, 0);
  expect(total, JSON.stringify(downloads.map((d) => [d.type, d.bytes]))).toBeLessThan(FIRST_VISIT_BUDGET);
});
