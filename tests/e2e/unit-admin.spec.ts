import { expect, signInAs, test } from "./fixtures";

/**
 * Unit administration end to end. Each test uses units no other spec touches: Xã Tử Du of
 * Lập Thạch, and Xã Vĩnh Thịnh and Xã Vĩnh Phú of Vĩnh Tường (the last communes by code, so
 * "the first commune" other specs open stays the same).
 */
test("a district user adds a village, then assigns its team head; the village's coverage counts the head", async ({ page }) => {
  await signInAs(page, "huyen.lapthach");
  await page.goto("/organisation?q=tu+du");
  await page.getByRole("region", { name: /Kết quả tìm kiếm/ }).getByRole("link", { name: "Xã Tử Du", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Tử Du");

  const panel = page.getByRole("region", { name: "Quản lý thôn, tổ dân phố" });
  await panel.getByLabel("Loại").selectOption("Thôn");
  await panel.getByLabel("Tên", { exact: true }).fill("Đầu Cầu Mới");
  await expect(panel.getByLabel("Thành lập tổ dân vận")).toBeChecked();
  await panel.getByRole("button", { name: "Thêm" }).click();
  await expect(panel.getByRole("status")).toHaveText("Đã thêm Thôn Đầu Cầu Mới.");

  await page.getByRole("region", { name: /Đơn vị trực thuộc/ }).getByRole("link", { name: "Thôn Đầu Cầu Mới", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thôn Đầu Cầu Mới");
  const villageUrl = page.url();
  // a new team has no head yet: the head figure is not shown
  await expect(page.getByText("Tổ trưởng là bí thư chi bộ")).toHaveCount(0);
  await page.getByRole("link", { name: "Có tổ dân vận" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ dân vận Thôn Đầu Cầu Mới");

  const members = page.getByRole("region", { name: "Quản lý thành viên" });
  const cadre = members.getByLabel("Cán bộ");
  const value = await cadre.locator("option").nth(1).getAttribute("value");
  expect(value).toBeTruthy();
  await cadre.selectOption(value!);
  const fullName = ((await cadre.locator(`option[value="${value}"]`).textContent()) ?? "").split(" — ")[0].trim();
  await members.getByLabel("Vai trò").selectOption("HEAD");
  await members.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(members.getByRole("status")).toContainText(`Đã thêm ${fullName}`);
  const current = page.getByRole("region", { name: /Thành viên hiện nay/ });
  await expect(current.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fullName, exact: true }) })).toContainText("Tổ trưởng");

  // back on the village: one team, one head
  await page.goto(villageUrl);
  const coverage = page.getByRole("region", { name: "Độ phủ tổ chức" });
  await expect(coverage.getByText("Thôn có tổ dân vận").locator("..")).toContainText("1/1");
  await expect(coverage.getByText("Tổ trưởng là bí thư chi bộ").locator("..")).toContainText(/\/1 ·/);
});

test("an admin records a merger of two communes through the page, then places a village of the split one", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Ghi nhận sáp nhập đơn vị" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ghi nhận sáp nhập đơn vị hành chính");

  // choose the old units by an accent-free search
  await page.getByLabel("Cấp").selectOption("COMMUNE");
  await page.getByLabel("Tìm đơn vị (gõ không dấu cũng được)").fill("vinh thinh");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: "Chọn Xã Vĩnh Thịnh" }).click();
  await page.getByLabel("Tìm đơn vị (gõ không dấu cũng được)").fill("vinh phu");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: "Chọn Xã Vĩnh Phú", exact: true }).click();

  const form = page.getByRole("form", { name: "2. Sáp nhập vào" });
  await form.getByLabel("Cách sáp nhập Xã Vĩnh Thịnh (09154)").selectOption("FULL");
  await form.getByLabel("Cách sáp nhập Xã Vĩnh Phú (09157)").selectOption("PARTIAL");
  await form.getByRole("radio", { name: "Đơn vị mới" }).check();
  await form.getByLabel("Loại đơn vị").selectOption("Xã");
  await form.getByLabel("Tên (không ghi loại)").fill("Vĩnh Phú Thịnh");
  await form.getByLabel("Mã đơn vị (Tổng cục Thống kê)").fill("09990");
  await form.getByLabel("Đơn vị cấp trên").selectOption({ label: "Huyện Vĩnh Tường (252)" });
  await form.getByLabel("Ngày hiệu lực").fill("2026-07-01");
  await form.getByRole("button", { name: "Xem trước" }).click();

  const preview = form.getByRole("region", { name: /Xem trước: sáp nhập vào Xã Vĩnh Phú Thịnh từ 01\/07\/2026/ });
  await expect(preview).toContainText("Xã Vĩnh Thịnh hết hiệu lực ngày 30/06/2026");
  await expect(preview).toContainText("Xã Vĩnh Phú hết hiệu lực ngày 30/06/2026");
  await expect(preview.getByRole("status")).toHaveText(/^Tổng: \d+ thôn chuyển, \d+ thôn chờ xếp\.$/);

  // recording needs the confirmation
  await form.getByRole("button", { name: "Ghi nhận sáp nhập" }).click();
  await expect(form.getByText("Vui lòng đánh dấu ô xác nhận.")).toBeVisible();
  await form.getByLabel(/Tôi đã kiểm tra và xác nhận/).check();
  await form.getByRole("button", { name: "Ghi nhận sáp nhập" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã ghi nhận sáp nhập vào Xã Vĩnh Phú Thịnh từ 01/07/2026.");

  await page.getByRole("link", { name: "Mở Xã Vĩnh Phú Thịnh" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Vĩnh Phú Thịnh");
  const mergedFrom = page.locator("p", { hasText: "Hợp nhất từ" });
  await expect(mergedFrom).toContainText("Xã Vĩnh Thịnh (toàn bộ) từ 01/07/2026");
  await expect(mergedFrom).toContainText("Xã Vĩnh Phú (một phần) từ 01/07/2026");

  // the split commune says how many of its villages wait, and leads to the list
  await page.getByRole("link", { name: "Xã Vĩnh Phú", exact: true }).click();
  const badge = page.getByRole("link", { name: /\d+ thôn chờ xếp/ });
  const waiting = Number((await badge.textContent())!.match(/\d+/)![0]);
  expect(waiting).toBeGreaterThan(0);
  await badge.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thôn chờ xếp vào xã kế thừa");
  const group = page.getByRole("region", { name: /Xã Vĩnh Phú \(09157\)/ });
  await group.getByRole("form").first().getByRole("combobox").selectOption({ label: "Xã Vĩnh Phú Thịnh (09990)" });
  await group.getByRole("form").first().getByRole("button", { name: "Xếp vào" }).click();
  // the placed village leaves the list
  if (waiting > 1) await expect(group).toContainText(`${waiting - 1} thôn chờ xếp`);
  else await expect(group).toHaveCount(0);
  await page.reload();
  if (waiting > 1) await expect(group).toContainText(`${waiting - 1} thôn chờ xếp`);
  else await expect(group).toHaveCount(0);
});
