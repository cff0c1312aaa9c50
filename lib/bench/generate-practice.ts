/**
 * The bench's "Dân vận khéo" models (decision 076) at national scale: one for about every fifteen villages and
 * communes, registered by villages, communes, districts and provinces over the last 30 months, each carried
 * along the life cycle (lib/good-practice/workflow.ts) as far as its age allows: built some weeks after it is
 * registered, assessed months later (found effective or not), recognised at a level at or above its unit's
 * (by the unit at that level), then adopted by neighbouring villages or communes. Every date is a past day,
 * each step's after the one before; `version` counts the steps taken, as the mutations increment it.
 */
import type { GoodPracticeField, GoodPracticeStatus, RecognitionLevel, UnitLevel } from "../generated/prisma/enums";
import { GOOD_PRACTICE_FIELDS } from "../good-practice/workflow";
import { toSearchText } from "../text/search";
import { addDaysUtc, isoDay } from "../time";
import { personName, type Region } from "../../prisma/seed/names";
import { TITLES } from "../../prisma/seed/good-practice";
import type { Random } from "../../prisma/seed/random";
import type { CopyValue } from "./copy";

/** A standing unit, as read from the bench database. */
export interface ExtrasUnit {
  id: number;
  level: UnitLevel;
  parentId: number | null;
  ancestorIds: number[];
  typeLabel: string;
  name: string;
}

export const MODEL_COLUMNS = [
  "id", "unitId", "field", "year", "title", "description", "inCharge", "searchText", "status", "registeredOn", "buildingOn", "assessedOn",
  "assessmentScore", "assessmentNote", "effective", "recognisedOn", "recognitionLevel", "recognisedByUnitId", "createdById", "createdAt", "updatedAt", "version",
];
export const REPLICATION_COLUMNS = ["id", "modelId", "unitId", "adoptedOn", "createdById", "createdAt"];

/** More titles than the demo's three a field: models of the same name are common, but not only a few. */
const MORE_TITLES: Record<GoodPracticeField, string[]> = {
  ECONOMY: ["Liên kết sản xuất lúa hữu cơ", "Hỗ trợ đồng bào trồng quế, hồi theo chuỗi giá trị", "Phụ nữ giúp nhau phát triển kinh tế gia đình"],
  CULTURE_SOCIETY: ["Dòng họ khuyến học", "Bữa cơm có thịt cho học sinh bán trú", "Xây dựng nếp sống văn minh trong việc cưới, việc tang"],
  DEFENCE_SECURITY: ["Tổ tự quản an ninh trật tự khu dân cư", "Cảm hóa, giúp đỡ người lầm lỗi tái hòa nhập cộng đồng", "Zalo an ninh trật tự thôn"],
  PARTY_GOVERNMENT: ["Đảng viên gương mẫu nơi cư trú", "Đối thoại trực tiếp giữa người đứng đầu cấp ủy với Nhân dân", "Chi bộ sinh hoạt chuyên đề theo nhóm hộ"],
  OTHER: ["Phân loại rác thải tại nguồn", "Nhân dân hiến đất làm đường giao thông nông thôn", "Thu gom bao bì thuốc bảo vệ thực vật trên đồng ruộng"],
};
const TITLE_POOL: Record<GoodPracticeField, string[]> = Object.fromEntries(GOOD_PRACTICE_FIELDS.map((f) => [f, [...TITLES[f], ...MORE_TITLES[f]]])) as Record<GoodPracticeField, string[]>;

const ROLES: Record<"VILLAGE" | "COMMUNE" | "DISTRICT" | "PROVINCE", string[]> = {
  VILLAGE: ["Bí thư chi bộ", "Trưởng thôn", "Trưởng ban công tác Mặt trận", "Chi hội trưởng Phụ nữ", "Chi hội trưởng Nông dân"],
  COMMUNE: ["Phó Bí thư thường trực Đảng ủy", "Chủ tịch Ủy ban Mặt trận Tổ quốc", "Chủ tịch Hội Phụ nữ", "Chủ tịch Hội Nông dân", "Bí thư Đoàn Thanh niên"],
  DISTRICT: ["Trưởng Ban Dân vận Huyện ủy", "Phó Trưởng Ban Dân vận Huyện ủy", "Chủ tịch Hội Nông dân huyện"],
  PROVINCE: ["Trưởng Ban Dân vận Tỉnh ủy", "Phó Trưởng Ban Dân vận Tỉnh ủy"],
};
const NOTES_EFFECTIVE = [
  "Mô hình được Nhân dân đồng tình, cách làm phù hợp, có thể nhân rộng.",
  "Hiệu quả rõ về kinh tế – xã hội; huy động được sức dân, không trông chờ ngân sách.",
  "Cách làm sáng tạo, dễ áp dụng; kết quả được các hộ dân xác nhận.",
];
const NOTES_NOT_YET = ["Kết quả chưa rõ, cần tiếp tục theo dõi thêm một năm.", "Chưa huy động được đông đảo Nhân dân tham gia; đề nghị điều chỉnh cách làm."];

