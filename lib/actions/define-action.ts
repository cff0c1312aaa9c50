import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getActor } from "../auth/current";
import { currentRequestId } from "../log/context";
import { logError } from "../log/logger";
import { buildAction, type ActionDefinition } from "./result";

export { ActionError, type ActionResult, type ActionState } from "./result";

/**
 * The one way to write a server action (see CONVENTIONS.md). Returns
 * `(prevState, formData) => Promise<ActionResult<T>>`, usable with `useActionState` and as a
 * plain `<form action>` (no JavaScript needed). Wrap it in an exported `async function` in a
 * "use server" file.
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>) {
  return buildAction(definition, {
    getActor,
    revalidatePath: (path) => revalidatePath(path),
    newRequestId: currentRequestId,
    logError: (requestId, error) => logError("action", requestId, error),
  });
}
