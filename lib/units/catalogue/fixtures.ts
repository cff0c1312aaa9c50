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
