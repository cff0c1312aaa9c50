/**
 * Parsing of the 2025-07-01 merger file (issue 3 §3):
 * `{"data":[{"level1_id","name","merges":[{"old_id","name","type"}],"level2s":[{"level2_id","name","merges":[…]}]}]}`.
 * Each new province lists the old provinces merged into it; each new commune (level2,
 * directly under the new province) lists the old communes merged into it. A few island
 * districts that had no communes are merged whole into a "Đặc khu": their `old_id` is
 * the 3-digit district code.
 */
import { splitName } from "../catalogue/parse";

export type MergeKind = "FULL" | "PARTIAL";
export type PredecessorLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

/** One old unit merged (wholly or partly) into a new one. */
export interface MergeSource {
  level: PredecessorLevel;
  code: string;
  /** The old unit's name as the file writes it ("Phường Trúc Bạch"), for messages. */
  name: string;
  kind: MergeKind;
}

export interface MergerProvince {
  code: string;
  typeLabel: string;
  name: string;
  merges: MergeSource[];
}

export interface MergerCommune extends MergerProvince {
  provinceCode: string;
}

export interface ParsedMerger {
  provinces: MergerProvince[];
  communes: MergerCommune[];
}

export interface MergerError {
  /** A JSON path: "data[3].level2s[7].merges[1]". */
  at: string;
  /** What, in Vietnamese. */
  message: string;
}

export type MergerParseResult = { ok: true; merger: ParsedMerger } | { ok: false; errors: MergerError[]; truncated: boolean };

export const MAX_MERGER_BYTES = 20 * 1024 * 1024;
export const MAX_MERGER_ERRORS = 50;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const clean = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

function failure(at: string, message: string): MergerParseResult {
  return { ok: false, errors: [{ at, message }], truncated: false };
}

/** Parses the merger file's bytes (UTF-8, with or without BOM). */
export function parseMerger(bytes: Uint8Array): MergerParseResult {
  if (bytes.length > MAX_MERGER_BYTES) {
    return failure("tệp", `tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_MERGER_BYTES / 1024 / 1024} MB`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return failure("tệp", "tệp không phải UTF-8 hợp lệ; hãy lưu lại tệp ở dạng UTF-8");
  }
  return parseMergerJson(text);
}

export function parseMergerJson(text: string): MergerParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return failure("tệp", `không đọc được JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(doc) || !Array.isArray(doc.data)) return failure("tệp", 'tệp JSON phải có dạng {"data": [...]}');

  const errors: MergerError[] = [];
  let truncated = false;
  const add = (at: string, message: string) => {
    if (errors.length < MAX_MERGER_ERRORS) errors.push({ at, message });
    else truncated = true;
  };

  const code = (raw: unknown, lengths: number[], what: string, at: string): string | null => {
    const value = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (!value) {
      add(at, `thiếu mã ${what}`);
      return null;
    }
    if (!lengths.some((n) => new RegExp(`^\\d{${n}}$`).test(value))) {
      add(at, `mã ${what} "${value}" không hợp lệ: phải gồm đúng ${lengths.join(" hoặc ")} chữ số`);
      return null;
    }
    return value;
  };

  const list = (node: Json, key: string, at: string): unknown[] => {
    const value = node[key];
    if (!Array.isArray(value)) {
      add(at, `"${key}" phải là một mảng`);
      return [];
    }
    return value;
  };

  const readMerges = (node: Json, at: string, level: "PROVINCE" | "COMMUNE"): MergeSource[] => {
    const out: MergeSource[] = [];
    const merges = list(node, "merges", at);
    if (Array.isArray(node.merges) && merges.length === 0) add(at, "danh sách đơn vị cũ (merges) trống");
    const seen = new Set<string>();
    merges.forEach((m, k) => {
      const mAt = `${at}.merges[${k}]`;
      if (!isObject(m)) {
        add(mAt, "phần tử phải là một đối tượng JSON");
        return;
      }
      const c = level === "PROVINCE" ? code(m.old_id, [2], "tỉnh cũ", mAt) : code(m.old_id, [5, 3], "xã cũ", mAt);
      const name = typeof m.name === "string" ? clean(m.name) : "";
      if (!name) add(mAt, "thiếu tên đơn vị cũ");
      const type = typeof m.type === "string" ? m.type.trim().toLowerCase() : "";
      if (type !== "full" && type !== "partial") add(mAt, `loại sáp nhập "${String(m.type ?? "")}" không hợp lệ (cho phép: full, partial)`);
      if (!c || !name || (type !== "full" && type !== "partial")) return;
      if (seen.has(c)) {
        add(mAt, `đơn vị cũ mã ${c} được liệt kê hai lần`);
        return;
      }
      seen.add(c);
      const predecessorLevel: PredecessorLevel = level === "PROVINCE" ? "PROVINCE" : c.length === 3 ? "DISTRICT" : "COMMUNE";
      out.push({ level: predecessorLevel, code: c, name, kind: type === "full" ? "FULL" : "PARTIAL" });
    });
    return out;
  };

  const provinces: MergerProvince[] = [];
  const communes: MergerCommune[] = [];
  const provinceAt = new Map<string, string>();
  const communeAt = new Map<string, string>();

  doc.data.forEach((p, i) => {
    if (truncated) return;
    const pAt = `data[${i}]`;
    if (!isObject(p)) {
      add(pAt, "phần tử phải là một đối tượng JSON");
      return;
    }
    const pCode = code(p.level1_id, [2], "tỉnh", pAt);
    const pName = typeof p.name === "string" ? clean(p.name) : "";
    if (!pName) add(pAt, "thiếu tên tỉnh");
    const pSplit = pName ? splitName("PROVINCE", pName, null) : null;
    if (pSplit && "error" in pSplit) add(pAt, pSplit.error);
    if (pCode && provinceAt.has(pCode)) add(pAt, `trùng mã tỉnh ${pCode} (đã có ở ${provinceAt.get(pCode)})`);
    const pMerges = readMerges(p, pAt, "PROVINCE");
    if (pCode && pSplit && !("error" in pSplit) && !provinceAt.has(pCode)) {
      provinceAt.set(pCode, pAt);
      provinces.push({ code: pCode, typeLabel: pSplit.typeLabel, name: pSplit.name, merges: pMerges });
    }
    list(p, "level2s", pAt).forEach((c, j) => {
      const cAt = `${pAt}.level2s[${j}]`;
      if (!isObject(c)) {
        add(cAt, "phần tử phải là một đối tượng JSON");
        return;
      }
      const cCode = code(c.level2_id, [5], "xã", cAt);
      const cName = typeof c.name === "string" ? clean(c.name) : "";
      if (!cName) add(cAt, "thiếu tên xã");
      const cSplit = cName ? splitName("COMMUNE", cName, null) : null;
      if (cSplit && "error" in cSplit) add(cAt, cSplit.error);
      if (cCode && communeAt.has(cCode)) add(cAt, `trùng mã xã ${cCode} (đã có ở ${communeAt.get(cCode)})`);
      const cMerges = readMerges(c, cAt, "COMMUNE");
      if (pCode && cCode && cSplit && !("error" in cSplit) && !communeAt.has(cCode)) {
        communeAt.set(cCode, cAt);
        communes.push({ code: cCode, provinceCode: pCode, typeLabel: cSplit.typeLabel, name: cSplit.name, merges: cMerges });
      }
    });
  });

  if (errors.length) return { ok: false, errors, truncated };
  if (!provinces.length) return failure("data", "tệp không có tỉnh nào");
  return { ok: true, merger: { provinces, communes } };
}
