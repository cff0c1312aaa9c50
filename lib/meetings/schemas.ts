import { z } from "zod";
import { confirmField, idField, isoDateField, optionalTextField, parseId, versionField } from "../forms/fields";
import { uploadsField } from "../files/upload";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_CONTENT_LENGTH } from "../petitions/schemas";
import { ATTENDANCE_STATUSES, MAX_RAISED_ROWS, MEETING_KINDS, parseTarget, type MeetingTarget } from "./labels";
import { MEETING_SECTIONS, type MeetingField } from "./fields";

const tooLong = (max: number) => `Không được dài quá ${max.toLocaleString("vi-VN")} ký tự.`;

const requiredText = (max: number, required: string) =>
  z
    .string({ error: required })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(z.string().min(1, { error: required }).max(max, { error: tooLong(max) }));

const optionalDate = (invalid: string) => z.preprocess((v) => (v === "" ? undefined : v), isoDateField(invalid).optional());

/** Each field of the one list (./fields.ts) as it is read: the list says what it is; this says how that is checked. */
type Defined = (typeof MEETING_SECTIONS)[number];
type SchemaOf<F> = F extends { input: "date"; required: string }
  ? ReturnType<typeof isoDateField>
  : F extends { input: "date" }
    ? ReturnType<typeof optionalDate>
    : F extends { required: string }
      ? ReturnType<typeof requiredText>
      : ReturnType<typeof optionalTextField>;
type ShapeOf<S> = { [F in S extends { fields: readonly (infer E)[] } ? E : never as F extends { name: infer N extends string } ? N : never]: SchemaOf<F> };

function schemaOf(f: MeetingField): z.ZodType {
  if (f.input === "date") return f.required ? isoDateField(f.required) : optionalDate(f.invalid ?? "Ngày không hợp lệ.");
  const max = f.maxLength ?? 2000;
  return f.required ? requiredText(max, f.required) : optionalTextField(max, tooLong(max));
}

function shapeOf<S extends Defined>(sections: readonly S[]): ShapeOf<S> {
  return Object.fromEntries(sections.flatMap((s) => s.fields.map((f: MeetingField) => [f.name, schemaOf(f)]))) as ShapeOf<S>;
}

/** What both logging and correcting a meeting record: the list's fields for every kind. */
const details = shapeOf(MEETING_SECTIONS.filter((s): s is Exclude<Defined, { visitOnly: true }> => !("visitOnly" in s)));

/** A field visit's follow-up: what must be done, and by when (decision 053). Ignored for other kinds. */
const followUpFields = shapeOf(MEETING_SECTIONS.filter((s): s is Extract<Defined, { visitOnly: true }> => "visitOnly" in s));

/** A due date needs something due, and cannot fall before the visit. */
function followUpOf(v: { heldOn: Date; followUp?: string; followUpDueOn?: Date }, ctx: z.RefinementCtx) {
  if (v.followUpDueOn && !v.followUp) ctx.addIssue({ code: "custom", path: ["followUp"], message: "Vui lòng ghi việc cần làm tiếp cho hạn đã chọn." });
  if (v.followUpDueOn && v.followUpDueOn < v.heldOn) ctx.addIssue({ code: "custom", path: ["followUpDueOn"], message: "Hạn hoàn thành không được trước ngày kiểm tra." });
  return { followUp: v.followUp, followUpDueOn: v.followUpDueOn };
}

export interface RaisedRow {
  /** The row's place in the form: part of its petition's idempotency key. */
  index: number;
  content: string;
  fieldId: number;
  unitId: number;
  petitionerName?: string;
}

type Raw = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" ? v.normalize("NFC").trim() : "");

/** `att.<cadreId>` radios → { cadreId, status }. A value that is no status is an error. */
function attendanceOf(raw: Raw, ctx: z.RefinementCtx) {
  const out: { cadreId: number; status: (typeof ATTENDANCE_STATUSES)[number] }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const m = /^att\.(\d{1,9})$/.exec(key);
    if (!m) continue;
    if (!(ATTENDANCE_STATUSES as readonly string[]).includes(String(value))) {
      ctx.addIssue({ code: "custom", path: ["attendance"], message: "Điểm danh không hợp lệ." });
      continue;
    }
    out.push({ cadreId: Number(m[1]), status: value as (typeof ATTENDANCE_STATUSES)[number] });
  }
  return out;
}

/**
 * `raised.<i>.content|fieldId|unitId|petitionerName` rows → petitions to record. A row left
 * wholly empty is no petition (the form without JavaScript shows a few empty rows); a row
 * begun but not finished is an error on its field.
 */
