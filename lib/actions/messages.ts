import type { ActionFailure } from "./result";

/**
 * The next-intl key (under `actions`) and values for a failed action's message:
 * `t(key, values)` with `useTranslations("actions")`.
 */
export function actionErrorMessage(failure: ActionFailure): { key: string; values?: Record<string, string> } {
  if (failure.error === "INTERNAL") return { key: "INTERNAL", values: { id: failure.requestId ?? "-" } };
  return { key: failure.error };
}
