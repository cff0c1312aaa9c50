"use server";
import { z } from "zod";
import { defineAction, type ActionState } from "../../actions/define-action";
import { confirmField, idField } from "../../forms/fields";
import { DUTIES } from "../roles";
import { confirmEnrolment, resetTwoFactor, setTwoFactorRequired } from "./store";

const confirmSchema = z.object({
  enrolment: z.string().min(1).max(2000),
  code: z.string().trim().min(1).max(40),
});

const confirm = defineAction({
  schema: confirmSchema,
  permission: "profile:update:own",
  // The one thing a user whose duties require a second factor may do before setting it up.
  allowWhileTwoFactorEnrolmentRequired: true,
  run: async ({ input, actor }) => {
    // A refusal is data here, not an ActionError: the page words each of its three reasons.
    const result = await confirmEnrolment(actor.userId, input.enrolment, input.code);
    return result.ok ? { recoveryCodes: result.recoveryCodes, refused: null } : { recoveryCodes: [], refused: result.error };
  },
  // Nothing revalidated: the page draws a new secret on each render, and a re-render would swap the
  // QR code being scanned, or (once on) drop the recovery codes shown this once.
});

const reset = defineAction({
  schema: z.object({ userId: idField(), confirm: confirmField }),
  permission: "user:manage:subtree",
  run: ({ input, actor }) => resetTwoFactor(actor, input.userId),
  revalidate: ({ data }) => [`/admin/users/${data.id}`],
});

/** The ticked duties arrive as repeated `required` fields (none ticked: no field at all). */
const policy = defineAction({
  schema: z.object({ required: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(DUTIES)).max(DUTIES.length)) }),
  permission: "security-policy:manage:national",
  run: async ({ input, actor }) => {
    await setTwoFactorRequired(actor, input.required);
    return { required: input.required };
  },
  revalidate: () => ["/admin/two-factor"],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function confirmTwoFactorAction(prev: ActionState<Data<typeof confirm>>, formData: FormData) {
  return confirm(prev, formData);
}

export async function resetTwoFactorAction(prev: ActionState<Data<typeof reset>>, formData: FormData) {
  return reset(prev, formData);
}

export async function setTwoFactorPolicyAction(prev: ActionState<Data<typeof policy>>, formData: FormData) {
  return policy(prev, formData);
}
