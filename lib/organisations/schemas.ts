import { z } from "zod";
import { confirmField, idField, isoDateField, versionField } from "../forms/fields";
import { AFFILIATIONS, MEMBERSHIP_ROLES } from "./labels";

const id = idField();
const isoDate = isoDateField();

export const addMemberSchema = z.object({
  organisationId: id,
  cadreId: idField("Vui lòng chọn cán bộ."),
  role: z.enum(MEMBERSHIP_ROLES, { error: "Vui lòng chọn vai trò." }),
  representing: z.enum(AFFILIATIONS, { error: "Vui lòng chọn tổ chức đại diện." }),
  termStart: isoDate,
});

export const endMembershipSchema = z.object({ membershipId: id, termEnd: isoDate });

/** The form adds a ticked "I confirm" box. */
export const endMembershipFormSchema = endMembershipSchema.extend({
  confirm: confirmField,
});

export type AddMemberInput = z.output<typeof addMemberSchema>;
export type EndMembershipInput = z.output<typeof endMembershipSchema>;

const kind = z.enum(["BLOC", "TEAM"], { error: "Loại tổ chức không hợp lệ." });

/** Found the bloc of a commune or the team of a village. */
export const createOrganisationSchema = z.object({ unitId: id, kind, establishedOn: isoDateField("Vui lòng chọn ngày thành lập.") });

/** Dissolve: the last day it stands; the form adds a ticked "I confirm" box (it cannot be undone). */
export const dissolveOrganisationSchema = z.object({ organisationId: id, version: versionField, lastDay: isoDateField("Vui lòng chọn ngày cuối cùng hoạt động.") });
export const dissolveOrganisationFormSchema = dissolveOrganisationSchema.extend({ confirm: confirmField });

/** Merge into another of the same kind from a day; the form adds a ticked "I confirm" box. */
export const mergeOrganisationSchema = z.object({
  organisationId: id,
  version: versionField,
  targetId: idField("Vui lòng chọn tổ chức nhận thành viên."),
  effectiveOn: isoDateField("Vui lòng chọn ngày hợp nhất."),
});
export const mergeOrganisationFormSchema = mergeOrganisationSchema.extend({ confirm: confirmField });

export type CreateOrganisationInput = z.output<typeof createOrganisationSchema>;
export type DissolveOrganisationInput = z.output<typeof dissolveOrganisationSchema>;
export type MergeOrganisationInput = z.output<typeof mergeOrganisationSchema>;
