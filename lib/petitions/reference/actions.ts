"use server";
import { defineAction, type ActionState } from "../../actions/define-action";
import { createAgency, renameAgency, setAgencyActive, setAgencyEmail } from "./agencies";
import { createPetitionField, setPetitionFieldActive, updatePetitionField } from "./fields";
import { createAgencySchema, createFieldSchema, renameAgencySchema, setAgencyActiveSchema, setAgencyEmailSchema, setFieldActiveSchema, updateFieldSchema } from "./schemas";

const FIELDS = "/admin/fields";
const AGENCIES = "/petitions/agencies";

const createField = defineAction({ schema: createFieldSchema, permission: "reference:manage:national", run: ({ input, actor }) => createPetitionField(actor, input), revalidate: () => [FIELDS] });
const updateField = defineAction({ schema: updateFieldSchema, permission: "reference:manage:national", run: ({ input, actor }) => updatePetitionField(actor, input), revalidate: () => [FIELDS] });
const setFieldActive = defineAction({ schema: setFieldActiveSchema, permission: "reference:manage:national", run: ({ input, actor }) => setPetitionFieldActive(actor, input), revalidate: () => [FIELDS] });
const addAgency = defineAction({ schema: createAgencySchema, permission: "agency:manage:subtree", run: ({ input, actor }) => createAgency(actor, input), revalidate: () => [AGENCIES] });
const renameAgencyAction_ = defineAction({ schema: renameAgencySchema, permission: "agency:manage:subtree", run: ({ input, actor }) => renameAgency(actor, input), revalidate: () => [AGENCIES] });
const setAgencyActive_ = defineAction({ schema: setAgencyActiveSchema, permission: "agency:manage:subtree", run: ({ input, actor }) => setAgencyActive(actor, input), revalidate: () => [AGENCIES] });
const setAgencyEmail_ = defineAction({ schema: setAgencyEmailSchema, permission: "agency:manage:subtree", run: ({ input, actor }) => setAgencyEmail(actor, input), revalidate: () => [AGENCIES] });

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function createFieldAction(prev: ActionState<Data<typeof createField>>, formData: FormData) {
  return createField(prev, formData);
}
export async function updateFieldAction(prev: ActionState<Data<typeof updateField>>, formData: FormData) {
  return updateField(prev, formData);
}
export async function setFieldActiveAction(prev: ActionState<Data<typeof setFieldActive>>, formData: FormData) {
  return setFieldActive(prev, formData);
}
export async function createAgencyAction(prev: ActionState<Data<typeof addAgency>>, formData: FormData) {
  return addAgency(prev, formData);
}
export async function renameAgencyAction(prev: ActionState<Data<typeof renameAgencyAction_>>, formData: FormData) {
  return renameAgencyAction_(prev, formData);
}
export async function setAgencyActiveAction(prev: ActionState<Data<typeof setAgencyActive_>>, formData: FormData) {
  return setAgencyActive_(prev, formData);
}
export async function setAgencyEmailAction(prev: ActionState<Data<typeof setAgencyEmail_>>, formData: FormData) {
  return setAgencyEmail_(prev, formData);
}
