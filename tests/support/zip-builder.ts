/**
 * Builds zip archives byte by byte for tests: honest ones, and the dishonest ones an attacker
 * sends (a sheet that unpacks to 100 MB from a few hundred KB, sizes that lie, hidden entries).
 */
import { deflateRawSync } from "node:zlib";

export interface BuildEntry {
  name: string;
  data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** The uncompressed size written in the headers; the true size unless a test wants a lie. */
  declaredSize?: number;
}

function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** The entries as a zip archive; `hidden` entries get a local header but no directory record. */
export function buildZip(entries: BuildEntry[], options: { hidden?: BuildEntry[] } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const hidden = new Set(options.hidden ?? []);
  for (const entry of [...entries, ...hidden]) {
    const method = entry.method ?? 8;
    const name = Buffer.from(entry.name, "utf8");
    const body = method === 8 ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const common = [u16(20), u16(0x800), u16(method), u16(0), u16(0x21), u32(0), u32(body.length), u32(size), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, body]);
    if (!hidden.has(entry)) {
      central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    }
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(central.length), u16(central.length), u32(directory.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A worksheet's XML with `rows` rows of the same few cells. */
export function sheetXml(rows: number): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const row = '<row><c t="inlineStr"><is><t>Nguyễn Văn A</t></is></c><c t="inlineStr"><is><t>Nam</t></is></c><c><v>1980</v></c></row>';
  const tail = "</sheetData></worksheet>";
  return new Uint8Array(Buffer.concat([Buffer.from(head), Buffer.from(row.repeat(rows)), Buffer.from(tail)]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/**
 * A spreadsheet bomb: a workbook whose one sheet unpacks to about `megabytes` MB (the attack
 * of issue 12: 264 KB on the wire, 104 MB unpacked). Honest sizes unless `declaredSize` lies.
 */
const bombs = new Map<string, Uint8Array>();
export function spreadsheetBomb(megabytes = 100, declaredSize?: number): Uint8Array {
  const key = `${megabytes}/${declaredSize}`;
  if (!bombs.has(key)) bombs.set(key, buildBomb(megabytes, declaredSize));
  return bombs.get(key)!;
}

function buildBomb(megabytes: number, declaredSize: number | undefined): Uint8Array {
  const sheet = sheetXml(Math.ceil((megabytes * 1024 * 1024) / 110));
  return buildZip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "xl/workbook.xml", data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>') },
    { name: "xl/worksheets/sheet1.xml", data: sheet, declaredSize },
  ]);
}
