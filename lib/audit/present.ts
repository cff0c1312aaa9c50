/**
 * How the audit page shows a row and its URL (pure, unit-tested): the filters back as URL
 * params, and a short form of the row's data.
 */
import type { PersonalDataVia } from "./log";

const VIAS: readonly PersonalDataVia[] = ["list", "detail", "edit", "api", "export", "agency-link"];
const DETAILS_MAX = 160;

export interface AuditUrlFilters {
  user?: string;
  action?: string;
  entity?: string;
  record?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

/** The filters as URL params, empty ones left out, in a fixed order. */
export function auditFiltersToParams(f: AuditUrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["user", "action", "entity", "record", "from", "to", "cursor"] as const) {
    const value = f[name];
    if (value) params.set(name, value);
  }
  return params;
}

export type AuditDetails = { kind: "read"; ids: number[]; via: PersonalDataVia | null } | { kind: "data"; text: string };

/**
 * A personal-data read as "how many records, where"; any other data as compact JSON, cut
 * short. Audit data holds what changed (field names, counts, names of units and staff), never
 * the personal data whose reads are audited (petitioners' names, phones and addresses;
 * cadres' phones and birth years), so showing it is no personal-data read of its own.
 */
export function auditDetails(row: { action: string; data: unknown }): AuditDetails {
  const data = row.data;
  if (row.action.endsWith(".personal-data.read") && data && typeof data === "object" && !Array.isArray(data)) {
    const { ids, via } = data as { ids?: unknown; via?: unknown };
    const list = Array.isArray(ids) ? ids.filter((n): n is number => Number.isSafeInteger(n)) : [];
    // Rows written before the shared helper carried cadreIds.
    const legacy = (data as { cadreIds?: unknown }).cadreIds;
    const all = list.length > 0 ? list : Array.isArray(legacy) ? legacy.filter((n): n is number => Number.isSafeInteger(n)) : [];
    return { kind: "read", ids: all.length > 0 ? all : [], via: VIAS.includes(via as PersonalDataVia) ? (via as PersonalDataVia) : null };
  }
  if (data === null || data === undefined) return { kind: "data", text: "" };
  const text = JSON.stringify(data);
  return { kind: "data", text: text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX - 1)}…` : text };
}
