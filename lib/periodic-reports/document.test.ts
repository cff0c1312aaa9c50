import { describe, expect, it } from "vitest";
import { issuerSymbol, placeAndDate, reportDocument } from "./document";
import { parseReportPeriod } from "./period";

const base = {
  period: parseReportPeriod("2026-11")!,
  day: "2026-12-05",
  narrative: { situation: "Ổn định.\n\nNhân dân tin tưởng.", results: "Đã làm." },
  sectionKeys: ["situation", "results", "weaknesses"],
  figures: { received: 12, resolvedRate: 91.8, villages: 10 },
  label: (k: string) => ({ "section.situation": "Tình hình tư tưởng, dư luận xã hội", "section.results": "Kết quả thực hiện công tác dân vận", "section.weaknesses": "Hạn chế" })[k] ?? k,
  format: (_k: string, v: number | null | undefined) => String(v ?? "–"),
};

describe("a periodic report as a Party body's report", () => {
  it("names a commune's Party committee under its province's Party organisation, signed for the committee", () => {
    const doc = reportDocument({
      ...base,
      unit: { level: "COMMUNE", typeLabel: "Xã", name: "Lập Thạch", office: "Đảng ủy Xã Lập Thạch" },
      approver: { level: "PROVINCE", typeLabel: "Tỉnh", name: "Phú Thọ", office: "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ" },
    });
    expect(doc).toMatchObject({
      superior: "ĐẢNG BỘ TỈNH PHÚ THỌ",
      issuer: "ĐẢNG ỦY XÃ LẬP THẠCH",
      number: "Số      -BC/ĐU",
      party: "ĐẢNG CỘNG SẢN VIỆT NAM",
      placeAndDate: "Lập Thạch, ngày 05 tháng 12 năm 2026",
      kind: "BÁO CÁO",
      gist: "Kết quả công tác dân vận tháng 11/2026",
      recipients: ["Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ (để báo cáo),", "Lưu Văn phòng."],
      signature: { capacity: "T/M ĐẢNG ỦY", position: "PHÓ BÍ THƯ" },
    });
    expect(doc.sections.map((s) => s.heading)).toEqual(["I. TÌNH HÌNH TƯ TƯỞNG, DƯ LUẬN XÃ HỘI", "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN", "III. HẠN CHẾ"]);
    expect(doc.sections[0].paragraphs).toEqual(["Ổn định.", "Nhân dân tin tưởng."]);
    // The figures are the results' tables, only those the report holds.
    expect(doc.sections[1].tables.map((t) => t.rows)).toEqual([[["figure.received", "12"], ["figure.resolvedRate", "91.8"]], [["figure.villages", "10"]]]);
    expect(doc.sections[0].tables).toEqual([]);
  });

  it("names a board under its committee, with the board's symbol", () => {
    const doc = reportDocument({
      ...base,
      unit: { level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch", office: "Ban Dân vận Huyện ủy Lập Thạch" },
      approver: { level: "PROVINCE", typeLabel: "Tỉnh", name: "Vĩnh Phúc", office: "Ban Dân vận Tỉnh ủy Vĩnh Phúc" },
    });
    expect(doc).toMatchObject({ superior: "HUYỆN ỦY LẬP THẠCH", issuer: "BAN DÂN VẬN", number: "Số      -BC/BDVHU", signature: { capacity: null, position: "TRƯỞNG BAN" } });
    expect(issuerSymbol("Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ")).toBe("BTGDVTU");
    expect(issuerSymbol("Khối dân vận Xã Đồng Ích")).toBe("KDV");
  });

  it("writes the day with two digits and January and February with a leading zero", () => {
    expect(placeAndDate("Phú Thọ", "2027-01-05")).toBe("Phú Thọ, ngày 05 tháng 01 năm 2027");
    expect(placeAndDate("Phú Thọ", "2026-11-20")).toBe("Phú Thọ, ngày 20 tháng 11 năm 2026");
  });
});
