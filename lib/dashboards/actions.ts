"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { setThreshold, thresholdSchema } from "./threshold";

const threshold = defineAction({
  schema: thresholdSchema,
  permission: "report:configure:subtree",
  run: ({ input, actor }) => setThreshold(actor, input),
  revalidate: () => ["/reports"],
});

export async function setThresholdAction(prev: ActionState<{ unitId: number; onTimeRate: number }>, formData: FormData) {
  return threshold(prev, formData);
}
