/**
 * An xlsx workbook written as a stream, row by row, for sheets of plain text and numbers (decision 029):
 * what is in memory is the row being written and a few dozen KB of buffers, whatever the number of rows.
 * Each part of the zip is deflated by a zlib stream (off the main thread) and reaches `out` as it is made;
 * the writer waits whenever `out` is full, so a slow client holds up the source (a database read page by
 * page) instead of filling the server's memory. When `out` closes early (the client left), every wait
 * ends with `OutputClosed` and nothing more is read or written.
 *
 * ExcelJS's in-memory workbook holds every cell as an object (a 110,000-row sheet: 10 s and 0.8 GB); its
 * streaming writer holds a sheet's XML until the zip takes it and does not wait for a slow reader.
 * Strings are written inline (no shared-string table to keep), styles are the few `XlsxStyle`s below.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { crc32, createDeflateRaw, type DeflateRaw } from "node:zlib";

/** The client went away (or `out` failed) before the workbook was complete. */
export class OutputClosed extends Error {
  constructor() {
    super("the xlsx output closed before the workbook was complete");
    this.name = "OutputClosed";
  }
}

export type XlsxCell = string | number | null | undefined;
/** A row's look: plain, a header (bold), or an example to copy (italic, grey). */
export type XlsxRowStyle = "plain" | "bold" | "example";

export interface XlsxColumn {
  width: number;
  /** Text format ("@"): what a user types there stays as typed (a phone's or a code's leading zero). */
  text?: boolean;
}

export interface XlsxSheetOptions {
  columns: readonly XlsxColumn[];
  /** Rows kept in view while scrolling (the header). */
  frozenRows?: number;
}

export interface XlsxSheet {
  row(cells: readonly XlsxCell[], style?: XlsxRowStyle): Promise<void>;
}

// Cell formats (cellXfs), by row style and whether the column is text: 0 plain, 1 text, 2 bold, 3 bold
// text, 4 example, 5 example text. Fonts: 0 default, 1 bold, 2 italic grey. 49 is the built-in "@".
const STYLE_INDEX: Record<XlsxRowStyle, number> = { plain: 0, bold: 2, example: 4 };
const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><i/><sz val="11"/><color rgb="FF777777"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Text as XML character data: escaped, and without the characters XML 1.0 cannot hold. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** "A", "B", … "Z", "AA" …: a column's letters from its 0-based index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Parts are handed to zlib in pieces of about this size. */
const CHUNK_CHARS = 32 * 1024;

