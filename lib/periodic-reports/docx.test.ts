import { describe, expect, it } from "vitest";
import { docxPart, docxParagraphs } from "../../tests/support/docx-xml";
import { reportDocument } from "./document";
import { reportDocx } from "./docx";
import { parseReportPeriod } from "./period";

const doc = reportDocument({
  unit: { level: "COMMUNE", typeLabel: "Xã", name: "Bình Lư", office: "Đảng ủy Xã Bình Lư" },
  approver: { level: "PROVINCE", typeLabel: "Tỉnh", name: "Lai Châu", office: "Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu" },
  period: parseReportPeriod("2026-11")!,
  day: "2026-12-08",
  narrative: { situation: "Tình hình ổn định & <bình thường>.", results: "Đã làm." },
  sectionKeys: ["situation", "results"],
  figures: { received: 1234, resolvedRate: 91.8 },
  label: (k) => ({ "section.situation": "Tình hình tư tưởng", "section.results": "Kết quả", "table.petitions": "Kiến nghị", "figure.received": "Kiến nghị tiếp nhận", "figure.resolvedRate": "Tỷ lệ giải quyết (%)" })[k] ?? k,
  format: (_k, v) => String(v ?? "–"),
});

describe("the report as a .docx", () => {
  it("is a Word document whose XML holds the header, number, title, body, tables, recipients and signature block", async () => {
    const bytes = await reportDocx(doc);
    const xml = docxPart(new Uint8Array(bytes));
    expect(docxPart(new Uint8Array(bytes), "[Content_Types].xml")).toContain("wordprocessingml.document.main+xml");
    const paragraphs = docxParagraphs(xml);
    const at = (text: string) => paragraphs.indexOf(text);
    for (const text of ["ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY XÃ BÌNH LƯ", "*", "Số      -BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Lư, ngày 08 tháng 12 năm 2026", "BÁO CÁO", "Kết quả công tác dân vận tháng 11/2026", "I. TÌNH HÌNH TƯ TƯỞNG", "II. KẾT QUẢ", "Nơi nhận:", "- Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu (để báo cáo),", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"]) {
      expect(at(text), text).toBeGreaterThanOrEqual(0);
    }
    // Text is escaped, not markup.
    expect(paragraphs).toContain("Tình hình ổn định & <bình thường>.");
    // In the order of a Party document: header, kind and gist, body, then recipients and signature.
    expect(at("ĐẢNG CỘNG SẢN VIỆT NAM")).toBeLessThan(at("BÁO CÁO"));
    expect(at("BÁO CÁO")).toBeLessThan(at("I. TÌNH HÌNH TƯ TƯỞNG"));
    expect(at("II. KẾT QUẢ")).toBeLessThan(at("Nơi nhận:"));
    expect(at("Nơi nhận:")).toBeLessThan(at("T/M ĐẢNG ỦY"));
    // The figures as a table: a header row and one row per figure.
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => docxParagraphs(m[0]));
    expect(tables).toContainEqual(["Chỉ tiêu", "Số liệu", "Kiến nghị tiếp nhận", "1234", "Tỷ lệ giải quyết (%)", "91.8"]);
    // A4, margins 20 / 15 / 20 / 30 mm, Times New Roman.
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
  });
});
