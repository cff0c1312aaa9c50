import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import vi from "@/lib/i18n/messages/vi.json";
import { PetitionTrendChart } from "./petition-trend-chart";
import { PetitionStatusChart } from "./petition-status-chart";
import { MeetingComplianceChart } from "./meeting-compliance-chart";

/** Server rendering, as the first page load gets it: the table alternative is there before any JavaScript runs. */
function render(node: ReactNode) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="vi" messages={vi} timeZone="Asia/Ho_Chi_Minh">
      {node}
    </NextIntlClientProvider>,
  );
}

/** The table's caption, header row and body rows as text, cell by cell. */
function table(html: string) {
  const t = html.match(/<table[\s\S]*?<\/table>/)?.[0];
  if (!t) throw new Error("no table");
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1].replace(/<[^>]+>/g, "").trim());
  const rows = [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]));
  return { caption: t.match(/<caption[^>]*>([\s\S]*?)<\/caption>/)?.[1], head: rows[0], body: rows.slice(1) };
}

describe("PetitionTrendChart", () => {
  const rows = [
    { month: "2025-12", fieldId: 1, received: 1200, resolved: 1100 },
    { month: "2026-02", fieldId: 1, received: 30, resolved: 45 },
    { month: "2026-02", fieldId: 2, received: 5, resolved: 0 },
  ];
  const html = render(<PetitionTrendChart rows={rows} fields={[{ id: 1, name: "Đất đai" }, { id: 2, name: "Môi trường" }]} />);

  it("offers the fields with all of them chosen first", () => {
    expect(html).toMatch(/<label for="([^"]+)">Lĩnh vực<\/label><select id="\1"/);
    expect([...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1])).toEqual(["Tất cả lĩnh vực", "Đất đai", "Môi trường"]);
  });

  it("has the numbers in a table behind 'Xem dạng bảng', months as mm/yyyy, Vietnamese separators, a month without petitions as 0", () => {
    expect(html).toContain("<summary");
    expect(html).toContain("Xem dạng bảng</summary>");
    expect(table(html)).toEqual({
      caption: "Số kiến nghị tiếp nhận và đã giải quyết theo tháng — Tất cả lĩnh vực",
      head: ["Tháng", "Tiếp nhận", "Đã giải quyết"],
      body: [
        ["12/2025", "1.200", "1.100"],
        ["01/2026", "0", "0"],
        ["02/2026", "35", "45"],
        ["Tổng cộng", "1.235", "1.145"],
      ],
    });
  });

  it("draws both lines in the server's HTML (no chart library to wait for), with a legend and each month's figures on hover", () => {
    const polylines = [...html.matchAll(/<polyline points="([^"]+)"[^>]*stroke="(#[0-9a-f]+)"/g)].map((m) => ({ points: m[1], stroke: m[2] }));
    // 3 months, axis 0–1,500: December 2025's 1,200 received at 80% of the height, January's 0 on the axis.
    expect(polylines).toEqual([
      { points: "16.67,20 50,100 83.33,97.67", stroke: "#2c7bb6" },
      { points: "16.67,26.67 50,100 83.33,97", stroke: "#1a9641" },
    ]);
    expect(html).toMatch(/aria-hidden="true"[^>]*data-testid="trend-drawing"/);
    expect(html).toContain('title="12/2025\nTiếp nhận: 1.200\nĐã giải quyết: 1.100"');
    expect(html).toMatch(/<\/svg>Tiếp nhận<\/span>/);
    expect(html).toMatch(/<\/svg>Đã giải quyết<\/span>/);
  });

  it("says there is nothing to show without rows", () => {
    expect(render(<PetitionTrendChart rows={[]} fields={[]} />)).toContain("Chưa có số liệu trong kỳ này.");
  });
});

describe("PetitionStatusChart", () => {
  it("lists statuses in workflow order with counts, shares and a total, in Vietnamese", () => {
    const html = render(
      <PetitionStatusChart
        items={[
          { status: "RESOLVED", resolution: "SETTLED", count: 3000 },
          { status: "RECEIVED", count: 1000 },
          { status: "RESOLVED", resolution: "EXPLAINED", count: 1000 },
        ]}
      />,
    );
    const t = table(html);
    expect(t.caption).toBe("Số kiến nghị theo trạng thái và tỷ lệ trên tổng số");
    expect(t.head).toEqual(["Trạng thái", "Số kiến nghị", "Tỷ lệ", "Biểu đồ tỷ lệ"]);
    expect(t.body).toEqual([
      ["Mới tiếp nhận", "1.000", "20%", ""],
      ["Đã giải quyết — Giải quyết dứt điểm", "3.000", "60%", ""],
      ["Đã giải quyết — Giải trình, trả lời", "1.000", "20%", ""],
      ["Tổng cộng", "5.000", "100%", ""],
    ]);
    expect(html).toContain('style="width:60%"');
  });
});

describe("MeetingComplianceChart", () => {
  it("has held, expected and the share per month in its table, and the overall share", () => {
    const html = render(
      <MeetingComplianceChart
        rows={[
          { month: "2026-01", held: 199, expected: 212 },
          { month: "2026-02", held: 212, expected: 212 },
        ]}
        months={["2025-12", "2026-01", "2026-02"]}
      />,
    );
    expect(table(html)).toEqual({
      caption: "Số cuộc họp đã tổ chức, phải tổ chức và tỷ lệ theo tháng",
      head: ["Tháng", "Đã họp", "Phải họp", "Tỷ lệ"],
      body: [
        ["12/2025", "0", "0", "—"],
        ["01/2026", "199", "212", "93,9%"],
        ["02/2026", "212", "212", "100%"],
        ["Tổng cộng", "411", "424", "96,9%"],
      ],
    });
    // The bars in the server's HTML: a month with nothing expected has none; the target line is labelled.
    expect([...html.matchAll(/height:([\d.]+)%;background:#2c7bb6/g)].map((m) => Number(m[1]))).toEqual([93.9, 100]);
    expect(html).toContain('title="01/2026\nTỷ lệ: 93,9% (199/212)"');
    expect(html).toContain("Mục tiêu 100%");
  });
});
