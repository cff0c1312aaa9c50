import compile from "icu-minify/compile";
import { describe, expect, test } from "vitest";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatWithParser from "use-intl/format-message";
import formatCompiled from "use-intl/format-message/format-only";
import { TIME_ZONE } from "./config";
import en from "./messages/en.json";
import vi from "./messages/vi.json";

/**
 * next.config.ts precompiles the messages at build time (next-intl's `precompile`, decision 016):
 * the app then formats them with next-intl's small runtime formatter instead of the ICU parser.
 * Every message must read exactly as it did when parsed at run time.
 */
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** Values for every argument and tag a message names, of the kind the message expects. */
function valuesFor(message: string, count: number): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const m of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+))?/g)) {
    const [, name, type] = m;
    if (values[name] !== undefined && !type) continue;
    values[name] = type === "plural" || type === "selectordinal" || type === "number" ? count : type === "date" || type === "time" ? new Date("2026-11-23T03:04:05Z") : type === "select" ? "other" : `«${name}»`;
  }
  for (const [, tag] of message.matchAll(/<([A-Za-z_]\w*)>/g)) values[tag] = (chunks: unknown[]) => `[${tag}:${chunks.join("")}]`;
  return Object.keys(values).length ? values : undefined;
}

describe.each([
  ["vi", vi as Tree],
  ["en", en as Tree],
])("the %s messages, precompiled", (locale, messages) => {
  const cache = _createCache();
  const config = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: TIME_ZONE, formats: undefined, globalFormats: undefined };
  const all = leaves(messages);

  test("there are messages to check", () => {
    expect(all.length).toBeGreaterThan(500);
  });

  test.each([0, 1, 3])("each reads as it did when parsed at run time (counts = %i)", (count) => {
    const differing = all.flatMap(([key, message]) => {
      const values = valuesFor(message, count);
      const before = String(formatWithParser(key, message, values as never, config as never));
      const after = String(formatCompiled(key, compile(message), values as never, config as never));
      return before === after ? [] : [{ key, before, after }];
    });
    expect(differing).toEqual([]);
  });
});
