/**
 * The field app's budget (issue 19, part 5; decisions 070, 071), in Debian's Chromium at a phone's size, against
 * the built app: `npm run bench -- field`.
 * - First visit: a new browser profile (empty cache, no service worker) opens a team's meeting form signed in;
 *   every response that crossed the network is counted, headers and bodies as sent (compressed where the server
 *   compressed), fonts included, until the network is idle — the service worker's own fetch of /sw.js too.
 * - Offline open: after one online visit to the field home (/meetings/new?kind=TEAM_MONTHLY, whose forms the
 *   worker keeps) the network is cut and the CPU slowed 4× (Lighthouse's mid-range phone); the time from the tap
 *   on a team on the field home to a usable form (its submit button on screen and the page's scripts run,
 *   `load`), the median of `runs`.
 * Free of Next imports; Playwright's library drives Chromium (CHROMIUM_PATH picks another).
 */
import { chromium, type BrowserContext } from "@playwright/test";

export interface FieldBench {
  firstVisit: { bytes: number; requests: string[]; fontBytes: number };
  offlineOpenMs: number[];
}

const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, locale: "vi-VN", deviceScaleFactor: 2.6 };

async function signedIn(context: BrowserContext, base: string, username: string, password: string): Promise<void> {
  const res = await context.request.post(new URL("/sign-in", base).href, { form: { username, password }, maxRedirects: 0 });
  if (res.status() !== 303) throw new Error(`sign-in as ${username}: ${res.status()}`);
}

export async function benchField(base: string, formPath: string, account: { username: string; password: string }, runs = 5): Promise<FieldBench> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    // First visit.
    const first = await browser.newContext(PHONE);
    await signedIn(first, base, account.username, account.password);
    const page = await first.newPage();
    const sizes: Promise<{ type: string; path: string; bytes: number }>[] = [];
    first.on("requestfinished", (request) =>
      sizes.push(request.sizes().then((s) => ({ type: request.resourceType(), path: new URL(request.url()).pathname, bytes: s.responseHeadersSize + s.responseBodySize }))),
    );
    await page.goto(new URL(formPath, base).href);
    await page.waitForLoadState("networkidle");
    const downloads = await Promise.all(sizes);
    await first.close();
    const firstVisit = {
      bytes: downloads.reduce((n, d) => n + d.bytes, 0),
      requests: downloads.map((d) => `${d.path} ${(d.bytes / 1024).toFixed(1)} KB`),
      fontBytes: downloads.filter((d) => d.type === "font").reduce((n, d) => n + d.bytes, 0),
    };

    // Offline open.
    const offlineOpenMs: number[] = [];
    const context = await browser.newContext(PHONE);
    await signedIn(context, base, account.username, account.password);
    const phone = await context.newPage();
    const home = new URL("/meetings/new?kind=TEAM_MONTHLY", base).href;
    await phone.goto(home);
    await phone.evaluate(() => navigator.serviceWorker.ready);
    // Controlled now: this visit is kept, and the forms it links to are fetched and kept.
    await phone.reload();
    const form = new URL(formPath, base).href;
    for (let i = 0; i < 60; i++) {
      if (await phone.evaluate(async ([h, f]) => Boolean((await caches.match(h)) && (await caches.match(f))), [home, form] as const)) break;
      await phone.waitForTimeout(500);
    }
    await phone.goto(form); // its scripts and styles, kept on first use
    await context.setOffline(true);
    const cdp = await context.newCDPSession(phone);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    for (let run = 0; run < runs; run++) {
      await phone.goto(home);
      const link = phone.locator(`a[href="${formPath.replace(/&/g, "&")}"]`).first();
      const started = performance.now();
      await link.click();
      await phone.waitForURL(form, { waitUntil: "load" });
      await phone.locator("button[data-submit]").waitFor({ state: "visible" });
      offlineOpenMs.push(performance.now() - started);
    }
    await context.close();
    return { firstVisit, offlineOpenMs };
  } finally {
    await browser.close();
  }
}
