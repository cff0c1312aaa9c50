"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionResult, type ActionState } from "../actions/define-action";
import { changeOwnPassword, createUser, resetPassword, setUserActive, updateUser, type ChangePasswordResult } from "./mutations";
import { changePasswordSchema, createUserSchema, rehomeUserFormSchema, resetPasswordFormSchema, setActiveFormSchema, updateUserSchema } from "./schemas";
import { rehomeUser } from "./stranded";
import { getActor } from "../auth/current";
import { HOME_CLOSED_PATH, isHomeClosed } from "../auth/home-closed";
import { reissueSessionCookie } from "./session";

const create = defineAction({
  schema: createUserSchema,
  permission: "user:manage:subtree",
  run: ({ input, actor }) => createUser(actor, input),
  revalidate: () => ["/admin/users"],
});

const update = defineAction({
  schema: updateUserSchema,
  permission: "user:manage:subtree",
  run: ({ input, actor }) => updateUser(actor, input),
  revalidate: ({ data }) => ["/admin/users", `/admin/users/${data.id}`],
});

const reset = defineAction({
  schema: resetPasswordFormSchema,
  permission: "user:manage:subtree",
  run: ({ input, actor }) => resetPassword(actor, input),
  revalidate: ({ data }) => ["/admin/users", `/admin/users/${data.id}`],
});

const activate = defineAction({
  schema: setActiveFormSchema,
  permission: "user:manage:subtree",
  run: ({ input, actor }) => setUserActive(actor, input),
  revalidate: ({ data }) => ["/admin/users", `/admin/users/${data.id}`],
});

const rehome = defineAction({
  schema: rehomeUserFormSchema,
  permission: "user:manage:subtree",
  run: ({ input, actor }) => rehomeUser(actor, input),
  revalidate: ({ data }) => ["/admin", "/admin/users", `/admin/users/${data.id}`],
});

// Every signed-in user may change their own password, even while made to (see define-action).
const change = defineAction({
  schema: changePasswordSchema,
  permission: "profile:update:own",
  allowWhilePasswordChangeRequired: true,
  run: ({ input, actor }) => changeOwnPassword(actor, input),
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function createUserAction(prev: ActionState<Data<typeof create>>, formData: FormData) {
  return create(prev, formData);
}

export async function updateUserAction(prev: ActionState<Data<typeof update>>, formData: FormData) {
  return update(prev, formData);
}

export async function resetPasswordAction(prev: ActionState<Data<typeof reset>>, formData: FormData) {
  return reset(prev, formData);
}

export async function setUserActiveAction(prev: ActionState<Data<typeof activate>>, formData: FormData) {
  return activate(prev, formData);
}

/**
 * On success, back to the list saying who moved where: the row leaves the list as the page renders again, and
 * a confirmation drawn in it would go with it (decision 055).
 */
export async function rehomeUserAction(prev: ActionState<Data<typeof rehome>>, formData: FormData) {
  const result = await rehome(prev, formData);
  if (result.ok) redirect(`/admin/users/stranded?moved=${result.data.id}`);
  return result;
}

const REFUSAL_FIELD = { WRONG_CURRENT: "currentPassword", SAME_AS_USERNAME: "newPassword", SAME_AS_CURRENT: "newPassword" } as const;
const REFUSAL_MESSAGE = {
  WRONG_CURRENT: "Mật khẩu hiện tại không đúng.",
  SAME_AS_USERNAME: "Mật khẩu mới không được trùng với tên đăng nhập.",
  SAME_AS_CURRENT: "Mật khẩu mới phải khác mật khẩu hiện tại.",
} as const;

/**
 * On success this device's session is re-issued with the new sessionVersion (other devices
 * are signed out) and the user goes on to the home page. Passwords are never echoed back.
 */
export async function changePasswordAction(prev: ActionState<ChangePasswordResult>, formData: FormData): Promise<ActionResult<ChangePasswordResult>> {
  const result = await change(prev, formData);
  if (!result.ok) {
    // The submitted fields are passwords: never sent back.
    const { values: _values, ...failure } = result;
    return failure;
  }
  if (!result.data.changed) {
    const { reason } = result.data;
    return { ok: false, error: "VALIDATION", fieldErrors: { [REFUSAL_FIELD[reason]]: [REFUSAL_MESSAGE[reason]] } };
  }
  await reissueSessionCookie(result.data.sessionVersion);
  // A user whose home unit has closed goes straight to the notice (decision 055): sent to the home page, whose
  // render then redirects, the browser fetched the notice again and again after this action's redirect.
  const actor = await getActor();
  redirect(actor && isHomeClosed(actor) ? HOME_CLOSED_PATH : "/?passwordChanged=1");
}
