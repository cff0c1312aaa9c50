/**
 * Large choices (units, agencies) offered on demand: a page no longer carries every option, the choice box
 * (components/choices/choice-box.tsx) asks /api/choices/<kind> as the user types (decision 029).
 */
import { z } from "zod";
import { cleanText, isoDayParam, parseIsoDay } from "../forms/fields";
import { UnitLevel } from "../generated/prisma/enums";

/** One option as the choice box shows it: what it is called, and where it sits (a unit's path, an agency's keeper). */
export interface Choice {
  id: number;
  label: string;
  detail: string | null;
}

export interface ChoicePage {
  items: Choice[];
  nextCursor: string | null;
}

/** What a page's choice resolved to: the chosen option, and when typed text was looked up, what else it matched. */
export interface ResolvedChoice {
  selected: Choice | null;
  /** The text typed without JavaScript (the fallback field), when it was looked up. */
  text: string | null;
  /** Other options the text matched, for the page to offer as links (empty when none or no text). */
  others: Choice[];
}

export const CHOICE_PAGE_SIZE = 20;
const MAX_CHOICE_PAGE = 50;
const LIMIT_MESSAGE = `limit phải là số nguyên từ 1 đến ${MAX_CHOICE_PAGE}.`;

/** The query of /api/choices/*: the text typed (may be empty: the first choices), a page size and the next page's cursor. */
export const choiceQuery = z.object({
  q: z
    .string()
    .max(200, { error: "q: tối đa 200 ký tự." })
    .transform((q) => cleanText(q).trim())
    .default(""),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(MAX_CHOICE_PAGE, { error: LIMIT_MESSAGE })
    .default(CHOICE_PAGE_SIZE),
  cursor: z.string().min(1, { error: "cursor không được để trống." }).max(2000, { error: "cursor không hợp lệ cho danh sách này." }).optional(),
});
export type ChoiceQuery = z.output<typeof choiceQuery>;

const LEVELS = Object.values(UnitLevel);
/**
 * The units route also takes `levels`: a comma list of unit levels to offer (all when absent); and `asOf`: the day
 * whose units to offer, each on the path it had that day (a list filtered to 2024 offers 2024's communes under
 * 2024's districts; today when absent).
 */
export const unitChoiceQuery = choiceQuery.extend({
  asOf: isoDayParam("asOf")
    .optional()
    .transform((v) => (v === undefined ? undefined : (parseIsoDay(v) ?? undefined))),
  levels: z
    .string()
    .max(100)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      const levels = [...new Set(v.split(","))];
      if (!levels.every((l): l is UnitLevel => (LEVELS as string[]).includes(l))) {
        ctx.addIssue({ code: "custom", message: `levels: một hoặc nhiều giá trị trong ${LEVELS.join(", ")}.` });
        return z.NEVER;
      }
      return levels as UnitLevel[];
    }),
});
export type UnitChoiceQuery = ChoiceQuery & { levels?: UnitLevel[]; asOf?: Date };

/**
 * The day a list's unit filter shows its units on: the end of the list's period, else its start, else today
 * (undefined). A list of 2024 offers 2024's communes, each under the district it had then.
 */
export function filterDay(f: { from?: string; to?: string }): Date | undefined {
  return parseIsoDay(f.to ?? f.from) ?? undefined;
}

/** The fallback text field's value from a page's search params: a string of at most 200 characters, or null when absent. */
export function choiceText(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  return cleanText(first).trim().slice(0, 200);
}
