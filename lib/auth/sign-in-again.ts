/**
 * Signing in again from a form that arrived after its session lapsed (the meeting form's
 * page, components/shell/sign-in-again-page.tsx): the page carries the typed fields back with
 * these two added, and the next post signs in and saves in one go.
 */
export const SIGN_IN_AGAIN_FIELDS = { username: "signInAgainUsername", password: "signInAgainPassword", code: "signInAgainCode" } as const;

/**
 * Takes the sign-in fields out of the form (they must not reach the action, nor be echoed back):
 * username, password, and the second factor's code when the account has one (decision 025).
 */
export function takeSignInAgainFields(form: FormData): { username: string; password: string; code: string } | null {
  const username = form.get(SIGN_IN_AGAIN_FIELDS.username);
  const password = form.get(SIGN_IN_AGAIN_FIELDS.password);
  const code = form.get(SIGN_IN_AGAIN_FIELDS.code);
  form.delete(SIGN_IN_AGAIN_FIELDS.username);
  form.delete(SIGN_IN_AGAIN_FIELDS.password);
  form.delete(SIGN_IN_AGAIN_FIELDS.code);
  if (username === null && password === null) return null;
  const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");
  return { username: text(username), password: text(password), code: text(code) };
}

/** The form's text fields, in order, repeated names kept, to carry back in hidden inputs; and whether it held files. */
export function carriedFields(form: FormData): { fields: [string, string][]; hadFiles: boolean } {
  const fields: [string, string][] = [];
  let hadFiles = false;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields.push([name, value]);
    else if (value.size > 0) hadFiles = true;
  }
  return { fields, hadFiles };
}
