"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../actions/define-action";
import { formDataToObject, textValues, type ActionFailure } from "../actions/result";
import type { Choice } from "../choices/types";
import type { createPetition } from "./intake";
import { intakeDefinition, placeMessage } from "./intake-action";
import { editSchema, stepSchema } from "./schemas";
import { editPetition, takeStep } from "./steps";

const intake = defineAction(intakeDefinition);

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
    return { ok: false, error: "VALIDATION", fieldErrors: { unitId: [placeMessage(text, matches.length > 0)] }, values: textValues(formDataToObject(formData)), places: matches, morePlaces: more };
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
