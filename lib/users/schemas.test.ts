import { describe, expect, it } from "vitest";
import { parseInput } from "../actions/result";
import { changePasswordSchema, createUserSchema } from "./schemas";

const create = (username: string) => parseInput(createUserSchema, { username, displayName: " Nguyễn  Văn An ", role: "VIEWER", unitId: "5" });

describe("createUserSchema", () => {
  it("stores the username lower-case and tidies the name", async () => {
    expect(await create("  Huyen.Lap_Thach-2 ")).toEqual({ ok: true, data: { username: "huyen.lap_thach-2", displayName: "Nguyễn Văn An", role: "VIEWER", unitId: 5 } });
  });

  it.each(["ab", "a".repeat(41), "lập.thạch", "ten dang nhap", "a@b"])("refuses %j in Vietnamese", async (username) => {
    const result = await create(username);
    expect(result).toMatchObject({ ok: false, error: "VALIDATION" });
    if (result.ok) throw new Error("unreachable");
    expect(result.fieldErrors?.username?.[0]).toMatch(/^Tên đăng nhập/);
  });

  it("asks for a role and a unit", async () => {
    const result = await parseInput(createUserSchema, { username: "abc", displayName: "An", role: "ROOT", unitId: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: ["Vui lòng chọn vai trò."], unitId: ["Vui lòng chọn đơn vị."] } });
  });
});

describe("changePasswordSchema", () => {
  it("wants 10 characters and a matching confirmation", async () => {
    expect(await parseInput(changePasswordSchema, { currentPassword: "x", newPassword: "ngan", confirmPassword: "ngan" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["Mật khẩu mới cần ít nhất 10 ký tự."] },
    });
    expect(await parseInput(changePasswordSchema, { currentPassword: "x", newPassword: "mat-khau-dai-du", confirmPassword: "mat-khau-khac" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["Mật khẩu nhập lại không khớp."] },
    });
    expect(await parseInput(changePasswordSchema, { currentPassword: "x", newPassword: "mat-khau-dai-du", confirmPassword: "mat-khau-dai-du" })).toMatchObject({ ok: true });
  });
});
