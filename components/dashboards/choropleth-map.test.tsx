import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import vi from "@/lib/i18n/messages/vi.json";
import { formatNumber } from "@/lib/format";
import type { MultiPolygon } from "@/lib/units/boundaries/simplify";
import { ChoroplethMap, type ChoroplethUnit } from "./choropleth-map";
import { NO_DATA_FILL } from "./choropleth-scale";

const square = (lng: number, lat: number): MultiPolygon => [[[[lng, lat], [lng + 0.1, lat], [lng + 0.1, lat + 0.1], [lng, lat + 0.1], [lng, lat]]]];

const UNITS: ChoroplethUnit[] = [
  { unitId: 1, name: "Huyện Lập Thạch", href: "/reports?unit=1", value: 0.955, coordinates: square(105.4, 21.4) },
  { unitId: 2, name: "Huyện Vĩnh Tường", href: "/reports?unit=2", value: 0.721, coordinates: square(105.5, 21.2) },
  { unitId: 3, name: "Huyện Tam Dương", href: "/reports?unit=3", value: null, coordinates: square(105.6, 21.3) },
  { unitId: 4, name: "Huyện Sông Lô", href: "/reports?unit=4", value: 0.8, coordinates: null },
];

const percent = (v: number) => `${formatNumber(v * 100, "vi", 1)}%`;

function render(
  units: ChoroplethUnit[],
  higherIsBetter = true,
  options: { threshold?: { value: number; near: number }; format?: (v: number) => string; importCommand?: string } = {},
) {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale="vi" messages={vi} timeZone="Asia/Ho_Chi_Minh">
      <ChoroplethMap
        units={units}
        kpiLabel="Tỷ lệ giải quyết"
        formatValue={options.format ?? percent}
        higherIsBetter={higherIsBetter}
        threshold={options.threshold}
        importCommand={options.importCommand}
      />
    </NextIntlClientProvider>,
  );
  return new Rendered(html);
}

/** Just enough of a DOM to ask what a user would: the links, their names, the legend's lines. */
class Rendered {
  constructor(readonly html: string) {}
  /** The SVG links (shapes), with their href, accessible name and tooltip. */
  shapes() {
    const svg = this.html.match(/<svg viewBox[\s\S]*?<\/svg>/)?.[0] ?? "";
    return [...svg.matchAll(/<a href="([^"]*)" aria-label="([^"]*)"[^>]*><title>([^<]*)<\/title><path d="([^"]*)" fill="([^"]*)"/g)].map((m) => ({
      href: m[1].replace(/&amp;/g, "&"),
      label: m[2],
      title: m[3],
      d: m[4],
      fill: m[5],
    }));
  }
  text() {
    return this.html.replace(/<title>[^<]*<\/title>/g, "").replace(/<\/(p|li|figcaption)>/g, "\n").replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/[ \t]+/g, " ");
  }
}

