import { z } from "zod";
import { confirmField, idField, isoDateField } from "../forms/fields";
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
