/** The scoring forms (shared by pages and actions; no "use server" here). */
import { z } from "zod";
import { idField, versionField } from "../forms/fields";
import { parseReportPeriod } from "../periodic-reports/period";
import { AUTO_KINDS, LABEL_MAX, MAX_CRITERIA, MAX_POINTS, MAX_WEIGHT, NAME_MAX } from "./rules";

/** How many rows the template form shows at most (the criteria's limit). */
export const MAX_ROWS = MAX_CRITERIA;

export const periodField = z
  .string({ error: "Kỳ chấm điểm không hợp lệ." })
  .max(7, { error: "Kỳ chấm điểm không hợp lệ." })
  .refine((v) => parseReportPeriod(v) !== null, { error: "Kỳ chấm điểm không hợp lệ (YYYY, YYYY-H1, YYYY-H2, YYYY-Qn hoặc YYYY-MM)." });

const decimal = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().replace(",", ".")) : v),
    z.coerce.number({ error: message }).positive({ error: message }).max(max, { error: message }).refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, { error: "Tối đa hai chữ số thập phân." }),
  );

const rowSchema = z.object({
  section: z.string().trim().min(1, { error: "Vui lòng nhập tên phần." }).max(LABEL_MAX, { error: `Tối đa ${LABEL_MAX} ký tự.` }),
  label: z.string().trim().min(1).max(LABEL_MAX, { error: `Tối đa ${LABEL_MAX} ký tự.` }),
  max: decimal(MAX_POINTS, `Điểm tối đa là số lớn hơn 0, không quá ${MAX_POINTS}.`),
  weight: decimal(MAX_WEIGHT, `Trọng số là số lớn hơn 0, không quá ${MAX_WEIGHT}.`),
  auto: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(AUTO_KINDS, { error: "Cách tính không hợp lệ." }).nullable()),
});

const ROW_FIELD = /^row\.(\d{1,3})\.(section|label|max|weight|auto)$/;

/**
 * The form's rows (`row.<n>.<field>`) in order; a row without a criterion's name is an empty row and is
 * left out. A section's name, once typed, carries down to the rows below that leave it empty.
 */
function rowsOfForm(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const [k, v] of Object.entries(raw)) {
    const m = ROW_FIELD.exec(k);
    if (!m || Number(m[1]) >= MAX_ROWS) continue;
    const row = byIndex.get(Number(m[1])) ?? {};
    row[m[2]] = typeof v === "string" ? v : undefined;
    byIndex.set(Number(m[1]), row);
  }
  let section = "";
  const rows: unknown[] = [];
  for (const [index, row] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    if (typeof row.section === "string" && row.section.trim()) section = row.section;
    if (typeof row.label !== "string" || !row.label.trim()) continue;
    rows.push({ ...row, index, section: typeof row.section === "string" && row.section.trim() ? row.section : section });
  }
  return { ...(raw as Record<string, unknown>), rows };
}

type Row = z.output<typeof rowSchema>;

/** Each row checked on its own, its errors named by the form's field (`row.<n>.max`), so the form shows them by the field. */
export const templateSchema = z.preprocess(
  rowsOfForm,
  z
    .object({
      unitId: idField(),
      name: z.string({ error: "Vui lòng nhập tên bảng chấm điểm." }).trim().min(1, { error: "Vui lòng nhập tên bảng chấm điểm." }).max(NAME_MAX, { error: `Tối đa ${NAME_MAX} ký tự.` }),
      rows: z.array(z.object({ index: z.number() }).passthrough()).min(1, { error: "Cần ít nhất một tiêu chí." }).max(MAX_ROWS, { error: `Tối đa ${MAX_ROWS} tiêu chí.` }),
    })
    .transform((v, ctx) => {
      const rows: Row[] = [];
      for (const raw of v.rows) {
        const row = rowSchema.safeParse(raw);
        if (row.success) rows.push(row.data);
        else for (const issue of row.error.issues) ctx.addIssue({ code: "custom", path: [`row.${raw.index}.${String(issue.path[0])}`], message: issue.message });
      }
      return { unitId: v.unitId, name: v.name, rows };
    }),
);

const WHOLE_PERCENT = "Tỷ lệ phải là số nguyên từ 1 đến 100.";
export const weakestShareSchema = z.object({
  unitId: idField(),
  weakestShare: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: WHOLE_PERCENT }).int({ error: WHOLE_PERCENT }).min(1, { error: WHOLE_PERCENT }).max(100, { error: WHOLE_PERCENT }),
  ),
});

const SCORE_FIELD = /^score\.(c\d{1,3})$/;

/** The sheet's form: the village, the period, the sheet's version (0 for a new sheet), and `score.<key>` per typed criterion. */
export const sheetSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const points: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      const m = SCORE_FIELD.exec(k);
      if (m && typeof v === "string") points[m[1]] = v;
    }
    return { ...(raw as Record<string, unknown>), points };
  },
  z.object({
    villageId: idField(),
    period: periodField,
    version: versionField,
    note: z.string().max(2000, { error: "Tối đa 2.000 ký tự." }).optional(),
    // Bounds against the template are checked by the mutation, which knows the criteria.
    points: z.record(
      z.string(),
      z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().replace(",", ".")) : v), z.coerce.number({ error: "Điểm không hợp lệ." }).finite({ error: "Điểm không hợp lệ." }).optional()),
    ),
  }),
);

export type TemplateInput = z.output<typeof templateSchema>;
export type WeakestShareInput = z.output<typeof weakestShareSchema>;
export type SheetInput = z.output<typeof sheetSchema>;
