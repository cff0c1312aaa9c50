import { describe, expect, it } from "vitest";
import { uploadsField } from "./upload";

const field = uploadsField({ allowed: ["pdf", "png"], maxBytes: 1024, maxFiles: 2 });
const pdf = (name = "don.pdf", size = 100) => new File([new TextEncoder().encode("%PDF-1.4\n".padEnd(size, " "))], name);

describe("uploadsField", () => {
  it("reads checked files with their type from the bytes", async () => {
    const [file] = await field.parseAsync(pdf("Đơn kiến nghị.pdf"));
    expect(file).toMatchObject({ fileName: "Đơn kiến nghị.pdf", type: "pdf", mimeType: "application/pdf", size: 100 });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats an empty input as no file", async () => {
    expect(await field.parseAsync(undefined)).toEqual([]);
    expect(await field.parseAsync(new File([], ""))).toEqual([]);
  });

  it("refuses a renamed file, an oversized one and too many, naming the file", async () => {
    const fake = await field.safeParseAsync(new File(["MZ…"], "anh.png"));
    expect(fake.error?.issues[0].message).toBe('Tệp "anh.png" không đúng loại: chỉ nhận pdf, png.');
    const big = await field.safeParseAsync(pdf("lon.pdf", 2048));
    expect(big.error?.issues[0].message).toContain('Tệp "lon.pdf" quá lớn');
    const many = await field.safeParseAsync([pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]);
    expect(many.error?.issues[0].message).toBe("Chỉ được đính kèm tối đa 2 tệp.");
  });
});
