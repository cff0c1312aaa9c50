/** The periodic reports' forms (shared by forms and actions; no "use server" here). */
import { z } from "zod";
import { idField, optionalTextField, versionField } from "../forms/fields";
import { parseReportPeriod } from "./period";
import { FIGURE_KEYS } from "./figures";
import { SECTION_KEYS } from "./template";

/** Each narrative section's limit: a long report's section is a few pages, never a book. */
export const SECTION_MAX = 20_000;
export const COMMENT_MAX = 2_000;

const periodField = z
  .string({ error: "Kỳ báo cáo không hợp lệ." })
  .max(7, { error: "Kỳ báo cáo không hợp lệ." })
  .refine((v) => parseReportPeriod(v) !== null, { error: "Kỳ báo cáo không hợp lệ (YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2 hoặc YYYY)." });

export const startReportSchema = z.object({ unitId: idField(), period: periodField });

const sectionFields = Object.fromEntries(SECTION_KEYS.map((k) => [k, optionalTextField(SECTION_MAX, `Tối đa ${SECTION_MAX.toLocaleString("vi-VN")} ký tự.`)])) as Record<
  (typeof SECTION_KEYS)[number],
  ReturnType<typeof optionalTextField>
>;

const SUBMIT_NEEDS = ["situation", "results"] as const;

/** The writer's form: the sections, then save the draft or send it up. Sending needs the situation and the results. */
export const saveReportSchema = z
  .object({
    reportId: idField(),
    version: versionField,
    intent: z.enum(["save", "submit"], { error: "Thao tác không hợp lệ." }),
    ...sectionFields,
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit") return;
    for (const key of SUBMIT_NEEDS) if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "Cần viết phần này trước khi gửi báo cáo." });
  });

export const refreshReportSchema = z.object({ reportId: idField(), version: versionField });

/** The approving level's decision; a return and a reopening say why. */
export const decideReportSchema = z
  .object({
    reportId: idField(),
    version: versionField,
    decision: z.enum(["approve", "return", "reopen"], { error: "Thao tác không hợp lệ." }),
    comment: optionalTextField(COMMENT_MAX, `Tối đa ${COMMENT_MAX.toLocaleString("vi-VN")} ký tự.`),
    confirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Vui lòng ghi rõ lý do, nội dung cần sửa." });
    if (v.decision === "reopen" && v.confirm !== "on") ctx.addIssue({ code: "custom", path: ["confirm"], message: "Vui lòng đánh dấu ô xác nhận." });
  });

export type StartReportInput = z.output<typeof startReportSchema>;
export type SaveReportInput = z.output<typeof saveReportSchema>;
export type RefreshReportInput = z.output<typeof refreshReportSchema>;
export type DecideReportInput = z.output<typeof decideReportSchema>;

/** How serious a hotspot is: the fixed scale, the mildest first (decision 080). */
export const HOTSPOT_SEVERITIES = ["WATCH", "COMPLEX", "SERIOUS", "CRITICAL"] as const;
export const HOTSPOT_TOPIC_MAX = 300;
export const HOTSPOT_ACTIONS_MAX = 2_000;
/** A hotspot's people: a gathering, a village, a commune; never more than a province holds. */
export const HOTSPOT_PEOPLE_MAX = 10_000_000;
/** The hotspots one report lists: a report names its hotspots, not a register of every incident. */
export const HOTSPOTS_PER_REPORT = 50;

const requiredText = (max: number, empty: string) =>
  optionalTextField(max, `Tối đa ${max.toLocaleString("vi-VN")} ký tự.`).pipe(z.string({ error: empty }));

export const addHotspotSchema = z.object({
  reportId: idField(),
  placeUnitId: idField("Vui lòng chọn địa bàn."),
  topic: requiredText(HOTSPOT_TOPIC_MAX, "Vui lòng ghi nội dung, vấn đề."),
  severity: z.enum(HOTSPOT_SEVERITIES, { error: "Vui lòng chọn mức độ." }),
  people: z.coerce
    .number({ error: "Số người không hợp lệ." })
    .int({ error: "Số người không hợp lệ." })
    .min(0, { error: "Số người không hợp lệ." })
    .max(HOTSPOT_PEOPLE_MAX, { error: `Tối đa ${HOTSPOT_PEOPLE_MAX.toLocaleString("vi-VN")} người.` }),
  actions: requiredText(HOTSPOT_ACTIONS_MAX, "Vui lòng ghi việc đang làm để giải quyết."),
});

export const removeHotspotSchema = z.object({ hotspotId: idField(), confirm: z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." }) });

export type AddHotspotInput = z.output<typeof addHotspotSchema>;
export type RemoveHotspotInput = z.output<typeof removeHotspotSchema>;

/** Templates are kept for the levels that report (decision 066); the deadline falls in the month after the period. */
export const TEMPLATE_LEVELS = ["COMMUNE", "DISTRICT", "PROVINCE"] as const;
export const DEADLINE_DAY_MAX = 28;
/** Sending a report needs these sections (`saveReportSchema`): a template keeps them. */
export const REQUIRED_SECTIONS = ["situation", "results"] as const;

const keyList = <K extends string>(keys: readonly K[], message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(keys as [K, ...K[]], { error: message })).max(keys.length, { error: message }))
    // Kept in the canonical order, each once, whatever order the form sent.
    .transform((list) => keys.filter((k) => list.includes(k)));

export const saveTemplateSchema = z
  .object({
    level: z.enum(TEMPLATE_LEVELS, { error: "Cấp không hợp lệ." }),
    kind: z.enum(["MONTH", "QUARTER", "HALF", "YEAR"], { error: "Loại kỳ không hợp lệ." }),
    /** The version the form showed (0: none of the unit's own): another save since then is a conflict. */
    shownVersion: versionField,
    figureKeys: keyList(FIGURE_KEYS, "Chỉ tiêu không hợp lệ."),
    sectionKeys: keyList(SECTION_KEYS, "Phần nội dung không hợp lệ."),
    deadlineDay: z.coerce
      .number({ error: "Ngày không hợp lệ." })
      .int({ error: "Ngày không hợp lệ." })
      .min(1, { error: `Chọn ngày từ 1 đến ${DEADLINE_DAY_MAX}.` })
      .max(DEADLINE_DAY_MAX, { error: `Chọn ngày từ 1 đến ${DEADLINE_DAY_MAX}.` }),
    confirm: z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." }),
  })
  .superRefine((v, ctx) => {
    if (v.figureKeys.length === 0) ctx.addIssue({ code: "custom", path: ["figureKeys"], message: "Chọn ít nhất một chỉ tiêu." });
    for (const k of REQUIRED_SECTIONS) if (!v.sectionKeys.includes(k)) ctx.addIssue({ code: "custom", path: ["sectionKeys"], message: "Mẫu phải có phần tình hình tư tưởng và phần kết quả." });
  });

export type SaveTemplateInput = z.output<typeof saveTemplateSchema>;
