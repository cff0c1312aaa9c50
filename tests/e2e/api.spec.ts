import { expect, signInAs, test } from "./fixtures";

interface UnitBody {
  code: string;
  name: string;
  typeLabel: string;
  path: { code: string | null; name: string }[];
  children: { id: number; code: string | null; name: string; childCount: number; villageCount: number; hasBloc: boolean }[];
}

test("the read API: a session and a personal token see the same unit, in scope only; revoking the token ends it", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "huyen.lapthach");

  // with the session cookie
  const res = await page.request.get("/api/v1/units/246");
  expect(res.status()).toBe(200);
  const unit = (await res.json()) as UnitBody;
  expect(unit).toMatchObject({ code: "246", name: "Lập Thạch", typeLabel: "Huyện" });
  expect(unit.path).toEqual([expect.objectContaining({ code: "26", name: "Vĩnh Phúc" })]);
  expect(unit.children.length).toBe(19);
  const town = unit.children.find((c) => c.code === "08761");
  expect(town).toMatchObject({ name: "Lập Thạch", hasBloc: true });
  // the demo has 8–15 villages per commune
  for (const child of unit.children) {
    expect(child.villageCount, child.name).toBeGreaterThanOrEqual(8);
    expect(child.villageCount, child.name).toBeLessThanOrEqual(15);
    expect(child.childCount, child.name).toBe(child.villageCount);
  }

  // Vĩnh Tường is another district: not found, exactly like a code that does not exist
  const outside = await page.request.get("/api/v1/units/252");
  expect(outside.status()).toBe(404);
  expect(await outside.json()).toMatchObject({ error: "not_found" });

  // accent-insensitive search
  const search = await page.request.get("/api/v1/units?q=lap%20thach");
  expect(search.status()).toBe(200);
  const found = (await search.json()) as { items: { name: string; typeLabel: string }[]; nextCursor: string | null };
  expect(found.items.map((i) => `${i.typeLabel} ${i.name}`)).toEqual(expect.arrayContaining(["Huyện Lập Thạch", "Thị trấn Lập Thạch"]));

  // the OpenAPI description
  const spec = await page.request.get("/api/v1/openapi.json");
  expect(spec.status()).toBe(200);
  const doc = (await spec.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/units", "/api/v1/units/{code}"]));

  // a token made in the UI, shown once
  await page.goto("/profile/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "Mã truy cập API" })).toBeVisible();
  const tokenName = `Kiểm thử ${Date.now().toString(36)}`;
  await page.getByLabel("Tên gợi nhớ").fill(tokenName);
  await page.getByLabel("Thời hạn").selectOption("30");
  await page.getByRole("button", { name: "Tạo mã" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã tạo mã truy cập" })).toBeVisible();
  const token = await page.getByLabel("Mã truy cập mới", { exact: true }).inputValue();
  expect(token).toMatch(/^dv_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("chỉ hiển thị một lần")).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: tokenName, exact: true }) });
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).toContainText("Đang hiệu lực");
  await expect(row).toContainText("Chưa dùng");

  // a fresh client with only the bearer token: no cookie
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const viaToken = await api.get("/api/v1/units/246");
    expect(viaToken.status()).toBe(200);
    const body = (await viaToken.json()) as UnitBody;
    expect(body.name).toBe("Lập Thạch");
    expect(body.children.map((c) => [c.id, c.villageCount])).toEqual(unit.children.map((c) => [c.id, c.villageCount]));
    expect((await api.get("/api/v1/units/252")).status()).toBe(404);
    expect((await anonymous.get("/api/v1/units/246")).status()).toBe(401);

    // the list now shows when it was last used
    await page.reload();
    await expect(row).not.toContainText("Chưa dùng");

    // revoke, with confirmation
    await row.getByText("Thu hồi", { exact: true }).click();
    await row.getByLabel(/Tôi xác nhận thu hồi mã/).check();
    await row.getByRole("button", { name: "Thu hồi mã" }).click();
    await expect(row).toContainText("Đã thu hồi");

    const afterRevoke = await api.get("/api/v1/units/246");
    expect(afterRevoke.status()).toBe(401);
    expect(await afterRevoke.json()).toMatchObject({ error: "unauthenticated" });
  } finally {
    await api.dispose();
    await anonymous.dispose();
  }
});
