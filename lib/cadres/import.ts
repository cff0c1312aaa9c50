/**
 * The xlsx import of cadres, pure half: checks the bytes, reads the first sheet as a stream
 * within limits (../files/xlsx.ts)
 * and validates every row, returning either the cadres to insert or the errors by row
 * (Vietnamese, `{ row, column, message }`). No database here: the units the user may write
 * come in as a key → id map (see ./unit-keys.ts); ./upload.ts does the rest.
 */
import type ExcelJS from "exceljs";
import { readFirstSheet } from "../files/xlsx";
import { looksLikeZip, type ZipLimits } from "../files/zip";
import type { Gender } from "../generated/prisma/enums";
import { toSearchText } from "../text/search";
import { MAX_NAME_LENGTH, MAX_POSITION_LENGTH, maxBirthYear, MIN_BIRTH_YEAR, parseGender, parseYesNo } from "./rules";
import { normalisePhone } from "../text/phone";
import { normaliseUnitKey } from "./unit-keys";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;
/**
 * What the xlsx may unpack to: 5,000 rows of the template take under 2 MB, so these leave
 * room for a workbook saved by Excel with styles and a second sheet, and refuse a bomb.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 500, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 30 * 1024 * 1024 };
/** The template's example row starts with this; the import skips such rows. */
export const EXAMPLE_PREFIX = "Ví dụ:";

export const IMPORT_COLUMNS = [
  { key: "fullName", header: "Họ và tên *" },
  { key: "gender", header: "Giới tính * (Nam/Nữ/Khác)" },
  { key: "birthYear", header: "Năm sinh" },
  { key: "phone", header: "Điện thoại" },
  { key: "isPartyMember", header: "Đảng viên (Có/Không)" },
  { key: "position", header: "Chức vụ" },
  { key: "unit", header: "Mã đơn vị * (xem trang Đơn vị)" },
] as const;
type ColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

