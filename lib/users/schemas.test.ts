import { describe, expect, it } from "vitest";
import { parseInput } from "../actions/result";
import { changePasswordSchema, createUserSchema } from "./schemas";

const create = (username: string) => parseInput(createUserSchema, { username, displayName: " Nguyễn  Văn An ", preset: "VIEWER", unitId: "5" });

describe("createUserSchema", () => {
  it("stores the username lower-case and tidies the name", async () => {
    expect(await create("  Huyen.Lap_Thach-2 ")).toEqual({ ok: true, data: { username: "huyen.lap_thach-2", displayName: "Nguyễn Văn An", duties: ["READING"], unitId: 5 } });
  });

  it.each(["ab", "a".repeat(41), "lập.thạch", "ten dang nhap", "a@b"])("refuses %j in Vietnamese", async (username) => {
    const result = await create(username);
    expect(result).toMatchObject({ ok: false, error: "VALIDATION" });
    if (result.ok) throw new Error("unreachable");
    expect(result.fieldErrors?.username?.[0]).toMatch(/^Tên đăng nhập/);
  });

  it("binds an agency's account to one agency, alone, and nobody else (decision 064)", async () => {
    const base = { username: "pt.lapthach", displayName: "Phòng Tài nguyên và Môi trường", unitId: "5" };
    expect(await parseInput(createUserSchema, { ...base, preset: "AGENCY", agencyId: "7" })).toEqual({ ok: true, data: { username: "pt.lapthach", displayName: "Phòng Tài nguyên và Môi trường", duties: ["AGENCY"], agency: { id: 7 }, unitId: 5 } });
    expect(await parseInput(createUserSchema, { ...base, preset: "AGENCY", agencyId: "", agencyIdText: " Phòng Tài nguyên " })).toMatchObject({ ok: true, data: { agency: { text: "Phòng Tài nguyên" } } });
    expect(await parseInput(createUserSchema, { ...base, preset: "AGENCY", agencyId: "" })).toMatchObject({ ok: false, fieldErrors: { agencyId: ["Vui lòng chọn cơ quan mà tài khoản trả lời thay."] } });
    expect(await parseInput(createUserSchema, { ...base, duties: ["AGENCY", "READING"], agencyId: "7" })).toMatchObject({ ok: false, fieldErrors: { duties: [expect.stringMatching(/^Cơ quan giải quyết là tài khoản riêng/)] } });
    expect(await parseInput(createUserSchema, { ...base, preset: "AGENCY", agencyId: "x" })).toMatchObject({ ok: false, fieldErrors: { agencyId: ["Cơ quan không hợp lệ."] } });
    // Another duty drops the agency: only an agency's account is bound to one.
    expect(await parseInput(createUserSchema, { ...base, preset: "VIEWER", agencyId: "7" })).toEqual({ ok: true, data: { username: "pt.lapthach", displayName: "Phòng Tài nguyên và Môi trường", duties: ["READING"], unitId: 5 } });
  });

  it("asks for duties and a unit at once", async () => {
    const result = await parseInput(createUserSchema, { username: "abc", displayName: "An", unitId: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { duties: ["Vui lòng chọn ít nhất một việc."], unitId: ["Vui lòng chọn đơn vị."] } });
  });

  it("refuses an unknown combination or duty", async () => {
    expect(await parseInput(createUserSchema, { username: "abc", displayName: "An", preset: "ROOT", unitId: "5" })).toMatchObject({ ok: false, fieldErrors: { preset: ["Vai trò có sẵn không hợp lệ."] } });
    expect(await parseInput(createUserSchema, { username: "abc", displayName: "An", duties: ["READING", "ROOT"], unitId: "5" })).toMatchObject({ ok: false, fieldErrors: { duties: ["Công việc không hợp lệ."] } });
  });

  it("takes a ready-made combination (issue 15: the commune Party committee does the three jobs)", async () => {
    expect(await parseInput(createUserSchema, { username: "abc", displayName: "An", preset: "COMMUNE_COMMITTEE", duties: "READING", unitId: "5" })).toMatchObject({
      ok: true,
      data: { duties: ["PETITIONS", "MEETINGS", "ORGANISATION", "READING"] },
    });
  });

  it("takes the ticked duties when no combination is chosen, once each and in the one order", async () => {
    expect(await parseInput(createUserSchema, { username: "abc", displayName: "An", preset: "", duties: ["READING", "MEETINGS", "READING"], unitId: "5" })).toMatchObject({
      ok: true,
      data: { duties: ["MEETINGS", "READING"] },
    });
    expect(await parseInput(createUserSchema, { username: "abc", displayName: "An", duties: "MEETINGS", unitId: "5" })).toMatchObject({ ok: true, data: { duties: ["MEETINGS"] } });
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
