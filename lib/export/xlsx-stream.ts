/**
 * An xlsx workbook written as a stream, row by row, for sheets of plain text and numbers (decision 032):
 * what is in memory is the row being written and a few dozen KB of buffers, whatever the number of rows.
 * Each part of the zip is deflated by a zlib stream (off the main thread, ./zip-stream.ts) and reaches `out` as it is made;
 * the writer waits whenever `out` is full, so a slow client holds up the source (a database read page by
 * page) instead of filling the server's memory. When `out` closes early (the client left), every wait
 * ends with `OutputClosed` and nothing more is read or written.
 *
 * ExcelJS's in-memory workbook holds every cell as an object (a 110,000-row sheet: 10 s and 0.8 GB); its
 * streaming writer holds a sheet's XML until the zip takes it and does not wait for a slow reader.
 * Strings are written inline (no shared-string table to keep); the styles are the few `XlsxRowStyle`s below.
 */
import type { Writable } from "node:stream";
import { ZipWriter } from "./zip-stream";

export { OutputClosed } from "./zip-stream";

/** A cell: text, a number, or a day (a `Date` at midnight UTC, as `@db.Date` columns read), written as a date. */
export type XlsxCell = string | number | Date | null | undefined;
/** A row's look: plain, a header (bold), or an example to copy (italic, grey). */
export type XlsxRowStyle = "plain" | "bold" | "example";

export interface XlsxColumn {
  width: number;
  /** Text format ("@"): what a user types there stays as typed (a phone's or a code's leading zero). */
  text?: boolean;
  /** Long text wrapped in its width, from the top of the cell (plain rows). */
  wrap?: boolean;
}

export interface XlsxSheetOptions {
  columns: readonly XlsxColumn[];
  /** Rows kept in view while scrolling (the header). */
  frozenRows?: number;
  /** Printed landscape on A4, one page wide. */
  landscape?: boolean;
}

export interface XlsxSheet {
  row(cells: readonly XlsxCell[], style?: XlsxRowStyle): Promise<void>;
}

// Cell formats (cellXfs), by row style and whether the column is text: 0 plain, 1 text, 2 bold, 3 bold
// text, 4 example, 5 example text; 6 plain wrapped (a `wrap` column's plain cells); 7 a day (number format
// 164, dd/mm/yyyy). Fonts: 0 default, 1 bold, 2 italic grey. 49 is the built-in "@".
const STYLE_INDEX: Record<XlsxRowStyle, number> = { plain: 0, bold: 2, example: 4 };
const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><i/><sz val="11"/><color rgb="FF777777"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const WRAPPED = 6;
const DAY = 7;
/** Excel's serial day 0 (30/12/1899): its days count from there, which is right from 01/03/1900 on. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const LANDSCAPE = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Any character `xmlText` has to escape or drop: most cells have none, and are then written as they are. */
const NEEDS_XML_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text as XML character data: escaped, and without the characters XML 1.0 cannot hold. */
export function xmlText(value: string): string {
  if (!NEEDS_XML_WORK.test(value)) return value;
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

function sheetXmlHead(options: XlsxSheetOptions): string {
  const frozen = options.frozenRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${options.frozenRows}" topLeftCell="A${options.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = options.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.text ? ' style="1"' : ""}/>`)
    .join("");
  const fit = options.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${fit}${frozen}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
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
            const ref = `${columnLetters(i)}${r}`;
            if (value instanceof Date) {
              const time = value.getTime();
              if (Number.isFinite(time)) xml += `<c r="${ref}" s="${DAY}"><v>${Math.round((time - SERIAL_EPOCH_MS) / DAY_MS)}</v></c>`;
              return;
            }
            const column = spec.columns[i];
            const s = style === "plain" && column?.wrap ? WRAPPED : base + (column?.text ? 1 : 0);
            const styleAttr = s ? ` s="${s}"` : "";
            xml +=
              typeof value === "number" && Number.isFinite(value)
                ? `<c r="${ref}"${styleAttr}><v>${value}</v></c>`
                : `<c r="${ref}"${styleAttr} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
          });
          await text(`${xml}</row>`);
        },
      });
      await text(`</sheetData>${spec.landscape ? LANDSCAPE : ""}</worksheet>`);
    });
  }
  await zip.finish();
}
