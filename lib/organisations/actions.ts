"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { ActionError } from "../actions/result";
import { createOrganisation, dissolveOrganisation, LIFECYCLE_REFUSALS, mergeOrganisation, type LifecycleRefusal } from "./lifecycle";
import { addMember, endMembership } from "./members";
import { addMemberSchema, createOrganisationSchema, dissolveOrganisationFormSchema, endMembershipFormSchema, mergeOrganisationFormSchema } from "./schemas";

/** A founding, dissolution or merger: done, or refused by a named rule (the form says which). */
export type LifecycleOutcome<T> = ({ status: "done" } & T) | { status: "refused"; reason: LifecycleRefusal | "duplicate" };

async function told<T>(run: () => Promise<T>): Promise<LifecycleOutcome<T>> {
  try {
    return { status: "done", ...(await run()) };
  } catch (error) {
    if (error instanceof ActionError && error.code === "INVALID_STATE" && (LIFECYCLE_REFUSALS as readonly string[]).includes(error.message)) {
      return { status: "refused", reason: error.message as LifecycleRefusal };
    }
    if (error instanceof ActionError && error.code === "DUPLICATE") return { status: "refused", reason: "duplicate" };
    throw error;
  }
}

const done = <T>(data: LifecycleOutcome<T>): data is { status: "done" } & T => data.status === "done";

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

const create = defineAction({
  schema: createOrganisationSchema,
  permission: "organisation:manage:subtree",
  run: ({ input, actor }) => told(() => createOrganisation(actor, input)),
  revalidate: ({ data }) => (done(data) ? [`/units/${data.unitId}`, `/organisations/${data.id}`] : []),
});

const dissolve = defineAction({
  schema: dissolveOrganisationFormSchema,
  permission: "organisation:manage:subtree",
  run: ({ input, actor }) => told(() => dissolveOrganisation(actor, input)),
  revalidate: ({ data }) => (done(data) ? [`/units/${data.unitId}`, `/organisations/${data.id}`] : []),
});

const merge = defineAction({
  schema: mergeOrganisationFormSchema,
  permission: "organisation:manage:subtree",
  run: ({ input, actor }) => told(() => mergeOrganisation(actor, input)),
  revalidate: ({ data }) =>
    done(data) ? [`/units/${data.unitId}`, `/units/${data.targetUnitId}`, `/organisations/${data.id}`, `/organisations/${data.targetId}`] : [],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function addMemberAction(prev: ActionState<Data<typeof add>>, formData: FormData) {
  return add(prev, formData);
}

export async function endMembershipAction(prev: ActionState<Data<typeof end>>, formData: FormData) {
  return end(prev, formData);
}

export async function createOrganisationAction(prev: ActionState<Data<typeof create>>, formData: FormData) {
  return create(prev, formData);
}

export async function dissolveOrganisationAction(prev: ActionState<Data<typeof dissolve>>, formData: FormData) {
  return dissolve(prev, formData);
}

export async function mergeOrganisationAction(prev: ActionState<Data<typeof merge>>, formData: FormData) {
  return merge(prev, formData);
}
