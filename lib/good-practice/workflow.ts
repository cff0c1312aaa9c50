/**
 * The life cycle of a "Dân vận khéo" model (decision 076), pure: which step leads from which status to
 * which, and which level may recognise a model. registered → building → assessed (score, note, effective or
 * not) → recognised at a level → replicated (its first adoption by another village or commune). A model
 * already recognised may be recognised again only at a higher level.
 */
import type { GoodPracticeStatus, RecognitionLevel, UnitLevel } from "../generated/prisma/enums";

export const GOOD_PRACTICE_FIELDS = ["ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "PARTY_GOVERNMENT", "OTHER"] as const;
export const GOOD_PRACTICE_STATUSES = ["REGISTERED", "BUILDING", "ASSESSED", "RECOGNISED", "REPLICATED"] as const satisfies readonly GoodPracticeStatus[];
export const RECOGNITION_LEVELS = ["COMMUNE", "DISTRICT", "PROVINCE"] as const satisfies readonly RecognitionLevel[];

/** The levels that register models: a village, commune, district or province. */
export const REGISTERING_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"] as const satisfies readonly UnitLevel[];

export type GoodPracticeStep = "build" | "assess" | "recognise" | "replicate";

/** The status a step leads to from `status`, or null when the step is not open. */
export function nextStatus(status: GoodPracticeStatus, step: GoodPracticeStep): GoodPracticeStatus | null {
  switch (step) {
    case "build":
      return status === "REGISTERED" ? "BUILDING" : null;
    case "assess":
      // An assessment may be made again until the model is recognised (a second visit, a corrected score).
      return status === "BUILDING" || status === "ASSESSED" ? "ASSESSED" : null;
    case "recognise":
      return status === "ASSESSED" ? "RECOGNISED" : status === "RECOGNISED" || status === "REPLICATED" ? status : null;
    case "replicate":
      return status === "RECOGNISED" || status === "REPLICATED" ? "REPLICATED" : null;
  }
}

/** The rank of a level in the tree: a province above a district above a commune above a village. */
const RANK: Record<UnitLevel, number> = { NATION: 4, PROVINCE: 3, DISTRICT: 2, COMMUNE: 1, VILLAGE: 0 };

/**
 * Whether a user whose home unit sits at `actorLevel` may recognise a model of a unit at `modelLevel` at
 * `level`, the model having been recognised at `current` before (or never): the actor's level is at or above
 * the recognition's, the recognition's at or above the model's unit, and higher than any before it. Reach
 * (the model's unit in the actor's subtree) is checked by the caller.
 */
export function mayRecognise(actorLevel: UnitLevel, modelLevel: UnitLevel, level: RecognitionLevel, current: RecognitionLevel | null): boolean {
  const rank = RANK[level];
  if (RANK[actorLevel] < rank || RANK[modelLevel] > rank) return false;
  return current === null || RANK[current] < rank;
}

/** The recognition levels a user at `actorLevel` may give a model of a unit at `modelLevel` (the form's choices). */
export function recognitionChoices(actorLevel: UnitLevel, modelLevel: UnitLevel, current: RecognitionLevel | null): RecognitionLevel[] {
  return RECOGNITION_LEVELS.filter((l) => mayRecognise(actorLevel, modelLevel, l, current));
}

/** The levels whose units may adopt a model. */
export const ADOPTING_LEVELS = ["COMMUNE", "VILLAGE"] as const satisfies readonly UnitLevel[];

/** What the steps of a model in `status` are, for the detail page. */
export function openSteps(status: GoodPracticeStatus): GoodPracticeStep[] {
  return (["build", "assess", "recognise", "replicate"] as const).filter((s) => nextStatus(status, s) !== null);
}
