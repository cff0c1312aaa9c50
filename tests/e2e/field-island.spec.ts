import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { meetingFieldNames } from "../../lib/meetings/fields";
import { expect, openMeetingForm, signInAs, test } from "./fixtures";

/**
 * The field island (decision 082): the meeting form that logs a meeting and the one that corrects it draw a
 * meeting's own fields from one list, and the three ways in (the Pages Router's form, the App Router's pages,
 * the queue's routes) answer through one gate, each in its own way.
 */

/** What each form may have besides the list's fields: the parts only it records. */
const ONLY_WHEN_LOGGING = /^(idempotencyKey|kind|target|raisedUnitId|attachments|att\.\d+|carry\.\d+|raised\.\d+\.(content|fieldId|unitId|petitionerName))$/;
const ONLY_WHEN_CORRECTING = /^(meetingId|version|att\.\d+|\$ACTION_[\w:]+)$/;

/** Each named control of the form with its label's text (controls without a label of their own: ""). */
async function fieldsOf(page: Page, form: string): Promise<Map<string, string>> {
  const pairs = await page.locator(`${form} [name]`).evaluateAll((elements) =>
    elements.map((e) => {
      const label = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent?.trim() ?? "" : "";
      return [e.getAttribute("name")!, label] as [string, string];
    }),
  );
  // Radios repeat a name; the template's row placeholders are not fields of the form.
  return new Map(pairs.filter(([name]) => !name.includes("__row__")));
}

test("logging and correcting a meeting show the same fields, labelled alike, in the list's order", async ({ page }) => {
  const token = randomBytes(3).toString("hex");
  await signInAs(page, "xa.lapthach");
  await openMeetingForm(page);
  const logging = await fieldsOf(page, "form[data-meeting-form]");

  const names = meetingFieldNames("TEAM_MONTHLY");
  expect(names).toEqual(["heldOn", "place", "chair", "guests", "agenda", "minutes"]);
  expect([...logging.keys()].filter((n) => !ONLY_WHEN_LOGGING.test(n))).toEqual(names);

  // The count under the checklist: the server's first, then the form's script after a change, by the one rule.
  const members = page.getByRole("radiogroup");
  const total = await members.count();
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(page.getByText(`Có mặt: ${total}/${total}`)).toBeVisible();
  await members.nth(0).getByText("Vắng", { exact: true }).click();
  await expect(page.getByText(`Có mặt: ${total - 1}/${total}`)).toBeVisible();
  await page.getByLabel("Biên bản cuộc họp").fill(`Biên bản ${token}.`);
  await page.getByRole("button", { name: "Lưu cuộc họp" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\?created=1$/);
  const id = /\/meetings\/(\d+)/.exec(page.url())![1];

  await page.goto(`/meetings/${id}/edit`);
  await expect(page.getByLabel("Biên bản cuộc họp")).toHaveValue(`Biên bản ${token}.`);
  const correcting = await fieldsOf(page, "main form:has([name=meetingId])");
  expect([...correcting.keys()].filter((n) => !ONLY_WHEN_CORRECTING.test(n))).toEqual(names);
  // The same labels, and the same members' attendance.
  for (const name of names) expect(correcting.get(name), name).toBe(logging.get(name));
  expect([...correcting.keys()].filter((n) => n.startsWith("att.")).sort()).toEqual([...logging.keys()].filter((n) => n.startsWith("att.")).sort());
  // The correction's count: the server's for what was saved, then React's after a change, by the same rule.
  await expect(page.getByText(`Có mặt: ${total - 1}/${total}`)).toBeVisible();
  await page.getByRole("radiogroup").nth(1).getByText("Có phép", { exact: true }).click();
  await expect(page.getByText(`Có mặt: ${total - 2}/${total}`)).toBeVisible();
});

test("the one gate answers each way in its own way: signed out, and without the permission", async ({ page, browser }) => {
  // A session that no longer stands (signed out on the server): the proxy lets its cookie through, the gate does not.
  await signInAs(page, "xa.lapthach");
  const kept = await page.context().cookies();
  expect((await page.request.post("/sign-out", { maxRedirects: 0 })).status()).toBe(303);
  await page.context().addCookies(kept);

  const form = await page.request.get("/meetings/new?kind=TEAM_MONTHLY", { maxRedirects: 0 });
  expect(form.status()).toBe(307);
  expect(form.headers().location).toBe("/login?expired=1&callbackUrl=%2Fmeetings%2Fnew%3Fkind%3DTEAM_MONTHLY");
  const intake = await page.request.get("/petitions/new", { maxRedirects: 0 });
  expect(intake.status()).toBe(307);
  expect(intake.headers().location).toMatch(/^\/login\?expired=1/);
  const queued = await page.request.post("/field/meetings", { multipart: { idempotencyKey: crypto.randomUUID() } });
  expect(queued.status()).toBe(401);
  expect(await queued.json()).toMatchObject({ error: "unauthenticated" });

  // Signed in without the permission to log meetings or take petitions: "not found" everywhere.
  const viewer = await browser.newPage();
  await signInAs(viewer, "xem.vinhphuc");
  expect((await viewer.goto("/meetings/new?kind=TEAM_MONTHLY"))?.status()).toBe(404);
  await expect(viewer.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  expect((await viewer.goto("/petitions/new"))?.status()).toBe(404);
  const refused = await viewer.request.post("/field/petitions", { multipart: { idempotencyKey: crypto.randomUUID() } });
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toMatchObject({ error: "not_found" });
  await viewer.close();
});