describe("ChoroplethMap", () => {
  it("draws one focusable link per unit with a boundary, named and titled by its formatted value", () => {
    const shapes = render(UNITS).shapes();
    expect(shapes.map((s) => [s.href, s.label, s.title])).toEqual([
      ["/reports?unit=1", "Huyện Lập Thạch: 95,5%", "Huyện Lập Thạch: 95,5%"],
      ["/reports?unit=2", "Huyện Vĩnh Tường: 72,1%", "Huyện Vĩnh Tường: 72,1%"],
      ["/reports?unit=3", "Huyện Tam Dương: Không có số liệu", "Huyện Tam Dương: Không có số liệu"],
    ]);
    // Path strings in the viewBox's units, one decimal at most: no coordinates reach the browser.
    const [, , width, height] = render(UNITS).html.match(/<svg viewBox="([^"]+)"/)![1].split(" ").map(Number);
    for (const s of shapes) {
      expect(s.d).toMatch(/^M[\d.,L]+Z$/);
      for (const [x, y] of s.d.slice(1, -1).split("L").map((p) => p.split(",").map(Number))) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height);
        expect(Number.isInteger(x * 10) && Number.isInteger(y * 10)).toBe(true);
      }
    }
  });

  it("writes each unit's name and value on its shape, over the shapes and hidden from screen readers (the links name them)", () => {
    const r = render(UNITS.map((u) => ({ ...u, label: u.name.replace("Huyện ", "") })));
    const labels = r.html.match(/<g aria-hidden="true"[^>]*>([\s\S]*?)<\/g>/)![1];
    expect([...labels.matchAll(/<text[^>]*><tspan[^>]*>([^<]*)<\/tspan><tspan[^>]*>([^<]*)<\/tspan><\/text>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["Lập Thạch", "95,5%"],
      ["Vĩnh Tường", "72,1%"],
      ["Tam Dương", "Không có số liệu"],
    ]);
    // After the last shape, so no shape covers a name; a click on a name reaches the shape under it.
    expect(r.html.indexOf("<g aria-hidden")).toBeGreaterThan(r.html.lastIndexOf("<path"));
    expect(r.html).toMatch(/<g aria-hidden="true" class="pointer-events-none"/);
    expect(render(UNITS).html).not.toContain("<text");
  });

  it("colours by class in the direction given, and hatches a unit without a value", () => {
    const [best, worst, none] = render(UNITS).shapes();
    expect(best.fill).toBe("#2c7bb6");
    expect(worst.fill).toBe("#d7191c");
    expect(none.fill).toMatch(/^url\(#map[\w-]*-no-data\)$/);
    const reversed = render(UNITS, false).shapes();
    expect([reversed[0].fill, reversed[1].fill]).toEqual(["#d7191c", "#2c7bb6"]);
  });

  it("has a legend of the classes in words, with the no-data entry and the direction", () => {
    const text = render(UNITS).text();
    expect(text).toContain("Tỷ lệ giải quyết · càng cao càng tốt");
    // Three values in three classes, lowest first; Sông Lô has a value but no shape and still counts.
    expect(text.split("\n").slice(2, 6)).toEqual(["72,1% (1 đơn vị)", "80% (1 đơn vị)", "95,5% (1 đơn vị)", "Không có số liệu"]);
  });

  it("lists the units without a boundary under the map, as links with their value", () => {
    const r = render(UNITS);
    expect(r.text()).toContain("Chưa có ranh giới: Huyện Sông Lô (80%)");
    expect(r.html).toMatch(/<a[^>]*href="\/reports\?unit=4"[^>]*>Huyện Sông Lô<\/a>/);
  });

  it("says so when no unit has a boundary, and lists them all", () => {
    const r = render(UNITS.map((u) => ({ ...u, coordinates: null })));
    expect(r.shapes()).toEqual([]);
    expect(r.text()).toContain("Chưa nhập ranh giới của các đơn vị này nên chưa vẽ được bản đồ.");
    expect(r.text()).toContain("Chưa có ranh giới: Huyện Lập Thạch (95,5%), Huyện Vĩnh Tường (72,1%), Huyện Tam Dương (Không có số liệu), Huyện Sông Lô (80%)");
    expect(r.text()).not.toContain("npm run");
  });

  it("gives the command that imports boundaries when it is given (to an administrator), and only while the map is empty (issue 14)", () => {
    const importCommand = "npm run units:import-boundaries -- <tệp ranh giới .json>";
    const empty = render(
      UNITS.map((u) => ({ ...u, coordinates: null })),
      true,
      { importCommand },
    );
    expect(empty.text()).toContain("Chưa nhập ranh giới của các đơn vị này nên chưa vẽ được bản đồ. Quản trị viên nhập ranh giới trên máy chủ bằng lệnh: npm run units:import-boundaries -- <tệp ranh giới .json>");
    expect(empty.html).toContain("<code");
    expect(render(UNITS, true, { importCommand }).text()).not.toContain("npm run");
  });

  it("colours the on-time share by the province's threshold, not by rank: below, near, above; too few to judge apart (issue 14)", () => {
    const points = (v: number) => `${formatNumber(v, "vi", 1)}%`;
    const units: ChoroplethUnit[] = [
      { unitId: 1, name: "Huyện A", href: "/reports?unit=1", value: 79.9, coordinates: square(105.4, 21.4) },
      { unitId: 2, name: "Huyện B", href: "/reports?unit=2", value: 81.3, coordinates: square(105.5, 21.2) },
      { unitId: 3, name: "Huyện C", href: "/reports?unit=3", value: 81.4, coordinates: square(105.6, 21.3) },
      { unitId: 4, name: "Huyện D", href: "/reports?unit=4", value: 90, coordinates: square(105.7, 21.3) },
      { unitId: 5, name: "Xã E", href: "/reports?unit=5", value: 0, tooFew: true, coordinates: square(105.8, 21.3) },
    ];
    const r = render(units, true, { threshold: { value: 80, near: 5 }, format: points });
    const [below, near1, near2, above, few] = r.shapes();
    expect(below.fill).toBe("#d7191c");
    // 81,3% and 81,4% are alike: both near the threshold (quantiles coloured them orange and blue).
    expect(near1.fill).toBe("#ffffbf");
    expect(near2.fill).toBe(near1.fill);
    expect(above.fill).toBe("#2c7bb6");
    expect(few.fill).toBe(NO_DATA_FILL);
    expect(few.title).toBe("Xã E: 0% · Quá ít để đánh giá");
    const text = r.text();
    expect(text).toContain("Tỷ lệ giải quyết · màu theo ngưỡng 80%");
    expect(text.split("\n").slice(2, 6)).toEqual(["Dưới ngưỡng: dưới 80% (1 đơn vị)", "Gần ngưỡng: 80% đến dưới 85% (2 đơn vị)", "Đạt: từ 85% (1 đơn vị)", "Quá ít để đánh giá (1 đơn vị)"]);
  });
});
