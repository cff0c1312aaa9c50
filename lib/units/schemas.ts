import { z } from "zod";

/** The type labels a village-level unit may carry. */
export const VILLAGE_TYPE_LABELS = ["Thôn", "Bản", "Làng", "Tổ dân phố", "Khu phố", "Ấp", "Xóm"] as const;
export type VillageTypeLabel = (typeof VILLAGE_TYPE_LABELS)[number];

/** NFC, trimmed, inner spaces collapsed. */
export function normaliseUnitName(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

const id = z.coerce.number({ error: "Mã không hợp lệ." }).int({ error: "Mã không hợp lệ." }).positive({ error: "Mã không hợp lệ." });
const version = z.coerce.number({ error: "Phiên bản không hợp lệ." }).int().min(0, { error: "Phiên bản không hợp lệ." });
const typeLabel = z.enum(VILLAGE_TYPE_LABELS, { error: "Vui lòng chọn loại đơn vị." });
const name = z
  .string({ error: "Vui lòng nhập tên." })
  .transform(normaliseUnitName)
  .pipe(z.string().min(1, { error: "Vui lòng nhập tên." }).max(100, { error: "Tên không được dài quá 100 ký tự." }));
/** A checkbox: present ("on") → true, absent → false. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");
/** "yyyy-mm-dd" (an <input type="date">) → the UTC midnight Prisma uses for @db.Date. */
const isoDate = z
  .string({ error: "Vui lòng chọn ngày." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Vui lòng chọn ngày." })
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), { error: "Ngày không hợp lệ." });

export const createVillageSchema = z.object({ communeId: id, typeLabel, name, withTeam: checkbox });
export const renameVillageSchema = z.object({ villageId: id, version, typeLabel, name });
export const closeVillageSchema = z.object({ villageId: id, version, closedOn: isoDate });

/** The form adds a ticked "I confirm" box: closing cannot be undone. */
export const closeVillageFormSchema = closeVillageSchema.extend({
  confirm: z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." }),
});

export const moveVillageSchema = z.object({ villageId: id, version, targetCommuneId: z.coerce.number({ error: "Vui lòng chọn xã, phường mới." }).int({ error: "Vui lòng chọn xã, phường mới." }).positive({ error: "Vui lòng chọn xã, phường mới." }) });

/** The form adds a ticked "I confirm" box. */
export const moveVillageFormSchema = moveVillageSchema.extend({
  confirm: z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." }),
});

export type CreateVillageInput = z.output<typeof createVillageSchema>;
export type RenameVillageInput = z.output<typeof renameVillageSchema>;
export type CloseVillageInput = z.output<typeof closeVillageSchema>;
export type MoveVillageInput = z.output<typeof moveVillageSchema>;
