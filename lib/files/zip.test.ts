import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildZip, spreadsheetBomb } from "../../tests/support/zip-builder";
import { checkZipArchive, readZipDirectory, zipEntryNames, zipRefusalMessage, type ZipLimits } from "./zip";

const LIMITS: ZipLimits = { maxEntries: 100, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 30 * 1024 * 1024 };
const text = (s: string) => new TextEncoder().encode(s);

describe("readZipDirectory", () => {
  it("lists an exceljs workbook's entries with their sizes", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Trang 1").addRow(["Xin chào"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const directory = readZipDirectory(bytes);
    expect(directory.ok).toBe(true);
    if (!directory.ok) return;
    expect(directory.entries.map((e) => e.name)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    expect(checkZipArchive(bytes, LIMITS).ok).toBe(true);
  });

  it("reads names from the directory, not from the bytes: a name inside an entry's data is no entry", () => {
    const bytes = buildZip([{ name: "a.txt", data: text("word/ xl/ [Content_Types].xml"), method: 0 }]);
    expect(zipEntryNames(bytes)).toEqual(["a.txt"]);
  });

  it("refuses too many entries from the end record alone", () => {
    const entries = Array.from({ length: 101 }, (_, i) => ({ name: `e${i}`, data: text("x") }));
    expect(readZipDirectory(buildZip(entries), LIMITS)).toEqual({ ok: false, reason: "too-many-entries" });
  });
});

describe("checkZipArchive", () => {
  // Compressing the 100 MB sheet for the test takes seconds on a busy machine.
  it("refuses a spreadsheet that unpacks to 100 MB from its directory, before inflating it", { timeout: 60_000 }, () => {
    const bomb = spreadsheetBomb(100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refusal = checkZipArchive(bomb, LIMITS);
    expect(refusal).toEqual({ ok: false, reason: "entry-too-large", entry: "xl/worksheets/sheet1.xml" });
    if (!refusal.ok) expect(zipRefusalMessage(refusal, LIMITS)).toBe("Tệp khi giải nén lớn hơn 20 MB; hãy chia thành nhiều tệp nhỏ hơn.");
  });

  it("refuses entries that together unpack past the total limit", () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    const bytes = buildZip([1, 2, 3].map((i) => ({ name: `xl/part${i}.xml`, data: big })));
    expect(checkZipArchive(bytes, LIMITS)).toEqual({ ok: false, reason: "too-large" });
  });

  // Compressing the 100 MB sheet for the test takes seconds on a busy machine.
  it("refuses a bomb whose directory lies about its size, stopping at the claimed size", { timeout: 60_000 }, () => {
    expect(checkZipArchive(spreadsheetBomb(100, 1000), LIMITS)).toEqual({ ok: false, reason: "malformed", entry: "xl/worksheets/sheet1.xml" });
  });

  it("refuses an entry hidden between the listed ones (a streaming unzipper would read it)", () => {
    const bytes = buildZip([{ name: "a.xml", data: text("<a/>") }], { hidden: [{ name: "xl/worksheets/sheet1.xml", data: text("<b/>") }] });
    expect(readZipDirectory(bytes).ok).toBe(true);
    expect(checkZipArchive(bytes, LIMITS)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("refuses encrypted entries and unknown methods", () => {
    const bytes = buildZip([{ name: "a.xml", data: text("<a/>"), method: 0 }]);
    const methodAt = 8; // the local header's method, and the directory's at +10
    const directoryAt = bytes.length - 22 - 46 - 5;
    const odd = bytes.slice();
    odd[methodAt] = 12;
    odd[directoryAt + 10] = 12;
    expect(checkZipArchive(odd, LIMITS)).toEqual({ ok: false, reason: "unsupported", entry: "a.xml" });
  });

  it("gives a typed refusal, never a throw, for truncated, flipped or random bytes", () => {
    const good = buildZip([
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "xl/workbook.xml", data: text("<workbook/>".repeat(50)) },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (cut, flips) => {
        const bytes = good.slice(0, cut);
        for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
        const result = checkZipArchive(bytes, LIMITS);
        expect(typeof result.ok).toBe("boolean");
        expect(zipEntryNames(bytes) === null || Array.isArray(zipEntryNames(bytes))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(checkZipArchive(bytes, LIMITS).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
