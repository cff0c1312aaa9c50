/**
 * The audit log's vocabulary, for the audit page: the actions the app writes (each with a
 * label in the messages, `audit.actions.<key>`) and the kinds of record. Pure, no database.
 * An action missing here still shows, by its code, and can still be filtered by URL.
 */
import { PETITION_STEPS } from "../petitions/workflow";

export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login-failed",
  "auth.locked",
  "auth.logout",
  "user.create",
  "user.update",
  "user.enable",
  "user.disable",
  "user.password.reset",
  "user.password.change",
  "user.password.change-refused",
  "user.home.move",
  "api-token.create",
  "api-token.revoke",
  "petition.personal-data.read",
  "petition.attachment.read",
  "petition.create",
  ...PETITION_STEPS.map((step) => `petition.${step}` as const),
  "petition.export",
  "petition.lookup-number.issue",
  "petition.unit.carry",
  "petition.unit.place",
  "cadre.personal-data.read",
  "cadre.create",
  "cadre.update",
  "cadre.end",
  "cadre.import",
  "cadre.export",
  "cadre.training.add",
  "cadre.training.delete",
  "organisation.member.add",
  "organisation.member.end",
  "meeting.create",
  "meeting.edit",
  "meeting.unlock",
  "meeting.attachment.read",
  "agency.create",
  "agency.rename",
  "agency.deactivate",
  "agency.reactivate",
  "petition-field.create",
  "petition-field.update",
  "petition-field.deactivate",
  "petition-field.reactivate",
  "reminder-schedule.update",
  "notification.settings",
  "calendar.day.add",
  "calendar.day.update",
  "calendar.day.delete",
  "calendar.year.restore",
  "calendar.year.official",
  "unit.village.create",
  "unit.village.rename",
  "unit.village.close",
  "unit.village.move",
  "unit.village.place",
  "unit.merger.record",
  "units.catalogue-import",
  "units.merger-import",
  "units.boundaries-import",
  "report.threshold",
  "report.export",
  "seed.demo",
] as const;

/** The kinds of record audit rows name (`entity`), in the order the filter offers them. */
export const AUDIT_ENTITIES = [
  "Petition",
  "Cadre",
  "User",
  "Meeting",
  "Organisation",
  "Attachment",
  "Unit",
  "Agency",
  "PetitionField",
  "CalendarDay",
  "ApiToken",
  "ReportThreshold",
  "UnitBoundary",
  "Database",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** The message key of an action's label: next-intl reads dots as nesting. */
export const actionLabelKey = (action: string) => action.replace(/[.-]/g, "_");

/** Whether an action is one the labels know. */
export const isKnownAction = (action: string) => (AUDIT_ACTIONS as readonly string[]).includes(action);

/** The page of a record, for the ones that have one (the page itself checks the reach). */
export function recordHref(entity: string | null, entityId: string | null): string | null {
  if (!entity || !entityId || !/^\d{1,9}$/.test(entityId)) return null;
  switch (entity) {
    case "Petition":
      return `/petitions/${entityId}`;
    case "Cadre":
      return `/cadres/${entityId}`;
    case "User":
      return `/admin/users/${entityId}`;
    case "Meeting":
      return `/meetings/${entityId}`;
    case "Organisation":
      return `/organisations/${entityId}`;
    case "Unit":
      return `/units/${entityId}`;
    default:
      return null;
  }
}
