"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { addMember, endMembership } from "./members";
import { addMemberSchema, endMembershipFormSchema } from "./schemas";

const add = defineAction({
  schema: addMemberSchema,
  permission: "organisation:manage:subtree",
  run: ({ input, actor }) => addMember(actor, input),
  revalidate: ({ data }) => [`/organisations/${data.organisationId}`],
});

const end = defineAction({
  schema: endMembershipFormSchema,
  permission: "organisation:manage:subtree",
  run: ({ input, actor }) => endMembership(actor, input),
  revalidate: ({ data }) => [`/organisations/${data.organisationId}`],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function addMemberAction(prev: ActionState<Data<typeof add>>, formData: FormData) {
  return add(prev, formData);
}

export async function endMembershipAction(prev: ActionState<Data<typeof end>>, formData: FormData) {
  return end(prev, formData);
}
