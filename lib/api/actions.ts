"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { createTokenSchema, revokeTokenFormSchema } from "./schemas";
import { createToken, revokeToken } from "./tokens";

const create = defineAction({
  schema: createTokenSchema,
  permission: "api-token:manage:own",
  run: ({ input, actor }) => createToken(actor, input),
  revalidate: () => ["/profile/tokens"],
});

const revoke = defineAction({
  schema: revokeTokenFormSchema,
  permission: "api-token:manage:own",
  run: ({ input, actor }) => revokeToken(actor, input),
  revalidate: () => ["/profile/tokens"],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function createTokenAction(prev: ActionState<Data<typeof create>>, formData: FormData) {
  return create(prev, formData);
}

export async function revokeTokenAction(prev: ActionState<Data<typeof revoke>>, formData: FormData) {
  return revoke(prev, formData);
}
