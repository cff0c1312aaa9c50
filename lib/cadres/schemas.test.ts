import { describe, expect, it } from "vitest";
import { maxBirthYear } from "./rules";
import { addTrainingSchema, createCadreSchema, endCadreSchema, updateCadreSchema } from "./schemas";
import { todayInVietnam } from "../time";

const good = { fullName: "  Nguyễn Văn Đức ", gender: "MALE", birthYear: "1978", phone: "+84 912 345 678", isPartyMember: "on", position: "", unitId: "12" };

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("cadre form schema", () => {
  it("trims, normalises the phone and reads the checkbox", () => {
    expect(createCadreSchema.parse(good)).toEqual({
      fullName: "Nguyễn Văn Đức",
      gender: "MALE",
      birthYear: 1978,
      phone: "0912345678",
      isPartyMember: true,
      position: null,
      unitId: 12,
    });
  });

  it("keeps absent personal fields absent (the form did not show them) and empty ones empty", () => {
    const { birthYear: _b, phone: _p, isPartyMember: _i, ...rest } = good;
    const parsed = createCadreSchema.parse(rest);
    expect(parsed.birthYear).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
    expect(parsed.isPartyMember).toBe(false);
    expect(createCadreSchema.parse({ ...good, birthYear: "", phone: " " })).toMatchObject({ birthYear: null, phone: null });
  });

  it("answers in Vietnamese, field by field", () => {
    const max = maxBirthYear(todayInVietnam());
    const result = createCadreSchema.safeParse({ fullName: "x".repeat(121), gender: "M", birthYear: String(max + 1), phone: "12345", unitId: "" });
    expect(errors(result)).toEqual({
      fullName: "Họ và tên tối đa 120 ký tự.",
      gender: "Vui lòng chọn giới tính: Nam, Nữ hoặc Khác.",
      birthYear: `Năm sinh phải là năm từ 1930 đến ${max}.`,
      phone: "Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (hoặc +84).",
      unitId: "Vui lòng chọn đơn vị.",
    });
    expect(errors(createCadreSchema.safeParse({ ...good, fullName: "   " }))).toEqual({ fullName: "Vui lòng nhập họ và tên." });
    expect(errors(createCadreSchema.safeParse({ ...good, birthYear: "1929" }))).toHaveProperty("birthYear");
    expect(createCadreSchema.safeParse({ ...good, birthYear: String(max) }).success).toBe(true);
  });

  it("an edit carries its id and version", () => {
    expect(updateCadreSchema.parse({ ...good, id: "5", version: "3" })).toMatchObject({ id: 5, version: 3 });
    expect(updateCadreSchema.safeParse(good).success).toBe(false);
  });
});

describe("end and training schemas", () => {
  it("end needs a day not after today and the confirmation", () => {
    expect(errors(endCadreSchema.safeParse({ id: "1", version: "0", endedOn: "2099-01-01" }))).toEqual({
      confirm: "Vui lòng đánh dấu ô xác nhận.",
    });
    expect(errors(endCadreSchema.safeParse({ id: "1", version: "0", endedOn: "2099-01-01", confirm: "on" }))).toEqual({
      endedOn: "Ngày thôi công tác không được sau hôm nay.",
    });
    expect(endCadreSchema.safeParse({ id: "1", version: "0", endedOn: "2026-01-01", confirm: "on" }).success).toBe(true);
  });

  it("a training record ends on or after its start", () => {
    const base = { cadreId: "1", course: "Bồi dưỡng", organiser: "Huyện ủy", startOn: "2026-03-02" };
    expect(addTrainingSchema.parse({ ...base, endOn: "", result: "" })).toMatchObject({ endOn: null, result: null });
    expect(errors(addTrainingSchema.safeParse({ ...base, endOn: "2026-03-01" }))).toEqual({ endOn: "Ngày kết thúc không được trước ngày bắt đầu." });
    expect(errors(addTrainingSchema.safeParse({ ...base, course: "" }))).toEqual({ course: "Vui lòng nhập tên khóa học." });
  });
});
