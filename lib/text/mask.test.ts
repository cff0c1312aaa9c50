import { describe, expect, it } from "vitest";
import { maskName, maskPhone } from "./mask";

describe("masking personal data", () => {
  it("keeps the first letter of each word of a name", () => {
    expect(maskName("Nguyễn Văn Đức")).toBe("N***** V** Đ**");
    expect(maskName("  Lò  A ")).toBe("L* A*");
  });

  it("keeps the ends of a phone number", () => {
    expect(maskPhone("0912345678")).toBe("091****678");
    expect(maskPhone("12345")).toBe("***");
  });
});
