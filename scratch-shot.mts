import { chromium } from "@playwright/test";
const base = "http://localhost:3300";
const [user, path, out, width] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 }, locale: "vi-VN" });
const csrf = await (await page.request.get(base + "/api/auth/csrf")).json();
await page.request.post(base + "/api/auth/callback/credentials", { form: { username: user, password: "dan-van-demo-2026", csrfToken: csrf.csrfToken, json: "true" } });
const started = Date.now();
const res = await page.goto(base + path);
console.log("status", res?.status(), Date.now() - started, "ms");
await page.waitForTimeout(1500);
const y = Number(process.env.Y ?? -1);
if (y >= 0) { await page.evaluate((v) => window.scrollTo(0, v), y); await page.waitForTimeout(300); }
await page.screenshot({ path: out, fullPage: y < 0 });
await browser.close();
