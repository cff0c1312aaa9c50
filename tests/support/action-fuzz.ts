/**
 * The fuzz property every server action keeps: whatever its form holds, it answers with success or one of the
 * typed errors, never a 500. The form is junk (paramsFor), with some fields made real: names ending in `Id` take
 * ids of records in reach or not, the others a plausible value the attacker chose.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { paramsFor } from "./arbitraries";

export type FormAction = (prev: null, form: FormData) => Promise<{ ok: boolean; error?: string }>;

const TYPED_ERRORS = ["VALIDATION", "NOT_FOUND", "CONFLICT", "DUPLICATE", "INVALID_STATE"];

export async function assertActionTakesJunk(action: FormAction, keys: readonly string[], o: { real: readonly string[]; fillers: readonly string[]; numRuns: number }): Promise<void> {
  const withReal = fc.tuple(paramsFor(keys), fc.subarray([...keys]), fc.constantFrom(...o.fillers), fc.nat()).map(([params, pick, filler, n]) => {
    for (const k of pick) params[k] = /Id$/.test(k) ? o.real[n % o.real.length] : filler;
    return params;
  });
  await fc.assert(
    fc.asyncProperty(withReal, async (params) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
      const result = await action(null, form);
      expect(result.ok || TYPED_ERRORS.includes(result.error!), JSON.stringify({ params, result })).toBe(true);
    }),
    { numRuns: o.numRuns },
  );
}
