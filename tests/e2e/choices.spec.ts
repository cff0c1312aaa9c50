import { expect, signInAs, test } from "./fixtures";

// Large choices (areas, agencies) load on demand (decision 029): at national scale the petition list carried
// 7,101 agency and 2,001 area options (2 MB a page), and still could not offer 8,600 of the 9,920 communes.

test("the petition list carries no agency or area list: a national admin's page names only what it shows", async ({ page }) => {
  await signInAs(page, "admin");
  const html = await (await page.request.get("/petitions")).text();
  expect(/<select[^>]*name="agency"/.test(html), "a <select> of every agency").toBe(false);
  expect(/<select[^>]*name="unit"/.test(html), "a <select> of every area").toBe(false);
  // What is left: status, field, channel, resolution and page size.
  expect((html.match(/<option/g) ?? []).length).toBeLessThan(60);
});
