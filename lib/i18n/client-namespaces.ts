/**
 * Which message namespaces reach the browser. next-intl's provider sends every message it is given with each
 * page (52 KB of the RSC payload, then again escaped inside the HTML, on every page): it now gets only what the
 * client components below it call `useTranslations` with. The shell's are on every page; a section adds its
 * own in its layout (`components/i18n/client-messages.tsx`). lib/i18n/client-namespaces.test.ts checks that
 * each page's client components find theirs.
 */
export const SHELL_NAMESPACES = ["error", "actions", "signInAgain", "login", "choices"] as const;

/** The first path segment under app/(app) → what its client components use. */
export const SECTION_NAMESPACES = {
  admin: ["admin", "mergers", "users", "roles", "twoFactor", "notifications"],
  cadres: ["cadres"],
  meetings: ["meetings"],
  models: ["goodPractice"],
  notifications: ["notifications"],
  organisations: ["members", "orgLifecycle"],
  petitions: ["petitions", "field"],
  profile: ["profile", "twoFactor", "roles", "apiTokens", "notifications"],
  reports: ["dashboardCharts"],
  scoring: ["scoring"],
  units: ["villages", "orgLifecycle"],
} as const satisfies Record<string, readonly string[]>;

export type Section = keyof typeof SECTION_NAMESPACES;

/** Only the namespaces asked for, from a locale's messages. */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]])) as Partial<M>;
}
