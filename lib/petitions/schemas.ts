import { z } from "zod";
import { idField, isoDateField, optionalTextField, versionField } from "../forms/fields";
import { uploadsField } from "../files/upload";
import { normalisePhone } from "../text/phone";
import { addDaysUtc, todayInVietnam } from "../time";
import { PETITION_CHANNELS, PETITIONER_KINDS, RESOLUTION_KINDS, SATISFACTION_NOT_KNOWN, SATISFACTIONS } from "./labels";

export const MAX_CONTENT_LENGTH = 10_000;
export const ATTACHMENT_TYPES = ["pdf", "jpg", "png", "docx", "xlsx"] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

const phone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = v?.trim();
    if (!text) return undefined;
    const normalised = normalisePhone(text);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Số điện thoại không hợp lệ (ví dụ: 0912 345 678)." });
      return z.NEVER;
    }
    return normalised;
  });

/**
 * A petition is received from the Republic's founding year to tomorrow (a form filled just
 * before midnight, or in another time zone); year 0001 was accepted before issue 12.
 */
const FIRST_RECEIPT_DAY = new Date("1945-01-01T00:00:00Z");

/** What intake records and a correction may change. */
const details = {
  receivedOn: isoDateField("Vui lòng chọn ngày tiếp nhận.", { min: () => FIRST_RECEIPT_DAY, max: () => addDaysUtc(todayInVietnam(), 1) }),
  channel: z.enum(PETITION_CHANNELS, { error: "Vui lòng chọn hình thức tiếp nhận." }),
  petitionerKind: z.enum(PETITIONER_KINDS, { error: "Vui lòng chọn người kiến nghị." }),
  petitionerName: optionalTextField(200, "Họ tên không được dài quá 200 ký tự."),
  petitionerPhone: phone,
  petitionerAddress: optionalTextField(300, "Địa chỉ không được dài quá 300 ký tự."),
  fieldId: idField("Vui lòng chọn lĩnh vực."),
  content: z
    .string({ error: "Vui lòng nhập nội dung kiến nghị." })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(10, { error: "Nội dung quá ngắn: vui lòng ghi rõ vụ việc (ít nhất 10 ký tự)." })
        .max(MAX_CONTENT_LENGTH, { error: `Nội dung không được dài quá ${MAX_CONTENT_LENGTH.toLocaleString("vi-VN")} ký tự.` }),
    ),
};

type Petitioner = { petitionerKind: string; petitionerName?: string; petitionerPhone?: string; petitionerAddress?: string };

function requireName(v: Petitioner, ctx: z.RefinementCtx) {
  if (v.petitionerKind !== "ANONYMOUS" && !v.petitionerName) {
    ctx.addIssue({ code: "custom", path: ["petitionerName"], message: "Vui lòng nhập họ tên người (hoặc đại diện nhóm) kiến nghị." });
  }
}

/** An anonymous petition keeps no personal data, whatever the form sent. */
function dropPersonalIfAnonymous<T extends Petitioner>(v: T): T {
  return v.petitionerKind === "ANONYMOUS" ? { ...v, petitionerName: undefined, petitionerPhone: undefined, petitionerAddress: undefined } : v;
}

const CHOOSE_PLACE = "Vui lòng chọn thôn, tổ dân phố nơi phát sinh vụ việc.";

const intakeObject = z.object({
  /** Made by the form when it is first shown: a resubmission of it creates nothing new. */
  idempotencyKey: z.uuid({ error: "Biểu mẫu không hợp lệ, vui lòng tải lại trang." }),
  ...details,
  unitId: idField(CHOOSE_PLACE),
  meetingId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
  attachments: uploadsField({ allowed: ATTACHMENT_TYPES, maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS }),
});

/** A petition to enter, its attachments included (checked from their bytes). */
export const intakeSchema = intakeObject.superRefine(requireName).transform(dropPersonalIfAnonymous);

/**
 * What the intake form posts: the village picked (`unitId`), or, when none was (a browser without JavaScript,
 * where the choice box is a text field, or text typed and not picked), the text typed (`unitIdText`), which
 * the action looks up (./place.ts, decisions 029 and 033). A village picked wins over text.
 */
