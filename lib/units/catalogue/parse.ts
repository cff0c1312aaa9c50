/**
 * Parsing of the official GSO catalogue of administrative units (issue 3 §2), in its two
 * published forms: the JSON tree (`{"data":[{"level1_id","name","type","level2s":[…]}]}`)
 * and the spreadsheet exported by the GSO website (one row per commune: CSV here, xlsx through
 * `read.ts`, which picks the form from the bytes). All give the same
 * normalised, flat list of units: provinces first, then districts, then communes.
 */
import { toSearchText } from "../../text/search";

export type CatalogueLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

export const CATALOGUE_LEVELS: readonly CatalogueLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

/** One unit of the catalogue. `name` is the bare name ("Lập Thạch"), `typeLabel` its type ("Huyện"). */
export interface CatalogueUnit {
  level: CatalogueLevel;
  code: string;
  typeLabel: string;
  name: string;
  /** The code of the unit one level up; null for provinces (they hang under the nation). */
  parentCode: string | null;
}

export interface CatalogueError {
  /** Where: a JSON path ("data[3].level2s[5]") or a CSV line ("dòng 12"). */
  at: string;
  /** What, in Vietnamese. */
  message: string;
}

export type CatalogueParseResult =
  | { ok: true; units: CatalogueUnit[] }
  | { ok: false; errors: CatalogueError[]; /** more errors were found than are listed */ truncated: boolean };

export type CatalogueFormat = "json" | "csv" | "xlsx";

export const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;
export const MAX_CATALOGUE_ERRORS = 50;

const CODE_LENGTH: Record<CatalogueLevel, number> = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 };

