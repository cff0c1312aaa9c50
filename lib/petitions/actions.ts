"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../actions/define-action";
import { createPetition } from "./intake";
import { editSchema, intakeSchema, stepSchema } from "./schemas";
import { editPetition, takeStep } from "./steps";

const intake = defineAction({
  schema: intakeSchema,
  permission: "petition:create:subtree",
  run: ({ input, actor }) => createPetition(actor, input),
  revalidate: () => ["/petitions"],
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

/** On success the browser goes to the new petition's page (with or without JavaScript). */
export async function createPetitionAction(prev: ActionState<Data<typeof intake>>, formData: FormData) {
  const result = await intake(prev, formData);
  if (result.ok) redirect(`/petitions/${result.data.id}?${result.data.created ? "created" : "resubmitted"}=1`);
  return result;
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
