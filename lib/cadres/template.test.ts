import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { OutputClosed } from "../export/xlsx-stream";
import { writeImportTemplate, type TemplateUnit } from "./template";

/** `pages` pages of `size` units (a commune and its villages), counting what was read. */
function source(pages: number, size: number) {
  const read = { pages: 0, closed: false };
  async function* units(): AsyncGenerator<TemplateUnit[]> {
    try {
      for (let p = 0; p < pages; p++) {
        read.pages++;
        const commune = `Xã Số ${p}`;
        yield Array.from({ length: size }, (_, i): TemplateUnit =>
          i === 0 ? { key: String(10000 + p), level: "COMMUNE", label: commune, communeLabel: commune } : { key: `T${p * size + i}`, level: "VILLAGE", label: `Thôn ${p}.${i}`, communeLabel: commune },
        );
      }
    } finally {
      read.closed = true;
    }
  }
  return { read, units: units() };
}

describe("writeImportTemplate", () => {
  it("lists every unit of every page in order, the example row naming a village of the first", async () => {
    const { read, units } = source(30, 11);
    const out = new PassThrough();
    const [, bytes] = await Promise.all([writeImportTemplate(units, out), buffer(out)]);
    expect(read).toEqual({ pages: 30, closed: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Cán bộ", "Đơn vị"]);
    expect(wb.worksheets[0].getCell("G2").value).toBe("T1");
    const keys: string[] = [];
    wb.getWorksheet("Đơn vị")!.eachRow((row, n) => n > 1 && keys.push(String(row.getCell(1).value)));
    expect(keys).toHaveLength(30 * 11);
    expect(keys.slice(0, 3)).toEqual(["10000", "T1", "T2"]);
    expect(keys.at(-1)).toBe(`T${29 * 11 + 10}`);
    expect(wb.getWorksheet("Đơn vị")!.getRow(3).values).toEqual([undefined, "T1", "Thôn 0.1", "Xã Số 0"]);
  });

  it("stops reading the units when the reader leaves", async () => {
    const { read, units } = source(1_000, 500);
    const out = new PassThrough({ highWaterMark: 1024 });
    let bytes = 0;
    out.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > 20_000) out.destroy();
    });
    await expect(writeImportTemplate(units, out)).rejects.toBeInstanceOf(OutputClosed);
    expect(read.closed).toBe(true);
    expect(read.pages).toBeLessThan(50);
  });
});
