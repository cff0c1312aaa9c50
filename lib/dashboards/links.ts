/**
 * The lists behind a dashboard's figures (issue 14: every figure opens its list): the petition list
 * with the filters that count the same petitions, so that the list's count is the figure. The petition
 * list reads today's tree, as the restated view does; the historical view counts records where their
 * units were, so its figures link to nothing (a merged unit's list would not match them).
 */
import { petitionListHref, type PetitionDate } from "../petitions/list";
import { RESOLVED_STATUSES } from "../petitions/status";
import type { DashboardView, Period } from "./types";

export const FIGURES_WITH_LISTS = ["received", "receivedResolved", "resolved", "settled", "explained", "reopened", "escalated", "overdue"] as const;
export type FigureWithList = (typeof FIGURES_WITH_LISTS)[number];

export function figureLists(unitId: number, period: Period, view: DashboardView): Partial<Record<FigureWithList, string>> {
  if (view !== "restated") return {};
  const within = (dateOf: PetitionDate) => ({ unit: unitId, dateOf, from: period.from, to: period.to });
  return {
    received: petitionListHref(within("received")),
    receivedResolved: petitionListHref({ ...within("received"), status: [...RESOLVED_STATUSES] }),
    resolved: petitionListHref(within("resolved")),
    settled: petitionListHref({ ...within("resolved"), resolution: "SETTLED" }),
    explained: petitionListHref({ ...within("resolved"), resolution: "EXPLAINED" }),
    reopened: petitionListHref(within("reopened")),
    escalated: petitionListHref(within("escalated")),
    overdue: petitionListHref({ unit: unitId, overdue: true }),
  };
}
