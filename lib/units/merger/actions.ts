"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../../actions/define-action";
import { ActionError } from "../../actions/result";
import { placePetition } from "./petitions";
import { placeVillage } from "./placement";
import { MERGER_REFUSALS, previewMerger, recordMerger, type MergerPlan, type MergerRefusal } from "./record";
import { mergerFormSchema, mergerInputOf, placePetitionFormSchema, placeVillageSchema } from "./schemas";

export type MergerOutcome =
  | { status: "preview"; plan: MergerPlan }
  | { status: "recorded"; plan: MergerPlan; successorId: number }
  | { status: "refused"; reason: MergerRefusal | "duplicateCode" };

const record = defineAction({
  schema: mergerFormSchema,
  permission: "reference:manage:national",
  run: async ({ input, actor }): Promise<MergerOutcome> => {
    const merger = mergerInputOf(input);
    try {
      if (input.intent === "preview") return { status: "preview", plan: await previewMerger(actor, merger) };
      const { successorId, ...plan } = await recordMerger(actor, merger);
      return { status: "recorded", plan, successorId };
    } catch (error) {
      // A broken rule is told as such (which rule), not as a generic "invalid state".
      if (error instanceof ActionError && error.code === "INVALID_STATE" && (MERGER_REFUSALS as readonly string[]).includes(error.message)) {
        return { status: "refused", reason: error.message as MergerRefusal };
      }
      if (error instanceof ActionError && error.code === "DUPLICATE") return { status: "refused", reason: "duplicateCode" };
      throw error;
    }
  },
  revalidate: ({ data }) =>
    data.status === "recorded" ? ["/admin", "/admin/units/placement", `/units/${data.successorId}`, ...data.plan.predecessors.map((p) => `/units/${p.id}`)] : [],
});

const place = defineAction({
  schema: placeVillageSchema,
  permission: "unit:manage:subtree",
  run: ({ input, actor }) => placeVillage(actor, input),
  revalidate: ({ data }) => ["/admin", "/admin/units/placement", `/units/${data.fromId}`, `/units/${data.parentId}`, `/units/${data.id}`],
});

const placeOpenPetition = defineAction({
  schema: placePetitionFormSchema,
  permission: "unit:manage:subtree",
  run: ({ input, actor }) => placePetition(actor, input),
  revalidate: ({ data }) => ["/admin", `/petitions/${data.id}`],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function recordMergerAction(prev: ActionState<Data<typeof record>>, formData: FormData) {
  return record(prev, formData);
}

export async function placeVillageAction(prev: ActionState<Data<typeof place>>, formData: FormData) {
  return place(prev, formData);
}

/** On success, back to the list saying which petition went where (its row leaves the list; decision 055). */
export async function placePetitionAction(prev: ActionState<Data<typeof placeOpenPetition>>, formData: FormData) {
  const result = await placeOpenPetition(prev, formData);
  if (result.ok) redirect(`/admin/units/placement?placed=${result.data.id}#petitions-title`);
  return result;
}
