/**
 * The import template users download ("Tải mẫu"): sheet "Cán bộ" with the header row and one
 * example row (skipped by the import), sheet "Đơn vị" with the keys of the units the user may use
 * (decision 006). The units come page by page and the workbook is written as they come
 * (../export/xlsx-stream.ts): the nation's 110,000 keys are never all in memory (decision 029).
 */
import { PassThrough, type Writable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { safeCell } from "../export/safe-cell";
import { writeXlsx, type XlsxCell } from "../export/xlsx-stream";
import { EXAMPLE_PREFIX, IMPORT_COLUMNS } from "./import";

export interface TemplateUnit {
  key: string;
  level: "COMMUNE" | "VILLAGE";
  label: string;
  communeLabel: string;
}

type ColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

/** Text columns, so Excel keeps a phone's or a commune code's leading zero. */
const TEXT_COLUMNS: readonly ColumnKey[] = ["phone", "unit"];

function exampleRow(unit: TemplateUnit | undefined): XlsxCell[] {
  const example: Record<ColumnKey, XlsxCell> = {
    fullName: `${EXAMPLE_PREFIX} Nguyễn Văn An`,
    gender: "Nam",
    birthYear: 1980,
    phone: "0912345678",
    isPartyMember: "Có",
    position: "Bí thư chi bộ thôn",
    unit: unit?.key ?? "",
  };
  return IMPORT_COLUMNS.map((c) => example[c.key]);
}

/**
 * Writes the template to `out`, taking the units' pages from `pages` only as fast as `out` takes the
 * file. The example row names a village of the first page (else its first unit). The pages are closed
 * when writing stops early (the client left), so that no more are read.
 */
export async function writeImportTemplate(pages: AsyncIterable<readonly TemplateUnit[]>, out: Writable, now = new Date()): Promise<void> {
  const source = pages[Symbol.asyncIterator]();
  let first: readonly TemplateUnit[] = [];
  try {
    await writeXlsx(
      out,
      [
        {
          name: "Cán bộ",
          columns: IMPORT_COLUMNS.map((c) => ({ width: Math.max(14, c.header.length + 2), text: TEXT_COLUMNS.includes(c.key) })),
          frozenRows: 1,
          rows: async (sheet) => {
            await sheet.row(
              IMPORT_COLUMNS.map((c) => c.header),
              "bold",
            );
            const next = await source.next();
            first = next.done ? [] : next.value;
            await sheet.row(exampleRow(first.find((u) => u.level === "VILLAGE") ?? first[0]), "example");
          },
        },
        {
          name: "Đơn vị",
          columns: [{ width: 12, text: true }, { width: 32 }, { width: 32 }],
          rows: async (sheet) => {
            await sheet.row(["Mã đơn vị", "Đơn vị", "Thuộc xã/phường"], "bold");
            const write = async (page: readonly TemplateUnit[]) => {
              for (const u of page) await sheet.row([u.key, safeCell(u.label), safeCell(u.level === "VILLAGE" ? u.communeLabel : "")]);
            };
            await write(first);
            first = [];
            for (let next = await source.next(); !next.done; next = await source.next()) await write(next.value);
          },
        },
      ],
      now,
    );
  } finally {
    await source.return?.();
  }
}

/** The template of a short list of units known beforehand, in one buffer. */
export async function buildImportTemplate(units: readonly TemplateUnit[], now = new Date()): Promise<Buffer> {
  const out = new PassThrough();
  const [, bytes] = await Promise.all([writeImportTemplate((async function* () {
      yield units;
    })(), out, now), buffer(out)]);
  return bytes;
}
