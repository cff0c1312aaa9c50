import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildZip } from "../../tests/support/zip-builder";
import { sniffType } from "./sniff";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("sniffType", () => {
  it("recognises pdf, jpg and png by their signatures", () => {
    expect(sniffType(new TextEncoder().encode("%PDF-1.7\n…"))).toBe("pdf");
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("jpg");
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
  });

  it("tells an xlsx from other zip files", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Trang 1").addRow(["Xin chào"]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    expect(sniffType(xlsx)).toBe("xlsx");
    // A zip without the Office content-types entry is not an Office file.
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0))).toBeNull();
  });

  it("reads entry names from the zip directory, not from the raw bytes", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    // A zip whose only entry merely *contains* the Office names is not an Office file.
    const disguised = buildZip([{ name: "notes.txt", data: text("[Content_Types].xml word/document.xml xl/workbook.xml"), method: 0 }]);
    expect(sniffType(disguised)).toBeNull();
    const docx = buildZip([
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "word/document.xml", data: text("<w:document/>") },
    ]);
    expect(sniffType(docx)).toBe("docx");
    // The name of an entry's data is no entry: an xlsx-looking name inside a docx part.
    const docxMentioningXl = buildZip([
      { name: "[Content_Types].xml", data: text("<Types/>"), method: 0 },
      { name: "word/document.xml", data: text("see xl/workbook.xml"), method: 0 },
    ]);
    expect(sniffType(docxMentioningXl)).toBe("docx");
    // A truncated archive (no directory) is not an Office file, whatever its first entries say.
    expect(sniffType(docx.slice(0, docx.length - 30))).toBeNull();
  });

  it("refuses a renamed executable or text", () => {
    expect(sniffType(bytes(0x4d, 0x5a, 0x90, 0))).toBeNull(); // MZ
    expect(sniffType(new TextEncoder().encode("<html>"))).toBeNull();
    expect(sniffType(bytes())).toBeNull();
  });
});
