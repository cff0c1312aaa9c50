/**
 * Reading an uploaded spreadsheet's first sheet without letting the file decide the cost:
 * the zip directory is checked against limits first (./zip.ts: sizes, entry count, claims
 * that hold), then the sheet is read as a stream, row by row, and the caller stops it when it
 * has enough. exceljs's `Workbook.load` would unpack and keep the whole workbook (issue 12:
 * 104 MB unpacked held the server for 54 s and 1.1 GB). Decision 021.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { checkZipArchive, zipRefusalMessage, type ZipLimits } from "./zip";

export type SheetReadOutcome = { ok: true; sheetName: string } | { ok: false; message: string };

/** What the row callback answers: "stop" ends the reading (the caller has enough, or too much). */
export type RowVerdict = "stop" | void;

interface ReaderInternals {
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

/** The sheet's name from workbook.xml through its relationship; exceljs's stream reader calls every sheet "SheetN". */
function sheetNameOf(reader: ExcelJS.stream.xlsx.WorkbookReader, sheet: ExcelJS.stream.xlsx.WorksheetReader): string {
  const { id, name } = sheet as unknown as { id: number; name: string };
  const { model, workbookRels } = reader as unknown as ReaderInternals;
  const rel = workbookRels?.find((r) => r.Target?.replace(/^\/?(xl\/)?/, "") === `worksheets/sheet${id}.xml`);
  return model?.sheets?.find((s) => rel && s.rId === rel.Id)?.name ?? name;
}

/**
 * Calls `onRow` for each row of the workbook's first sheet, in order, until it answers
 * "stop". `styles` reads number formats (a "00000" format keeps a code's leading zeros),
 * at the cost of reading styles.xml.
 */
export async function readFirstSheet(
  bytes: Uint8Array,
  limits: ZipLimits,
  onRow: (row: ExcelJS.Row) => RowVerdict,
  options: { styles?: boolean } = {},
): Promise<SheetReadOutcome> {
  const archive = checkZipArchive(bytes, limits);
  if (!archive.ok) return { ok: false, message: zipRefusalMessage(archive, limits) };
  if (!archive.entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))) {
    return { ok: false, message: "Không đọc được tệp: tệp không phải bảng tính Excel .xlsx hợp lệ hoặc đã bị hỏng." };
  }
  const stream = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: "cache",
    styles: options.styles ? "cache" : "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      const sheetName = sheetNameOf(reader, sheet);
      for await (const row of sheet) {
        if (onRow(row as ExcelJS.Row) === "stop") break;
      }
      return { ok: true, sheetName };
    }
    return { ok: false, message: "Tệp không có trang tính nào." };
  } catch {
    return { ok: false, message: "Không đọc được tệp: tệp không phải bảng tính Excel .xlsx hợp lệ hoặc đã bị hỏng." };
  } finally {
    stream.destroy();
  }
}
