/**
 * Runs the server side of a React element tree the way the App Router does, far enough to make
 * every query it sends: async server components are awaited and what they return is walked in
 * turn, through host elements, fragments, providers and the children of client components.
 * Nothing is turned into HTML. A component that needs React's renderer to run (a client
 * component with hooks) is not called: its children (server components passed through it) still
 * are. Used by the query-plan test (tests/integration/query-plans.test.ts).
 */
import { isValidElement, type ReactElement } from "react";

/** Next.js's notFound(), redirect() and friends: the page's own answer, not a failure. */
export function nextControlFlow(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest) ? digest.split(";").slice(0, 3).join(";") : null;
}

/** A hook called outside React's renderer. */
function isHookError(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /Invalid hook call|reading 'use[A-Z]\w*'|reading 'useContext'|is not a function.*use|useTranslations|No intl context|must be used within|Cannot read properties of null \(reading '(use|get)/.test(text);
}

/** Calls `fn` without React's "Invalid hook call" message (the call is expected to fail so). */
function quietly<T>(fn: () => T): T {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (!String(args[0]).startsWith("Invalid hook call")) error(...args);
  };
  try {
    return fn();
  } finally {
    console.error = error;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return !!value && typeof (value as { then?: unknown }).then === "function";
}

/** Elements held in props other than `children` (a `fallback`, an `actions` slot…). */
function elementProps(props: Record<string, unknown>): unknown[] {
  return Object.entries(props)
    .filter(([key, value]) => key !== "children" && (isValidElement(value) || (Array.isArray(value) && value.some(isValidElement))))
    .map(([, value]) => value);
}

export async function renderServer(node: unknown): Promise<void> {
  if (node === null || node === undefined || typeof node === "boolean" || typeof node === "string" || typeof node === "number") return;
  if (isThenable(node)) return renderServer(await node);
  if (Array.isArray(node)) {
    for (const child of node) await renderServer(child);
    return;
  }
  if (typeof node === "object" && Symbol.iterator in node && !isValidElement(node)) {
    for (const child of node as Iterable<unknown>) await renderServer(child);
    return;
  }
  if (!isValidElement(node)) return;
  const element = node as ReactElement<Record<string, unknown>>;
  const props = (element.props ?? {}) as Record<string, unknown>;
  const type = element.type as unknown;
  if (typeof type === "function" && !(type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent) {
    let output: unknown;
    try {
      output = quietly(() => (type as (p: unknown) => unknown)(props));
      if (isThenable(output)) output = await output;
    } catch (error) {
      if (!isHookError(error)) throw error;
      // A client component (or one that needs the renderer): what was passed into it still renders.
      await renderServer(props.children);
      for (const value of elementProps(props)) await renderServer(value);
      return;
    }
    await renderServer(output);
    return;
  }
  // Host elements, fragments, Suspense, context providers, memo/forwardRef wrappers: their children.
  await renderServer(props.children);
  for (const value of elementProps(props)) await renderServer(value);
}
