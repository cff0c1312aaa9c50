/**
 * Spreadsheets an attacker could send: honest zip archives (so that the zip checks pass)
 * holding a workbook whose sheet XML and shared strings are partly random, for the property
 * tests of the xlsx imports.
 */
import fc from "fast-check";
import { buildZip } from "./zip-builder";

const text = (s: string) => new TextEncoder().encode(s);

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>';

const escape = (s: string) => s.replace(/[<&>"]/g, (c) => ({ "<": "&lt;", "&": "&amp;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A cell's type and content: an inline string, a number, a shared-string index (maybe out of range), odd ones. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 20 }).map((s) => ['t="inlineStr"', `<is><t>${escape(s)}</t></is>`]) },
  { weight: 3, arbitrary: fc.double().map((n) => ["", `<v>${n}</v>`]) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 5 }).map((i) => ['t="s"', `<v>${i}</v>`]) },
  { weight: 1, arbitrary: fc.constantFrom(['t="b"', "<v>1</v>"], ['t="e"', "<v>#REF!</v>"], ["", "<f>1+1</f><v>2</v>"], ['t="d"', "<v>not a date</v>"]) },
);

const COLUMNS = "ABCDEFGHIJ";
/** A row at its number (cells addressed as Excel writes them, A2, B2 …), rarely at an odd one. */
const row = (n: number) =>
  fc.tuple(fc.array(cell, { maxLength: 8 }), fc.oneof({ weight: 9, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000_000 }) })).map(
    ([cells, r]) => `<row r="${r}">${cells.map(([type, body], i) => `<c r="${COLUMNS[i]}${r}" ${type}>${body}</c>`).join("")}</row>`,
  );
const rows = fc.integer({ min: 0, max: 12 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => row(i + 2))));

/** Now and then, XML that does not parse. */
const junk = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("<c", "</row>", "&bogus;", "<row><row>", "<c><v>1</v></c>", "\u0000") });

/** An xlsx whose first sheet has the given header row, then random rows; shared strings random too. */
export function randomWorkbook(header: readonly string[]) {
  return fc
    .tuple(rows, fc.array(fc.string({ maxLength: 15 }), { maxLength: 4 }), fc.boolean(), junk)
    .map(([sheetRows, strings, stored, broken]) => {
      const body: string[] = [...sheetRows];
      if (broken !== null) body.splice(body.length >> 1, 0, broken);
      const head = `<row r="1">${header.map((h, i) => `<c r="${COLUMNS[i]}1" t="inlineStr"><is><t>${escape(h)}</t></is></c>`).join("")}</row>`;
      const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${head}${body.join("")}</sheetData></worksheet>`;
      const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`;
      const method = stored ? 0 : 8;
      return buildZip(
        [
          ["[Content_Types].xml", CONTENT_TYPES],
          ["_rels/.rels", RELS],
          ["xl/workbook.xml", WORKBOOK],
          ["xl/_rels/workbook.xml.rels", WORKBOOK_RELS],
          ["xl/sharedStrings.xml", shared],
          ["xl/worksheets/sheet1.xml", sheet],
        ].map(([name, body]) => ({ name, data: text(body), method })),
      );
    });
}

/** Bytes of a good file with a few bytes changed and maybe cut short. */
export function damaged(good: Uint8Array) {
  return fc
    .tuple(fc.integer({ min: 0, max: good.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }))
    .map(([cut, flips]) => {
      const bytes = good.slice(0, cut);
      for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
      return bytes;
    });
}
