/**
 * The handful of real units the demo is built on: codes, names and types as the GSO
 * catalogue of March 2025 and the July 2025 merger list publish them (including their
 * spelling quirks, e.g. "Lũng Hoà"). Villages are not in any national catalogue, so
 * their names come from the pools below.
 */

export interface CommuneDef {
  code: string;
  typeLabel: string;
  name: string;
}

export interface DistrictDef {
  code: string;
  typeLabel: string;
  name: string;
  communes: CommuneDef[];
}

export interface ProvinceDef {
  code: string;
  typeLabel: string;
  name: string;
  /** Old shape: communes under districts. */
  districts: DistrictDef[];
  /** New shape (since 2025-07-01): communes directly under the province. */
  communes: CommuneDef[];
  /**
   * First day of its communes (and of the records about them). The province itself
   * predates the reform: Lai Châu kept its territory, so it has no start date.
   */
  communesFrom: string | null;
}

function communes(rows: [string, string, string][]): CommuneDef[] {
  return rows.map(([code, typeLabel, name]) => ({ code, typeLabel, name }));
}

export const VINH_PHUC: ProvinceDef = {
  code: "26",
  typeLabel: "Tỉnh",
  name: "Vĩnh Phúc",
  communesFrom: null,
  communes: [],
  districts: [
    {
      code: "246",
      typeLabel: "Huyện",
      name: "Lập Thạch",
      communes: communes([
        ["08761", "Thị trấn", "Lập Thạch"],
        ["08764", "Xã", "Quang Sơn"],
        ["08767", "Xã", "Ngọc Mỹ"],
        ["08770", "Xã", "Hợp Lý"],
        ["08785", "Xã", "Bắc Bình"],
        ["08788", "Xã", "Thái Hòa"],
        ["08789", "Thị trấn", "Hoa Sơn"],
        ["08791", "Xã", "Liễn Sơn"],
        ["08794", "Xã", "Xuân Hòa"],
        ["08797", "Xã", "Vân Trục"],
        ["08812", "Xã", "Liên Hòa"],
        ["08815", "Xã", "Tử Du"],
        ["08833", "Xã", "Bàn Giản"],
        ["08836", "Xã", "Xuân Lôi"],
        ["08839", "Xã", "Đồng Ích"],
        ["08842", "Xã", "Tiên Lữ"],
        ["08845", "Xã", "Văn Quán"],
        ["08863", "Xã", "Tây Sơn"],
        ["08866", "Xã", "Sơn Đông"],
      ]),
    },
    {
      code: "252",
      typeLabel: "Huyện",
      name: "Vĩnh Tường",
      communes: communes([
        ["09076", "Thị trấn", "Vĩnh Tường"],
        ["09079", "Xã", "Kim Xá"],
        ["09082", "Xã", "Yên Bình"],
        ["09085", "Xã", "Chấn Hưng"],
        ["09088", "Xã", "Nghĩa Hưng"],
        ["09091", "Xã", "Yên Lập"],
        ["09097", "Xã", "Sao Đại Việt"],
        ["09100", "Xã", "Đại Đồng"],
        ["09106", "Xã", "Lũng Hoà"],
        ["09112", "Thị trấn", "Thổ Tang"],
        ["09118", "Xã", "Lương Điền"],
        ["09124", "Xã", "Tân Phú"],
        ["09127", "Xã", "Thượng Trưng"],
        ["09130", "Xã", "Vũ Di"],
        ["09136", "Xã", "Tuân Chính"],
        ["09145", "Thị trấn", "Tứ Trưng"],
        ["09148", "Xã", "Ngũ Kiên"],
        ["09151", "Xã", "An Nhân"],
        ["09154", "Xã", "Vĩnh Thịnh"],
        ["09157", "Xã", "Vĩnh Phú"],
      ]),
    },
  ],
};

/** Day the two-tier local government took effect. */
export const REFORM_DATE = "2025-07-01";

export const LAI_CHAU: ProvinceDef = {
  code: "12",
  typeLabel: "Tỉnh",
  name: "Lai Châu",
  communesFrom: REFORM_DATE,
  districts: [],
  communes: communes([
    ["03388", "Phường", "Đoàn Kết"],
    ["03390", "Xã", "Bình Lư"],
    ["03408", "Phường", "Tân Phong"],
    ["03445", "Xã", "Mường Tè"],
    ["03478", "Xã", "Sìn Hồ"],
    ["03549", "Xã", "Phong Thổ"],
    ["03595", "Xã", "Than Uyên"],
    ["03598", "Xã", "Tân Uyên"],
  ]),
};

/** The commune whose secretary has a demo account; it gets hand-picked features. */
export const SHOWCASE_COMMUNE_CODE = "08761";

/** Names of villages (thôn) of the Red River delta midlands. */
export const THON_NAMES = [
  "Đình", "Phú Thọ", "Đồng Lạc", "Gia Hòa", "Văn Trưng", "Xuân Lai", "Thượng", "Hạ", "Trung", "Đông",
  "Tây", "Nam", "Bắc", "Đồng Giàm", "Phú Hậu", "Cẩm Vân", "Tiên Lữ", "Vĩnh Ninh", "Thống Nhất", "Đồng Măng",
  "Yên Trung", "Đồng Mới", "Phù Liễn", "Phú Ninh", "Khu Đình", "Thanh Lanh", "Cầu Tiếc", "Đồng Chằm",
  "Quang Hòa", "Làng Trại", "Bản Giản", "Tân Lập", "Văn Lãm", "Đồng Thịnh", "Hòa Bình", "Đông Mai",
  "Đạo Tú", "Hữu Phúc", "Phượng Lâu", "Xuân Mai", "Bảo Ninh", "Yên Thượng", "Bình Sơn", "Đồng Quế",
  "Đồng Thanh", "Lũng Ngoại", "Lũng Hạ", "Cao Phong", "Đoài", "Chùa", "Đồng Tâm", "An Lão", "Kiền Sơn",
  "Phù Lập", "Bạch Lưu", "Hải Lựu", "Đồng Bùa", "Cốc Lương", "Lai Sơn", "Nhân Lý",
] as const;

/** Names of residential groups (tổ dân phố) of a district town. */
export const TO_DAN_PHO_NAMES = [
  "Đoàn Kết", "Thống Nhất", "Quang Trung", "Nguyễn Trãi", "Tân Lập", "Phú Lâm", "Tiền Phong", "Hòa Bình",
  "Quyết Tiến", "Thanh Xuân", "Bầu", "Gia Hòa", "Phố Mới", "Đình Ấm", "Thị Tứ", "Bảo Lâm", "Hưng Đạo",
  "Lê Lợi", "Trần Phú", "Hùng Vương", "Kim Ngọc", "Chợ Cũ",
] as const;

/** Names of hamlets (bản) of Lai Châu's uplands. */
export const BAN_NAMES = [
  "Nà Tăm", "Hua Pầu", "Phiêng Lúc", "Na Cóc", "Nà Ít", "Hô Bon", "Na Hiêng", "Phiêng Tiên", "Tà Pạ",
  "Phiêng Phát", "Nà Khum", "Noong Ỏ", "Cốc Phát", "Hua Cuổi", "Nà Sài", "Nà Đon", "Pá Khoang", "Sin Câu",
  "Lả Sử", "Huổi Ke", "Nậm Củm", "Phìn Hồ", "Mường Cang", "Nà Bó", "Hua Nà", "Pa Pó", "Sì Thâu Chải",
  "Chu Va", "Tả Chải", "Ho Be",
] as const;
