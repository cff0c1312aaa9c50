/**
 * The pure half of the server-action helper: result types, the typed error, FormData →
 * plain object, and the chain itself with its dependencies passed in. No "use server", no
 * server-only import, so it can be unit-tested; `define-action.ts` wires it to the session.
 */
import { cleanText } from "../forms/fields";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { allows, type Permission } from "../auth/roles";

/** Expected failures: only these reach the user (in Vietnamese, see ./messages). */
export const ACTION_ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "CONFLICT",
  "DUPLICATE",
  "INVALID_STATE",
  "INTERNAL",
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionFailure = {
  ok: false;
  error: ActionErrorCode;
  fieldErrors?: FieldErrors;
  /** Only for INTERNAL: the id written to the server log with the error. */
  requestId?: string;
  /** The submitted text fields, so a form re-filled from them keeps what the user typed. */
  values?: Record<string, string>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
/** The state a form holds before its first submission. */
export type ActionState<T> = ActionResult<T> | null;

/** Thrown by a mutation for an expected failure; becomes `{ ok: false, error: code }`. */
export class ActionError extends Error {
  readonly code: Exclude<ActionErrorCode, "VALIDATION" | "INTERNAL" | "UNAUTHENTICATED">;
  /** Field errors only the mutation can find (a score against its template's bounds): shown by the form's fields. */
  readonly fieldErrors?: FieldErrors;
  constructor(code: ActionError["code"], message?: string, fieldErrors?: FieldErrors) {
    super(message ?? code);
    this.name = "ActionError";
    this.code = code;
    if (fieldErrors) this.fieldErrors = fieldErrors;
  }
}

export function isActionError(error: unknown): error is ActionError {
  return error instanceof ActionError;
}

/**
 * A form's fields as a plain object: one value → a string (or File), a repeated name → an
 * array. Next.js's own hidden fields (`$ACTION_…`) are dropped. Every text loses its control
 * characters here, once for every action (`cleanText`: PostgreSQL's text refuses NUL).
 */
export function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  const clean = (v: FormDataEntryValue) => (typeof v === "string" ? cleanText(v) : v);
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map(clean);
    out[cleanText(key)] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The text fields of a form (files left out), to echo back with a failure. */
export function textValues(raw: Record<string, FormDataEntryValue | FormDataEntryValue[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") out[key] = value;
  return out;
}

/**
 * Parses input with the schema; its messages (Vietnamese) go back field by field. Async, so
 * that a schema may read an uploaded file's bytes (see lib/files/upload.ts).
 */
export async function parseInput<S extends z.ZodType>(schema: S, raw: unknown): Promise<{ ok: true; data: z.output<S> } | ActionFailure> {
  const parsed = await schema.safeParseAsync(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const flat = z.flattenError(parsed.error);
  const fieldErrors: FieldErrors = { ...flat.fieldErrors };
  if (flat.formErrors.length > 0) fieldErrors._form = flat.formErrors;
  return { ok: false, error: "VALIDATION", fieldErrors };
}

export interface ActionDefinition<S extends z.ZodType, T> {
  schema: S;
  permission: Permission;
  /**
   * While an admin's reset obliges the user to choose a new password, every action answers
   * UNAUTHENTICATED except the ones marked here (changing one's own password).
   */
  allowWhilePasswordChangeRequired?: boolean;
  /** Likewise while the role requires a second factor the user has not set up: only its enrolment. */
  allowWhileTwoFactorEnrolmentRequired?: boolean;
  run: (args: { input: z.output<S>; actor: Actor }) => Promise<T>;
  /** Paths to revalidate after success (the helper calls them, so none is forgotten). */
  revalidate?: (args: { input: z.output<S>; data: T }) => string[];
}

export interface ActionDeps {
  getActor: () => Promise<Actor | null>;
  revalidatePath: (path: string) => void;
  newRequestId: () => string;
  logError: (requestId: string, error: unknown) => void;
}

/** The whole chain: actor → parse → permission → run → revalidate → small result. */
export function buildAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>, deps: ActionDeps) {
  return async function action(_prevState: ActionState<T>, formData: FormData): Promise<ActionResult<T>> {
    const raw = formDataToObject(formData);
    const result = await runChain(definition, deps, raw);
    return result.ok ? result : { ...result, values: textValues(raw) };
  };
}

async function runChain<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  deps: ActionDeps,
  raw: Record<string, FormDataEntryValue | FormDataEntryValue[]>,
): Promise<ActionResult<T>> {
  try {
    // The session first: a form sent after the session lapsed reaches the action (proxy.ts), and
    // a signed-out sender learns nothing from the schema's messages.
    const actor = await deps.getActor();
    if (!actor) return { ok: false, error: "UNAUTHENTICATED" };
    if (actor.mustChangePassword && !definition.allowWhilePasswordChangeRequired) return { ok: false, error: "UNAUTHENTICATED" };
    if (actor.mustEnrolTwoFactor && !definition.allowWhileTwoFactorEnrolmentRequired) return { ok: false, error: "UNAUTHENTICATED" };
    const parsed = await parseInput(definition.schema, raw);
    if (!parsed.ok) return parsed;
    // A missing permission answers exactly like a record out of scope.
    if (!allows(actor, definition.permission)) return { ok: false, error: "NOT_FOUND" };
    const data = await definition.run({ input: parsed.data, actor });
    for (const path of definition.revalidate?.({ input: parsed.data, data }) ?? []) deps.revalidatePath(path);
    return { ok: true, data };
  } catch (error) {
    if (isActionError(error)) return error.fieldErrors ? { ok: false, error: error.code, fieldErrors: error.fieldErrors } : { ok: false, error: error.code };
    const requestId = deps.newRequestId();
    deps.logError(requestId, error);
    return { ok: false, error: "INTERNAL", requestId };
  }
}
