/**
 * A periodic report laid out as a Party body's report (Hướng dẫn 36-HD/VPTW, 03/4/2018, of the Party Central
 * Committee's Office; decision 067): the parts the .docx and the print view both draw, worked out once. Pure.
 *
 * Left, top: the superior body and the issuing body, "*", the number and symbol ("Số …-BC/…"); right, top:
 * "ĐẢNG CỘNG SẢN VIỆT NAM" over its rule, then place and date in italics; the kind ("BÁO CÁO") and the gist;
 * the body, its figures as tables; "Nơi nhận" bottom left; the signature block bottom right.
 */
import { FIGURE_TABLES, type Figures } from "./figures";
import { reportPeriodLabel, type ReportPeriod } from "./period";
import { SECTION_KEYS } from "./template";

export interface DocumentUnit {
  level: string;
  typeLabel: string;
  name: string;
  /** The office the report is the work of (lib/units/labels.ts `officeName` on the period's last day). */
  office: string;
}

export interface ReportDocumentInput {
  unit: DocumentUnit;
  /** The unit the report goes to (the level above), with its office. */
  approver: DocumentUnit | null;
  period: ReportPeriod;
  /** The day written under the header: approval, else submission, else today (ISO). */
  day: string;
  narrative: Record<string, string>;
  sectionKeys: readonly string[];
  figures: Figures;
  /** The hotspots of public opinion the report lists (decision 080), their words already written. */
  hotspots?: { place: string; topic: string; severity: string; people: string; actions: string }[];
  /** Labels, from the catalogue: sections, tables, figures. */
  label: (key: string) => string;
  /** A figure's value as written ("1.234", "91,8", "–"). */
  format: (key: string, value: number | null | undefined) => string;
}

export interface ReportDocument {
  superior: string;
  issuer: string;
  number: string;
  party: "ĐẢNG CỘNG SẢN VIỆT NAM";
  placeAndDate: string;
  kind: "BÁO CÁO";
  gist: string;
  sections: { heading: string; paragraphs: string[]; tables: { caption: string; rows: [string, string][] }[]; hotspots: HotspotTable | null }[];
  recipients: string[];
  signature: { capacity: string | null; position: string };
}

/** The hotspots as a table under the situation of public opinion: its header and one row each. */
export interface HotspotTable {
  caption: string;
  header: [string, string, string, string, string];
  rows: [string, string, string, string, string][];
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
const upper = (s: string) => s.toLocaleUpperCase("vi-VN");

/** "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ" → the board and the committee it belongs to. */
function splitBoard(office: string): { board: string; committee: string } | null {
  const m = /^(Ban .+?) ((?:Tỉnh|Thành|Huyện|Quận|Thị|Xã|Phường) ủy .+)$/u.exec(office);
  return m ? { board: m[1], committee: m[2] } : null;
}

/** The symbol after "BC/": the issuing body's initials, as Party bodies abbreviate them ("BTGDVTU", "BDVHU", "ĐU"). */
export function issuerSymbol(office: string): string {
  const parts = splitBoard(office);
  const initials = (s: string) =>
    s
      .split(/\s+/)
      .filter((w) => w !== "và")
      // Without the tone marks ("ủy" → U), as symbols are written; Đ stays Đ.
      .map((w) => w[0].normalize("NFD")[0])
      .join("")
      .toLocaleUpperCase("vi-VN");
  if (parts) return `${initials(parts.board)}${initials(parts.committee.split(" ").slice(0, 2).join(" "))}`;
  if (office.startsWith("Đảng ủy")) return "ĐU";
  if (office.startsWith("Khối dân vận")) return "KDV";
  return initials(office.split(" ").slice(0, 3).join(" "));
}

/** "Lập Thạch, ngày 05 tháng 01 năm 2027": the day with two digits, months 1 and 2 with a leading zero. */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${place}, ngày ${String(d).padStart(2, "0")} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`;
}

export function reportDocument(input: ReportDocumentInput): ReportDocument {
  const { unit, approver } = input;
  const board = splitBoard(unit.office);
  const superior = board ? upper(board.committee) : approver ? `ĐẢNG BỘ ${upper(`${approver.typeLabel} ${approver.name}`)}` : "";
  const issuer = board ? upper(board.board) : upper(unit.office);
  const label = reportPeriodLabel(input.period);
  const sections = input.sectionKeys
    .filter((k) => (SECTION_KEYS as readonly string[]).includes(k))
    .map((key, i) => ({
      heading: `${ROMAN[i]}. ${upper(input.label(`section.${key}`))}`,
      paragraphs: (input.narrative[key] ?? "")
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean),
      // The figures go with the results, as a report's tables.
      tables:
        key === "results"
          ? FIGURE_TABLES.map((t) => ({
              caption: input.label(`table.${t.key}`),
              rows: t.figures.filter((f) => f in input.figures).map((f) => [input.label(`figure.${f}`), input.format(f, input.figures[f])] as [string, string]),
            })).filter((t) => t.rows.length > 0)
          : [],
      // The hotspots go with the situation of public opinion they are part of.
      hotspots:
        key === "situation" && input.hotspots && input.hotspots.length > 0
          ? {
              caption: input.label("hotspot.title"),
              header: [input.label("hotspot.place"), input.label("hotspot.topic"), input.label("hotspot.severity"), input.label("hotspot.people"), input.label("hotspot.actions")] as HotspotTable["header"],
              rows: input.hotspots.map((h) => [h.place, h.topic, h.severity, h.people, h.actions] as HotspotTable["rows"][number]),
            }
          : null,
    }));
  const committee = board ? null : unit.office.startsWith("Đảng ủy") ? "T/M ĐẢNG ỦY" : null;
  const position = board ? "TRƯỞNG BAN" : unit.office.startsWith("Đảng ủy") ? "PHÓ BÍ THƯ" : "TRƯỞNG KHỐI";
  return {
    superior,
    issuer,
    number: `Số      -BC/${issuerSymbol(unit.office)}`,
    party: "ĐẢNG CỘNG SẢN VIỆT NAM",
    placeAndDate: placeAndDate(unit.name, input.day),
    kind: "BÁO CÁO",
    gist: `kết quả công tác dân vận ${label}`.replace(/^./, (c) => upper(c)),
    sections,
    recipients: [...(approver ? [`${approver.office} (để báo cáo),`] : []), "Lưu Văn phòng."],
    signature: { capacity: committee, position },
  };
}
