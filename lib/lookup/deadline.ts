/**
 * The deadline a citizen is told (the receipt, the lookup page): the day their petition is due to be
 * resolved. Once an agency holds it that is its `dueOn`; before, `dueOn` is only the deadline to assign it
 * (decision 051), so the receipt gives the day assignment will set: the field's working days to resolve,
 * from receipt (or from the day a level above took it over, decision 054), as the assign step counts them.
 */
import { deadlineFor } from "../calendar/table";
import type { Tx } from "../db/client";
import type { PetitionStatus } from "../generated/prisma/enums";
import { OPEN_STATUSES } from "../petitions/status";
import { todayInVietnam } from "../time";

export interface DeadlinePetition {
  status: PetitionStatus;
  receivedOn: Date;
  dueOn: Date | null;
  agencyId: number | null;
  takenOverAt: Date | null;
  field: { defaultDeadlineDays: number };
}

/** The day to resolve it by, or null when it no longer waits for a resolution. */
export async function citizenDeadline(tx: Tx, p: DeadlinePetition): Promise<Date | null> {
  if (!(OPEN_STATUSES as readonly string[]).includes(p.status)) return null;
  if (p.agencyId !== null) return p.dueOn;
  const takenOn = p.takenOverAt && todayInVietnam(p.takenOverAt);
  const from = takenOn && takenOn > p.receivedOn ? takenOn : p.receivedOn;
  return deadlineFor(tx, from, p.field.defaultDeadlineDays);
}
