"use server";
import { z } from "zod";
import { defineAction, type ActionState } from "../actions/define-action";
import { MAX_IMPORT_BYTES } from "./import";
import { addTraining, createCadre, deleteTraining, endCadre, updateCadre } from "./mutations";
import { addTrainingSchema, createCadreSchema, deleteTrainingSchema, endCadreSchema, updateCadreSchema } from "./schemas";
import { importCadres } from "./upload";

const create = defineAction({
  schema: createCadreSchema,
  permission: "cadre:manage:subtree",
  run: ({ input, actor }) => createCadre(actor, input),
  revalidate: () => ["/cadres"],
});

const update = defineAction({
  schema: updateCadreSchema,
  permission: "cadre:manage:subtree",
  run: ({ input, actor }) => updateCadre(actor, input),
  revalidate: ({ data }) => ["/cadres", `/cadres/${data.id}`],
});

const end = defineAction({
  schema: endCadreSchema,
  permission: "cadre:manage:subtree",
  run: ({ input, actor }) => endCadre(actor, input),
  revalidate: ({ data }) => ["/cadres", `/cadres/${data.id}`],
});

const addTrainingRecord = defineAction({
  schema: addTrainingSchema,
  permission: "cadre:manage:subtree",
  run: ({ input, actor }) => addTraining(actor, input),
  revalidate: ({ data }) => [`/cadres/${data.cadreId}`],
});

const deleteTrainingRecord = defineAction({
  schema: deleteTrainingSchema,
  permission: "cadre:manage:subtree",
  run: ({ input, actor }) => deleteTraining(actor, input),
  revalidate: ({ data }) => [`/cadres/${data.cadreId}`],
});

/** The file is a field like any other; its size is refused here before the bytes are read. */
const importSchema = z.object({
  file: z
    .instanceof(File, { message: "Vui lòng chọn tệp Excel (.xlsx)." })
    .refine((f) => !(f.size === 0 && f.name === ""), { message: "Vui lòng chọn tệp Excel (.xlsx)." })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { message: `Tệp quá lớn; giới hạn là ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` }),
});

const upload = defineAction({
  schema: importSchema,
  permission: "cadre:manage:subtree",
  run: async ({ input, actor }) => importCadres(actor, new Uint8Array(await input.file.arrayBuffer()), input.file.name),
  revalidate: ({ data }) => (data.status === "imported" ? ["/cadres"] : []),
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function createCadreAction(prev: ActionState<Data<typeof create>>, formData: FormData) {
  return create(prev, formData);
}

export async function updateCadreAction(prev: ActionState<Data<typeof update>>, formData: FormData) {
  return update(prev, formData);
}

export async function endCadreAction(prev: ActionState<Data<typeof end>>, formData: FormData) {
  return end(prev, formData);
}

export async function addTrainingAction(prev: ActionState<Data<typeof addTrainingRecord>>, formData: FormData) {
  return addTrainingRecord(prev, formData);
}

export async function deleteTrainingAction(prev: ActionState<Data<typeof deleteTrainingRecord>>, formData: FormData) {
  return deleteTrainingRecord(prev, formData);
}

export async function importCadresAction(prev: ActionState<Data<typeof upload>>, formData: FormData) {
  return upload(prev, formData);
}