const LEVEL_RANK: Record<UnitLevel, number> = { NATION: 4, PROVINCE: 3, DISTRICT: 2, COMMUNE: 1, VILLAGE: 0 };
const RECOGNITION: [RecognitionLevel, number][] = [["COMMUNE", 60], ["DISTRICT", 30], ["PROVINCE", 10]];
/** ancestorIds index of the unit at each recognition level: nation, province, district, commune. */
const DEPTH: Record<RecognitionLevel, number> = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };

export interface PracticeContext {
  rng: Random;
  /** Yesterday in Vietnam, UTC midnight: no step is dated later. */
  lastDay: Date;
  now: Date;
  /** Registering units, each with its weight of being picked. */
  villages: ExtrasUnit[];
  communes: ExtrasUnit[];
  districts: ExtrasUnit[];
  provinces: ExtrasUnit[];
  /** Standing children by parent id (villages of a commune, communes of a district). */
  childrenOf: Map<number, ExtrasUnit[]>;
  /** The user who enters a unit's records: its district's staff, else the admin. */
  authorOf: (unit: ExtrasUnit) => number;
  regionOf: (unit: ExtrasUnit) => Region;
  firstModelId: number;
  firstReplicationId: number;
}

/** Model rows; each replication row goes to `replications`. */
export function* modelRows(ctx: PracticeContext, count: number, replications: CopyValue[][]): Generator<CopyValue[]> {
  const { rng, lastDay } = ctx;
  const lastTime = lastDay.getTime();
  const clamp = (d: Date) => (d.getTime() > lastTime ? null : d);
  let replicationId = ctx.firstReplicationId - 1;
  for (let n = 0; n < count; n++) {
    const u = rng.next();
    const pool = u < 0.7 ? ctx.villages : u < 0.95 ? ctx.communes : u < 0.99 ? ctx.districts : ctx.provinces;
    const unit = rng.pick(pool.length ? pool : ctx.communes);
    const level = unit.level as keyof typeof ROLES;
    const field = rng.weighted<GoodPracticeField>([["ECONOMY", 30], ["CULTURE_SOCIETY", 25], ["DEFENCE_SECURITY", 20], ["PARTY_GOVERNMENT", 15], ["OTHER", 10]]);
    const title = rng.pick(TITLE_POOL[field]);
    const place = `${unit.typeLabel.toLowerCase()} ${unit.name}`;
    const people = Array.from({ length: rng.int(1, 2) }, () => `${personName(rng, rng.chance(0.45) ? "FEMALE" : "MALE", ctx.regionOf(unit)).fullName}, ${rng.pick(ROLES[level])}`);
    const inCharge = people.join("; ");
    const description =
      `Mô hình "${title}" ở ${place}: cấp ủy lãnh đạo, chính quyền phối hợp, Mặt trận và các đoàn thể vận động Nhân dân cùng làm. ` +
      rng.pick([
        "Họp dân bàn cách làm, phân công đảng viên phụ trách từng nhóm hộ, sơ kết hằng quý.",
        "Công khai kế hoạch và kinh phí tại nhà văn hóa; Nhân dân góp công, góp sức, giám sát thực hiện.",
        "Tổ dân vận đến từng hộ tuyên truyền, nắm tâm tư; người có uy tín trong cộng đồng đi đầu làm gương.",
      ]) +
      ` Mục tiêu năm: ${rng.pick(["100 % hộ dân tham gia", "không còn hộ nghèo đủ điều kiện vươn lên", "giảm một nửa số vụ việc phải hòa giải", "mỗi tuần một buổi ra quân"])}.`;

    // Registered over the last 30 months; each step some weeks or months after the one before, as far as today allows.
    const registeredOn = addDaysUtc(lastDay, -rng.int(0, 910));
    const target = rng.weighted<GoodPracticeStatus>([["REGISTERED", 10], ["BUILDING", 25], ["ASSESSED", 20], ["RECOGNISED", 30], ["REPLICATED", 15]]);
    const reach = ["REGISTERED", "BUILDING", "ASSESSED", "RECOGNISED", "REPLICATED"].indexOf(target);
    const buildingOn = reach >= 1 ? clamp(addDaysUtc(registeredOn, rng.int(7, 45))) : null;
    const assessedOn = reach >= 2 && buildingOn ? clamp(addDaysUtc(buildingOn, rng.int(60, 240))) : null;
    // Only an effective model is recognised; of those assessed that stopped there, one in three is not (yet).
    const effective = assessedOn ? reach >= 3 || rng.chance(0.67) : null;
    const recognisedOn = reach >= 3 && assessedOn && effective ? clamp(addDaysUtc(assessedOn, rng.int(5, 45))) : null;
    const status: GoodPracticeStatus = recognisedOn ? (reach >= 4 ? "REPLICATED" : "RECOGNISED") : assessedOn ? "ASSESSED" : buildingOn ? "BUILDING" : "REGISTERED";

    let recognitionLevel: RecognitionLevel | null = null;
    let recognisedBy: number | null = null;
    if (recognisedOn) {
      const choices = RECOGNITION.filter(([l]) => LEVEL_RANK[l] >= LEVEL_RANK[unit.level]);
      recognitionLevel = rng.weighted(choices);
      recognisedBy = unit.ancestorIds[DEPTH[recognitionLevel]];
    }
    const author = ctx.authorOf(unit);
    const id = ctx.firstModelId + n;
    let adopted = 0;
    if (status === "REPLICATED") {
      // Villages of the same commune adopt a village's model; communes of the district a commune's, a district's or province's.
      const near = unit.level === "VILLAGE" ? ctx.childrenOf.get(unit.parentId!) ?? [] : unit.level === "COMMUNE" ? ctx.childrenOf.get(unit.parentId!) ?? [] : ctx.childrenOf.get(unit.level === "DISTRICT" ? unit.id : rng.pick(ctx.childrenOf.get(unit.id) ?? [unit]).id) ?? [];
      const adopters = rng.sample(near.filter((x) => x.id !== unit.id), rng.int(1, 4));
      let day = recognisedOn!;
      for (const adopter of adopters) {
        const next = clamp(addDaysUtc(day, rng.int(10, 120)));
        if (!next) break;
        day = next;
        replications.push([++replicationId, id, adopter.id, isoDay(day), author, new Date(day.getTime() + 9 * 3_600_000)]);
        adopted++;
      }
    }
    // Recognised and meant to be replicated, but no neighbour has adopted it yet: it stays recognised.
    const finalStatus: GoodPracticeStatus = status === "REPLICATED" && adopted === 0 ? "RECOGNISED" : status;
    const steps = [buildingOn, assessedOn, recognisedOn].filter(Boolean).length + adopted;
    const lastStep = new Date(Math.max(registeredOn.getTime(), buildingOn?.getTime() ?? 0, assessedOn?.getTime() ?? 0, recognisedOn?.getTime() ?? 0) + 10 * 3_600_000);
    const score = assessedOn ? (effective ? rng.int(70, 98) : rng.int(45, 69)) : null;
    yield [
      id, unit.id, field, registeredOn.getUTCFullYear(), title, description, inCharge, toSearchText(`${title} ${inCharge}`), finalStatus, isoDay(registeredOn),
      buildingOn && isoDay(buildingOn), assessedOn && isoDay(assessedOn), score, assessedOn ? rng.pick(effective ? NOTES_EFFECTIVE : NOTES_NOT_YET) : null, effective,
      recognisedOn && isoDay(recognisedOn), recognitionLevel, recognisedBy, author, new Date(registeredOn.getTime() + 9 * 3_600_000), lastStep > ctx.now ? ctx.now : lastStep, steps,
    ];
  }
}
