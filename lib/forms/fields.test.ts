import { describe, expect, it } from "vitest";
import { checkboxField, idField, isoDateField, optionalTextField } from "./fields";

describe("shared form fields", () => {
  it("reads a date input and refuses impossible days", () => {
    const field = isoDateField();
    expect(field.parse("2026-02-17")).toEqual(new Date("2026-02-17T00:00:00Z"));
    expect(field.safeParse("2026-02-30").error?.issues[0].message).toBe("Ngày không hợp lệ.");
    expect(field.safeParse("17/02/2026").error?.issues[0].message).toBe("Vui lòng chọn ngày.");
  });

  it("coerces ids and checkboxes from form strings", () => {
    expect(idField().parse("42")).toBe(42);
    expect(idField("Vui lòng chọn thôn.").safeParse("").error?.issues[0].message).toBe("Vui lòng chọn thôn.");
    expect(checkboxField.parse("on")).toBe(true);
    expect(checkboxField.parse(undefined)).toBe(false);
  });

  it("trims optional text and turns blanks into undefined", () => {
    const field = optionalTextField(5, "Quá dài.");
    expect(field.parse("  ")).toBeUndefined();
    expect(field.parse(" abc ")).toBe("abc");
    expect(field.safeParse("abcdef").error?.issues[0].message).toBe("Quá dài.");
  });
});
