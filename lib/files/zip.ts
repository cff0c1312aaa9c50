/**
 * The one reader of a zip archive's central directory (xlsx and docx files are zip archives).
 * It reads the directory at the end of the file, never inflates anything, and says what the
 * archive claims: entry names, methods, compressed and uncompressed sizes. `checkZipArchive`
 * then refuses archives over the caller's limits before anything is unpacked, and checks that
 * the claims are true: every entry's local header agrees with the directory, the entries
 * cover the file with nothing hidden between them (a streaming unzipper reads local headers,
 * not the directory), and each entry inflates to exactly its declared size, never further
 * (zlib stops at `maxOutputLength`). Malformed input of any kind gives a typed refusal;
 * nothing here throws (decision 021).
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused by `checkZipArchive`. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipRefusalReason =
  | "not-zip" // no end-of-directory record
  | "malformed" // a record out of the file, a size or offset that does not add up
  | "unsupported" // zip64, multi-disk, encryption or a method other than stored/deflate
  | "too-many-entries"
  | "entry-too-large"
  | "too-large"; // the entries together unpack to more than the limit

export type ZipRefusal = { ok: false; reason: ZipRefusalReason; entry?: string };
export type ZipDirectory = { ok: true; entries: ZipEntry[] } | ZipRefusal;

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
const CENTRAL_LENGTH = 46;
const LOCAL_LENGTH = 30;
/** Bit 0: encrypted. Bit 3: sizes follow the data in a descriptor. */
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;

const refuse = (reason: ZipRefusalReason, entry?: string): ZipRefusal => (entry === undefined ? { ok: false, reason } : { ok: false, reason, entry });

/** True when the bytes start like a zip archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record's offset: the last one, within the 64 KB a comment may take. */
function findEndRecord(bytes: Uint8Array, data: DataView): number {
  const lowest = Math.max(0, bytes.length - EOCD_LENGTH - 0xffff);
  for (let at = bytes.length - EOCD_LENGTH; at >= lowest; at--) {
    if (data.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_LENGTH + data.getUint16(at + 20, true) === bytes.length) return at;
  }
  return -1;
}

const decoder = new TextDecoder("utf-8", { fatal: false });

/**
 * The central directory's entries, as the archive claims them, without inflating anything.
 * With `limits`, the entry count is checked before the entries are read.
 */
export function readZipDirectory(bytes: Uint8Array, limits?: Pick<ZipLimits, "maxEntries">): ZipDirectory {
  if (bytes.length < EOCD_LENGTH) return refuse("not-zip");
  const data = view(bytes);
  const end = findEndRecord(bytes, data);
  if (end < 0) return refuse("not-zip");
  const disk = data.getUint16(end + 4, true);
  const directoryDisk = data.getUint16(end + 6, true);
  const entriesOnDisk = data.getUint16(end + 8, true);
  const count = data.getUint16(end + 10, true);
  const directorySize = data.getUint32(end + 12, true);
  const directoryOffset = data.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return refuse("unsupported"); // zip64
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== count) return refuse("unsupported");
  if (limits && count > limits.maxEntries) return refuse("too-many-entries");
  if (directoryOffset + directorySize !== end) return refuse("malformed");

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_LENGTH > end || data.getUint32(at, true) !== CENTRAL_SIGNATURE) return refuse("malformed");
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const next = at + CENTRAL_LENGTH + nameLength + extraLength + commentLength;
    if (next > end) return refuse("malformed");
    entries.push({
      name: decoder.decode(bytes.subarray(at + CENTRAL_LENGTH, at + CENTRAL_LENGTH + nameLength)),
      method: data.getUint16(at + 10, true),
      flags: data.getUint16(at + 8, true),
      compressedSize: data.getUint32(at + 20, true),
      uncompressedSize: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    });
    at = next;
  }
  if (at !== end) return refuse("malformed");
  return { ok: true, entries };
}

