/**
 * The lists behind a dashboard's figures (issue 14: every figure opens its list): the petition list
 * with the filters that count the same petitions, so that the list's count is the figure. The petition
 * list reads today's tree, as the restated view does; the historical view counts records where their
 * units were, so its figures link to nothing (a merged unit's list would not match them).
 */
import { petitionListHref } from "../petitions/list";
import { RESOLVED_STATUSES } from "../petitions/status";
import type { DashboardView, Period } from "./types";

export type FigureWithList = "received" | "receivedResolved" | "overdue";

export function figureLists(unitId: number, period: Period, view: DashboardView): Partial<Record<FigureWithList, string>> {
  if (view !== "restated") return {};
  const received = { unit: unitId, from: period.from, to: period.to };
  return {
    received: petitionListHref(received),
    receivedResolved: petitionListHref({ ...received, status: [...RESOLVED_STATUSES] }),
    overdue: petitionListHref({ unit: unitId, overdue: true }),
  };
}
