import { z } from "zod";
import { confirmField, idField, isoDateField, versionField } from "../../forms/fields";
import { normaliseUnitName } from "../schemas";

/** The day the 2025 reform took effect: districts and towns (thị trấn) ended the day before. */
export const REFORM_DATE = new Date("2025-07-01T00:00:00Z");

/** The unit types no unit may take from the reform on (issue 15): a new commune is a xã, a phường or a đặc khu. */
export const TYPES_ENDED_BY_REFORM: readonly string[] = ["Thị trấn"];

/** The unit types a merger may create, by level (as the GSO catalogue spells them). */
export const SUCCESSOR_TYPE_LABELS = {
  PROVINCE: ["Tỉnh", "Thành phố Trung ương"],
  DISTRICT: ["Huyện", "Quận", "Thị xã", "Thành phố"],
  COMMUNE: ["Xã", "Phường", "Thị trấn", "Đặc khu"],
} as const;
export type MergerLevel = keyof typeof SUCCESSOR_TYPE_LABELS;
export const MERGER_LEVELS = Object.keys(SUCCESSOR_TYPE_LABELS) as MergerLevel[];
/** Official code length by level: province 2 digits, district 3, commune 5. */
export const CODE_LENGTH: Record<MergerLevel, number> = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 };

const id = idField();
/** A repeated form field: one value arrives as a string, several as an array. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const optionalText = z.preprocess((v) => (typeof v === "string" ? normaliseUnitName(v) : v), z.string().optional());

/**
 * The merger form: predecessors and their kinds as two parallel repeated fields, the
 * successor either chosen (`successorId`) or made (`newTypeLabel`, `newName`, `newCode`,
 * `newParentId`), and the day the successor takes over.
 */
export const mergerFormSchema = z
  .object({
    predecessorIds: list(id).refine((a) => a.length > 0, { error: "Vui lòng chọn ít nhất một đơn vị cũ." }),
    kinds: list(z.enum(["FULL", "PARTIAL"], { error: "Vui lòng chọn sáp nhập toàn bộ hay một phần." })),
    successorMode: z.enum(["existing", "new"], { error: "Vui lòng chọn đơn vị kế thừa." }),
    successorId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    newTypeLabel: optionalText,
    newName: optionalText.pipe(z.string().max(100, { error: "Tên không được dài quá 100 ký tự." }).optional()),
    newCode: optionalText,
    newParentId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    effectiveOn: isoDateField("Vui lòng chọn ngày hiệu lực."),
    intent: z.enum(["preview", "record"]).default("preview"),
    confirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.predecessorIds).size !== v.predecessorIds.length) ctx.addIssue({ code: "custom", path: ["predecessorIds"], message: "Mỗi đơn vị cũ chỉ chọn một lần." });
    if (v.kinds.length !== v.predecessorIds.length) ctx.addIssue({ code: "custom", path: ["kinds"], message: "Vui lòng chọn sáp nhập toàn bộ hay một phần cho từng đơn vị cũ." });
    if (v.successorMode === "existing" && !v.successorId) ctx.addIssue({ code: "custom", path: ["successorId"], message: "Vui lòng chọn đơn vị kế thừa." });
    if (v.successorMode === "new") {
      if (!v.newTypeLabel) ctx.addIssue({ code: "custom", path: ["newTypeLabel"], message: "Vui lòng chọn loại đơn vị." });
      if (!v.newName) ctx.addIssue({ code: "custom", path: ["newName"], message: "Vui lòng nhập tên." });
      if (!v.newCode || !/^\d{2,5}$/.test(v.newCode)) ctx.addIssue({ code: "custom", path: ["newCode"], message: "Vui lòng nhập mã đơn vị (chữ số)." });
      if (!v.newParentId) ctx.addIssue({ code: "custom", path: ["newParentId"], message: "Vui lòng chọn đơn vị cấp trên." });
    }
    if (v.intent === "record" && v.confirm !== "on") ctx.addIssue({ code: "custom", path: ["confirm"], message: "Vui lòng đánh dấu ô xác nhận." });
  });

export type MergerForm = z.output<typeof mergerFormSchema>;

export interface NewSuccessor {
  typeLabel: string;
  name: string;
  code: string;
  parentId: number;
}

export interface MergerInput {
  predecessors: { id: number; kind: "FULL" | "PARTIAL" }[];
  successor: { id: number } | NewSuccessor;
  effectiveOn: Date;
}

export function mergerInputOf(form: MergerForm): MergerInput {
  return {
    predecessors: form.predecessorIds.map((pid, i) => ({ id: pid, kind: form.kinds[i] })),
    successor:
      form.successorMode === "existing"
        ? { id: form.successorId! }
        : { typeLabel: form.newTypeLabel!, name: form.newName!, code: form.newCode!, parentId: form.newParentId! },
    effectiveOn: form.effectiveOn,
  };
}

export const placeVillageSchema = z.object({
  villageId: id,
  version: versionField,
  targetCommuneId: idField("Vui lòng chọn xã, phường mới."),
});
export type PlaceVillageInput = z.output<typeof placeVillageSchema>;

export const placePetitionSchema = z.object({
  petitionId: id,
  version: versionField,
  targetUnitId: idField("Vui lòng chọn đơn vị mới."),
});
export type PlacePetitionInput = z.output<typeof placePetitionSchema>;
/** The form adds a ticked "I confirm" box. */
export const placePetitionFormSchema = placePetitionSchema.extend({ confirm: confirmField });