const LEVEL_NAME: Record<CatalogueLevel, string> = { PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã" };

/**
 * The unit types of each level, as the catalogue spells them, with the prefixes their
 * names carry: a centrally-governed city is typed "Thành phố Trung ương" but named
 * "Thành phố Hà Nội".
 */
const TYPES: Record<CatalogueLevel, { type: string; prefixes: string[] }[]> = {
  PROVINCE: [
    { type: "Tỉnh", prefixes: ["Tỉnh"] },
    { type: "Thành phố Trung ương", prefixes: ["Thành phố Trung ương", "Thành phố"] },
  ],
  DISTRICT: [
    { type: "Huyện", prefixes: ["Huyện"] },
    { type: "Quận", prefixes: ["Quận"] },
    { type: "Thị xã", prefixes: ["Thị xã"] },
    { type: "Thành phố", prefixes: ["Thành phố"] },
  ],
  COMMUNE: [
    { type: "Xã", prefixes: ["Xã"] },
    { type: "Phường", prefixes: ["Phường"] },
    { type: "Thị trấn", prefixes: ["Thị trấn"] },
    { type: "Đặc khu", prefixes: ["Đặc khu"] },
  ],
};

const clean = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const fold = (s: string) => clean(s).toLocaleLowerCase("vi");

function knownType(level: CatalogueLevel, type: string) {
  const t = fold(type);
  return TYPES[level].find((k) => fold(k.type) === t);
}

/** Strips `prefix` from the start of `name` (case-insensitively), or returns null. */
function stripPrefix(name: string, prefix: string): string | null {
  const n = fold(name);
  const p = fold(prefix);
  if (!n.startsWith(`${p} `)) return null;
  const rest = clean(name).slice(p.length).trim();
  return rest || null;
}

/**
 * Splits a catalogue name into type and bare name. The name's own prefix wins when it is
 * another type of the same level: the March 2025 file types "Phường 5" of Quận Phú
 * Nhuận as "Xã", and "Xã Phường 5" would be wrong. Returns null for an unknown type.
 */
export function splitName(level: CatalogueLevel, fullName: string, type: string | null): { typeLabel: string; name: string } | { error: string } {
  const name = clean(fullName);
  const declared = type === null ? undefined : knownType(level, type);
  if (type !== null && !declared) {
    return { error: `loại đơn vị "${clean(type)}" không hợp lệ ở cấp ${LEVEL_NAME[level]} (cho phép: ${TYPES[level].map((t) => t.type).join(", ")})` };
  }
  const candidates = declared ? [declared, ...TYPES[level].filter((t) => t !== declared)] : TYPES[level];
  for (const candidate of candidates) {
    for (const prefix of candidate.prefixes) {
      const bare = stripPrefix(name, prefix);
      if (bare) return { typeLabel: candidate.type, name: bare };
    }
  }
  if (declared) return { typeLabel: declared.type, name };
  return { error: `không xác định được loại đơn vị của "${name}" (tên phải bắt đầu bằng ${TYPES[level].map((t) => t.type).join(", ")})` };
}

class ErrorList {
  readonly items: CatalogueError[] = [];
  truncated = false;
  add(at: string, message: string) {
    if (this.items.length < MAX_CATALOGUE_ERRORS) this.items.push({ at, message });
    else this.truncated = true;
  }
  get full() {
    return this.truncated;
  }
}

/** Collects units by level, checking codes and duplicates. */
class UnitCollector {
  private readonly byLevel: Record<CatalogueLevel, Map<string, { unit: CatalogueUnit; at: string }>> = {
    PROVINCE: new Map(),
    DISTRICT: new Map(),
    COMMUNE: new Map(),
  };
  constructor(private readonly errors: ErrorList) {}

  /** Checks a code; returns it trimmed, or null after reporting the problem. */
  code(level: CatalogueLevel, raw: unknown, at: string): string | null {
    const value = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (!value) {
      this.errors.add(at, `thiếu mã ${LEVEL_NAME[level]}`);
      return null;
    }
    const length = CODE_LENGTH[level];
    if (!new RegExp(`^\\d{${length}}$`).test(value)) {
      this.errors.add(at, `mã ${LEVEL_NAME[level]} "${value}" không hợp lệ: phải gồm đúng ${length} chữ số`);
      return null;
    }
    return value;
  }

  /**
   * Adds a unit. With `repeatOk` (CSV rows repeat their province and district) an
   * identical repeat is accepted and a different one reported.
   */
  add(unit: CatalogueUnit, at: string, repeatOk = false) {
    const seen = this.byLevel[unit.level].get(unit.code);
    if (!seen) {
      this.byLevel[unit.level].set(unit.code, { unit, at });
      return;
    }
    const same = seen.unit.name === unit.name && seen.unit.typeLabel === unit.typeLabel && seen.unit.parentCode === unit.parentCode;
    if (repeatOk && same) return;
    if (repeatOk) {
      this.errors.add(at, `mã ${LEVEL_NAME[unit.level]} ${unit.code} đã dùng cho "${seen.unit.typeLabel} ${seen.unit.name}" (${seen.at}) với tên hoặc cấp trên khác`);
    } else {
      this.errors.add(at, `trùng mã ${LEVEL_NAME[unit.level]} ${unit.code} (đã có ở ${seen.at})`);
    }
  }

  units(): CatalogueUnit[] {
    return CATALOGUE_LEVELS.flatMap((level) => [...this.byLevel[level].values()].map((v) => v.unit));
  }
}

function result(errors: ErrorList, units: () => CatalogueUnit[]): CatalogueParseResult {
  if (errors.items.length) return { ok: false, errors: errors.items, truncated: errors.truncated };
  return { ok: true, units: units() };
}

function failure(at: string, message: string): CatalogueParseResult {
  return { ok: false, errors: [{ at, message }], truncated: false };
}

// ---------------------------------------------------------------------------------------
// Bytes → text

/**
 * Decodes UTF-8 (with or without BOM), line by line so that an invalid byte is reported
 * with its line. Other encodings (UTF-16, Windows-1258, TCVN3…) are refused.
 */
function decodeUtf8(bytes: Uint8Array): { text: string } | { errors: ErrorList } {
  const errors = new ErrorList();
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    errors.add("dòng 1", "tệp được mã hóa UTF-16; hãy lưu lại tệp ở dạng UTF-8");
    return { errors };
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    // Find the lines at fault: a newline byte never occurs inside a UTF-8 sequence.
    let start = 0;
    let line = 1;
    while (start <= bytes.length && !errors.full) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, end));
      } catch {
        errors.add(`dòng ${line}`, "tệp không phải UTF-8 hợp lệ (có byte không đọc được); hãy lưu lại tệp ở dạng UTF-8");
      }
      start = end + 1;
      line++;
    }
    if (!errors.items.length) errors.add("dòng 1", "tệp không phải UTF-8 hợp lệ; hãy lưu lại tệp ở dạng UTF-8");
    return { errors };
  }
}