function raisedOf(raw: Raw, ctx: z.RefinementCtx, defaultUnitId: number | undefined): RaisedRow[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(raw)) {
    const m = /^raised\.(\d{1,2})\.\w+$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const rows: RaisedRow[] = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const get = (name: string) => text(raw[`raised.${index}.${name}`]);
    const content = get("content");
    const petitionerName = get("petitionerName");
    if (!content && !petitionerName) continue;
    const path = (name: string) => [`raised.${index}.${name}`];
    if (content.length < 10) ctx.addIssue({ code: "custom", path: path("content"), message: "Nội dung kiến nghị quá ngắn: vui lòng ghi rõ vụ việc (ít nhất 10 ký tự)." });
    if (content.length > MAX_CONTENT_LENGTH) ctx.addIssue({ code: "custom", path: path("content"), message: tooLong(MAX_CONTENT_LENGTH) });
    if (petitionerName.length > 200) ctx.addIssue({ code: "custom", path: path("petitionerName"), message: tooLong(200) });
    const fieldId = parseId(get("fieldId"));
    if (fieldId === null) ctx.addIssue({ code: "custom", path: path("fieldId"), message: "Vui lòng chọn lĩnh vực." });
    const unitText = get("unitId");
    const unitId = unitText === "" ? defaultUnitId : parseId(unitText);
    if (!unitId) ctx.addIssue({ code: "custom", path: path("unitId"), message: "Vui lòng chọn thôn, tổ dân phố nơi phát sinh vụ việc." });
    rows.push({ index, content, fieldId: fieldId ?? 0, unitId: unitId ?? 0, petitionerName: petitionerName || undefined });
  }
  if (rows.length > MAX_RAISED_ROWS) ctx.addIssue({ code: "custom", path: ["raised"], message: `Tối đa ${MAX_RAISED_ROWS} kiến nghị mỗi cuộc họp.` });
  return rows;
}

/** `carry.<petitionId>` checkboxes: the open petitions carried into the agenda. */
function carriedOf(raw: Raw): number[] {
  const out: number[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const m = /^carry\.(\d{1,9})$/.exec(key);
    if (m && (value === "on" || value === "1")) out.push(Number(m[1]));
  }
  return out.slice(0, 200);
}

const meetingBase = z.looseObject({
  /** Made when the form is first shown and kept in the device's draft: a resubmission makes nothing new. */
  idempotencyKey: z.uuid({ error: "Biểu mẫu không hợp lệ, vui lòng tải lại trang." }),
  kind: z.enum(MEETING_KINDS, { error: "Vui lòng chọn loại cuộc họp." }),
  target: z
    .string({ error: "Vui lòng chọn tổ, khối hoặc đơn vị." })
    .transform((v, ctx): MeetingTarget => {
      const t = parseTarget(v);
      if (!t) {
        ctx.addIssue({ code: "custom", message: "Vui lòng chọn tổ, khối hoặc đơn vị." });
        return z.NEVER;
      }
      return t;
    }),
  /** For a team's meeting, the village every raised petition belongs to. */
  raisedUnitId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
  ...details,
  ...followUpFields,
  attachments: uploadsField({ allowed: ATTACHMENT_TYPES, maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS }),
});

/**
 * Logging a meeting: the form of /meetings/new, its attendance, carried petitions and raised
 * rows read by name pattern. The rows are checked even when a plain field is wrong too, so
 * that the form shows every message at once.
 */
export const meetingSchema = z.unknown().transform(async (input, ctx) => {
  const raw = (input && typeof input === "object" ? input : {}) as Raw;
  const base = await meetingBase.safeParseAsync(raw);
  const unitId = base.success ? base.data.raisedUnitId : undefined;
  const attendance = attendanceOf(raw, ctx);
  const raised = raisedOf(raw, ctx, unitId ?? parseId(text(raw.raisedUnitId)) ?? undefined);
  if (!base.success) {
    for (const issue of base.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }
  const v = base.data;
  const visit = v.kind === "FIELD_VISIT";
  if (visit) followUpOf(v, ctx);
  return {
    idempotencyKey: v.idempotencyKey,
    kind: v.kind,
    target: v.target,
    heldOn: v.heldOn,
    place: v.place,
    chair: v.chair,
    guests: v.guests,
    agenda: v.agenda,
    minutes: v.minutes,
    followUp: visit ? v.followUp : undefined,
    followUpDueOn: visit ? v.followUpDueOn : undefined,
    agendaPetitionIds: carriedOf(raw),
    attachments: v.attachments,
    attendance,
    raised,
  };
});

export type MeetingInput = z.output<typeof meetingSchema>;

/** Correcting a meeting: its details and attendance, on the version the form was shown with. */
export const meetingEditSchema = z
  .looseObject({ meetingId: idField(), version: versionField, ...details, ...followUpFields })
  .transform((v, ctx) => ({
    // Kept only for a field visit (lib/meetings/edit.ts); checked as when it was logged.
    ...followUpOf(v, ctx),
    meetingId: v.meetingId,
    version: v.version,
    heldOn: v.heldOn,
    place: v.place,
    chair: v.chair,
    guests: v.guests,
    agenda: v.agenda,
    minutes: v.minutes,
    attendance: attendanceOf(v, ctx),
  }));

export type MeetingEditInput = z.output<typeof meetingEditSchema>;

export const unlockSchema = z.object({ meetingId: idField(), confirm: confirmField });
export type UnlockInput = z.output<typeof unlockSchema>;
