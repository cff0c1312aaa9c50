import type { CatalogueUnit } from "./parse";
/**
 * A small catalogue in both forms, for tests: the same units as JSON and as the CSV the
 * GSO website exports (BOM, semicolons, quoted fields, CRLF, an extra column).
 */
export const FIXTURE_JSON = {
  data: [
    {
      level1_id: "97",
      name: "Thành phố Thử Nghiệm",
      type: "Thành phố Trung ương",
      level2s: [
        {
          level2_id: "971",
          name: "Quận Một",
          type: "Quận",
          level3s: [
            { level3_id: "97101", name: "Phường Phúc Xá", type: "Phường" },
            { level3_id: "97102", name: "Phường 5", type: "Xã" },
          ],
        },
        {
          level2_id: "972",
          name: "Huyện Đông Anh",
          type: "Huyện",
          level3s: [
            { level3_id: "97201", name: "Thị Trấn Đông Anh", type: "Thị trấn" },
            { level3_id: "97202", name: "Xã Đồng Ích", type: "Xã" },
          ],
        },
      ],
    },
    {
      level1_id: "98",
      name: "Tỉnh Vĩnh Thử",
      type: "Tỉnh",
      level2s: [
        { level2_id: "981", name: "Thành Phố Vĩnh Yên", type: "Thành phố", level3s: [{ level3_id: "98101", name: "Phường Liên Bảo", type: "Phường" }] },
        { level2_id: "982", name: "Huyện Lập Thạch", type: "Huyện", level3s: [{ level3_id: "98201", name: "Xã Tân Lập", type: "Xã" }] },
      ],
    },
  ],
};

export const FIXTURE_CSV =
  "\uFEFF" +
  [
    '"Tỉnh / Thành phố";"Mã TP";"Quận Huyện";"Mã QH";"Phường Xã";"Mã PX";"Cấp";"Tên Tiếng Anh"',
    "Thành phố Thử Nghiệm;97;Quận Một;971;Phường Phúc Xá;97101;Phường;Phuc Xa",
    "Thành phố Thử Nghiệm;97;Quận Một;971;Phường 5;97102;Xã;Ward 5",
    '"Thành phố Thử Nghiệm";"97";"Huyện Đông Anh";"972";"Thị Trấn Đông Anh";"97201";"Thị trấn";"Dong Anh ""town""; centre"',
    "Thành phố Thử Nghiệm;97;Huyện Đông Anh;972;Xã Đồng Ích;97202;Xã;",
    "Tỉnh Vĩnh Thử;98;Thành Phố Vĩnh Yên;981;Phường Liên Bảo;98101;Phường;Lien Bao",
    "Tỉnh Vĩnh Thử;98;Huyện Lập Thạch;982;Xã Tân Lập;98201;Xã;Tan Lap",
    "",
  ].join("\r\n");

export const fixtureBytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

/** The spreadsheet header the GSO website exports. */
export const SPREADSHEET_HEADER = ["Tỉnh / Thành phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp", "Tên Tiếng Anh"];

/**
 * The spreadsheet rows (header, then one row per commune) of a parsed catalogue: how the
 * tests and `npm run bench -- catalogue` make an xlsx from the JSON form.
 */
export function spreadsheetRows(units: CatalogueUnit[]): string[][] {
  const byCode = new Map(units.filter((u) => u.level !== "COMMUNE").map((u) => [`${u.level}:${u.code}`, u]));
  const full = (u: CatalogueUnit) => `${u.typeLabel === "Thành phố Trung ương" ? "Thành phố" : u.typeLabel} ${u.name}`;
  const rows = [SPREADSHEET_HEADER];
  for (const c of units) {
    if (c.level !== "COMMUNE") continue;
    const d = byCode.get(`DISTRICT:${c.parentCode}`)!;
    const p = byCode.get(`PROVINCE:${d.parentCode}`)!;
    rows.push([full(p), p.code, full(d), d.code, full(c), c.code, c.typeLabel, ""]);
  }
  return rows;
}

/** An xlsx workbook with `rows` on its first sheet, every cell as text (as the GSO export has it). */
export async function buildXlsx(rows: (string | number)[][], sheetName = "Danh sách"): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
