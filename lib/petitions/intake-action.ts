/**
 * Taking in a petition as an action definition: the intake form's server action (./actions.ts) and
 * the field app's queued forms (lib/field/send.ts, decision 071) run this one chain. A village picked
 * is entered as it is; text typed instead is looked up first (./place.ts): one village found, the
 * petition is entered there; otherwise nothing is entered and the matches go back to the form.
 */
import type { ActionDefinition } from "../actions/result";
import { createPetition } from "./intake";
import { resolveIntakePlace, type IntakePlace } from "./place";
import { intakeFormSchema } from "./schemas";

export type IntakeOutcome = Awaited<ReturnType<typeof createPetition>> | { place: Exclude<IntakePlace, { unitId: number }> };

export const intakeDefinition: ActionDefinition<typeof intakeFormSchema, IntakeOutcome> = {
  schema: intakeFormSchema,
  permission: "petition:create:subtree",
  run: async ({ input: { unitId, unitIdText, ...input }, actor }) => {
    const place = unitId === undefined ? await resolveIntakePlace(actor, unitIdText ?? "") : { unitId };
    if (!("unitId" in place)) return { place };
    return createPetition(actor, { ...input, unitId: place.unitId });
  },
  revalidate: ({ data }) => ("place" in data ? [] : ["/petitions"]),
};

/** The message of text typed for the place that named no single village (the form lists `matches`). */
export function placeMessage(text: string, found: boolean): string {
  return found
    ? `Có nhiều thôn, tổ dân phố khớp với “${text}”: chọn một trong danh sách dưới đây, hoặc gõ thêm tên xã sau dấu phẩy (ví dụ: “Đông, Tiên Lữ”).`
    : `Không tìm thấy thôn, tổ dân phố nào khớp với “${text}” trong phạm vi của bạn.`;
}
