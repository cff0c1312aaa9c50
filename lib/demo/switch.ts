/**
 * Whether `npm start` fills the database with the demo data (decision 022). The demo is
 * for a first look on a developer's machine; a committee's database must never receive it.
 * So the seed runs only on a database with no unit and no account at all, and never when
 * switched off with `DEMO_DATA=off` (environment or `.env`) or `npm start -- --no-demo`.
 */

export type DemoSwitch = "on" | "off";

export const NO_DEMO_FLAG = "--no-demo";

/** DEMO_DATA=on|off (default on), overridden by the `--no-demo` argument; anything else is refused. */
export function demoSwitch(env: Partial<Record<string, string>> = process.env, argv: readonly string[] = process.argv.slice(2)): DemoSwitch {
  if (argv.includes(NO_DEMO_FLAG)) return "off";
  const value = env.DEMO_DATA?.trim().toLowerCase();
  if (!value || value === "on") return "on";
  if (value === "off") return "off";
  throw new Error(`DEMO_DATA phải là "on" hoặc "off" / DEMO_DATA must be "on" or "off", got "${env.DEMO_DATA}"`);
}

export type SeedDecision = { seed: true } | { seed: false; reason: "switched-off" | "has-data" };

/** A database holding any unit or any account is someone's data: it is never seeded. */
export function decideDemoSeed(state: { units: number; users: number; demo: DemoSwitch }): SeedDecision {
  if (state.units > 0 || state.users > 0) return { seed: false, reason: "has-data" };
  if (state.demo === "off") return { seed: false, reason: "switched-off" };
  return { seed: true };
}