interface ZipEntryWritten {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS date and time of the zip records (local fields with no zone: UTC here). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((Math.max(1980, at.getUTCFullYear()) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * A zip archive written to `out` entry by entry: each entry's sizes and CRC follow its data in a data
 * descriptor (flag bit 3), so nothing is held to compute them first. Deflate only; no zip64 (a part
 * stays far below 4 GB).
 */
class ZipWriter {
  private offset = 0;
  private readonly entries: ZipEntryWritten[] = [];
  private readonly stamp: { time: number; date: number };
  private readonly closed = new AbortController();
  private readonly onClose = () => this.closed.abort();

  constructor(private readonly out: Writable, now: Date) {
    this.stamp = dosDateTime(now);
    out.once("close", this.onClose);
    out.once("error", this.onClose);
  }

  private check() {
    if (this.closed.signal.aborted || this.out.destroyed || this.out.writableEnded) throw new OutputClosed();
  }

  /** Writes to a stream, waiting while it is full; ends with OutputClosed when `out` closes meanwhile. */
  private async put(stream: Writable, chunk: Buffer) {
    this.check();
    if (stream.write(chunk)) return;
    try {
      await once(stream, "drain", { signal: this.closed.signal });
    } catch (error) {
      throw this.closed.signal.aborted ? new OutputClosed() : error;
    }
  }

  private async raw(chunk: Buffer) {
    this.offset += chunk.length;
    await this.put(this.out, chunk);
  }

  /** One entry: `write` sends its text through `text(…)`, which waits while the output is full. */
  async entry(name: string, write: (text: (s: string) => Promise<void>) => Promise<void>) {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the descriptor; bit 11: UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay 0: the descriptor has them.
    header.writeUInt16LE(nameBytes.length, 26);
    await this.raw(Buffer.concat([header, nameBytes]));

    const deflate: DeflateRaw = createDeflateRaw();
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on("data", (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
    });
    deflate.pipe(this.out, { end: false });
    const ended = once(deflate, "end", { signal: this.closed.signal });
    ended.catch(() => {}); // awaited below; a close before then is reported by `put`
    try {
      let pending = "";
      const flush = async () => {
        if (!pending) return;
        const bytes = Buffer.from(pending, "utf8");
        pending = "";
        crc = crc32(bytes, crc);
        size += bytes.length;
        await this.put(deflate, bytes);
      };
      await write(async (s) => {
        pending += s;
        if (pending.length >= CHUNK_CHARS) await flush();
      });
      await flush();
      this.check();
      deflate.end();
      try {
        await ended;
      } catch (error) {
        throw this.closed.signal.aborted ? new OutputClosed() : error;
      }
    } finally {
      deflate.unpipe(this.out);
      if (!deflate.readableEnded) deflate.destroy();
    }

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.raw(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
  }

  /** The central directory and its end record, then the end of `out`. */
  async finish() {
    const start = this.offset;
    for (const e of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: 2.0
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, attributes: 0
      record.writeUInt32LE(e.offset, 42);
      await this.raw(Buffer.concat([record, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    this.check();
    this.out.off("close", this.onClose);
    this.out.off("error", this.onClose);
    this.out.end();
  }
}

function sheetXmlHead(options: XlsxSheetOptions): string {
  const frozen = options.frozenRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${options.frozenRows}" topLeftCell="A${options.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = options.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.text ? ' style="1"' : ""}/>`)
    .join("");
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${frozen}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

export interface XlsxSheetSpec extends XlsxSheetOptions {
  name: string;
  /** Writes the sheet's rows, in order; called when the sheets before it are written. */
  rows: (sheet: XlsxSheet) => Promise<void>;
}

/**
 * Writes a workbook to `out`: the package's small parts first (as spreadsheet programs write them, so a
 * reader that goes through the zip in order meets the workbook before its sheets), then each sheet, its
 * rows written as they come. Resolves once `out` has been ended; rejects with OutputClosed when `out`
 * closed first.
 */
export async function writeXlsx(out: Writable, sheets: readonly XlsxSheetSpec[], now = new Date()): Promise<void> {
  const zip = new ZipWriter(out, now);
  const sheetsXml = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const fixed: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    ],
    ["_rels/.rels", `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetsXml}</sheets></workbook>`],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", STYLES_XML],
  ];
  for (const [name, xml] of fixed) await zip.entry(name, (text) => text(xml));
  for (const [index, spec] of sheets.entries()) {
    await zip.entry(`xl/worksheets/sheet${index + 1}.xml`, async (text) => {
      await text(sheetXmlHead(spec));
      let r = 0;
      await spec.rows({
        async row(cells, style = "plain") {
          r++;
          const base = STYLE_INDEX[style];
          let xml = `<row r="${r}">`;
          cells.forEach((value, i) => {
            if (value === null || value === undefined || value === "") return;
            const s = base + (spec.columns[i]?.text ? 1 : 0);
            const ref = `${columnLetters(i)}${r}`;
            const styleAttr = s ? ` s="${s}"` : "";
            xml +=
              typeof value === "number" && Number.isFinite(value)
                ? `<c r="${ref}"${styleAttr}><v>${value}</v></c>`
                : `<c r="${ref}"${styleAttr} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
          });
          await text(`${xml}</row>`);
        },
      });
      await text("</sheetData></worksheet>");
    });
  }
  await zip.finish();
}
