import { randomBytes } from "node:crypto";
import { PassThrough, Writable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { constants, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkZipArchive } from "../files/zip";
import { columnLetters, OutputClosed, writeXlsx, xmlText, type XlsxSheetSpec } from "./xlsx-stream";

async function written(sheets: XlsxSheetSpec[]): Promise<Buffer> {
  const out = new PassThrough();
  const [, bytes] = await Promise.all([writeXlsx(out, sheets, new Date("2026-12-06T09:00:00Z")), buffer(out)]);
  return bytes;
}

/**
 * The rows of the first sheet that have reached the reader so far: its part is inflated from the bytes
 * received (a partial deflate stream inflates up to where it stops).
 */
function rowsReceived(chunks: readonly Buffer[]): number {
  const bytes = Buffer.concat(chunks);
  const name = bytes.indexOf("xl/worksheets/sheet1.xml");
  if (name < 0) return 0;
  const data = bytes.subarray(name + "xl/worksheets/sheet1.xml".length);
  if (data.length === 0) return 0;
  const xml = inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
  return xml.split("<row ").length - 1;
}

/** The first sheet's XML, inflated from a whole file. */
function inflatedSheet(bytes: Buffer): string {
  const name = bytes.indexOf("xl/worksheets/sheet1.xml");
  return inflateRawSync(bytes.subarray(name + "xl/worksheets/sheet1.xml".length), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
}

describe("xmlText and columnLetters", () => {
  it("escapes markup and drops what XML cannot hold", () => {
    expect(xmlText(`a<b>&"c"\u0001\u0008d\uFFFE\uD800e`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;de");
    expect(xmlText("Xã Đồng Ích 😀\tx\ny")).toBe("Xã Đồng Ích 😀\tx\ny");
  });

  it("names columns as spreadsheets do", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("writeXlsx", () => {
  it("writes a workbook that ExcelJS opens: sheets in order, values, text columns, header and example styles, frozen rows", async () => {
    const bytes = await written([
      {
        name: "Cán bộ",
        columns: [{ width: 20 }, { width: 14, text: true }],
        frozenRows: 1,
        rows: async (sheet) => {
          await sheet.row(["Họ và tên", "Điện thoại"], "bold");
          await sheet.row(["Ví dụ: An", "0912345678"], "example");
          await sheet.row(["<Bình> & Co", 1980]);
          await sheet.row([null, "", "bỏ qua ô trống"]);
        },
      },
      { name: "Đơn vị", columns: [{ width: 12 }], rows: (sheet) => sheet.row(["08839"]) },
    ]);
    // The zip is one our own upload check accepts (decision 021).
    expect(checkZipArchive(bytes, { maxEntries: 20, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20 })).toMatchObject({ ok: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Cán bộ", "Đơn vị"]);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, "Họ và tên", "Điện thoại"]);
    expect(sheet.getRow(3).values).toEqual([undefined, "<Bình> & Co", 1980]);
    expect(sheet.getRow(4).getCell(3).value).toBe("bỏ qua ô trống");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").font).toMatchObject({ italic: true, color: { argb: "FF777777" } });
    expect(sheet.getCell("B2").numFmt).toBe("@");
    expect(sheet.getColumn(2).numFmt).toBe("@");
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.worksheets[1].getCell("A1").value).toBe("08839");
  });

  it("takes rows from their source only as fast as a slow reader takes the file", { timeout: 60_000 }, async () => {
    const PAGES = 60;
    const PAGE = 1_000;
    const received: Buffer[] = [];
    // A reader that takes one chunk per turn of the event loop.
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        setImmediate(done);
      },
    });
    let produced = 0;
    let mostAhead = 0;
    await writeXlsx(out, [
      {
        name: "Đơn vị",
        columns: [{ width: 20, text: true }, { width: 10 }],
        rows: async (sheet) => {
          for (let page = 0; page < PAGES; page++) {
            // Rows taken from the source that the reader has not received yet, each time a page is read.
            mostAhead = Math.max(mostAhead, produced - rowsReceived(received));
            for (let i = 0; i < PAGE; i++) await sheet.row([randomBytes(8).toString("hex"), ++produced]);
          }
        },
      },
    ]);
    expect(rowsReceived(received)).toBe(PAGES * PAGE);
    // A few pages at most were ever held (zlib's window and the streams' buffers), not the 60 pages:
    // a writer that built the file first, or wrote without waiting for the reader, held them all.
    expect(mostAhead).toBeLessThan(5 * PAGE);
  });

  it("writes a day as a date that sorts, shown dd/mm/yyyy (not text)", async () => {
    const bytes = await written([
      {
        name: "Kiến nghị",
        columns: [{ width: 12 }, { width: 12 }],
        rows: async (sheet) => {
          await sheet.row(["Ngày nhận", "Hạn"], "bold");
          await sheet.row([new Date("2026-03-25T00:00:00Z"), new Date("1999-12-31T00:00:00Z")]);
          await sheet.row([new Date("1900-03-01T00:00:00Z"), new Date(Number.NaN)]);
        },
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getCell("A2").value).toEqual(new Date("2026-03-25T00:00:00Z"));
    expect(sheet.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("B2").value).toEqual(new Date("1999-12-31T00:00:00Z"));
    expect(sheet.getCell("A3").value).toEqual(new Date("1900-03-01T00:00:00Z"));
    // An invalid date is left empty, as an empty value is.
    expect(sheet.getCell("B3").value).toBeNull();
    // The serial number Excel sorts by: days since 30/12/1899.
    const xml = inflatedSheet(bytes);
    expect(xml).toContain('<c r="A2" s="7"><v>46106</v></c>');
  });

  it("stops with OutputClosed when the reader leaves, taking no more rows", async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let rows = 0;
    let rowsWhenLeft = -1;
    let bytes = 0;
    out.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > 20_000 && rowsWhenLeft < 0) {
        rowsWhenLeft = rows;
        out.destroy();
      }
    });
    const writing = writeXlsx(out, [
      {
        name: "S",
        columns: [{ width: 10 }],
        rows: async (sheet) => {
          for (let i = 0; i < 1_000_000; i++) {
            await sheet.row([randomBytes(8).toString("hex")]);
            rows++;
          }
        },
      },
    ]);
    await expect(writing).rejects.toBeInstanceOf(OutputClosed);
    expect(rowsWhenLeft).toBeGreaterThan(0);
    // What was on its way when the reader left (the current chunk), then nothing.
    expect(rows - rowsWhenLeft).toBeLessThan(1_000);
  });
});
