/**
 * The .docx of a periodic report (decision 067), with the `docx` library: A4, margins top and bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman (a Unicode font of TCVN 6909:2001); the header as two columns
 * without borders (the issuing body left, "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule right), the kind and gist
 * centred, the body justified with its figures as bordered tables, "Nơi nhận" and the signature block as two
 * columns at the end. Sizes are half-points (28 = 14 pt).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { HotspotTable, ReportDocument } from "./document";

const FONT = "Times New Roman";
const MM = 56.7; // twips per millimetre

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? 28, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });
const line = (text: string, o: Parameters<typeof run>[1] & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; rule?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    border: o.rule ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } } : undefined,
    children: [run(text, o)],
  });
const cell = (children: Paragraph[], widthPct: number) => new TableCell({ width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, children });
const twoColumns = (left: Paragraph[], right: Paragraph[], split = 45) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows: [new TableRow({ children: [cell(left, split), cell(right, 100 - split)] })] });

function figureTable(rows: [string, string][]) {
  const bordered = (text: string, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; width: number }) =>
    new TableCell({ width: { size: o.width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ alignment: o.align ?? AlignmentType.LEFT, children: [run(text, { size: 26, bold: o.bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [bordered("Chỉ tiêu", { bold: true, width: 70 }), bordered("Số liệu", { bold: true, align: AlignmentType.RIGHT, width: 30 })] }),
      ...rows.map(([label, value]) => new TableRow({ children: [bordered(label, { width: 70 }), bordered(value, { align: AlignmentType.RIGHT, width: 30 })] })),
    ],
  });
}

/** The hotspots' table: place, topic, seriousness, people, what is done. */
function hotspotTable(t: HotspotTable) {
  const widths = [18, 27, 15, 10, 30];
  const bordered = (text: string, i: number, bold = false) =>
    new TableCell({ width: { size: widths[i], type: WidthType.PERCENTAGE }, children: [new Paragraph({ alignment: i === 3 ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { size: 24, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: t.header.map((h, i) => bordered(h, i, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((v, i) => bordered(v, i)) }))],
  });
}

/** The report as a Word document's bytes. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [];
  for (const section of doc.sections) {
    body.push(new Paragraph({ spacing: { before: 160, after: 80 }, alignment: AlignmentType.JUSTIFIED, children: [run(section.heading, { bold: true })] }));
    for (const p of section.paragraphs) body.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing: { after: 120 }, children: [run(p)] }));
    if (section.hotspots) {
      body.push(new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(section.hotspots.caption, { bold: true, italics: true })] }));
      body.push(hotspotTable(section.hotspots));
    }
    for (const table of section.tables) {
      body.push(new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(table.caption, { bold: true, italics: true })] }));
      body.push(figureTable(table.rows));
    }
  }
  const document = new Document({
    creator: doc.issuer,
    title: `${doc.kind} ${doc.gist}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } } },
        children: [
          twoColumns(
            [line(doc.superior), line(doc.issuer, { bold: true }), line("*"), line(doc.number)],
            [line(doc.party, { size: 30, bold: true, rule: true, after: 120 }), line(doc.placeAndDate, { italics: true })],
          ),
          line("", { after: 240 }),
          line(doc.kind, { size: 32, bold: true }),
          line(doc.gist, { bold: true }),
          line("-----", { after: 240 }),
          ...body,
          line("", { after: 240 }),
          twoColumns(
            [
              new Paragraph({ children: [run("Nơi nhận:", { size: 28, bold: true, italics: true, underline: true })] }),
              ...doc.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 24 })] })),
            ],
            [...(doc.signature.capacity ? [line(doc.signature.capacity, { bold: true })] : []), line(doc.signature.position, { bold: true }), line(""), line(""), line(""), line("")],
            50,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
