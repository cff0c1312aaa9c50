/**
 * A meeting's own fields, once: the form that logs a meeting (/meetings/new, and the copy the field app
 * keeps offline), the form that corrects one, and the schemas both are read with (lib/meetings/schemas.ts,
 * so the offline queue's route too) are all made from this list (decision 082). What only one form has
 * (the create form's attendance, carried and raised petitions and attachments; the correction's version)
 * is slotted into these sections by that form; a field both forms record belongs here.
 *
 * Plain data: the correction form is a client component and the meeting form's page sends no framework
 * JavaScript, so nothing here may pull zod or server code into either.
 */
export type MeetingFieldName = "heldOn" | "place" | "chair" | "guests" | "agenda" | "minutes" | "followUp" | "followUpDueOn";

export interface MeetingField {
  name: MeetingFieldName;
  input: "date" | "text" | "textarea";
  /** Message keys under `meetings.`: the label, and the label of a field visit's form (decision 053). */
  label: string;
  visitLabel?: string;
  hint?: string;
  /** The message when it is left empty; absent: optional. */
  required?: string;
  /** For a date that is not required: the message for one that is not a date. */
  invalid?: string;
  maxLength?: number;
  rows?: number;
  /** A date no later than today. */
  notAfterToday?: boolean;
}

export type MeetingSectionId = "general" | "people" | "agenda" | "record" | "followUp";

export interface MeetingSection {
  id: MeetingSectionId;
  /** Message keys of the section's heading (none: the first thing in it names it, the attendance's legend). */
  title?: string;
  visitTitle?: string;
  /** Only a field visit has it. */
  visitOnly?: boolean;
  fields: readonly MeetingField[];
}

export const MEETING_SECTIONS = [
  {
    id: "general",
    title: "form.general",
    fields: [
      { name: "heldOn", input: "date", label: "form.heldOn", visitLabel: "form.visitHeldOn", required: "Vui lòng chọn ngày họp.", notAfterToday: true },
      { name: "place", input: "text", label: "form.place", visitLabel: "form.visitPlace", required: "Vui lòng nhập địa điểm họp.", maxLength: 300 },
      { name: "chair", input: "text", label: "form.chair", visitLabel: "form.visitChair", required: "Vui lòng nhập người chủ trì.", maxLength: 200 },
    ],
  },
  {
    id: "people",
    fields: [{ name: "guests", input: "textarea", label: "form.guests", visitLabel: "form.visitGuests", hint: "form.guestsHint", maxLength: 2000, rows: 2 }],
  },
  {
    id: "agenda",
    title: "form.agenda",
    fields: [{ name: "agenda", input: "textarea", label: "form.agendaText", maxLength: 5000, rows: 3 }],
  },
  {
    id: "record",
    title: "form.minutesTitle",
    visitTitle: "form.findingsTitle",
    fields: [{ name: "minutes", input: "textarea", label: "form.minutes", visitLabel: "form.findings", maxLength: 20_000, rows: 6 }],
  },
  {
    id: "followUp",
    title: "form.followUpTitle",
    visitOnly: true,
    fields: [
      { name: "followUp", input: "textarea", label: "form.followUp", maxLength: 5000, rows: 4 },
      { name: "followUpDueOn", input: "date", label: "form.followUpDueOn", hint: "form.followUpHint", invalid: "Vui lòng chọn hạn hoàn thành hợp lệ." },
    ],
  },
] as const satisfies readonly MeetingSection[];

export const MEETING_FIELDS: readonly MeetingField[] = (MEETING_SECTIONS as readonly MeetingSection[]).flatMap((s) => s.fields);

/** The sections a meeting of `kind` shows: a field visit's follow-up only on a visit. */
export function meetingSectionsFor(kind: string): readonly MeetingSection[] {
  return (MEETING_SECTIONS as readonly MeetingSection[]).filter((s) => !s.visitOnly || kind === "FIELD_VISIT");
}

/** The names of the fields a meeting of `kind` records, in the forms' order. */
export function meetingFieldNames(kind: string): MeetingFieldName[] {
  return meetingSectionsFor(kind).flatMap((s) => s.fields.map((f) => f.name));
}
