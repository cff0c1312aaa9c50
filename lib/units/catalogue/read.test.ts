import { describe, expect, it } from "vitest";
import { spreadsheetBomb } from "../../../tests/support/zip-builder";
import { buildXlsx, FIXTURE_CSV, FIXTURE_JSON, fixtureBytes, SPREADSHEET_HEADER, spreadsheetRows } from "./fixtures";
import { parseCatalogue, splitCsv, type CatalogueParseResult } from "./parse";
import { readCatalogue } from "./read";

function errorsOf(result: CatalogueParseResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

/** The fixture CSV's rows (header included), as cells of a sheet. */
const csvRows = () => splitCsv(FIXTURE_CSV.slice(1), ";").map((r) => r.fields);

describe("readCatalogue, xlsx", () => {
  it("reads the first sheet like the CSV form: same units", async () => {
    const expected = parseCatalogue(fixtureBytes(FIXTURE_JSON));
    const fromXlsx = await readCatalogue(await buildXlsx(csvRows()), { format: "xlsx" });
    expect(fromXlsx.ok).toBe(true);
    if (!fromXlsx.ok || !expected.ok) return;
    expect(fromXlsx.units).toEqual(expected.units);
  });

  it("knows an xlsx by its bytes, whatever the file is called", async () => {
    const bytes = await buildXlsx(csvRows());
    expect((await readCatalogue(bytes, { format: "csv" })).ok).toBe(true);
    expect((await readCatalogue(bytes)).ok).toBe(true);
    // and CSV text named .xlsx is refused, not read as a spreadsheet
    expect(errorsOf(await readCatalogue(fixtureBytes(FIXTURE_CSV), { format: "xlsx" }))[0].message).toMatch(/không phải bảng tính xlsx/);
  });

  it("round-trips the JSON form through spreadsheet rows", async () => {
    const json = parseCatalogue(fixtureBytes(FIXTURE_JSON));
    if (!json.ok) throw new Error("fixture");
    const back = await readCatalogue(await buildXlsx(spreadsheetRows(json.units)));
    expect(back.ok && back.units).toEqual(json.units);
  });

  it("names the sheet row of a bad code and of a missing cell", async () => {
    const rows = csvRows();
    rows[2][5] = "9710"; // row 3 of the sheet: a 4-digit commune code
    rows[4][3] = ""; // row 5: no district code
    const errors = errorsOf(await readCatalogue(await buildXlsx(rows)));
    expect(errors).toContainEqual({ at: "dòng 3", message: 'mã xã "9710" không hợp lệ: phải gồm đúng 5 chữ số' });
    expect(errors).toContainEqual({ at: "dòng 5", message: "thiếu mã huyện" });
  });

  it("refuses a sheet without the commune code column, naming the header row", async () => {
    const rows = csvRows().map((r) => r.filter((_, i) => i !== 5));
    const errors = errorsOf(await readCatalogue(await buildXlsx(rows)));
    expect(errors).toHaveLength(1);
    expect(errors[0].at).toBe("dòng 1");
    expect(errors[0].message).toMatch(/thiếu cột "Mã PX"/);
  });

  it("keeps leading zeros of codes typed as numbers with a 00 format, and reads numbers as text", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("A");
    sheet.addRow(SPREADSHEET_HEADER);
    const row = sheet.addRow(["Tỉnh Vĩnh Phúc", 26, "Huyện Lập Thạch", 253, "Xã Đồng Ích", 8839, "Xã"]);
    row.getCell(6).numFmt = "00000";
    row.getCell(2).numFmt = "00";
    const result = await readCatalogue(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(result.ok && result.units.map((u) => u.code)).toEqual(["26", "253", "08839"]);
  });

  // Issue 12, finding 3: a sheet that unpacks to 104 MB held the server for 54 s.
  // Compressing the 100 MB sheet for the test takes seconds on a busy machine.
  it("refuses a sheet that unpacks to 100 MB from the zip directory, without loading it", { timeout: 60_000 }, async () => {
    expect(errorsOf(await readCatalogue(spreadsheetBomb(100)))).toEqual([{ at: "tệp", message: "Tệp khi giải nén lớn hơn 40 MB; hãy chia thành nhiều tệp nhỏ hơn." }]);
  });

  it("refuses a broken archive and the old .xls format with a message", async () => {
    const broken = await buildXlsx(csvRows());
    expect(errorsOf(await readCatalogue(broken.slice(0, 200)))[0].message).toMatch(/Không đọc được tệp: tệp không phải bảng tính Excel/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorsOf(await readCatalogue(xls))[0].message).toMatch(/\.xls/);
  });
});
