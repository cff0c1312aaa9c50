"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { addEvidence, assessModel, buildModel, recogniseModel, registerModel, replicateModel } from "./mutations";
import { addEvidenceSchema, assessModelSchema, buildModelSchema, recogniseModelSchema, registerModelSchema, replicateModelSchema } from "./schemas";

const pages = (modelId: number) => ["/models", `/models/${modelId}`, "/reports"];
type Done = ActionState<{ modelId: number }>;

const register = defineAction({ schema: registerModelSchema, permission: "good-practice:write:subtree", run: ({ input, actor }) => registerModel(actor, input), revalidate: ({ data }) => pages(data.modelId) });
const build = defineAction({ schema: buildModelSchema, permission: "good-practice:write:subtree", run: ({ input, actor }) => buildModel(actor, input), revalidate: ({ data }) => pages(data.modelId) });
const assess = defineAction({ schema: assessModelSchema, permission: "good-practice:assess:subtree", run: ({ input, actor }) => assessModel(actor, input), revalidate: ({ data }) => pages(data.modelId) });
const recognise = defineAction({ schema: recogniseModelSchema, permission: "good-practice:assess:subtree", run: ({ input, actor }) => recogniseModel(actor, input), revalidate: ({ data }) => pages(data.modelId) });
const replicate = defineAction({ schema: replicateModelSchema, permission: "good-practice:write:subtree", run: ({ input, actor }) => replicateModel(actor, input), revalidate: ({ data }) => pages(data.modelId) });
const evidence = defineAction({ schema: addEvidenceSchema, permission: "good-practice:write:subtree", run: ({ input, actor }) => addEvidence(actor, input), revalidate: ({ data }) => pages(data.modelId) });

export async function registerModelAction(prev: Done, formData: FormData) {
  return register(prev, formData);
}
export async function buildModelAction(prev: Done, formData: FormData) {
  return build(prev, formData);
}
export async function assessModelAction(prev: Done, formData: FormData) {
  return assess(prev, formData);
}
export async function recogniseModelAction(prev: Done, formData: FormData) {
  return recognise(prev, formData);
}
export async function replicateModelAction(prev: Done, formData: FormData) {
  return replicate(prev, formData);
}
export async function addEvidenceAction(prev: Done, formData: FormData) {
  return evidence(prev, formData);
}