export const intakeFormSchema = intakeObject
  .extend({
    unitId: z.preprocess((v) => (v === "" ? undefined : v), idField(CHOOSE_PLACE).optional()),
    unitIdText: optionalTextField(200, "Tên thôn, tổ dân phố không được dài quá 200 ký tự."),
  })
  .superRefine((v, ctx) => {
    if (v.unitId === undefined && !v.unitIdText) ctx.addIssue({ code: "custom", path: ["unitId"], message: CHOOSE_PLACE });
  })
  .superRefine(requireName)
  .transform(dropPersonalIfAnonymous);

/** Correcting the intake details (the "edit" step); the place and code stay. */
export const editSchema = z
  .object({ petitionId: idField(), version: versionField, ...details })
  .superRefine(requireName)
  .transform(dropPersonalIfAnonymous);

export type EditInput = z.output<typeof editSchema>;
export type IntakeInput = z.output<typeof intakeSchema>;
export type IntakeFormInput = z.output<typeof intakeFormSchema>;

const note = (required: string | null, max = 2000) =>
  required
    ? z
        .string({ error: required })
        .transform((v) => v.normalize("NFC").trim())
        .pipe(z.string().min(1, { error: required }).max(max, { error: `Không được dài quá ${max.toLocaleString("vi-VN")} ký tự.` }))
    : optionalTextField(max, `Không được dài quá ${max.toLocaleString("vi-VN")} ký tự.`);

const stepBase = { petitionId: idField(), version: versionField };

/** One schema per workflow step; the form says which step it is with a hidden `step` field. */
export const stepSchema = z.discriminatedUnion(
  "step",
  [
    z.object({ ...stepBase, step: z.literal("assign"), agencyId: idField("Vui lòng chọn cơ quan chủ trì giải quyết."), note: note(null) }),
    z.object({ ...stepBase, step: z.literal("start"), note: note(null) }),
    z.object({
      ...stepBase,
      step: z.literal("resolve"),
      resolution: z.enum(RESOLUTION_KINDS, { error: "Vui lòng chọn kết quả: giải quyết dứt điểm hay giải trình." }),
      note: note("Vui lòng ghi tóm tắt kết quả giải quyết."),
    }),
    z.object({
      ...stepBase,
      step: z.literal("reply"),
      replyText: note("Vui lòng ghi nội dung trả lời công dân.", 5000),
      /** "Không rõ" (not known) is a choice: stored as none, for the citizen's lookup or a later rating to fill. */
      satisfaction: z
        .enum([...SATISFACTIONS, SATISFACTION_NOT_KNOWN], { error: "Vui lòng chọn mức độ hài lòng của công dân (hoặc “Không rõ”)." })
        .transform((v) => (v === SATISFACTION_NOT_KNOWN ? null : v)),
    }),
    z.object({ ...stepBase, step: z.literal("rate"), satisfaction: z.enum(SATISFACTIONS, { error: "Vui lòng chọn mức độ hài lòng của công dân." }) }),
    z.object({ ...stepBase, step: z.literal("reject"), note: note("Vui lòng ghi lý do không thụ lý.") }),
    z.object({
      ...stepBase,
      step: z.literal("merge"),
      targetCode: z
        .string({ error: "Vui lòng nhập mã kiến nghị gốc." })
        .transform((v) => v.trim())
        .pipe(z.string().min(1, { error: "Vui lòng nhập mã kiến nghị gốc." })),
      note: note(null),
    }),
    /**
     * Up to the supervising unit the tree names (decision 054), with the reason; `escalatedTo` names the body
     * only where no level above is in the app (a province's), which the mutation checks.
     */
    z.object({
      ...stepBase,
      step: z.literal("escalate"),
      escalatedTo: optionalTextField(300, "Không được dài quá 300 ký tự."),
      note: note("Vui lòng ghi lý do chuyển cấp trên."),
    }),
    z.object({ ...stepBase, step: z.literal("takeOver"), note: note(null) }),
    z.object({ ...stepBase, step: z.literal("reopen"), note: note("Vui lòng ghi lý do mở lại.") }),
    z.object({ ...stepBase, step: z.literal("comment"), note: note("Vui lòng nhập ghi chú.") }),
  ],
  { error: "Thao tác không hợp lệ." },
);

export type StepInput = z.output<typeof stepSchema>;
