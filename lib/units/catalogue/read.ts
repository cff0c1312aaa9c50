/**
 * Reads a catalogue file whatever its form: the bytes decide (an xlsx workbook is a ZIP
 * archive), the file name only breaks the tie between JSON and CSV text. An xlsx sheet
 * goes through the same header recognition and row checks as the CSV form
 * (`parseCatalogueRows`), so its errors name the sheet's row numbers.
 */
import type ExcelJS from "exceljs";
import { readFirstSheet } from "../../files/xlsx";
import { looksLikeZip, type ZipLimits } from "../../files/zip";
import { MAX_CATALOGUE_BYTES, parseCatalogue, parseCatalogueRows, type CatalogueFormat, type CatalogueParseResult } from "./parse";

const failure = (message: string): CatalogueParseResult => ({ ok: false, errors: [{ at: "tệp", message }], truncated: false });

/**
 * What a catalogue workbook may unpack to: the national catalogue (about 10,600 communes)
 * is a sheet of a few MB; a bomb is refused before anything is inflated (decision 021).
 */
export const CATALOGUE_ZIP_LIMITS: ZipLimits = { maxEntries: 500, maxEntryBytes: 40 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024 };
/** Rows read from the sheet before it is refused: several times the country's communes. */
export const MAX_CATALOGUE_ROWS = 50_000;

/** The old binary Excel format (OLE2 compound file). */
function isOldExcel(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Parses a catalogue file in any of its three forms. */
export async function readCatalogue(bytes: Uint8Array, options: { format?: CatalogueFormat } = {}): Promise<CatalogueParseResult> {
  if (bytes.length > MAX_CATALOGUE_BYTES) return parseCatalogue(bytes);
  if (isOldExcel(bytes)) return failure("tệp Excel dạng cũ (.xls) không được hỗ trợ; hãy lưu lại ở dạng .xlsx hoặc CSV (UTF-8)");
  if (looksLikeZip(bytes)) return parseCatalogueXlsx(bytes);
  if (options.format === "xlsx") return failure("tệp có đuôi .xlsx nhưng nội dung không phải bảng tính xlsx");
  return parseCatalogue(bytes, { format: options.format });
}

/** A cell as the text the user sees; a whole number in a "00000" format keeps its leading zeros. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const format = cell.numFmt ?? "";
    if (Number.isInteger(value) && /^0+$/.test(format)) return String(value).padStart(format.length, "0");
    return String(value);
  }
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value && value.result !== undefined && value.result !== null) return String(value.result);
    if ("error" in value) return "";
  }
  return cell.text ?? "";
}

/** The first sheet of an xlsx workbook, as the spreadsheet form of the catalogue, read as a stream within limits. */
export async function parseCatalogueXlsx(bytes: Uint8Array): Promise<CatalogueParseResult> {
  const records: { line: number; fields: string[] }[] = [];
  let tooMany = false;
  const read = await readFirstSheet(
    bytes,
    CATALOGUE_ZIP_LIMITS,
    (row) => {
      const fields: string[] = [];
      // Cells are 1-based; cells in between that are empty stay "".
      for (let c = 1; c <= row.cellCount; c++) fields.push(cellText(row.getCell(c)));
      if (!fields.some((f) => f.trim() !== "")) return;
      records.push({ line: row.number, fields });
      if (records.length > MAX_CATALOGUE_ROWS) {
        tooMany = true;
        return "stop";
      }
    },
    { styles: true },
  );
  if (!read.ok) return failure(read.message);
  if (tooMany) return failure(`bảng tính có hơn ${MAX_CATALOGUE_ROWS.toLocaleString("vi-VN")} dòng; danh mục cả nước có khoảng 10.600 xã`);
  if (!records.length) return { ok: false, errors: [{ at: `trang "${read.sheetName}"`, message: "trang đầu của bảng tính trống" }], truncated: false };
  return parseCatalogueRows(records);
}
