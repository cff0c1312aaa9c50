import { randomBytes } from "node:crypto";
import { expect, signInAs, test } from "./fixtures";
import { startSmtpSink } from "../support/smtp-sink";

/**
 * Decision 075 in Chromium: district staff set a new agency's e-mail address on the agencies page, assign a
 * petition to it, and once the server's worker has run the job, the link's panel says it was e-mailed; the
 * SMTP server this test starts (on the port playwright.config.ts gives the server) holds the mail, with the
 * petition's code and the same link as the panel, and none of the petitioner's data.
 */
test("staff set an agency's e-mail, assign a petition to it, and the panel says the link was e-mailed", async ({ page }) => {
  test.setTimeout(150_000);
  const smtp = await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
  try {
    const token = randomBytes(3).toString("hex");
    const agencyName = `Văn phòng thử e-mail ${token}`;
    const address = `van.phong.${token}@lapthach.gov.vn`;
    const name = `Trương Thị Thư ${token}`;

    // The agencies page: a new agency of the district, then its e-mail (typed in capitals: kept in lower case).
    await signInAs(page, "huyen.lapthach");
    await page.goto("/petitions/agencies");
    const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm cơ quan" }) });
    await add.getByLabel(/^Tên cơ quan/).fill(agencyName);
    await add.getByRole("button", { name: "Thêm cơ quan" }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: agencyName, exact: true }) });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Chưa có");
    await row.getByText("Đặt e-mail", { exact: true }).click();
    await row.getByLabel("E-mail của cơ quan").fill(`  ${address.toUpperCase()}`);
    await row.getByRole("button", { name: "Lưu e-mail" }).click();
    await expect(row.getByText("Đã lưu.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: agencyName, exact: true }) })).toContainText(address);

    // A petition, assigned to that agency.
    await page.goto("/petitions/new");
    await page.getByLabel("Hình thức tiếp nhận *").selectOption({ label: "Tiếp dân" });
    await page.getByLabel("Họ tên (hoặc người đại diện nhóm) *").fill(name);
    await page.getByLabel("Số điện thoại").fill("0912 000 222");
    await page.getByLabel("Lọc danh sách thôn (gõ không dấu)").fill("dong ich");
    const village = page.getByLabel("Thôn, tổ dân phố nơi phát sinh vụ việc *");
    await village.selectOption((await village.locator("option").nth(1).getAttribute("value"))!);
    await page.getByLabel("Lĩnh vực *").selectOption({ label: "Đất đai" });
    await page.getByLabel("Nội dung kiến nghị *").fill(`Đề nghị sửa đường vào xóm ${token}.`);
    await page.getByRole("button", { name: "Lưu kiến nghị" }).click();
    await expect(page).toHaveURL(/\/petitions\/\d+\?created=1$/);
    const petitionPath = new URL(page.url()).pathname;
    const code = (await page.locator("h1").textContent())!.trim();
    await page.goto(petitionPath);
    const actions = page.getByRole("region", { name: "Xử lý" });
    const group = actions.locator("details").filter({ has: page.getByText("Giao cơ quan chủ trì", { exact: true }) });
    if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator("summary").click();
    await group.getByLabel(/^Cơ quan chủ trì giải quyết/).selectOption({ label: agencyName });
    await group.getByRole("button", { name: "Giao cơ quan chủ trì" }).click();
    await expect(page.locator("h1 + span")).toContainText("Đã giao xử lý");

    // The server's worker sends it (its queue polls every 5 s): the panel says so after a reload.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("agency-link-email")).toHaveAttribute("data-state", "sent", { timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    const line = page.getByTestId("agency-link-email");
    await expect(line).toHaveText(new RegExp(`^Đã gửi qua e-mail tới ${address.replace(/\./g, "\\.")} lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.$`));
    const link = await page.getByTestId("agency-link-url").inputValue();

    const mails = smtp.mails.filter((m) => m.to.includes(address));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`[Dân vận] Kiến nghị ${code} được giao cho ${agencyName}`);
    expect(mails[0].text).toContain(link);
    for (const secret of [name, "0912 000 222", "0912000222", `xóm ${token}`]) expect(`${mails[0].subject}\n${mails[0].text}`).not.toContain(secret);
  } finally {
    await smtp.close();
  }
});
