import type { Tx } from "../db/client";
import { addDaysUtc, isoDay } from "../time";

/**
 * Tells the Unit trigger (migration 20261201081553_rollups) that the paths changed in this
 * transaction took effect on `day`: the old paths go into UnitPathHistory as held until the
 * day before, so the dashboards' "as the units were" view counts the earlier months on them.
 * Without it a move takes effect today. Call it before the move, inside its transaction.
 */
export async function pathsChangeOn(tx: Pick<Tx, "$executeRaw">, day: Date): Promise<void> {
  await tx.$executeRaw`SELECT set_config('dv.path_changed_on', ${isoDay(day)}, true)`;
}

/** The same, for a move that takes effect the day after `lastDay` (a merger closes the old units on its eve). */
export const pathsChangeAfter = (tx: Pick<Tx, "$executeRaw">, lastDay: Date) => pathsChangeOn(tx, addDaysUtc(lastDay, 1));
