"use server";
import { z } from "zod";
import { defineAction, type ActionState } from "../actions/define-action";
import { idField } from "../forms/fields";
import { issueLookupNumber } from "./receipt";

/** Whoever may enter petitions prints their receipts, and so issues the number of one without a phone. */
const issue = defineAction({
  schema: z.object({ petitionId: idField() }),
  permission: "petition:create:subtree",
  run: ({ input, actor }) => issueLookupNumber(actor, input.petitionId),
});

export type IssueLookupNumberState = ActionState<Awaited<ReturnType<typeof issueLookupNumber>>>;

export async function issueLookupNumberAction(prev: IssueLookupNumberState, formData: FormData): Promise<IssueLookupNumberState> {
  return issue(prev, formData);
}
