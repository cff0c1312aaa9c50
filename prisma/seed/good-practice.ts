/**
 * The demo's "Dân vận khéo" models (decision 076): two in each of the first twenty communes of each province that stand today (one of the
 * commune, one of one of its villages), in every state of the life cycle, registered over the last eighteen
 * months, the replicated ones adopted by a village next to theirs. Dates never after the seed's last day.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { GoodPracticeField, GoodPracticeStatus, RecognitionLevel } from "../../lib/generated/prisma/enums";
import { toSearchText } from "../../lib/text/search";
import { addDaysUtc } from "../../lib/time";
import type { SeedContext } from "./context";
import type { Users } from "./reference";

/** Communes with models, in each province. */
const COMMUNES = 20;

export const TITLES: Record<GoodPracticeField, string[]> = {
  ECONOMY: ["Hỗ trợ hộ nghèo phát triển chăn nuôi bò sinh sản", "Tổ hợp tác trồng chè an toàn", "Dân vận khéo trong dồn điền đổi thửa"],
  CULTURE_SOCIETY: ["Tủ sách pháp luật tại nhà văn hóa thôn", "Xóm trọ văn minh", "Nói không với tảo hôn trong đồng bào dân tộc thiểu số"],
  DEFENCE_SECURITY: ["Camera an ninh tự quản", "Tổ liên gia an toàn phòng cháy chữa cháy", "Thôn không có tội phạm và tệ nạn xã hội"],
  PARTY_GOVERNMENT: ["Bí thư chi bộ gần dân, sát dân", "Đảng viên nhận đỡ đầu hộ khó khăn", "Tiếp dân cuối tuần của Bí thư Đảng ủy"],
  OTHER: ["Ngày Chủ nhật xanh", "Con đường hoa nông thôn mới", "Thắp sáng đường quê"],
};
const FIELDS = Object.keys(TITLES) as GoodPracticeField[];
const STATUSES: GoodPracticeStatus[] = ["REGISTERED", "BUILDING", "ASSESSED", "RECOGNISED", "REPLICATED", "RECOGNISED", "ASSESSED", "REPLICATED"];
const PEOPLE = ["Nguyễn Văn Hùng, Phó Bí thư thường trực", "Trần Thị Lan, Chủ tịch Hội Phụ nữ", "Hoàng Văn Sơn, Bí thư chi bộ", "Lò Thị Mai, Trưởng thôn"];

export async function seedGoodPractice(db: PrismaClient, ctx: SeedContext, users: Users): Promise<{ total: number; byStatus: Record<string, number>; replications: number }> {
  const authorId = users.byUsername.get("admin");
  const byStatus: Record<string, number> = {};
  if (!authorId) return { total: 0, byStatus, replications: 0 };
  const lastDay = new Date(`${ctx.lastDay}T00:00:00Z`);
  // The first communes of each province that stands today, so that every province's reports show some.
  const provinces = await db.unit.findMany({ where: { level: "PROVINCE", validTo: null }, select: { id: true }, orderBy: { id: "asc" } });
  const communes = (
    await Promise.all(
      provinces.map((p) =>
        db.unit.findMany({
          where: { level: "COMMUNE", validTo: null, ancestorIds: { has: p.id } },
          select: { id: true, ancestorIds: true, children: { where: { level: "VILLAGE", validTo: null }, select: { id: true }, orderBy: { id: "asc" } } },
          orderBy: { id: "asc" },
          take: COMMUNES,
        }),
      ),
    )
  ).flat();
  const districtOf = new Set((await db.unit.findMany({ where: { level: "DISTRICT", validTo: null }, select: { id: true } })).map((u) => u.id));
  let n = 0;
  let replications = 0;
  for (const commune of communes) {
    const places = [commune.id, ...(commune.children.length ? [commune.children[n % commune.children.length].id] : [])];
    for (const unitId of places) {
      const status = STATUSES[n % STATUSES.length];
      const field = FIELDS[n % FIELDS.length];
      const title = TITLES[field][n % 3];
      const inCharge = PEOPLE[n % PEOPLE.length];
      // Registered between eighteen months and five weeks ago; each step some weeks after the one before.
      const registeredOn = addDaysUtc(lastDay, -(35 + ((n * 37) % 500)));
      const after = (from: Date, days: number) => new Date(Math.min(addDaysUtc(from, days).getTime(), lastDay.getTime()));
      const buildingOn = status === "REGISTERED" ? null : after(registeredOn, 10);
      const assessed = status === "ASSESSED" || status === "RECOGNISED" || status === "REPLICATED";
      const assessedOn = assessed ? after(buildingOn!, 7 + (n % 20)) : null;
      const recognised = status === "RECOGNISED" || status === "REPLICATED";
      const hasDistrict = commune.ancestorIds.some((id) => districtOf.has(id));
      const level: RecognitionLevel = n % 5 === 4 ? (hasDistrict ? "DISTRICT" : "PROVINCE") : n % 7 === 6 ? "PROVINCE" : "COMMUNE";
      const recognisedOn = recognised ? after(assessedOn!, 5 + (n % 9)) : null;
      const model = await db.goodPracticeModel.create({
        data: {
          unitId,
          field,
          year: registeredOn.getUTCFullYear(),
          title,
          description: `Mô hình "${title}" do cả hệ thống chính trị cùng Nhân dân thực hiện: họp dân bàn cách làm, phân công đảng viên phụ trách từng nhóm hộ, sơ kết hằng quý.`,
          inCharge,
          searchText: toSearchText(`${title} ${inCharge}`),
          status,
          registeredOn,
          buildingOn,
          assessedOn,
          assessmentScore: assessed ? 70 + (n % 28) : null,
          assessmentNote: assessed ? "Mô hình được Nhân dân đồng tình, cách làm phù hợp, có thể nhân rộng." : null,
          // The assessed ones that stopped there: one in two was found not yet effective.
          effective: assessed ? recognised || n % 2 === 0 : null,
          recognisedOn,
          recognitionLevel: recognised ? level : null,
          recognisedByUnitId: recognised ? (level === "COMMUNE" ? commune.id : commune.ancestorIds[1] ?? commune.id) : null,
          createdById: authorId,
          version: status === "REGISTERED" ? 0 : 1,
        },
        select: { id: true },
      });
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      // Every fourth model keeps its evidence: the acceptance record.
      if (n % 4 === 0) {
        const content = new TextEncoder().encode(`%PDF-1.4\n% Biên bản nghiệm thu mô hình ${n + 1}\n%%EOF\n`);
        await db.attachment.create({
          data: { goodPracticeModelId: model.id, fileName: "bien-ban-nghiem-thu.pdf", mimeType: "application/pdf", size: content.length, sha256: createHash("sha256").update(content).digest("hex"), content, uploadedById: authorId },
        });
      }
      if (status === "REPLICATED") {
        const adopters = commune.children.map((c) => c.id).filter((id) => id !== unitId).slice(0, 2);
        for (const [i, adopter] of adopters.entries()) {
          await db.goodPracticeReplication.create({ data: { modelId: model.id, unitId: adopter, adoptedOn: after(recognisedOn!, 20 + i * 15), createdById: authorId } });
          replications++;
        }
      }
      n++;
    }
  }
  return { total: n, byStatus, replications };
}
