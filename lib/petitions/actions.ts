"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../actions/define-action";
import { formDataToObject, textValues, type ActionFailure } from "../actions/result";
import type { Choice } from "../choices/types";
import { createPetition } from "./intake";
import { resolveIntakePlace } from "./place";
import { editSchema, intakeFormSchema, stepSchema } from "./schemas";
import { editPetition, takeStep } from "./steps";

/**
 * A village picked is entered as it is; text typed instead is looked up first (./place.ts): one village
 * found, the petition is entered there; otherwise nothing is entered and the matches go back to the form.
 */
const intake = defineAction({
  schema: intakeFormSchema,
  permission: "petition:create:subtree",
  run: async ({ input: { unitId, unitIdText, ...input }, actor }) => {
    const place = unitId === undefined ? await resolveIntakePlace(actor, unitIdText ?? "") : { unitId };
    if (!("unitId" in place)) return { place };
    return createPetition(actor, { ...input, unitId: place.unitId });
  },
  revalidate: ({ data }) => ("place" in data ? [] : ["/petitions"]),
});

/**
 * The chain asks for the least any step needs (a comment); which step from which status, and the
 * permission each step needs (petition:update:subtree to handle), is the workflow table's call
 * (./workflow.ts), checked in the mutation.
 */
const step = defineAction({
  schema: stepSchema,
  permission: "petition:comment:subtree",
  run: ({ input, actor }) => takeStep(actor, input),
  revalidate: ({ data }) => [`/petitions/${data.petitionId}`, "/petitions"],
});

/** A correction needs petition:update:subtree, or the creator's petition:create:subtree (./workflow.ts). */
const edit = defineAction({
  schema: editSchema,
  permission: "petition:create:subtree",
  run: ({ input, actor }) => editPetition(actor, input),
  revalidate: ({ data }) => [`/petitions/${data.petitionId}`, "/petitions"],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

/** Text typed for the place matched no village, or several: the form offers `places` to choose from. */
export type IntakePlaceFailure = ActionFailure & { places: Choice[]; morePlaces: boolean };
export type IntakeState = ActionState<Awaited<ReturnType<typeof createPetition>>> | IntakePlaceFailure;

/**
 * On success the browser goes to the new petition's page (with or without JavaScript). Text typed for the
 * place that named no single village comes back as a field error with the villages it matched.
 */
export async function createPetitionAction(_prev: IntakeState, formData: FormData): Promise<IntakeState> {
  const result = await intake(null, formData);
  if (!result.ok) return result;
  if ("place" in result.data) {
    const { text, matches, more } = result.data.place;
    const message = matches.length
      ? `Có nhiều thôn, tổ dân phố khớp với “${text}”: chọn một trong danh sách dưới đây, hoặc gõ thêm tên xã sau dấu phẩy (ví dụ: “Đông, Tiên Lữ”).`
      : `Không tìm thấy thôn, tổ dân phố nào khớp với “${text}” trong phạm vi của bạn.`;
    return { ok: false, error: "VALIDATION", fieldErrors: { unitId: [message] }, values: textValues(formDataToObject(formData)), places: matches, morePlaces: more };
  }
  redirect(`/petitions/${result.data.id}?${result.data.created ? "created" : "resubmitted"}=1`);
}

export async function petitionStepAction(prev: ActionState<Data<typeof step>>, formData: FormData) {
  return step(prev, formData);
}

/** A correction saved: back to the petition's page (with or without JavaScript). */
export async function editPetitionAction(prev: ActionState<Data<typeof edit>>, formData: FormData) {
  const result = await edit(prev, formData);
  if (result.ok) redirect(`/petitions/${result.data.petitionId}?edited=1`);
  return result;
}
