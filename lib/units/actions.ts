"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { closeVillageFormSchema, createVillageSchema, moveVillageFormSchema, renameVillageSchema } from "./schemas";
import { closeVillage, createVillage, moveVillage, renameVillage } from "./villages";

const create = defineAction({
  schema: createVillageSchema,
  permission: "village:manage:subtree",
  run: ({ input, actor }) => createVillage(actor, input),
  revalidate: ({ data }) => [`/units/${data.parentId}`, `/units/${data.id}`],
});

const rename = defineAction({
  schema: renameVillageSchema,
  permission: "village:manage:subtree",
  run: ({ input, actor }) => renameVillage(actor, input),
  revalidate: ({ data }) => [`/units/${data.parentId}`, `/units/${data.id}`],
});

const close = defineAction({
  schema: closeVillageFormSchema,
  permission: "village:manage:subtree",
  run: ({ input, actor }) => closeVillage(actor, input),
  revalidate: ({ data }) => [`/units/${data.parentId}`, `/units/${data.id}`],
});

const move = defineAction({
  schema: moveVillageFormSchema,
  permission: "village:manage:subtree",
  run: ({ input, actor }) => moveVillage(actor, input),
  revalidate: ({ data }) => [`/units/${data.fromId}`, `/units/${data.parentId}`, `/units/${data.id}`],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function createVillageAction(prev: ActionState<Data<typeof create>>, formData: FormData) {
  return create(prev, formData);
}

export async function renameVillageAction(prev: ActionState<Data<typeof rename>>, formData: FormData) {
  return rename(prev, formData);
}

export async function closeVillageAction(prev: ActionState<Data<typeof close>>, formData: FormData) {
  return close(prev, formData);
}

export async function moveVillageAction(prev: ActionState<Data<typeof move>>, formData: FormData) {
  return move(prev, formData);
}