/** Parses a catalogue file's bytes. `format` defaults to what the content looks like. */
export function parseCatalogue(bytes: Uint8Array, options: { format?: CatalogueFormat } = {}): CatalogueParseResult {
  if (bytes.length > MAX_CATALOGUE_BYTES) {
    return failure("tệp", `tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB`);
  }
  const decoded = decodeUtf8(bytes);
  if ("errors" in decoded) return { ok: false, errors: decoded.errors.items, truncated: decoded.errors.truncated };
  const text = decoded.text;
  const format = options.format ?? (/^\s*[[{]/.test(text) ? "json" : "csv");
  return format === "json" ? parseCatalogueJson(text) : parseCatalogueCsv(text);
}

/** The format a file name suggests, if any. */
export function formatOfFileName(fileName: string): CatalogueFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return undefined;
}

// ---------------------------------------------------------------------------------------
// JSON

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseCatalogueJson(text: string): CatalogueParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return failure("tệp", `không đọc được JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(doc) || !Array.isArray(doc.data)) return failure("tệp", 'tệp JSON phải có dạng {"data": [...]}');

  const errors = new ErrorList();
  const collector = new UnitCollector(errors);

  const readUnit = (node: unknown, at: string, level: CatalogueLevel, idKey: string, parentCode: string | null): string | null => {
    if (!isObject(node)) {
      errors.add(at, "phần tử phải là một đối tượng JSON");
      return null;
    }
    const code = collector.code(level, node[idKey], at);
    const rawName = typeof node.name === "string" ? clean(node.name) : "";
    if (!rawName) errors.add(at, `thiếu tên ${LEVEL_NAME[level]}`);
    const rawType = typeof node.type === "string" ? clean(node.type) : "";
    if (!rawType) errors.add(at, `thiếu loại đơn vị (type)`);
    if (!code || !rawName || !rawType) return code;
    const split = splitName(level, rawName, rawType);
    if ("error" in split) {
      errors.add(at, split.error);
      return code;
    }
    collector.add({ level, code, typeLabel: split.typeLabel, name: split.name, parentCode }, at);
    return code;
  };

  const children = (node: unknown, key: string, at: string): unknown[] => {
    if (!isObject(node) || node[key] === undefined) return [];
    const list = node[key];
    if (!Array.isArray(list)) {
      errors.add(at, `"${key}" phải là một mảng`);
      return [];
    }
    return list;
  };

  doc.data.forEach((p, i) => {
    if (errors.full) return;
    const pAt = `data[${i}]`;
    const pCode = readUnit(p, pAt, "PROVINCE", "level1_id", null);
    children(p, "level2s", pAt).forEach((d, j) => {
      const dAt = `${pAt}.level2s[${j}]`;
      const dCode = readUnit(d, dAt, "DISTRICT", "level2_id", pCode);
      children(d, "level3s", dAt).forEach((c, k) => {
        readUnit(c, `${dAt}.level3s[${k}]`, "COMMUNE", "level3_id", dCode);
      });
    });
  });
  return result(errors, () => collector.units());
}

// ---------------------------------------------------------------------------------------
// CSV

type Column = "provinceName" | "provinceCode" | "districtName" | "districtCode" | "communeName" | "communeCode" | "level";

/** Header texts, normalised by `headerKey`, in Vietnamese and English. */
const HEADERS: Record<Column, string[]> = {
  provinceName: ["tinh thanh pho", "tinh tp", "tinh", "ten tinh", "ten tinh thanh pho", "province", "province name", "province city", "city province"],
  provinceCode: ["ma tp", "ma tinh", "ma tinh tp", "ma tinh thanh pho", "province code", "province id", "ma tp tinh"],
  districtName: ["quan huyen", "huyen", "ten quan huyen", "ten huyen", "district", "district name"],
  districtCode: ["ma qh", "ma huyen", "ma quan huyen", "district code", "district id"],
  communeName: ["phuong xa", "xa", "xa phuong", "ten phuong xa", "ten xa", "commune", "ward", "commune name", "ward name", "commune ward", "ward commune"],
  communeCode: ["ma px", "ma xa", "ma phuong xa", "commune code", "ward code", "commune id", "ward id"],
  level: ["cap", "level", "type", "loai"],
};

const REQUIRED: Column[] = ["provinceName", "provinceCode", "districtName", "districtCode", "communeName", "communeCode"];

const COLUMN_LABEL: Record<Column, string> = {
  provinceName: "Tỉnh / Thành phố",
  provinceCode: "Mã TP",
  districtName: "Quận Huyện",
  districtCode: "Mã QH",
  communeName: "Phường Xã",
  communeCode: "Mã PX",
  level: "Cấp",
};

function headerKey(header: string): string {
  return toSearchText(header)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Splits CSV text into records of fields, with the line each record starts on (RFC 4180 quoting). */
export function splitCsv(text: string, separator: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      fieldStarted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (fieldStarted || field || fields.length) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  // Blank lines carry nothing.
  return records.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

export function parseCatalogueCsv(input: string): CatalogueParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = splitCsv(text, separator);
  if (!records.length) return failure("dòng 1", "tệp CSV trống");
  return parseCatalogueRows(records);
}

/**
 * The spreadsheet form, whatever carried it (CSV text or an xlsx sheet): a header row
 * recognised by its column names, then one row per commune. `line` is the row number the
 * user sees in the file, so every error names it.
 */
export function parseCatalogueRows(records: { line: number; fields: string[] }[]): CatalogueParseResult {
  if (!records.length) return failure("dòng 1", "bảng tính trống");

  const header = records[0];
  const index: Partial<Record<Column, number>> = {};
  header.fields.forEach((h, i) => {
    const key = headerKey(h);
    for (const [column, names] of Object.entries(HEADERS) as [Column, string[]][]) {
      if (index[column] === undefined && names.includes(key)) {
        index[column] = i;
        break;
      }
    }
  });
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length) {
    return failure(
      `dòng ${header.line}`,
      `dòng tiêu đề thiếu cột ${missing.map((c) => `"${COLUMN_LABEL[c]}"`).join(", ")} (tìm thấy: ${header.fields.map((f) => `"${f.trim()}"`).join(", ")})`,
    );
  }
  const needed = Math.max(...Object.values(index)) + 1;

  const errors = new ErrorList();
  const collector = new UnitCollector(errors);
  for (const record of records.slice(1)) {
    if (errors.full) break;
    const at = `dòng ${record.line}`;
    if (record.fields.length < needed) {
      errors.add(at, `thiếu cột: có ${record.fields.length} cột, cần ít nhất ${needed}`);
      continue;
    }
    const get = (c: Column) => (index[c] === undefined ? "" : clean(record.fields[index[c]]));
    let ok = true;
    const unit = (level: CatalogueLevel, codeColumn: Column, nameColumn: Column, parentCode: string | null, type: string | null) => {
      const code = collector.code(level, get(codeColumn), at);
      const fullName = get(nameColumn);
      if (!fullName) errors.add(at, `thiếu tên ${LEVEL_NAME[level]}`);
      if (!code || !fullName) {
        ok = false;
        return null;
      }
      const split = splitName(level, fullName, type);
      if ("error" in split) {
        errors.add(at, split.error);
        ok = false;
        return null;
      }
      return { level, code, typeLabel: split.typeLabel, name: split.name, parentCode } satisfies CatalogueUnit;
    };
    const province = unit("PROVINCE", "provinceCode", "provinceName", null, null);
    const district = unit("DISTRICT", "districtCode", "districtName", province?.code ?? null, null);
    const commune = unit("COMMUNE", "communeCode", "communeName", district?.code ?? null, get("level") || null);
    if (!ok || !province || !district || !commune) continue;
    collector.add(province, at, true);
    collector.add(district, at, true);
    collector.add(commune, at);
  }
  return result(errors, () => collector.units());
}