/** The column's name as the error list shows it: "Năm sinh", "Mã đơn vị". */
export function columnName(key: ColumnKey): string {
  return IMPORT_COLUMNS.find((c) => c.key === key)!.header.replace(/\s*\*.*$|\s*\(.*$/, "");
}

/** "Họ và tên *" → "ho va ten": a header matches whatever its marks and accents. */
function headerKey(text: string): string {
  return toSearchText(text.replace(/\(.*?\)/g, "").replace(/\*/g, ""));
}

export interface ImportRowError {
  /** The sheet's row number (1 is the header); null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportedCadre {
  row: number;
  fullName: string;
  searchName: string;
  gender: Gender;
  birthYear: number | null;
  phone: string | null;
  isPartyMember: boolean;
  position: string | null;
  unitId: number;
}

export type ParseOutcome = { ok: true; rows: ImportedCadre[] } | { ok: false; errors: ImportRowError[] };

const fileError = (message: string): ParseOutcome => ({ ok: false, errors: [{ row: null, column: null, message }] });

/** Size and type from the bytes (an xlsx is a zip: it starts with PK\x03\x04), before exceljs reads anything. */
export function checkImportFile(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "Tệp trống.";
  if (bytes.length > MAX_IMPORT_BYTES) {
    return `Tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
  }
  if (!looksLikeZip(bytes)) return "Tệp không đúng loại: chỉ nhận tệp Excel .xlsx (hãy dùng tệp mẫu tải về từ trang này).";
  return null;
}

/** A cell as text or a number (exceljs gives rich text, formulas and links as objects; `text` flattens them). */
function cellValue(cell: ExcelJS.Cell): string | number {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  return cell.text ?? "";
}

const asText = (v: string | number) => (typeof v === "number" ? String(v) : v).trim();

export interface ParseContext {
  /** Import keys ("08839", "T1234") → unit id, for the units the actor may use. */
  unitsByKey: ReadonlyMap<string, number>;
  today: Date;
}

export async function parseCadreWorkbook(bytes: Uint8Array, context: ParseContext): Promise<ParseOutcome> {
  const refused = checkImportFile(bytes);
  if (refused) return fileError(refused);

  // The header row (row 1) names the columns, in any order; then the data rows, read as a
  // stream that stops one row past the limit.
  const columnOf = new Map<ColumnKey, number>();
  let sawRow = false;
  let missing: (typeof IMPORT_COLUMNS)[number][] = [];
  let tooMany = false;
  const dataRows: { number: number; get: (key: ColumnKey) => string | number }[] = [];
  const read = await readFirstSheet(bytes, IMPORT_ZIP_LIMITS, (row) => {
    if (!sawRow) {
      sawRow = true;
      if (row.number === 1) {
        row.eachCell((cell, col) => {
          const key = headerKey(asText(cellValue(cell)));
          const match = IMPORT_COLUMNS.find((c) => headerKey(c.header) === key);
          if (match && !columnOf.has(match.key)) columnOf.set(match.key, col);
        });
      }
      missing = IMPORT_COLUMNS.filter((c) => !columnOf.has(c.key));
      if (missing.length > 0) return "stop";
      if (row.number === 1) return;
    }
    const get = (key: ColumnKey) => cellValue(row.getCell(columnOf.get(key)!));
    if (IMPORT_COLUMNS.every((c) => asText(get(c.key)) === "")) return;
    if (asText(get("fullName")).startsWith(EXAMPLE_PREFIX)) return;
    dataRows.push({ number: row.number, get });
    if (dataRows.length > MAX_IMPORT_ROWS) {
      tooMany = true;
      return "stop";
    }
  });
  if (!read.ok) return fileError(read.message);
  if (!sawRow) return fileError("Tệp trống: không có trang tính hoặc dòng nào.");
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((c) => ({ row: 1, column: columnName(c.key), message: `Thiếu cột «${columnName(c.key)}» ở dòng tiêu đề (dòng 1). Hãy dùng tệp mẫu.` })),
    };
  }
  if (tooMany) return fileError(`Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng dữ liệu; hãy chia thành nhiều tệp.`);
  if (dataRows.length === 0) return fileError("Tệp không có dòng dữ liệu nào (ngoài dòng tiêu đề và dòng ví dụ).");

  const errors: ImportRowError[] = [];
  const rows: ImportedCadre[] = [];
  const seen = new Map<string, number>();
  const maxYear = maxBirthYear(context.today);
  for (const { number, get } of dataRows) {
    const before = errors.length;
    const fail = (key: ColumnKey, message: string) => errors.push({ row: number, column: columnName(key), message });

    const fullName = asText(get("fullName")).replace(/\s+/g, " ");
    if (fullName === "") fail("fullName", "Chưa nhập họ và tên.");
    else if (fullName.length > MAX_NAME_LENGTH) fail("fullName", `Họ và tên dài quá ${MAX_NAME_LENGTH} ký tự.`);

    const genderText = asText(get("gender"));
    const gender = parseGender(genderText);
    if (!gender) fail("gender", genderText === "" ? "Chưa nhập giới tính (Nam, Nữ hoặc Khác)." : `«${genderText}» không phải Nam, Nữ hoặc Khác.`);

    const yearRaw = get("birthYear");
    const yearText = asText(yearRaw);
    let birthYear: number | null = null;
    if (yearText !== "") {
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (year >= MIN_BIRTH_YEAR && year <= maxYear) birthYear = year;
      else fail("birthYear", `Năm sinh «${yearText}» phải là năm từ ${MIN_BIRTH_YEAR} đến ${maxYear}.`);
    }

    const phoneRaw = get("phone");
    // A phone typed as a number loses its leading 0 in Excel: 912345678 → 0912345678.
    const phoneText = typeof phoneRaw === "number" && /^[1-9]\d{8}$/.test(String(phoneRaw)) ? `0${phoneRaw}` : asText(phoneRaw);
    let phone: string | null = null;
    if (phoneText !== "") {
      phone = normalisePhone(phoneText);
      if (!phone) fail("phone", `Số điện thoại «${phoneText}» không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (hoặc +84).`);
    }

    const partyText = asText(get("isPartyMember"));
    const isPartyMember = parseYesNo(partyText);
    if (isPartyMember === null) fail("isPartyMember", `«${partyText}» không phải Có hoặc Không.`);

    const position = asText(get("position")).replace(/\s+/g, " ");
    if (position.length > MAX_POSITION_LENGTH) fail("position", `Chức vụ dài quá ${MAX_POSITION_LENGTH} ký tự.`);

    const unitRaw = get("unit");
    const unitText = asText(unitRaw);
    const unitId = unitText === "" ? undefined : context.unitsByKey.get(normaliseUnitKey(typeof unitRaw === "number" ? unitRaw : unitText));
    if (unitText === "") fail("unit", "Chưa nhập mã đơn vị (xem trang «Đơn vị» của tệp mẫu).");
    else if (unitId === undefined) fail("unit", `Mã đơn vị «${unitText}» không có trong danh sách đơn vị bạn được quản lý.`);

    if (errors.length > before) continue;
    const searchName = toSearchText(fullName);
    const key = `${searchName}|${unitId}|${birthYear ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: number, column: null, message: `Trùng với dòng ${first} (cùng họ tên, đơn vị và năm sinh).` });
      continue;
    }
    seen.set(key, number);
    rows.push({ row: number, fullName, searchName, gender: gender!, birthYear, phone, isPartyMember: isPartyMember!, position: position || null, unitId: unitId! });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