/** The entry names of a zip archive, or null when the bytes are no readable archive. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const directory = readZipDirectory(bytes, { maxEntries: 10_000 });
  return directory.ok ? directory.entries.map((e) => e.name) : null;
}

/** A data descriptor after an entry's data: 12 bytes, or 16 with its optional signature. */
const descriptorLengths = (entry: ZipEntry) => (entry.flags & FLAG_DESCRIPTOR ? [12, 16] : [0]);

/**
 * The archive's directory, once its claims are within `limits` and true (see the file's
 * comment). Inflates each entry at most to its declared size, one at a time, and keeps nothing.
 */
export function checkZipArchive(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  const directory = readZipDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const { entries } = directory;
  if (entries.length === 0) return refuse("malformed");

  // The claims first: nothing is inflated while a size is over the limit.
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & FLAG_ENCRYPTED) return refuse("unsupported", entry.name);
    if (entry.method !== 0 && entry.method !== 8) return refuse("unsupported", entry.name);
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) return refuse("unsupported", entry.name);
    if (entry.uncompressedSize > limits.maxEntryBytes) return refuse("entry-too-large", entry.name);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) return refuse("too-large");
  }

  // Then the layout: local headers that agree, and entries that tile the file up to the directory.
  const data = view(bytes);
  const directoryOffset = data.getUint32(findEndRecord(bytes, data) + 16, true);
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = [0];
  const ranges: { entry: ZipEntry; start: number }[] = [];
  for (const entry of ordered) {
    const at = entry.localHeaderOffset;
    if (!expected.includes(at)) return refuse("malformed", entry.name);
    if (at + LOCAL_LENGTH > directoryOffset || data.getUint32(at, true) !== LOCAL_SIGNATURE) return refuse("malformed", entry.name);
    const nameLength = data.getUint16(at + 26, true);
    const extraLength = data.getUint16(at + 28, true);
    const start = at + LOCAL_LENGTH + nameLength + extraLength;
    if (start + entry.compressedSize > directoryOffset) return refuse("malformed", entry.name);
    if (decoder.decode(bytes.subarray(at + LOCAL_LENGTH, at + LOCAL_LENGTH + nameLength)) !== entry.name) return refuse("malformed", entry.name);
    if (data.getUint16(at + 8, true) !== entry.method) return refuse("malformed", entry.name);
    ranges.push({ entry, start });
    expected = descriptorLengths(entry).map((d) => start + entry.compressedSize + d);
  }
  if (!expected.includes(directoryOffset)) return refuse("malformed");

  // Last, the sizes are true: an entry that would unpack past its claim is cut off and refused.
  for (const { entry, start } of ranges) {
    const compressed = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return refuse("malformed", entry.name);
      continue;
    }
    try {
      const out = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      if (out.length !== entry.uncompressedSize) return refuse("malformed", entry.name);
    } catch {
      return refuse("malformed", entry.name);
    }
  }
  return directory;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/** The refusal in Vietnamese, for the user who sent the file. */
export function zipRefusalMessage(refusal: ZipRefusal, limits: ZipLimits): string {
  switch (refusal.reason) {
    case "not-zip":
    case "malformed":
      return "Không đọc được tệp: tệp không phải bảng tính Excel .xlsx hợp lệ hoặc đã bị hỏng.";
    case "unsupported":
      return "Tệp dùng định dạng nén không được hỗ trợ (mã hoá, zip64 hoặc kiểu nén lạ); hãy mở bằng Excel và lưu lại ở dạng .xlsx.";
    case "too-many-entries":
      return `Tệp có quá nhiều thành phần (giới hạn ${limits.maxEntries.toLocaleString("vi-VN")}); hãy lưu lại chỉ với trang dữ liệu.`;
    case "entry-too-large":
    case "too-large":
      return `Tệp khi giải nén lớn hơn ${mb(refusal.reason === "too-large" ? limits.maxTotalBytes : limits.maxEntryBytes)} MB; hãy chia thành nhiều tệp nhỏ hơn.`;
  }
}
