import { z } from "zod";
import { checkboxField, confirmField, idField, isoDateField, versionField } from "../forms/fields";

/**
 * The type labels a village-level unit may carry: the common ones, then those of the ethnic areas
 * (buôn and bon in the Central Highlands, plei of the Gia Rai and Ba Na, sóc and phum of the Khmer,
 * khóm and ấp in the South).
 */
export const VILLAGE_TYPE_LABELS = ["Thôn", "Bản", "Làng", "Tổ dân phố", "Khu phố", "Xóm", "Ấp", "Buôn", "Bon", "Plei", "Sóc", "Phum", "Khóm"] as const;
export type VillageTypeLabel = (typeof VILLAGE_TYPE_LABELS)[number];

/** NFC, trimmed, inner spaces collapsed. */
export function normaliseUnitName(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

const id = idField();
const version = versionField;
const typeLabel = z.enum(VILLAGE_TYPE_LABELS, { error: "Vui lòng chọn loại đơn vị." });
const name = z
  .string({ error: "Vui lòng nhập tên." })
  .transform(normaliseUnitName)
  .pipe(z.string().min(1, { error: "Vui lòng nhập tên." }).max(100, { error: "Tên không được dài quá 100 ký tự." }));
const checkbox = checkboxField;
const isoDate = isoDateField();

export const createVillageSchema = z.object({ communeId: id, typeLabel, name, withTeam: checkbox });
export const renameVillageSchema = z.object({ villageId: id, version, typeLabel, name });
export const closeVillageSchema = z.object({ villageId: id, version, closedOn: isoDate });

/** The form adds a ticked "I confirm" box: closing cannot be undone. */
export const closeVillageFormSchema = closeVillageSchema.extend({
  confirm: confirmField,
});

export const moveVillageSchema = z.object({ villageId: id, version, targetCommuneId: idField("Vui lòng chọn xã, phường mới.") });

/** The form adds a ticked "I confirm" box. */
export const moveVillageFormSchema = moveVillageSchema.extend({
  confirm: confirmField,
});

export type CreateVillageInput = z.output<typeof createVillageSchema>;
export type RenameVillageInput = z.output<typeof renameVillageSchema>;
export type CloseVillageInput = z.output<typeof closeVillageSchema>;
export type MoveVillageInput = z.output<typeof moveVillageSchema>;
